# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Files the reporter sends with the report: listed in it, attached to the e-mail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PureWindowsPath
from typing import Any, ClassVar, Literal

from pydantic import Field

from finsam_desktop.document.blocks import Block, ListBlock, Paragraph, printable
from finsam_desktop.forms.kinds.base import Checking, FieldBase, Printing
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import FEL, VARNING, Problem, is_blank
from finsam_desktop.model import Part


class Attachment(Part):
    """One file, where it was when it was chosen (a name alone when read from a document)."""

    fil: str = ""


def file_name(text: str) -> str:
    """The name of a file from where it is, written the Windows or the POSIX way."""
    return PureWindowsPath(text).name if "\\" in text else Path(text).name


class BilagorSpec(FieldBase):
    kind: Literal["bilagor"]
    shown_as: ClassVar[str] = "Bilagor"
    max_rows: int = Field(default=0, ge=0)
    none_text: str = "Inga bilagor."
    in_rows: ClassVar[bool] = False
    junk_lines: ClassVar[bool] = False
    label_alone: ClassVar[bool] = True

    def model_field(self) -> tuple[Any, Any] | None:
        return list[Attachment], Field(default_factory=list, description=self.heading)

    def sample(self, text: str, current: Any = None) -> Any:
        return []

    def files(self, node: Any) -> list[str]:
        return [row.fil.strip() for row in node if not is_blank(row.fil)]

    def file_names(self, node: list[Attachment]) -> list[str]:
        return [file_name(row.fil.strip()) for row in node if not is_blank(row.fil)]

    def typed_text(self, node: Any) -> str:
        return "\n".join(self.file_names(node))

    def shown(self, node: Any) -> str:
        return ", ".join(self.file_names(node))

    def scalar(self, node: Any) -> Any:
        return len(self.file_names(node))

    def from_text(self, text: str, current: Any = None) -> Any:
        names = [line.strip(" -•*\t") for line in text.splitlines()]
        return [Attachment(fil=name) for name in names if name and name != self.none_text]

    def empty_message(self) -> str:
        return f"Lägg till minst en fil under {self.name}."

    def problems(self, path: FieldPath, node: Any, check: Checking) -> Iterator[Problem]:
        if not self.file_names(node):
            if check.is_required(path, self):
                yield Problem(path, FEL, self.empty_message())
            return
        if self.max_rows and len(self.file_names(node)) > self.max_rows:
            yield Problem(path, FEL, f"{self.name} får ha högst {self.max_rows} filer. Ta bort någon.")
        for index, row in enumerate(node):
            where = Path(row.fil.strip())
            if where.is_absolute() and not where.is_file():
                yield Problem(
                    path.row(index),
                    VARNING,
                    f"Filen ”{file_name(row.fil)}” finns inte längre där den låg. Lägg till den igen, "
                    "annars kommer den inte med när rapporten skickas.",
                )

    def blocks(self, path: FieldPath, out: Printing, level: int = 2) -> list[Block]:
        names = [printable(name) for name in self.file_names(out.node(path))]
        return [*self.question_heading(level), ListBlock(tuple(names)) if names else Paragraph(self.none_text)]

    def row_text(self, path: FieldPath, out: Printing) -> str | None:
        return printable(self.shown(out.node(path))) or self.none_text
