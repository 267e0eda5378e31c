# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A form file read into a :class:`FormSpec`, with every problem in Swedish at its line.

The TOML parser's and pydantic's own messages are English and technical; each is said
again here in words a förbund's office understands, with how to fix it. What can only be
seen in a whole form (a rule on a field of the wrong kind) is ``check``'s business.
"""

from __future__ import annotations

import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from finsam_desktop.forms.check import form_problems
from finsam_desktop.forms.kinds import KIND_NAMES, KINDS, kind_name
from finsam_desktop.forms.kinds.base import Case as CaseHeading
from finsam_desktop.forms.rules import RULES, Case
from finsam_desktop.forms.spec import Carry, Contact, Forbund, FormInfo, FormSpec, OfficeBox, Roles, SectionSpec

MAX_FORM_BYTES = 2 * 2**20
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_]+)\s*=")
_TOML_AT = re.compile(r"\(at line ([0-9]+), column ([0-9]+)\)")

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class FormProblem:
    line: int
    message: str
    column: int = 0

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}" if self.column else f"{self.line}: {self.message}"


# --- where things stand ----------------------------------------------------------------


def locations(text: str) -> dict[Where, int]:
    """Where each table, array entry and key of a TOML text stands (1-based lines)."""
    found: dict[Where, int] = {}
    counts: dict[Where, int] = {}
    current: Where = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            names = header.group(2).split(".")
            parent: Where = ()
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


def line_of(found: dict[Where, int], where: Where) -> int:
    for end in range(len(where), 0, -1):
        if where[:end] in found:
            return found[where[:end]]
    return 1


# --- the TOML parser's messages ----------------------------------------------------------

_TOML_MESSAGES = (
    ("Invalid value", "värdet går inte att läsa: skriv text inom citattecken (\"…\"), ett tal, true/false eller [ … ]"),
    ("Cannot overwrite a value", "samma nyckel står två gånger; ta bort den ena"),
    ("Cannot declare", "samma rubrik inom hakparenteser står två gånger; slå ihop dem eller använd [[ ]] för en lista"),
    ("Unterminated string", "en text saknar sitt avslutande citattecken"),
    (
        "Illegal character",
        (
            "en text innehåller ett tecken som inte får stå där (en radbrytning eller ett styrtecken); "
            "skriv långa texter inom tre citattecken (\"\"\"…\"\"\")"
        ),
    ),
    ("Unescaped", "ett omvänt snedstreck (\\) i en text måste skrivas dubbelt (\\\\)"),
    ("Expected '=' after a key", "en nyckel saknar = (skriv nyckel = värde; nycklar har inga mellanslag)"),
    ("Expected newline or end of document", "efter värdet står något mer på raden; ett värde per rad"),
    ("Invalid statement", "raden är varken nyckel = värde eller en rubrik inom hakparenteser"),
    ("Invalid initial character for a key", "en nyckel börjar med ett tecken som inte får stå där"),
    ("Unclosed array", "en lista [ … ] är inte avslutad, eller ett kommatecken saknas mellan värdena"),
    ("Unclosed inline table", "en tabell { … } är inte avslutad, eller ett kommatecken saknas"),
    ('Expected "', "en text inom tre citattecken är inte avslutad"),
)


def _toml_problem(error: tomllib.TOMLDecodeError, text: str) -> FormProblem:
    message = str(error)
    at = _TOML_AT.search(message)
    line, column = (int(at.group(1)), int(at.group(2))) if at else (max(1, len(text.splitlines())), 0)
    said = next((swedish for english, swedish in _TOML_MESSAGES if message.startswith(english)), None)
    said = said or "raden går inte att läsa; jämför med exemplen i dokumentationen"
    return FormProblem(line, f"filen är inte giltig TOML: {said}", column)


# --- pydantic's messages --------------------------------------------------------------

_SECTION_PARTS: dict[str, type[BaseModel]] = {
    "form": FormInfo, "forbund": Forbund, "office_box": OfficeBox, "roles": Roles,
}


def model_at(where: Where, data: Any) -> type[BaseModel] | None:
    """The model class a part of the file is read into (a field by its kind, a rule by its)."""
    model: type[BaseModel] | None = FormSpec
    node = data
    for index, step in enumerate(where):
        node = _step(node, step)
        if isinstance(step, int):
            continue
        parent = where[index - 1] if index else None
        if model is FormSpec:
            model = {"sections": SectionSpec, "rules": None, "carry": Carry, **_SECTION_PARTS}.get(str(step))
            if step == "rules":
                model = _by_kind(node, where, index, data, RULES)
        elif step in {"fields", "items"}:
            model = _by_kind(node, where, index, data, KINDS)
        elif step == "contacts":
            model = Contact
        elif step == "case":
            model = CaseHeading
        elif step in {"equal", "less", "greater"} and parent is not None:
            model = Case
        elif step in {"parts", "aliases", "judgements", "renamed"}:
            return None
    return model


def _step(node: Any, step: str | int) -> Any:
    return node[step] if _has(node, step) else None


def _has(node: Any, step: str | int) -> bool:
    return (isinstance(node, dict) and step in node) or (isinstance(node, list) and isinstance(step, int) and step < len(node))


def _by_kind(node: Any, where: Where, index: int, data: Any, classes: tuple[type[BaseModel], ...]) -> type[BaseModel] | None:
    entry = data
    for step in where[: index + 2]:
        entry = _step(entry, step)
    kind = entry.get("kind") if isinstance(entry, dict) else None
    return next((each for each in classes if _kind_of(each) == kind), None)


def _kind_of(model: type[BaseModel]) -> str:
    field = model.model_fields.get("kind")
    return str(field.annotation.__args__[0]) if field is not None else ""  # type: ignore[union-attr]


def _keys(model: type[BaseModel]) -> list[str]:
    return [name for name in model.model_fields if name != "kind"]


_TYPES = {
    "string_type": "ska vara en text inom citattecken",
    "bool_type": "ska vara true eller false",
    "bool_parsing": "ska vara true eller false",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal",
    "list_type": "ska vara en lista inom hakparenteser, till exempel [\"Ja\", \"Nej\"]",
    "tuple_type": "ska vara en lista inom hakparenteser, till exempel [\"Ja\", \"Nej\"]",
    "dict_type": "ska vara en tabell, till exempel { start = \"Startdatum\", slut = \"Slutdatum\" }",
    "model_type": "ska vara en tabell med egna nycklar",
    "model_attributes_type": "ska vara en tabell med egna nycklar",
}


def _named(where: Where) -> str:
    return ".".join(str(part) for part in where if not isinstance(part, int)) or "formuläret"


def pydantic_problem(error: Any, data: Any) -> str:
    """One of pydantic's errors as a Swedish sentence saying what to write instead."""
    where = tuple(error["loc"])
    error_type, name = error["type"], _named(where)
    leaf = str(where[-1]) if where else name
    owner = _named(where[:-1]) if len(where) > 1 else "formuläret"
    if error_type == "literal_error" and leaf == "kind":
        return f"okänd sort ”{error['input']}” (möjliga: {', '.join(KIND_NAMES)})"
    if error_type == "union_tag_invalid":
        tag = error["input"].get("kind") if isinstance(error["input"], dict) else error["input"]
        if "rules" not in where:
            return f"okänd sort ”{tag}” (möjliga: {', '.join(KIND_NAMES)})"
        return f"okänd regel ”{tag}” (möjliga: {', '.join(_kind_of(rule) for rule in RULES)})"
    if error_type == "union_tag_not_found":
        return f"”kind” saknas i {name}: varje fält och regel säger vilken sort den är"
    if error_type == "missing":
        return f"”{leaf}” saknas i {owner}"
    if error_type == "extra_forbidden":
        model = model_at(where[:-1], data)
        valid = f" (möjliga här: {', '.join(_keys(model))})" if model is not None else ""
        elsewhere = [kind_name(each) for each in KINDS if leaf in each.model_fields]
        hint = f"; ”{leaf}” finns för sorterna {', '.join(elsewhere)}" if elsewhere and model in KINDS else ""
        return f"okänd nyckel ”{leaf}” i {owner}{valid}{hint}"
    if error_type == "literal_error":
        return f"”{name}” ska vara ett av: {error['ctx']['expected']}"
    if error_type in _TYPES:
        return f"”{name}” {_TYPES[error_type]}"
    if error_type == "too_short":
        return f"”{name}” får inte vara tom"
    if error_type == "too_long":
        return f"”{name}” har för många värden"
    if error_type in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        bound = next(iter(error["ctx"].values()))
        words = {"greater_than_equal": "minst", "greater_than": "mer än", "less_than_equal": "högst", "less_than": "mindre än"}
        return f"”{name}” ska vara {words[error_type]} {bound}"
    return f"”{name}” har ett värde som inte går att använda här"


