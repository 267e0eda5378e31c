# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Carrying a draft from one edition of a form into another: fields found under the same
path (or where the newer edition's ``[[carry]]`` says they moved) are taken over; whatever
has no place in the new edition is kept as text in the draft's note, never dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from finsam_desktop.forms.paths import FieldPath, InvalidPath
from finsam_desktop.forms.spec import Carry, FormSpec
from finsam_desktop.model import Report, report_model

MAX_ATTEMPTS = 50


@dataclass
class Carried:
    draft: Report
    left_over: list[str] = field(default_factory=list)  # "path: text" of what has no place

    def note(self, edition: str) -> str:
        if not self.left_over:
            return ""
        return f"Från utgåva {edition} av mallen, utan plats i den här utgåvan:\n" + "\n".join(self.left_over)


def _leaves(data: Any, at: FieldPath) -> list[tuple[FieldPath, str]]:
    """Every typed text in stored draft data, by path (an entry's raw text, a part's texts)."""
    if isinstance(data, dict):
        if "raw" in data:
            return [(at, str(data["raw"]))] if str(data["raw"]).strip() else []
        found = []
        for key, value in data.items():
            if key == "value":
                continue
            found += _leaves(value, at.child(str(key)) if _is_key(key) else at)
        return found
    if isinstance(data, list):
        return [leaf for index, row in enumerate(data) for leaf in _leaves(row, at.row(index))]
    text = "" if data is None else str(data)
    return [(at, text)] if text.strip() else []


def _is_key(key: Any) -> bool:
    try:
        FieldPath.parse(str(key))
    except InvalidPath:
        return False
    return True


def _take(data: dict[str, Any], path: FieldPath) -> Any:
    """Remove and return what ``data`` holds at ``path`` (keys only), or None."""
    node: Any = data
    for step in path.steps[:-1]:
        node = node.get(step) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        return None
    return node.pop(str(path.leaf), None)


def _put(data: dict[str, Any], path: FieldPath, value: Any) -> None:
    node = data
    for step in path.steps[:-1]:
        node = node.setdefault(str(step), {})
    node[str(path.leaf)] = value


def _rename_columns(rows: Any, renamed: dict[str, str]) -> Any:
    if not isinstance(rows, list):
        return rows
    for row in rows:
        if isinstance(row, dict):
            for old, new in renamed.items():
                if old in row:
                    row[new] = row.pop(old)
    return rows


def carry(data: dict[str, Any], edition: str, form: FormSpec) -> Carried:
    """A draft of ``form`` from the stored data of a draft of its ``edition`` (or of any
    form with fields of the same names)."""
    rule = next((each for each in form.carry if each.edition == edition), Carry(edition=edition))
    renamed = {FieldPath.parse(old): FieldPath.parse(new) for old, new in rule.renamed.items() if _is_key(old) and _is_key(new)}
    old = _copy(data)
    new: dict[str, Any] = {}
    columns: dict[FieldPath, dict[str, str]] = {}
    for old_path, new_path in renamed.items():
        if form.has(new_path) and form.column(new_path) is not None and old_path.parent == new_path.parent:
            columns.setdefault(new_path.parent, {})[str(old_path.leaf)] = str(new_path.leaf)
            continue
        value = _take(old, old_path)
        if value is not None:
            _put(new, new_path, value)
    for path, _spec, _section in form.fields():
        value = _take(old, path)
        if value is not None and _lookup(new, path) is None:
            _put(new, path, _rename_columns(value, columns.get(path, {})))
    dropped = [FieldPath.parse(text) for text in rule.dropped if _is_key(text)]
    left = [
        f"{path}: {text}" + (" (finns inte längre i mallen)" if _dropped(path, dropped) else "")
        for path, text in _leaves(old, FieldPath())
    ]
    return _validated(new, form, left)


def _dropped(path: FieldPath, dropped: list[FieldPath]) -> bool:
    return any(path.without_rows.is_within(gone) for gone in dropped)


def _lookup(data: dict[str, Any], path: FieldPath) -> Any:
    node: Any = data
    for step in path.steps:
        node = node.get(str(step)) if isinstance(node, dict) else None
    return node


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _validated(new: dict[str, Any], form: FormSpec, left: list[str]) -> Carried:
    """The new edition's model of ``new``; a field whose stored value does not fit its new
    kind is taken out, its text kept with what is left over."""
    model = report_model(form)
    for _attempt in range(MAX_ATTEMPTS):
        try:
            return Carried(model.model_validate(new), left)
        except ValidationError as error:
            for problem in error.errors():
                where = [step for step in problem["loc"] if isinstance(step, str)][:2]
                path = FieldPath(tuple(where))
                value = _take(new, path) if where else None
                left += [f"{path.joined(inner)}: {text}" for inner, text in _leaves(value, FieldPath())]
    return Carried(model(), left + [f"{path}: {text}" for path, text in _leaves(new, FieldPath())])
