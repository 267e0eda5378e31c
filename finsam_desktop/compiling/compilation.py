# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What the office has read so far, which copies count, and the rows of its tables: one
place the command line, the window and the benchmark share."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from finsam_desktop.compiling.copies import choose_copies
from finsam_desktop.compiling.names import plain_name
from finsam_desktop.compiling.received import Received, Unread, accounted, read_all
from finsam_desktop.compiling.rows import InsatsRow, insats_row
from finsam_desktop.roles import form_of

CHOSEN_AWAY = "bortvald av dig"


def _same_file(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


@dataclass
class Compilation:
    reports: list[Received] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    chosen_by_hand: dict[str, bool] = field(default_factory=dict)  # the office's own ticks, kept as files are added

    def new_files(self, paths: Iterable[Path]) -> list[Path]:
        """The readable files among ``paths`` not read before; the others are listed at once."""
        readable, others = accounted(paths)
        known = {_same_file(each.source) for each in self.reports} | {_same_file(each.source) for each in self.unread}
        self.unread += [each for each in others if _same_file(each.source) not in known]
        return [path for path in readable if _same_file(path) not in known]

    def take(self, read: Received | Unread) -> None:
        if isinstance(read, Received):
            self.reports.append(read)
        else:
            self.unread.append(read)

    def read(self, paths: Iterable[Path], progress: Callable[[int, Path], bool] = lambda _done, _path: True) -> None:
        for each in read_all(self.new_files(paths), progress):
            self.take(each)
        self.settle()

    def settle(self) -> None:
        """Which copies count: the complete and newest of each insats, then the office's own choice."""
        choose_copies(self.reports)
        for report in self.reports:
            chosen = self.chosen_by_hand.get(_same_file(report.source))
            if chosen is not None:
                report.chosen = chosen
                report.left_out = "" if chosen else (report.left_out or CHOSEN_AWAY)

    def choose(self, report: Received, chosen: bool) -> None:
        self.chosen_by_hand[_same_file(report.source)] = chosen
        self.settle()

    def clear(self) -> None:
        self.reports, self.unread, self.chosen_by_hand = [], [], {}

    @property
    def failures(self) -> list[Unread]:
        return [each for each in self.unread if not each.skipped]

    @property
    def left_out(self) -> list[Received]:
        return [report for report in self.reports if not report.chosen]

    def roles_present(self) -> set[str]:
        """The roles some counted report's form has: a column for any other stays empty."""
        return {
            role
            for report in self.reports
            if report.chosen
            for role, path in form_of(report.draft).roles.model_dump().items()
            if path
        }

    def said(self) -> list[str]:
        """A line for every file, in name order: read (with its fel and varningar), left out
        and why, or not read and why; a near match's line says what to check."""
        lines: list[tuple[str, str]] = []
        for report in self.reports:
            name = report.name or "(utan namn)"
            if report.chosen:
                lines.append((str(report.source), f"{report.source}: inläst: {name} ({report.counts})"))
                if report.to_confirm:
                    lines.append((str(report.source), f"{report.source}: kontrollera: {report.to_confirm}"))
            else:
                lines.append((str(report.source), f"{report.source}: inte med: {name}: {report.left_out}"))
        for each in self.unread:
            verb = "hoppas över" if each.skipped else "kunde inte läsas"
            lines.append((str(each.source), f"{each.source}: {verb}: {each.reason}"))
        return [line for _source, line in sorted(lines, key=lambda entry: entry[0].lower())]

    def rows(self) -> list[InsatsRow]:
        """One row per counted report; where several insatser share a name, each row reads
        ``Insats – huvudman`` (and its period, should that still not tell them apart)."""
        rows = [
            dataclasses.replace(insats_row(report.draft, report.source.name), to_confirm=report.to_confirm)
            for report in self.reports
            if report.chosen
        ]
        for _round in (_with_organisation, _with_period):
            shared = Counter(plain_name(row.title) for row in rows)
            rows = [_round(row) if row.name and shared[plain_name(row.title)] > 1 else row for row in rows]
        return rows


def _with_organisation(row: InsatsRow) -> InsatsRow:
    return dataclasses.replace(row, title=f"{row.name} – {row.organisation}") if row.organisation else row


def _with_period(row: InsatsRow) -> InsatsRow:
    years = "–".join(dict.fromkeys(str(day.year) for day in (row.start, row.end) if day))
    return dataclasses.replace(row, title=f"{row.title} ({years})") if years else row
