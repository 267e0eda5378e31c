# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""One insats as the annual report tabulates it, from any form's report through its roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report
from finsam_desktop.roles import form_of, role_number, role_path, role_text


@dataclass(frozen=True)
class InsatsRow:
    """``title`` is the name the tables show: ``Insats – huvudman`` where names are shared."""

    name: str
    organisation: str
    start: date | None
    end: date | None
    granted: int | None
    used: int | None
    partners: str
    contact: str
    email: str
    purpose: str
    target_group: str
    goals: str
    results: str
    goals_and_results: str
    source: str
    comment: str = ""
    to_confirm: str = ""
    title: str = ""
    women: int | None = None
    men: int | None = None


def _partners(values: Values, form: FormSpec) -> str:
    path = role_path(form, "partners")
    found = values.value(path) if path is not None else None
    return ", ".join(str(text) for text in found or [] if text) if isinstance(found, list) else ""


def _column(form: FormSpec, role: str) -> FieldPath | None:
    """The key path inside a goal's row of the column playing ``role``."""
    path, goals = role_path(form, role), role_path(form, "goals")
    return path.relative_to(goals) if path is not None and goals is not None and path.is_within(goals) else None


def _goals(values: Values, form: FormSpec) -> tuple[str, str, str]:
    """The goals, their results (with whether each was reached), and both together as
    ``Mål: … Resultat: …`` lines."""
    goals_path = role_path(form, "goals")
    if goals_path is None:
        return "", "", ""
    spec = form.spec_at(goals_path)
    goal, result, reached = (_column(form, role) for role in ("goal", "result", "reached"))
    goals, results, both = [], [], []
    for index in range(len(values.node(goals_path) or [])):
        row = goals_path.row(index)

        def said(column: FieldPath | None, row: FieldPath = row) -> str:
            return values.printed(row.joined(column)).strip() if column is not None else ""

        if said(goal):
            goals.append(said(goal))
        if said(result):
            judged = f" ({form.spec_at(goals_path.joined(reached)).label}: {said(reached)})" if reached and said(reached) else ""
            results.append(said(result) + judged)
        parts = [f"{item.label}: {text}" for key, item in spec.children() if item.has_value and (text := said(FieldPath.of(key)))]
        if parts:
            both.append(" ".join(parts))
    return "\n".join(goals), "\n".join(results), "\n".join(both)


def period_of(draft: Report) -> tuple[date | None, date | None]:
    """The insats's first and last day, as far as the report gives them."""
    form = form_of(draft)
    path = role_path(form, "period")
    if path is None:
        return None, None
    values = Values(draft, form)
    parts = [path.child(key) for key, _spec in form.spec_at(path).children()]
    return (values.date(parts[0]), values.date(parts[-1])) if parts else (None, None)


def _whole(amount: float | None) -> int | None:
    return None if amount is None else round(amount)


def insats_row(draft: Report, source: str) -> InsatsRow:
    form = form_of(draft)
    values = Values(draft, form)
    start, end = period_of(draft)
    goals, results, both = _goals(values, form)
    return InsatsRow(
        name=role_text(draft, "name"),
        organisation=role_text(draft, "organisation"),
        start=start,
        end=end,
        granted=_whole(role_number(draft, "granted")),
        used=_whole(role_number(draft, "used")),
        partners=_partners(values, form),
        contact=role_text(draft, "contact"),
        email=role_text(draft, "contact_email"),
        purpose=role_text(draft, "purpose"),
        target_group=role_text(draft, "target_group"),
        goals=goals,
        results=results,
        goals_and_results=both,
        source=source,
        comment=role_text(draft, "comment"),
        title=role_text(draft, "name"),
        women=_whole(role_number(draft, "women")),
        men=_whole(role_number(draft, "men")),
    )
