# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The rules a form declares between its fields, and how each is checked on a draft.

The form file says which fields a rule ties together and what to say (``docs/forms.md``);
each rule class says which placeholders its message may use and which kinds its fields
must be, so ``form-check`` finds a rule that could never fire or would crash. Numbers
may be a field, a computed field or a table's column, whose rows are summed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import Field

from finsam_desktop.forms.kinds.base import Frozen
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem, Severity

if TYPE_CHECKING:
    from finsam_desktop.forms.values import Values

# What a rule's field must hold, for form-check: a date, a number, or anything written.
Needs = Literal["date", "number", "any"]


class RuleBase(Frozen):
    severity: Severity = "fel"
    message: str
    placeholders: ClassVar[frozenset[str]] = frozenset()

    def fields(self) -> Iterator[tuple[str, str, Needs]]:
        """``(attribute, path, what it must hold)`` for each field the rule names."""
        return iter(())

    def messages(self) -> Iterator[tuple[str, str, frozenset[str]]]:
        """``(attribute, message, its placeholders)`` for each message of the rule."""
        yield "message", self.message, self.placeholders

    def problems(self, values: Values, today: date) -> Iterator[Problem]:
        return iter(())

    def required(self, values: Values) -> list[FieldPath]:
        """The fields this rule makes required in this draft."""
        return []


def _path(text: str) -> FieldPath:
    return FieldPath.parse(text)


class DateOrder(RuleBase):
    """``first`` is on or before ``then``; the problem stands at ``then``."""

    kind: Literal["date_order"]
    first: str
    then: str
    placeholders: ClassVar[frozenset[str]] = frozenset({"first", "then"})

    def fields(self) -> Iterator[tuple[str, str, Needs]]:
        yield "first", self.first, "date"
        yield "then", self.then, "date"

    def problems(self, values: Values, today: date) -> Iterator[Problem]:
        first, then = values.date(_path(self.first)), values.date(_path(self.then))
        if first and then and first > then:
            yield Problem(_path(self.then), self.severity, self.message.format(first=first.isoformat(), then=then.isoformat()))


class NotFuture(RuleBase):
    """A date that has not come yet."""

    kind: Literal["not_future"]
    field: str
    placeholders: ClassVar[frozenset[str]] = frozenset({"value", "today"})

    def fields(self) -> Iterator[tuple[str, str, Needs]]:
        yield "field", self.field, "date"

    def problems(self, values: Values, today: date) -> Iterator[Problem]:
        value = values.date(_path(self.field))
        if value and value > today:
            yield Problem(_path(self.field), self.severity, self.message.format(value=value.isoformat(), today=today.isoformat()))


class AtMost(RuleBase):
    """A number (or a column's sum) no more than another. When ``explained_by`` is written,
    ``explained_message`` is shown as a varning instead; ``at`` is where the message stands
    (the field itself unless the form says)."""

    kind: Literal["at_most"]
    field: str
    limit: str
    at: str = ""
    explained_by: str = ""
    explained_message: str = ""
    placeholders: ClassVar[frozenset[str]] = frozenset({"value", "limit"})

    def fields(self) -> Iterator[tuple[str, str, Needs]]:
        yield "field", self.field, "number"
        yield "limit", self.limit, "number"
        if self.at:
            yield "at", self.at, "any"
        if self.explained_by:
            yield "explained_by", self.explained_by, "any"

    def messages(self) -> Iterator[tuple[str, str, frozenset[str]]]:
        yield from super().messages()
        if self.explained_message:
            yield "explained_message", self.explained_message, self.placeholders

    def problems(self, values: Values, today: date) -> Iterator[Problem]:
        field = _path(self.field)
        value, limit = values.number(field), values.number(_path(self.limit))
        if value is None or limit is None or value <= limit:
            return
        explained = bool(self.explained_by) and not values.is_blank(_path(self.explained_by))
        message = self.explained_message if explained and self.explained_message else self.message
        severity: Severity = "varning" if explained else self.severity
        shown = {"value": values.format_number(field, value), "limit": values.format_number(_path(self.limit), limit)}
        yield Problem(_path(self.at) if self.at else field, severity, message.format(**shown))


