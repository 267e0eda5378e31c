"""Reading what the förbund received: exported or hand-filled Word reports and drafts, a
file or a folder at a time. A file that cannot be read is kept with its reason, never
skipped; the same insats received twice is found, and the newest kept."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.drafts import DraftError, read_draft
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report
from finsam_desktop.roles import form_of, role_path, role_text
from finsam_desktop.validation import Problem, validate

READABLE = {".docx", ".json"}
log = logging.getLogger("finsam.compiling")


@dataclass
class Received:
    """One report as read; ``chosen`` is whether it goes into the compilation."""

    source: Path
    draft: Report
    problems: list[Problem]
    modified: datetime
    chosen: bool = True
    duplicate_of: list[Path] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        """The same insats: its name and organisation, ignoring case and spacing."""
        return _plain(role_text(self.draft, "name")), _plain(role_text(self.draft, "organisation"))

    @property
    def dated(self) -> tuple[date, datetime]:
        """How new the report is: its own date where it has one, else the file's time."""
        form = form_of(self.draft)
        path = role_path(form, "reporter_date")
        value = Values(self.draft, form).date(path) if path is not None else None
        return (value or self.modified.date()), self.modified


@dataclass(frozen=True)
class Unread:
    source: Path
    reason: str


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def files_in(paths: Iterable[Path]) -> list[Path]:
    """The files given, and the Word documents and drafts in the folders given (with their
    subfolders), in name order; Word's own lock files (``~$…``) left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                # not only plain files: a FIFO or device named .docx is listed with why it is not read
                (each for each in path.rglob("*") if not each.is_dir() and each.suffix.lower() in READABLE),
                key=lambda each: str(each).lower(),
            )
        else:
            found.append(path)
    return [path for path in dict.fromkeys(found) if not path.name.startswith("~$")]


def read_one(path: Path) -> Received | Unread:
    """A report from one file, or why it cannot be one."""
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError as error:
        return Unread(path, f"filen kan inte läsas ({error.strerror or error})")
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            draft = read_draft(path).draft
        elif suffix == ".docx":
            from finsam_desktop.reading.importer import read_docx  # python-docx only when needed

            draft = read_docx(path).draft
        else:
            return Unread(path, "inte en slutrapport (bara Word-dokument .docx och utkast .json läses)")
    except (ImportFailed, DraftError) as error:
        return Unread(path, str(error))
    except Exception:  # one odd file never stops the others
        log.exception("reading %s", path.name)
        return Unread(path, "filen kunde inte läsas; den kan vara skadad. Be om en ny kopia.")
    return Received(path, draft, validate(draft), modified)


def read_all(
    paths: list[Path], progress: Callable[[int, Path], bool] = lambda _done, _path: True
) -> Iterator[Received | Unread]:
    """Each file read in turn; ``progress(done, path)`` returning False stops (Avbryt)."""
    for done, path in enumerate(paths):
        if not progress(done, path):
            return
        yield read_one(path)


def mark_duplicates(reports: list[Received]) -> None:
    """The same insats received more than once: the newest is chosen, the others not."""
    groups: dict[tuple[str, str], list[Received]] = {}
    for report in reports:
        if report.key[0]:
            groups.setdefault(report.key, []).append(report)
    for group in groups.values():
        if len(group) < 2:
            continue
        newest = max(group, key=lambda report: report.dated)
        for report in group:
            report.chosen = report is newest
            report.duplicate_of = [other.source for other in group if other is not report]
