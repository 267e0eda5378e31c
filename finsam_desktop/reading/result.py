# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What an import read, and how to say it in Swedish."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from finsam_desktop.drafts import ImportRecord
from finsam_desktop.model import Report


@dataclass
class ImportResult:
    name: str
    draft: Report
    source: Literal["inbäddat", "text"]
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # fields edited in Word since the export
    notes: list[str] = field(default_factory=list)  # tracked changes, comments, a damaged copy
    imported: ImportRecord = field(default_factory=ImportRecord)

    def summary(self) -> list[str]:
        """What was read, in Swedish, one line each."""
        if self.source == "inbäddat" and self.changed:
            lines = [
                f"Ändrat i Word sedan exporten: {', '.join(self.changed)}.",
                "Allt annat lästes in exakt som det exporterades.",
            ]
        elif self.source == "inbäddat":
            lines = ["Hela utkastet lästes in från dokumentet."]
        else:
            lines = [f"Hittade: {', '.join(self.found)}."]
            if self.missing:
                lines.append(f"Hittade inte: {', '.join(self.missing)}.")
            lines.append(NO_COPY)
        return lines + self.notes


NO_COPY = "Dokumentet saknar programmets kopia av utkastet; allt lästes från texten."