class SumEquals(RuleBase):
    """A column's sum equals a stated number; the problem stands at the table."""

    kind: Literal["sum_equals"]
    column: str
    field: str
    placeholders: ClassVar[frozenset[str]] = frozenset({"sum", "value"})

    def fields(self) -> Iterator[tuple[str, str, Needs]]:
        yield "column", self.column, "number"
        yield "field", self.field, "number"

    def problems(self, values: Values, today: date) -> Iterator[Problem]:
        column = _path(self.column)
        total, value = values.number(column), values.number(_path(self.field))
        if total is not None and value is not None and total != value:
            shown = {"sum": values.format_number(column, total), "value": values.format_number(_path(self.field), value)}
            yield Problem(column.parent, self.severity, self.message.format(**shown))


class Case(Frozen):
    field: str
    required: bool = True
    reason: str = ""
    hint: str = ""


CaseName = Literal["equal", "less", "greater"]


class RequiredCase(RuleBase):
    """Which answer is required depends on how two numbers compare (``left`` to ``right``):
    ``equal``, ``less`` or ``greater``. While a number is missing, one of the answers must
    be written (``message`` at ``at``). The required answer's message is ``case_message``;
    ``hint`` and ``unknown_hint`` tell the page of the answers which one applies."""

    kind: Literal["required_case"]
    left: str
    right: str
    at: str
    equal: Case
    less: Case
    greater: Case
    case_message: str = ""
    unknown_hint: str = ""
    placeholders: ClassVar[frozenset[str]] = frozenset()
    case_placeholders: ClassVar[frozenset[str]] = frozenset({"number", "label", "reason"})

    def cases(self) -> tuple[tuple[CaseName, Case], ...]:
        return (("equal", self.equal), ("less", self.less), ("greater", self.greater))

    def fields(self) -> Iterator[tuple[str, str, Needs]]:
        yield "left", self.left, "number"
        yield "right", self.right, "number"
        yield "at", self.at, "any"
        for name, case in self.cases():
            yield f"{name}.field", case.field, "any"

    def messages(self) -> Iterator[tuple[str, str, frozenset[str]]]:
        yield from super().messages()
        if self.case_message:
            yield "case_message", self.case_message, self.case_placeholders

    def applying(self, values: Values) -> Case | None:
        """The case the two numbers point to, or None while one is unknown."""
        left, right = values.number(_path(self.left)), values.number(_path(self.right))
        if left is None or right is None:
            return None
        return self.equal if left == right else self.less if left < right else self.greater

    def hint(self, values: Values) -> str:
        case = self.applying(values)
        return case.hint if case else self.unknown_hint

    def problems(self, values: Values, today: date) -> Iterator[Problem]:
        case = self.applying(values)
        if case is None:
            if all(values.is_blank(_path(each.field)) for _name, each in self.cases()):
                yield Problem(_path(self.at), self.severity, self.message)
            return
        if case.required and values.is_blank(_path(case.field)):
            spec = values.form.spec_at(_path(case.field))
            message = self.case_message.format(number=spec.number, label=spec.label, reason=case.reason)
            yield Problem(_path(case.field), self.severity, message)

    def required(self, values: Values) -> list[FieldPath]:
        case = self.applying(values)
        if case is None:
            return [_path(self.at)]
        return [_path(case.field)] if case.required else []


Rule = Annotated[DateOrder | NotFuture | AtMost | SumEquals | RequiredCase, Field(discriminator="kind")]
RULES: tuple[type[RuleBase], ...] = (DateOrder, NotFuture, AtMost, SumEquals, RequiredCase)


def rule_problems(values: Values, rules: tuple[RuleBase, ...], today: date) -> Iterator[Problem]:
    """Every rule's problems; a field gets one at most, from the first rule in the file."""
    taken: set[FieldPath] = set()
    for rule in rules:
        for problem in rule.problems(values, today):
            if problem.path not in taken:
                taken.add(problem.path)
                yield problem


def required_by_rules(values: Values, rules: tuple[RuleBase, ...]) -> list[FieldPath]:
    return [path for rule in rules for path in rule.required(values)]


def page_hints(values: Values, rules: tuple[RuleBase, ...]) -> dict[FieldPath, str]:
    """What the page of a case's answers says about which one applies, by the answer that
    comes first in the form."""
    hints = {}
    for rule in rules:
        if isinstance(rule, RequiredCase) and (rule.unknown_hint or any(case.hint for _name, case in rule.cases())):
            first = min((_path(case.field) for _name, case in rule.cases()), key=values.form.position)
            hints[first] = rule.hint(values)
    return hints
