# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The files a report is sent with besides itself: those its attachment fields name."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from pathlib import Path

from finsam_desktop.model import Report
from finsam_desktop.roles import form_of

MAX_ATTACHED_BYTES = 20 * 2**20  # more than many e-mail servers take in one message


@dataclass
class ReportFiles:
    found: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # chosen, but no longer where they were

    @property
    def size(self) -> int:
        return sum(path.stat().st_size for path in self.found if path.is_file())


def report_files(draft: Report) -> ReportFiles:
    """Every file the draft's attachment fields name, in the form's order, once each."""
    files = ReportFiles()
    for path, spec, _section in form_of(draft).fields():
        for name in spec.files(path.get(draft)) if spec.has_value else []:
            where = Path(name)
            if where in files.found or name in files.missing:
                continue
            (files.found.append(where) if where.is_absolute() and where.is_file() else files.missing.append(name))
    return files


def content_type(path: Path) -> tuple[str, str]:
    """``(maintype, subtype)`` of a file, by its name (``application/octet-stream`` when unknown)."""
    guessed, _encoding = mimetypes.guess_type(path.name)
    main, _, sub = (guessed or "application/octet-stream").partition("/")
    return main, sub
