"""The rules a form declares between its fields, applied to a draft.

The form file says which fields each rule ties together and what to say (see
``finsam_desktop.form`` and ``docs/forms.md``); this module is the same for every form.
Amounts may be a field or a table's column, whose rows are summed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from finsam_desktop.form import AtMost, Case, DateOrder, FormSpec, NotFuture, RequiredCase, SumEquals
from finsam_desktop.model import Entry, Report, text_of, value_at
from finsam_desktop.parsing import format_kronor

CaseName = Literal["equal", "less", "greater"]


def is_blank(text: str) -> bool:
    """Whitespace and invisible control characters alone count as nothing written."""
    return not any(not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf"} for char in text)


@dataclass(frozen=True)
class RuleProblem:
    path: str
    severity: Literal["fel", "varning"]
    message: str


def column_of(form: FormSpec, path: str) -> tuple[str, str] | None:
    """``(table path, column key)`` when ``path`` names a whole column of a table."""
    table_path, _, column = path.rpartition(".")
    for candidate, spec, _section in form.fields():
        if candidate == table_path and spec.kind in {"list", "table"} and any(item.key == column for item in spec.items):
            return table_path, column
    return None


def _value(draft: Report, path: str) -> Any:
    try:
        node = value_at(draft, path)
    except (IndexError, KeyError, AttributeError):
        return None
    return node.value if isinstance(node, Entry) else None


def amount(draft: Report, form: FormSpec, path: str) -> int | None:
    """An amount in kronor: the field's, or the sum of a column (None when nothing is known)."""
    column = column_of(form, path)
    if column is None:
        value = _value(draft, path)
        return value if isinstance(value, int) else None
    values = [getattr(row, column[1]).value for row in value_at(draft, column[0])]
    known = [value for value in values if isinstance(value, int)]
    return sum(known) if known else None


def _date(draft: Report, path: str) -> date | None:
    value = _value(draft, path)
    return value if isinstance(value, date) else None


def case_of(draft: Report, form: FormSpec, rule: RequiredCase) -> CaseName | None:
    """Which case the two amounts are in, or None while one is unknown."""
    left, right = amount(draft, form, rule.left), amount(draft, form, rule.right)
    if left is None or right is None:
        return None
    return "equal" if left == right else "less" if left < right else "greater"


def case_rule(form: FormSpec) -> RequiredCase | None:
    return next((rule for rule in form.rules if isinstance(rule, RequiredCase)), None)


def applying_case(draft: Report, form: FormSpec) -> Case | None:
    """The case of the form's required-case rule that the draft's amounts point to."""
    rule = case_rule(form)
    name = case_of(draft, form, rule) if rule else None
    return getattr(rule, name) if rule and name else None


def case_hint(draft: Report, form: FormSpec) -> str:
    """What the page of the case's answers says about which one to write."""
    rule = case_rule(form)
    if rule is None:
        return ""
    case = applying_case(draft, form)
    return case.hint if case else rule.unknown_hint


def _date_order(draft: Report, rule: DateOrder) -> Iterator[RuleProblem]:
    first, then = _date(draft, rule.first), _date(draft, rule.then)
    if first and then and first > then:
        yield RuleProblem(rule.then, rule.severity, rule.message.format(first=first.isoformat(), then=then.isoformat()))


def _not_future(draft: Report, rule: NotFuture, today: date) -> Iterator[RuleProblem]:
    value = _date(draft, rule.field)
    if value and value > today:
        yield RuleProblem(rule.field, rule.severity, rule.message.format(value=value.isoformat(), today=today.isoformat()))


def _at_most(draft: Report, form: FormSpec, rule: AtMost) -> Iterator[RuleProblem]:
    value, limit = amount(draft, form, rule.field), amount(draft, form, rule.limit)
    if value is None or limit is None or value <= limit:
        return
    explained = bool(rule.explained_by) and not is_blank(text_of(value_at(draft, rule.explained_by)))
    message = rule.explained_message if explained else rule.message
    severity = "varning" if explained else rule.severity
    yield RuleProblem(rule.field, severity, message.format(value=format_kronor(value), limit=format_kronor(limit)))


def _sum_equals(draft: Report, form: FormSpec, rule: SumEquals) -> Iterator[RuleProblem]:
    total, value = amount(draft, form, rule.column), amount(draft, form, rule.field)
    if total is not None and value is not None and total != value:
        message = rule.message.format(sum=format_kronor(total), value=format_kronor(value))
        yield RuleProblem(rule.column.rpartition(".")[0], rule.severity, message)


def _required_case(draft: Report, form: FormSpec, rule: RequiredCase) -> Iterator[RuleProblem]:
    name = case_of(draft, form, rule)
    if name is None:
        answers = {case.field for case in (rule.equal, rule.less, rule.greater)}
        if all(is_blank(text_of(value_at(draft, path))) for path in answers):
            yield RuleProblem(rule.at, rule.severity, rule.message)
        return
    case: Case = getattr(rule, name)
    if case.required and is_blank(text_of(value_at(draft, case.field))):
        spec = form.field(case.field)
        yield RuleProblem(
            case.field, rule.severity, rule.case_message.format(number=spec.number, label=spec.label, reason=case.reason)
        )


def required_by_rules(draft: Report, form: FormSpec) -> list[str]:
    """The answers the rules make required for this draft (or the rule's place while unknown)."""
    rule = case_rule(form)
    if rule is None:
        return []
    case = applying_case(draft, form)
    if case is None:
        return [rule.at]
    return [case.field] if case.required else []


def rule_problems(draft: Report, form: FormSpec, today: date) -> Iterator[RuleProblem]:
    """Every rule's problems; a field gets one at most, from the first rule in the file."""
    taken: set[str] = set()
    for rule in form.rules:
        match rule:
            case DateOrder():
                found = _date_order(draft, rule)
            case NotFuture():
                found = _not_future(draft, rule, today)
            case AtMost():
                found = _at_most(draft, form, rule)
            case SumEquals():
                found = _sum_equals(draft, form, rule)
            case RequiredCase():
                found = _required_case(draft, form, rule)
        for problem in found:
            if problem.path not in taken:
                taken.add(problem.path)
                yield problem
