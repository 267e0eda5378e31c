# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Which form the app starts with, and its heading, read without the forms engine: the start
window says these words before pydantic and the forms' fields have loaded (a fifth of a second
on an office PC)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from finsam_desktop.resources import resource

DEFAULT_FORM = "gavleborg-slutrapport"


@dataclass(frozen=True)
class FormHeading:
    title: str
    subtitle: str
    instruction: str


@cache
def default_heading() -> FormHeading:
    """The ``[form]`` table of the default form as shipped (its file is named by its id)."""
    table = tomllib.loads(resource("forms", f"{DEFAULT_FORM}.toml").read_text(encoding="utf-8"))["form"]
    return FormHeading(str(table["title"]), str(table["subtitle"]), str(table.get("instruction", "")))
