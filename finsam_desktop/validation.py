# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Rules over a draft: what is wrong or doubtful, where, and how to put it right.

Validation never changes the draft. Each :class:`Problem` names the field path, a
severity (``fel`` blocks a final export, ``varning`` does not) and a Swedish message
that says what is wrong and how to fix it. Each field is checked by its kind; the rules
that tie fields together come after. A field hidden by its condition is not checked, but
one that still holds text says so, since that text will not be printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from finsam_desktop.forms.kinds import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import FEL, VARNING, Problem, Severity, has_errors, is_blank
from finsam_desktop.forms.rules import required_by_rules, rule_problems
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Part, Report
from finsam_desktop.roles import form_of

__all__ = ["FEL", "VARNING", "Problem", "Severity", "has_errors", "is_blank", "is_unwritten", "validate"]


class _Check:
    """One validation pass over the draft's values. A field the form's rules require says
    so in the rule's own words, so a field is required here by the form and its conditions."""

    def __init__(self, draft: Report, form: FormSpec, today: date) -> None:
        self.values = Values(draft, form)
        self.today = today

    def is_required(self, path: FieldPath, spec: FieldBase) -> bool:
        return self.values.required_by_condition(path, spec)

    def is_shown(self, path: FieldPath, spec: FieldBase) -> bool:
        return self.values.is_shown(path, spec)


def is_unwritten(node: object) -> bool:
    """Nothing typed: a blank text, a list of blank rows, a date range with no dates."""
    if isinstance(node, list):
        return all(is_unwritten(row) for row in node)
    if isinstance(node, Part):
        return all(is_unwritten(getattr(node, name)) for name in type(node).model_fields)
    raw = getattr(node, "raw", node)
    return is_blank(str(raw))


def _hidden_message(spec: FieldBase) -> str:
    return (
        f"{spec.title} visas inte i rapporten med de svar du har gett, men det du skrev där finns kvar i utkastet. "
        "Töm fältet om texten inte behövs."
    )


def _each_field(check: _Check, form: FormSpec) -> Iterator[Problem]:
    for path, spec, _section in form.fields():
        if not spec.has_value:
            continue
        node = path.get(check.values.draft)
        if not check.is_shown(path, spec):
            if spec.hidden_text(node):
                yield Problem(path, VARNING, _hidden_message(spec))
            continue
        yield from spec.problems(path, node, check)


def validate(draft: Report, today: date | None = None, form: FormSpec | None = None) -> list[Problem]:
    """Every problem in the draft, in the order of the form's fields."""
    form = form or form_of(draft)
    check = _Check(draft, form, today or date.today())
    problems = [*_each_field(check, form), *rule_problems(check.values, form.rules, check.today)]
    return sorted(problems, key=lambda problem: form.position(problem.path))


def required_paths(draft: Report, form: FormSpec | None = None) -> list[FieldPath]:
    """The fields a complete report must have valid: those the form requires (shown ones),
    and those its conditions and rules require for this draft."""
    form = form or form_of(draft)
    values = Values(draft, form)
    paths: list[FieldPath] = []
    for path, spec, _section in form.fields():
        if not spec.has_value or not values.is_shown(path, spec) or not values.required_by_condition(path, spec):
            continue
        children = [path.child(key) for key, _child in spec.children()] if spec.parts_required else []
        paths += children or [path]
    return paths + required_by_rules(values, form.rules)


def completeness(draft: Report, problems: list[Problem], form: FormSpec | None = None) -> float:
    """Share of required fields (0–1) that are filled in without a ``fel``."""
    paths = required_paths(draft, form)
    failing = [problem.path for problem in problems if problem.severity == FEL]

    def valid(path: FieldPath) -> bool:
        return not any(bad.is_within(path) for bad in failing)

    return sum(map(valid, paths)) / len(paths) if paths else 1.0


def report_completeness(draft: Report, today: date | None = None) -> float:
    """Completeness of a draft on its own, as the drafts list shows it."""
    return completeness(draft, validate(draft, today))
