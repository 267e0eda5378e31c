"""The report as the reporter wrote it: pydantic models built from the form's data.

A draft holds exactly what was typed, valid or not; nothing is dropped, trimmed or
rewritten here. Fields with a kind (dates, kronor, phone, postnummer, e-mail) keep the
typed ``raw`` text and expose the canonical ``value`` their parser understood, which is
also written to draft files so other programs can read it without parsing. The models
are built from the form (``finsam_desktop.form``): this module names no section or field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, computed_field, create_model, model_validator

from finsam_desktop import parsing
from finsam_desktop.form import DEFAULT_FORM, FieldSpec, FormSpec

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


class DateEntry(Entry[date]):
    parser = parsing.parse_date


class KronorEntry(Entry[int]):
    parser = parsing.parse_kronor


class PhoneEntry(Entry[str]):
    parser = parsing.parse_phone


class PostnummerEntry(Entry[str]):
    parser = parsing.parse_postnummer


class EmailEntry(Entry[str]):
    parser = parsing.parse_email


class Report(_Part):
    """A whole Slutrapport of some form, as far as it has been written. The class for a form
    is built from its data by :func:`report_model`; ``form_id`` says which form it is."""

    form_id: ClassVar[str] = DEFAULT_FORM
    tables: ClassVar[tuple[tuple[str, int], ...]] = ()  # (path, fixed row count) of each table

    if TYPE_CHECKING:  # sections and fields come from the form data

        def __getattr__(self, name: str) -> Any: ...

    @model_validator(mode="after")
    def _full_tables(self) -> Report:
        """A table has its form's rows even if a file held fewer; extra rows are kept."""
        for path, count in self.tables:
            rows = value_at(self, path)
            missing = count - len(rows)
            if missing > 0:
                rows.extend(row_model(self, path)() for _ in range(missing))
        return self


class Part(_Part):
    """A section, a date range or a row, with the fields the form gives it."""

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...


_ENTRIES: dict[str, type[Entry[Any]]] = {
    "date": DateEntry,
    "kronor": KronorEntry,
    "phone": PhoneEntry,
    "email": EmailEntry,
    "postnummer": PostnummerEntry,
}


def _camel(key: str) -> str:
    return "".join(word.capitalize() for word in key.split("_"))


def _field(spec: FieldSpec) -> tuple[Any, Any]:
    """The type and default of one field of the model."""
    description = spec.heading
    if spec.kind in _ENTRIES:
        entry = _ENTRIES[spec.kind]
        return entry, Field(default_factory=entry, description=description)
    if spec.kind == "daterange":
        parts = {part: (DateEntry, Field(default_factory=DateEntry, description=label)) for part, label in spec.parts.items()}
        model = create_model(_camel(spec.key), __base__=Part, **parts)  # type: ignore[call-overload]
        return model, Field(default_factory=model, description=description)
    if spec.kind in {"list", "table"}:
        row = create_model(f"{_camel(spec.key)}Rad", __base__=Part, **{item.key: _field(item) for item in spec.items})  # type: ignore[call-overload]
        if spec.kind == "table":
            count = len(spec.rows)
            return list[row], Field(default_factory=lambda: [row() for _ in range(count)], description=description)  # type: ignore[valid-type]
        return list[row], Field(default_factory=list, description=description)  # type: ignore[valid-type]
    return str, Field(default="", description=description)


_MODELS: dict[tuple[str, str], type[Report]] = {}


def report_model(form: FormSpec) -> type[Report]:
    """The draft model of ``form``: one part per section (a section that is one list is the
    list itself), typed fields as :class:`Entry`. Built once per form edition."""
    key = (form.id, form.form.edition)
    if key not in _MODELS:
        sections: dict[str, Any] = {}
        for section in form.sections:
            if len(section.fields) == 1 and section.fields[0].key == section.key:
                sections[section.key] = _field(section.fields[0])
                continue
            fields = {spec.key: _field(spec) for spec in section.fields}
            model = create_model(_camel(section.key), __base__=Part, **fields)  # type: ignore[call-overload]
            sections[section.key] = (model, Field(default_factory=model, description=section.heading))
        report = create_model(f"Rapport{_camel(form.id.replace('-', '_'))}", __base__=Report, **sections)
        report.form_id = form.id
        report.tables = tuple((path, len(spec.rows)) for path, spec, _section in form.fields() if spec.kind == "table")
        _MODELS[key] = report
    return _MODELS[key]


def row_model(draft: BaseModel, path: str) -> type[Any]:
    """The model class of one row of the list or table at ``path``."""
    parent_path, _, leaf = path.rpartition(".")
    parent = value_at(draft, parent_path) if parent_path else draft
    return get_args(type(parent).model_fields[leaf].annotation)[0]


_STEP = re.compile(r"([a-z0-9_]+)(?:\[([0-9]+)\])?")


def value_at(draft: BaseModel, path: str) -> Any:
    """What a field path (``resultat.mal[1].resultat``) points at in ``draft``."""
    node: Any = draft
    for step in path.split("."):
        match = _STEP.fullmatch(step)
        if match is None:
            raise KeyError(path)
        node = getattr(node, match.group(1))
        if match.group(2) is not None:
            node = node[int(match.group(2))]
    return node


def text_of(node: Any) -> str:
    """The typed text of a field, whether it is plain text or an :class:`Entry`."""
    return node.raw if isinstance(node, Entry) else str(node)


def set_text_at(draft: BaseModel, path: str, text: str) -> None:
    """Put typed ``text`` in the field at ``path``: the raw text of a typed field, or the text."""
    parent_path, _, leaf = path.rpartition(".")
    parent = value_at(draft, parent_path) if parent_path else draft
    current = getattr(parent, leaf)
    if isinstance(current, Entry):
        current.raw = text
    else:
        setattr(parent, leaf, text)
