# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The registry of field kinds: every kind a form file may name, one class each.

``FieldSpec`` is their discriminated union, so a form file's field is read into the class
its ``kind`` names and may carry only that kind's attributes. Adding a kind is a class in
a module here, its entry in :data:`KINDS`, an editor in ``ui/editors`` and its line in
``docs/forms.md``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from finsam_desktop.forms.kinds.attachments import BilagorSpec
from finsam_desktop.forms.kinds.base import Case, FieldBase
from finsam_desktop.forms.kinds.choice import ChoiceSpec, FlervalSpec
from finsam_desktop.forms.kinds.daterange import DateRangeSpec
from finsam_desktop.forms.kinds.note import AnteckningSpec
from finsam_desktop.forms.kinds.numbers import AntalSpec, KronorSpec, NumberBase, ProcentSpec
from finsam_desktop.forms.kinds.rows import ListSpec, RowsBase, TableSpec
from finsam_desktop.forms.kinds.text import AnswerSpec, LinesSpec, PostortSpec, TextSpec
from finsam_desktop.forms.kinds.typed import DateSpec, EmailSpec, PhoneSpec, PostnummerSpec, TypedBase

KINDS: tuple[type[FieldBase], ...] = (
    TextSpec,
    LinesSpec,
    AnswerSpec,
    DateSpec,
    DateRangeSpec,
    KronorSpec,
    AntalSpec,
    ProcentSpec,
    PhoneSpec,
    EmailSpec,
    PostnummerSpec,
    PostortSpec,
    ChoiceSpec,
    FlervalSpec,
    AnteckningSpec,
    BilagorSpec,
    ListSpec,
    TableSpec,
)

FieldSpec = Annotated[
    TextSpec
    | LinesSpec
    | AnswerSpec
    | DateSpec
    | DateRangeSpec
    | KronorSpec
    | AntalSpec
    | ProcentSpec
    | PhoneSpec
    | EmailSpec
    | PostnummerSpec
    | PostortSpec
    | ChoiceSpec
    | FlervalSpec
    | AnteckningSpec
    | BilagorSpec
    | ListSpec
    | TableSpec,
    Field(discriminator="kind"),
]


def kind_name(kind: type[FieldBase]) -> str:
    """The name a form file gives the kind (``kind = "…"``)."""
    return str(kind.model_fields["kind"].annotation.__args__[0])  # type: ignore[union-attr]


KIND_NAMES = tuple(kind_name(kind) for kind in KINDS)

for _rows in (ListSpec, TableSpec):
    _rows.model_rebuild(_types_namespace={"FieldSpec": FieldSpec})

__all__ = [
    "KINDS",
    "KIND_NAMES",
    "AnswerSpec",
    "AntalSpec",
    "AnteckningSpec",
    "BilagorSpec",
    "Case",
    "ChoiceSpec",
    "DateRangeSpec",
    "DateSpec",
    "EmailSpec",
    "FieldBase",
    "FieldSpec",
    "FlervalSpec",
    "KronorSpec",
    "LinesSpec",
    "ListSpec",
    "NumberBase",
    "PhoneSpec",
    "PostnummerSpec",
    "PostortSpec",
    "ProcentSpec",
    "RowsBase",
    "TableSpec",
    "TextSpec",
    "TypedBase",
]
