"""One insats as the annual report tabulates it, from any form's report through its roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from finsam_desktop.model import Entry, Report, text_of, value_at
from finsam_desktop.roles import form_of, role_node, role_text
from finsam_desktop.rules import amount


@dataclass(frozen=True)
class InsatsRow:
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


def _date(node: object) -> date | None:
    value = node.value if isinstance(node, Entry) else None
    return value if isinstance(value, date) else None


def _partners(draft: Report) -> str:
    path = form_of(draft).roles.partners
    if not path:
        return ""
    rows_path, _, column = path.rpartition(".")
    return ", ".join(text for row in value_at(draft, rows_path) if (text := text_of(getattr(row, column)).strip()))


def _goals(draft: Report) -> tuple[str, str, str]:
    """The goals, their results (with whether each was reached), and both together as
    ``Mål: … Resultat: …`` lines."""
    form = form_of(draft)
    path = form.roles.goals
    if not path:
        return "", "", ""
    spec = form.field(path)
    texts = [item for item in spec.items if item.kind in {"answer", "text", "lines"}]
    goal, result = (texts[0], texts[-1]) if texts else (None, None)
    goals, results, both = [], [], []
    for row in value_at(draft, path):
        said = {item.key: text_of(getattr(row, item.key)).strip() for item in spec.items}
        if goal is not None and said[goal.key]:
            goals.append(said[goal.key])
        reached = [f"{item.label}: {said[item.key]}" for item in spec.items if item.kind == "choice" and said[item.key]]
        if result is not None and result is not goal and said[result.key]:
            results.append(" ".join([said[result.key], *(f"({text})" for text in reached)]))
        parts = [f"{item.label}: {said[item.key]}" for item in spec.items if said[item.key]]
        if parts:
            both.append(" ".join(parts))
    return "\n".join(goals), "\n".join(results), "\n".join(both)


def insats_row(draft: Report, source: str) -> InsatsRow:
    form = form_of(draft)
    period = role_node(draft, "period")
    parts = list(form.field(form.roles.period).parts) if form.roles.period else []
    start = _date(getattr(period, parts[0])) if period is not None and parts else None
    end = _date(getattr(period, parts[-1])) if period is not None and parts else None
    goals, results, both = _goals(draft)
    return InsatsRow(
        name=role_text(draft, "name"),
        organisation=role_text(draft, "organisation"),
        start=start,
        end=end,
        granted=amount(draft, form, form.roles.granted),
        used=amount(draft, form, form.roles.used),
        partners=_partners(draft),
        contact=role_text(draft, "contact"),
        email=role_text(draft, "contact_email"),
        purpose=role_text(draft, "purpose"),
        target_group=role_text(draft, "target_group"),
        goals=goals,
        results=results,
        goals_and_results=both,
        source=source,
    )
