# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Conditions and computed values over a draft's fields, as a form file writes them.

``show_if = "insats.klar = 'Nej'"``, ``compute = "budget - utfall"``,
``compute = "sum(kostnader.utfall) / insats.beviljat * 100"``: a small language of
field names, numbers, 'text', arithmetic, comparisons, ``and``/``or``/``not``, ``in (…)``
and the functions below, parsed once and evaluated by walking the tree (never ``eval``).
A field that is empty or not understood is unknown (None): arithmetic with it is unknown,
a comparison with it is unknown, and an unknown condition does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from finsam_desktop.forms.paths import FieldPath, InvalidPath

MAX_EXPRESSION = 2000
MAX_DEPTH = 50
_TOKEN = re.compile(
    r"\s*(?:(?P<number>[0-9]+(?:\.[0-9]+)?)|(?P<text>'[^']*'|\"[^\"]*\")|(?P<name>[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)"
    r"|(?P<op><=|>=|==|!=|<>|[-+*/()<>=,]))"
)
WORDS = {"and", "or", "not", "in", "true", "false"}


class ExpressionError(ValueError):
    """An expression that cannot be read; ``str()`` says why, in Swedish."""


@dataclass(frozen=True)
class Literal:
    value: Any


@dataclass(frozen=True)
class Name:
    path: FieldPath


@dataclass(frozen=True)
class Call:
    function: str
    arguments: tuple[Node, ...]


@dataclass(frozen=True)
class Unary:
    operator: str
    operand: Node


@dataclass(frozen=True)
class Binary:
    operator: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Among:
    operand: Node
    options: tuple[Node, ...]


Node = Literal | Name | Call | Unary | Binary | Among


def names_in(node: Node) -> Iterator[FieldPath]:
    """Every field an expression reads."""
    match node:
        case Name(path):
            yield path
        case Call(_function, arguments):
            for argument in arguments:
                yield from names_in(argument)
        case Unary(_operator, operand):
            yield from names_in(operand)
        case Binary(_operator, left, right):
            yield from names_in(left)
            yield from names_in(right)
        case Among(operand, options):
            yield from names_in(operand)
            for option in options:
                yield from names_in(option)


