# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The report as the reporter wrote it: pydantic models built from the form's data.

A draft holds exactly what was typed, valid or not; nothing is dropped, trimmed or
rewritten here. Fields with a meaning (dates, amounts, phone numbers…) keep the typed
``raw`` text and expose the canonical ``value`` their parser understood, which is also
written to draft files so other programs can read it without parsing. Each field kind
gives its own type (``finsam_desktop.forms.kinds``); this module names no field or kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, computed_field, create_model, model_validator

from finsam_desktop import parsing

if TYPE_CHECKING:
    from finsam_desktop.forms.paths import FieldPath
    from finsam_desktop.forms.spec import FormSpec

T = TypeVar("T")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Entry(_Part, Generic[T]):
    """Typed text with a meaning; a plain string is accepted in place of the object."""

    raw: str = ""
    parser: ClassVar[Callable[[str], parsing.Parsed[Any]]]

    @model_validator(mode="before")
    @classmethod
    def _accept_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"raw": data}
        if isinstance(data, dict):
            return {key: item for key, item in data.items() if key != "value"}  # derived, recomputed
        return data

    def parsed(self) -> parsing.Parsed[T]:
        return type(self).parser(self.raw)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> T | None:
        """The canonical value, or None while the text is empty or not understood."""
        return self.parsed().value


class Part(_Part):
    """A section, a date range, a row or a composite value, with the fields the form gives it."""

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...

    def typed_text(self) -> str:
        """All that was typed in it, one line each (for a value made of parts)."""
        return "\n".join(text for text in _texts(self) if text.strip())


class Report(Part):
    """A whole Slutrapport of some form, as far as it has been written. The class for a form
    edition is built from its data by :func:`report_model`."""

    form_id: ClassVar[str] = ""
    edition: ClassVar[str] = ""
    tables: ClassVar[tuple[tuple[FieldPath, int], ...]] = ()  # each fixed table and its row count

    @model_validator(mode="after")
    def _full_tables(self) -> Report:
        """A table has its form's rows even if a file held fewer; extra rows are kept."""
        for path, count in self.tables:
            rows = path.get(self)
            missing = count - len(rows)
            if missing > 0:
                rows.extend(row_type(self, path)() for _ in range(missing))
        return self


def _texts(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, Entry):
        yield node.raw
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name))
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


def all_texts(node: Any) -> Iterator[str]:
    """Every text typed in a draft or a part of it, once each."""
    return _texts(node)


def text_of(node: Any) -> str:
    """The typed text of a field: plain text, an :class:`Entry`'s raw text, or a part's texts."""
    if isinstance(node, Entry):
        return node.raw
    if isinstance(node, Part):
        return node.typed_text()
    return "" if node is None else str(node)


def part_model(name: str, fields: dict[str, tuple[Any, Any]], base: type[Part] = Part) -> type[Part]:
    """A model class for a section, row or composite value with ``fields``."""
    return create_model(name, __base__=base, **fields)  # type: ignore[call-overload]


def camel(key: str) -> str:
    return "".join(word.capitalize() for word in key.replace("-", "_").split("_"))


_MODELS: dict[tuple[str, str], type[Report]] = {}


def report_model(form: FormSpec) -> type[Report]:
    """The draft model of ``form``: one part per section (a section that is one list is the
    list itself), each field as its kind says. Built once per form edition."""
    key = (form.id, form.edition)
    if key not in _MODELS:
        sections: dict[str, Any] = {}
        for section in form.sections:
            fields = {spec.key: made for spec in section.fields if (made := spec.model_field()) is not None}
            if section.is_one_list:
                sections[section.key] = fields[section.key]
                continue
            model = part_model(camel(section.key), fields)
            sections[section.key] = (model, Field(default_factory=model, description=section.heading))
        report = create_model(f"Rapport{camel(form.id)}", __base__=Report, **sections)
        report.form_id = form.id
        report.edition = form.edition
        report.tables = form.fixed_tables()
        _MODELS[key] = report
    return _MODELS[key]


def row_type(draft: BaseModel, path: FieldPath) -> type[Any]:
    """The model class of one row of the list or table at ``path``."""
    parent = path.parent.get(draft)
    return get_args(type(parent).model_fields[str(path.leaf)].annotation)[0]
