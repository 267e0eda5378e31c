# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What validation finds: a problem at a field, how serious, and what to do about it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from finsam_desktop.forms.paths import FieldPath

Severity = Literal["fel", "varning"]
FEL: Severity = "fel"
VARNING: Severity = "varning"


@dataclass(frozen=True)
class Problem:
    """One thing to fix (``fel``, blocks a final export) or look at (``varning``) in the field
    at ``path``, said in Swedish with how to put it right."""

    path: FieldPath
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.severity}: {self.message}"


def is_blank(text: str) -> bool:
    """Whitespace and invisible control characters alone count as nothing written."""
    return not any(not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf"} for char in text)


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.severity == FEL for problem in problems)