# --- reading ---------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        if len(text) > MAX_EXPRESSION:
            raise ExpressionError(f"uttrycket är för långt ({len(text)} tecken)")
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(text):
            if not text[position:].strip():
                break
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                raise ExpressionError(f"tecknet ”{text[position:].strip()[0]}” kan inte stå i ett uttryck")
            token = match.lastgroup or ""
            self.tokens.append((token, match.group(token)))
            position = match.end()
        self.index = 0
        self.depth = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.index] if self.index < len(self.tokens) else ("end", "")

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if value is not None and token[1] != value:
            found = f"”{token[1]}”" if token[1] else "slutet"
            raise ExpressionError(f"väntade ”{value}” men fann {found}")
        self.index += 1
        return token

    def is_word(self, word: str) -> bool:
        return self.peek() == ("name", word)

    def whole(self) -> Node:
        if not self.tokens:
            raise ExpressionError("uttrycket är tomt")
        node = self.either()
        if self.peek()[0] != "end":
            raise ExpressionError(f"”{self.peek()[1]}” står där uttrycket borde sluta")
        return node

    def either(self) -> Node:
        node = self.both()
        while self.is_word("or"):
            self.take()
            node = Binary("or", node, self.both())
        return node

    def both(self) -> Node:
        node = self.negation()
        while self.is_word("and"):
            self.take()
            node = Binary("and", node, self.negation())
        return node

    def negation(self) -> Node:
        if self.is_word("not"):
            self.take()
            return Unary("not", self.negation())
        return self.comparison()

    def comparison(self) -> Node:
        node = self.sum()
        token, value = self.peek()
        if token == "op" and value in {"=", "==", "!=", "<>", "<", "<=", ">", ">="}:
            self.take()
            operator = {"==": "=", "<>": "!="}.get(value, value)
            return Binary(operator, node, self.sum())
        if self.is_word("in"):
            self.take()
            self.take("(")
            options = [self.sum()]
            while self.peek()[1] == ",":
                self.take()
                options.append(self.sum())
            self.take(")")
            return Among(node, tuple(options))
        return node

    def sum(self) -> Node:
        node = self.product()
        while self.peek() in {("op", "+"), ("op", "-")}:
            node = Binary(self.take()[1], node, self.product())
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.peek() in {("op", "*"), ("op", "/")}:
            node = Binary(self.take()[1], node, self.unary())
        return node

    def unary(self) -> Node:
        if self.peek() == ("op", "-"):
            self.take()
            return Unary("-", self.unary())
        return self.atom()

    def atom(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("uttrycket är nästlat för djupt")
        try:
            return self.plain_atom()
        finally:
            self.depth -= 1

    def plain_atom(self) -> Node:
        token, value = self.take()
        if token == "number":
            return Literal(float(value) if "." in value else int(value))
        if token == "text":
            return Literal(value[1:-1])
        if token == "op" and value == "(":
            node = self.either()
            self.take(")")
            return node
        if token == "name":
            if value in {"true", "false"}:
                return Literal(value == "true")
            if value in WORDS:
                raise ExpressionError(f"”{value}” står på fel plats")
            if self.peek() == ("op", "("):
                return self.call(value)
            try:
                return Name(FieldPath.parse(value))
            except InvalidPath as error:
                raise ExpressionError(str(error)) from error
        raise ExpressionError(f"väntade ett fält, ett tal eller en text men fann {f'”{value}”' if value else 'slutet'}")

    def call(self, function: str) -> Node:
        if function not in FUNCTIONS:
            raise ExpressionError(f"okänd funktion ”{function}” (möjliga: {', '.join(sorted(FUNCTIONS))})")
        self.take("(")
        arguments: list[Node] = []
        if self.peek() != ("op", ")"):
            arguments.append(self.either())
            while self.peek()[1] == ",":
                self.take()
                arguments.append(self.either())
        self.take(")")
        wanted = FUNCTIONS[function][0]
        if len(arguments) != wanted:
            raise ExpressionError(f"{function}() tar {wanted} {'värde' if wanted == 1 else 'värden'}")
        return Call(function, tuple(arguments))


@cache
def parse(text: str) -> Node:
    """The expression in ``text``; :class:`ExpressionError` when it cannot be read."""
    try:
        return _Parser(text).whole()
    except RecursionError:
        raise ExpressionError("uttrycket är nästlat för djupt") from None


# --- evaluating -----------------------------------------------------------------------

Scope = Callable[[FieldPath], Any]  # a name's value: a scalar, or a list of them for a column


def _numbers(values: Any) -> list[float]:
    items = values if isinstance(values, list) else [values]
    return [item for item in items if isinstance(item, int | float) and not isinstance(item, bool)]


def _sum(values: Any) -> Any:
    numbers = _numbers(values)
    return sum(numbers) if numbers else None


def _count(values: Any) -> Any:
    if isinstance(values, list):
        return sum(1 for value in values if value not in (None, "", (), 0))
    return values if isinstance(values, int) else None


def _filled(value: Any) -> Any:
    if isinstance(value, list):
        return any(item not in (None, "", ()) for item in value)
    return value not in (None, "", ())


def _has(values: Any, wanted: Any) -> Any:
    if not isinstance(values, tuple) or not isinstance(wanted, str):
        return None
    return any(_same(value, wanted) or str(value).startswith(f"{wanted}:") for value in values)


FUNCTIONS: dict[str, tuple[int, Callable[..., Any]]] = {
    "sum": (1, _sum),  # a column's numbers added up
    "count": (1, _count),  # a list's written rows, or a column's written values
    "filled": (1, _filled),  # whether anything is written
    "has": (2, _has),  # whether a flerval has this choice ticked
}


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.strip().casefold() == right.strip().casefold()
    return bool(left == right)


def _compare(operator: str, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return None
    if operator in {"=", "!="}:
        equal = _same(left, right)
        return equal if operator == "=" else not equal
    comparable = (int, float) if isinstance(left, int | float) else (date,) if isinstance(left, date) else (str,)
    if not isinstance(right, comparable):
        return None
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[operator]


def _arithmetic(operator: str, left: Any, right: Any) -> Any:
    if not _numbers(left) or not _numbers(right) or isinstance(left, list) or isinstance(right, list):
        return None
    if operator == "+":
        return left + right
    if operator == "-":
        return left - right
    if operator == "*":
        return left * right
    return left / right if right else None


def evaluate(node: Node, scope: Scope) -> Any:
    """The value of ``node`` with names looked up in ``scope``; None when unknown."""
    match node:
        case Literal(value):
            return value
        case Name(path):
            return scope(path)
        case Call(function, arguments):
            return FUNCTIONS[function][1](*(evaluate(argument, scope) for argument in arguments))
        case Unary("not", operand):
            value = evaluate(operand, scope)
            return None if value is None else not value
        case Unary(_minus, operand):
            value = evaluate(operand, scope)
            return -value if _numbers(value) and not isinstance(value, list) else None
        case Binary("and", left, right):
            first, second = evaluate(left, scope), evaluate(right, scope)
            if first is False or second is False:
                return False
            return None if first is None or second is None else True
        case Binary("or", left, right):
            first, second = evaluate(left, scope), evaluate(right, scope)
            if first is True or second is True:
                return True
            return None if first is None or second is None else False
        case Binary(operator, left, right) if operator in {"+", "-", "*", "/"}:
            return _arithmetic(operator, evaluate(left, scope), evaluate(right, scope))
        case Binary(operator, left, right):
            return _compare(operator, evaluate(left, scope), evaluate(right, scope))
        case Among(operand, options):
            value = evaluate(operand, scope)
            if value is None:
                return None
            return any(_same(value, evaluate(option, scope)) for option in options)
    raise TypeError(node)


def holds(text: str, scope: Scope) -> bool:
    """Whether a condition is true (unknown is not)."""
    return evaluate(parse(text), scope) is True
