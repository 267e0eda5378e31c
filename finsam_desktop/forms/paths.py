# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Field paths: where a value stands in a draft, as the form file and problems write it.

``avsnitt.lista[1].kolumn`` is section ``avsnitt``, its list ``lista``, the list's second row
and that row's ``kolumn``. A path without row numbers (``avsnitt.lista.kolumn``) names a
column of a list or table, which is how the form file points at one. :class:`FieldPath` is
the only code that reads or writes this notation; everything else builds paths with
:meth:`FieldPath.child` and :meth:`FieldPath.row` and follows them with :meth:`FieldPath.get`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_KEY = r"[a-z0-9_]+"
_STEP = re.compile(rf"({_KEY})((?:\[[0-9]+\])*)")
_INDEX = re.compile(r"\[([0-9]+)\]")
MAX_PATH_CHARACTERS = 500


class InvalidPath(ValueError):
    """Text that is not a field path; ``str()`` says why, in Swedish."""


@dataclass(frozen=True, slots=True, order=True)
class FieldPath:
    """A field's address: keys (``str``) and row numbers (``int``, from 0), in order."""

    steps: tuple[str | int, ...] = ()

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        """``"a.b[2].c"`` as a path; :class:`InvalidPath` for anything else."""
        if not text or len(text) > MAX_PATH_CHARACTERS:
            raise InvalidPath(f"”{text[:60]}” är ingen fältsökväg")
        steps: list[str | int] = []
        for part in text.split("."):
            match = _STEP.fullmatch(part)
            if match is None:
                raise InvalidPath(
                    f"”{text[:100]}” är ingen fältsökväg: skriv nycklar med små bokstäver, siffror och _, "
                    "åtskilda av punkt (till exempel insats.period.start)"
                )
            steps.append(match.group(1))
            steps.extend(int(index) for index in _INDEX.findall(match.group(2)))
        return cls(tuple(steps))

    @classmethod
    def of(cls, *steps: str | int) -> FieldPath:
        return cls(tuple(steps))

    def __str__(self) -> str:
        text = ""
        for step in self.steps:
            text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
        return text

    def __repr__(self) -> str:
        return f"FieldPath({str(self)!r})"

    # --- building ----------------------------------------------------------------

    def child(self, key: str) -> FieldPath:
        return FieldPath((*self.steps, key))

    def row(self, index: int) -> FieldPath:
        return FieldPath((*self.steps, index))

    @property
    def parent(self) -> FieldPath:
        return FieldPath(self.steps[:-1])

    @property
    def leaf(self) -> str | int:
        return self.steps[-1]

    @property
    def section(self) -> str:
        """The key of the section the path starts in."""
        return str(self.steps[0]) if self.steps else ""

    # --- comparing ---------------------------------------------------------------

    @property
    def without_rows(self) -> FieldPath:
        """The path with its row numbers left out: how the form file names the field."""
        return FieldPath(tuple(step for step in self.steps if isinstance(step, str)))

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(step for step in self.steps if isinstance(step, int))

    @property
    def row_path(self) -> FieldPath | None:
        """The row a path inside a list's row stands in (``a.b[2]`` for ``a.b[2].c``)."""
        for end in range(len(self.steps), 0, -1):
            if isinstance(self.steps[end - 1], int):
                return FieldPath(self.steps[:end])
        return None

    def is_within(self, other: FieldPath) -> bool:
        """This path is ``other`` or stands inside it (a row, a column, a part)."""
        return self.steps[: len(other.steps)] == other.steps

    def relative_to(self, other: FieldPath) -> FieldPath:
        if not self.is_within(other):
            raise InvalidPath(f"{self} ligger inte i {other}")
        return FieldPath(self.steps[len(other.steps) :])

    def joined(self, other: FieldPath) -> FieldPath:
        return FieldPath((*self.steps, *other.steps))

    # --- following it in a draft -------------------------------------------------

    def renumbered(self, rows: FieldPath, new_index: Mapping[int, int | None]) -> FieldPath | None:
        """This path once the rows of the list ``rows`` are numbered anew: ``new_index`` maps
        an old row number to its new one, or to None for a row removed; others keep theirs."""
        depth = len(rows.steps)
        if len(self.steps) <= depth or self.steps[:depth] != rows.steps or not isinstance(self.steps[depth], int):
            return self
        old = int(self.steps[depth])
        new = new_index.get(old, old)
        return None if new is None else FieldPath((*rows.steps, new, *self.steps[depth + 1 :]))

    def get(self, root: Any) -> Any:
        """What the path points at in ``root`` (a draft or a part of one).
        ``LookupError`` when it is not there (a row that does not exist)."""
        node = root
        for step in self.steps:
            if isinstance(step, int):
                node = node[step]
            else:
                try:
                    node = getattr(node, step)
                except AttributeError as error:
                    raise KeyError(str(self)) from error
        return node

    def find(self, root: Any) -> Any:
        """:meth:`get`, or None when the path leads nowhere in ``root``."""
        try:
            return self.get(root)
        except LookupError:
            return None

    def set(self, root: Any, value: Any) -> None:
        """Put ``value`` where the path points (the last step replaced)."""
        parent = self.parent.get(root)
        if isinstance(self.leaf, int):
            parent[self.leaf] = value
        else:
            setattr(parent, self.leaf, value)


ROOT = FieldPath()


def path(text: str) -> FieldPath:
    """A path from the form file's text (shorthand for :meth:`FieldPath.parse`)."""
    return FieldPath.parse(text)
