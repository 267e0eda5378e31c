"""The installed forms: those shipped in ``resources/forms`` and those a förbund hands out,
placed in the user's forms folder. A broken file never stops the app: it is listed with
its problem, in Swedish and with its line, as ``finsam-desktop form-check`` prints it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from finsam_desktop.form import DEFAULT_FORM, FormSpec
from finsam_desktop.paths import forms_dir
from finsam_desktop.resources import resource

MAX_FORM_BYTES = 2 * 2**20
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_]+)\s*=")
_TOML_LINE = re.compile(r"\(at line ([0-9]+)")


@dataclass(frozen=True)
class FormProblem:
    line: int
    message: str


@dataclass
class Installed:
    forms: dict[str, FormSpec] = field(default_factory=dict)
    sources: dict[str, Path | None] = field(default_factory=dict)  # None: shipped with the app
    broken: list[tuple[Path, str]] = field(default_factory=list)


def _locations(text: str) -> dict[tuple[str | int, ...], int]:
    """Where each table, array entry and key of a TOML text stands (1-based lines)."""
    found: dict[tuple[str | int, ...], int] = {}
    counts: dict[tuple[str | int, ...], int] = {}
    current: tuple[str | int, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            names = header.group(2).split(".")
            parent: tuple[str | int, ...] = ()
            for name in names[:-1]:  # an array's entry is its latest one
                parent = (*parent, name)
                if parent in counts:
                    parent = (*parent, counts[parent] - 1)
            key = (*parent, names[-1])
            if header.group(1) == "[[":
                counts[key] = counts.get(key, 0) + 1
                for stale in [other for other in counts if len(other) > len(key) and other[: len(key)] == key]:
                    del counts[stale]  # a new entry starts its own sub-arrays
                current = (*key, counts[key] - 1)
            else:
                current = key
            found.setdefault(current, number)
            continue
        item = _KEY.match(line)
        if item:
            found.setdefault((*current, item.group(1)), number)
    return found


def _line(locations: dict[tuple[str | int, ...], int], where: tuple[str | int, ...]) -> int:
    for end in range(len(where), 0, -1):
        if where[:end] in locations:
            return locations[where[:end]]
    return 1


def _where(error: Any) -> tuple[str | int, ...]:
    """Where in the file an error stands: an unknown rule at its ``kind`` line."""
    where = tuple(error["loc"])
    return (*where, "kind") if error["type"] == "union_tag_invalid" else where


def _pydantic_message(error: Any) -> str:
    name = ".".join(str(part) for part in error["loc"] if not isinstance(part, int)) or "formuläret"
    leaf = str(error["loc"][-1]) if error["loc"] else name
    if error["type"] == "literal_error" and leaf == "kind":
        return f"okänd sort ”{error['input']}” (möjliga: {error['ctx']['expected']})"
    if error["type"] == "union_tag_invalid":
        return f"okänd regel ”{error['input'].get('kind') if isinstance(error['input'], dict) else error['input']}”"
    if error["type"] == "missing":
        return f"”{leaf}” saknas i {name.rpartition('.')[0] or 'formuläret'}"
    if error["type"] == "extra_forbidden":
        return f"okänd nyckel ”{leaf}”"
    return f"fel värde för ”{name}”: {error['msg']}"


def check_form(text: str) -> tuple[FormSpec | None, list[FormProblem]]:
    """The form in ``text`` and what is wrong with it, each with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = _TOML_LINE.search(str(error))
        return None, [FormProblem(int(at.group(1)) if at else 1, f"filen är inte giltig TOML: {error}")]
    except RecursionError:
        return None, [FormProblem(1, "filen är nästlad orimligt djupt och är inte ett formulär")]
    except ValueError:  # an integer of thousands of digits
        return None, [FormProblem(1, "filen har ett orimligt långt tal och är inte ett formulär")]
    locations = _locations(text)
    try:
        form = FormSpec.model_validate(data)
    except ValidationError as error:
        return None, [FormProblem(_line(locations, _where(item)), _pydantic_message(item)) for item in error.errors()]
    problems = [FormProblem(_line(locations, where), message) for where, message in form.problems()]
    return (None if problems else form), problems


def read_form_file(path: Path) -> tuple[FormSpec | None, list[FormProblem]]:
    """A form file checked; a file that cannot be read is one problem on line 1."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_FORM_BYTES:
            return None, [FormProblem(1, f"filen är för stor för att vara ett formulär ({len(raw) // 2**20} MB)")]
        text = raw.decode("utf-8-sig")
    except OSError as error:
        return None, [FormProblem(1, f"filen kan inte läsas ({error.strerror or error})")]
    except UnicodeDecodeError:
        return None, [FormProblem(1, "filen är inte sparad som UTF-8-text")]
    return check_form(text)


def _add(installed: Installed, where: Path, checked: tuple[FormSpec | None, list[FormProblem]], user: bool) -> None:
    form, problems = checked
    if form is None:
        installed.broken.append((where, f"rad {problems[0].line}: {problems[0].message}"))
    elif form.id in installed.forms:
        installed.broken.append((where, f"formuläret ”{form.id}” finns redan installerat"))
    else:
        installed.forms[form.id] = form
        installed.sources[form.id] = where if user else None


@cache
def installed_forms() -> Installed:
    """Shipped forms first (they win an id), then the user's, in name order; read once."""
    installed = Installed()
    shipped = resource("forms")
    for entry in sorted(shipped.iterdir(), key=lambda node: node.name):
        if entry.name.endswith(".toml"):
            _add(installed, Path(entry.name), check_form(entry.read_text(encoding="utf-8")), user=False)
    for path in sorted(forms_dir().glob("*.toml")):
        _add(installed, path, read_form_file(path), user=True)
    return installed


def form_choices() -> list[FormSpec]:
    """The installed forms as offered for a new report: the default first, then by förbund."""
    forms = installed_forms().forms
    return sorted(forms.values(), key=lambda form: (form.id != DEFAULT_FORM, form.forbund.name, form.form.title))
