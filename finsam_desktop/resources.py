# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Where the core finds the files in ``resources/``, installed or frozen alike."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file below the ``resources`` package, e.g. ``resource("forms", "x.toml")``."""
    node = files("resources")
    for part in parts:
        node = node / part
    return node
