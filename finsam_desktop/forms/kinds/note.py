# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The mall's own words with no answer: an instruction, a note between questions."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from finsam_desktop.document.blocks import Block, Paragraph
from finsam_desktop.forms.kinds.base import FieldBase, Printing
from finsam_desktop.forms.paths import FieldPath


class AnteckningSpec(FieldBase):
    """Text of the mall shown in the wizard and printed in the report; nothing is typed."""

    kind: Literal["anteckning"]
    shown_as: ClassVar[str] = "Anteckning"
    label: str = ""
    text: str
    in_rows: ClassVar[bool] = False

    @property
    def has_value(self) -> bool:
        return False

    def model_field(self) -> tuple[Any, Any] | None:
        return None

    def document_skips(self) -> list[str]:
        return self.parts()

    def parts(self) -> list[str]:
        return [part.strip() for part in self.text.split("\n\n") if part.strip()]

    def row_text(self, path: FieldPath, out: Printing) -> str | None:
        return None

    def blocks(self, path: FieldPath, out: Printing, level: int = 2) -> list[Block]:
        heading = self.question_heading(level) if self.label else []
        return [*heading, *(Paragraph(part) for part in self.parts())]