def _where(error: Any) -> Where:
    """Where in the file an error stands: an unknown rule or kind at its ``kind`` line."""
    where = tuple(error["loc"])
    return (*where, "kind") if error["type"] in {"union_tag_invalid", "union_tag_not_found"} else where


def _loc_without_tags(error: Any) -> Any:
    """pydantic puts the union's tag (``text``, ``date_order``) in the location; leave it out."""
    tags = {*KIND_NAMES, *(_kind_of(rule) for rule in RULES)}
    loc = list(error["loc"])
    cleaned = [step for index, step in enumerate(loc) if not (step in tags and index and isinstance(loc[index - 1], int))]
    return {**error, "loc": tuple(cleaned)}


def check_form(text: str) -> tuple[FormSpec | None, list[FormProblem]]:
    """The form in ``text`` and what is wrong with it, each with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_toml_problem(error, text)]
    except RecursionError:
        return None, [FormProblem(1, "filen är nästlad orimligt djupt och är inte ett formulär")]
    except ValueError:  # an integer of thousands of digits
        return None, [FormProblem(1, "filen har ett orimligt långt tal och är inte ett formulär")]
    found = locations(text)
    try:
        form = FormSpec.model_validate(data)
    except ValidationError as error:
        errors = [_loc_without_tags(each) for each in error.errors()]
        return None, [FormProblem(line_of(found, _where(each)), pydantic_problem(each, data)) for each in errors]
    except RecursionError:
        return None, [FormProblem(1, "filen är nästlad orimligt djupt och är inte ett formulär")]
    problems = [FormProblem(line_of(found, where), message) for where, message in form_problems(form)]
    return (None if problems else form), problems


def read_form_file(path: Path) -> tuple[FormSpec | None, list[FormProblem]]:
    """A form file checked; a file that cannot be read is one problem on line 1. Only a
    plain file is read: a FIFO or device would block or never end."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [FormProblem(1, "det är ingen vanlig fil och kan inte vara ett formulär")]
        if info.st_size > MAX_FORM_BYTES:
            return None, [FormProblem(1, f"filen är för stor för att vara ett formulär ({info.st_size // 2**20} MB)")]
        with path.open("rb") as file:
            raw = file.read(MAX_FORM_BYTES + 1)
        if len(raw) > MAX_FORM_BYTES:
            return None, [FormProblem(1, "filen är för stor för att vara ett formulär")]
        text = raw.decode("utf-8-sig")
    except PermissionError:
        return None, [FormProblem(1, "du saknar behörighet att läsa filen")]
    except OSError:
        unread = "filen kan inte läsas; den kan vara låst av ett annat program eller ligga på en enhet som inte svarar"
        return None, [FormProblem(1, unread)]
    except UnicodeDecodeError:
        return None, [FormProblem(1, "filen är inte sparad som UTF-8-text; spara den som UTF-8 i din textredigerare")]
    return check_form(text)
