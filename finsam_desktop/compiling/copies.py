# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The same insats received more than once: one copy counts, the others say why they do
not; a copy that only looks like another is flagged for the office, never merged."""

from __future__ import annotations

from itertools import combinations

from finsam_desktop.compiling.names import alike
from finsam_desktop.compiling.received import Received


def _why_not(left: Received, kept: Received) -> str:
    name = left.name or kept.name or "insatsen"
    if kept.has_amounts and not left.has_amounts:
        return f"saknar belopp. ”{kept.source.name}” har beloppen för samma insats och räknas i stället."
    return f"äldre version av ”{name}”. ”{kept.source.name}” räknas i stället."


def choose_copies(reports: list[Received]) -> None:
    """Of each insats's copies the complete one counts (amounts given), the newest among
    equals; the others are left out with the reason. Reports that may be one insats but
    cannot be told apart by name, organisation and period are marked to confirm."""
    groups: dict[tuple[object, ...], list[Received]] = {}
    for report in reports:
        report.chosen, report.left_out, report.to_confirm = True, "", ""
        if report.key[0]:
            groups.setdefault(report.key, []).append(report)
    counted = []
    for group in groups.values():
        kept = max(group, key=lambda report: (report.has_amounts, report.dated))
        counted.append(kept)
        for report in group:
            if report is not kept:
                report.chosen, report.left_out = False, _why_not(report, kept)
    for first, second in combinations(counted, 2):
        if _maybe_one(first, second):
            for one, other in ((first, second), (second, first)):
                one.to_confirm = one.to_confirm or (
                    f"liknar ”{other.name}” i ”{other.source.name}”: kontrollera om det är samma insats"
                )


def _maybe_one(first: Received, second: Received) -> bool:
    """Two insatser the office should look at: the same or nearly the same name and no two
    different organisations to tell them apart (their periods differ, or one is missing)."""
    (name, organisation, _period), (other_name, other_organisation, _other_period) = first.key, second.key
    if name != other_name and not alike(name, other_name):
        return False
    return not (organisation and other_organisation and organisation != other_organisation)  # Trisam 2.0 in Hofors and Ockelbo
