"""The example report the app offers to first-time users and ``finsam-desktop sample`` writes."""

from __future__ import annotations

import tomllib

from finsam_desktop.model import Draft
from finsam_desktop.resources import resource


def sample_report() -> tuple[str, Draft]:
    """The example's name and a fresh copy of its draft."""
    data = tomllib.loads(resource("samples", "exempelrapport.toml").read_text(encoding="utf-8"))
    return data["name"], Draft.model_validate(data["draft"])
