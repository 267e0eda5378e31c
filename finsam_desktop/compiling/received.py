# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Reading what the förbund received: exported or hand-filled Word reports and drafts, a
file or a folder at a time. Every file is accounted for: read, or listed with why not and
what to do about it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from finsam_desktop.compiling.names import plain_name
from finsam_desktop.compiling.rows import period_of
from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.drafts import DraftError, read_draft
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report
from finsam_desktop.roles import form_of, role_number, role_path, role_text
from finsam_desktop.validation import Problem, validate

READABLE = {".docx", ".json"}
ASK_FOR_WORD = "be avsändaren om Word-filen (.docx) som programmet exporterade"
NOT_READABLE = {  # what a file of another kind is, and what to do with it
    ".doc": "ett äldre Word-dokument (.doc): öppna det i Word och spara som .docx, läs sedan in det igen",
    ".docm": "ett Word-dokument med makron (.docm): öppna det i Word och spara som .docx, läs sedan in det igen",
    ".dotx": "en Word-mall (.dotx), inte en ifylld rapport",
    ".odt": "ett OpenDocument-dokument (.odt): öppna det i LibreOffice eller Word och spara som .docx",
    ".rtf": "ett RTF-dokument: öppna det i Word och spara som .docx",
    ".pdf": f"en PDF, som inte kan läsas in: {ASK_FOR_WORD}",
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".heic"),
        f"en bild (till exempel en inskannad sida), som inte kan läsas in: {ASK_FOR_WORD}",
    ),
    ".eml": "ett sparat e-postmeddelande: spara den bifogade rapporten som fil och läs in den",
    ".msg": "ett sparat e-postmeddelande: spara den bifogade rapporten som fil och läs in den",
    ".zip": "en zip-fil: packa upp den och välj mappen",
}
log = logging.getLogger("finsam.compiling")


@dataclass
class Received:
    """One report as read. ``chosen`` is whether it goes into the compilation; a report left
    out says why, and a near match of another says what the office should check."""

    source: Path
    draft: Report
    problems: list[Problem]
    modified: datetime
    office: dict[str, str] = field(default_factory=dict)  # the office box as the file has it
    chosen: bool = True
    left_out: str = ""
    to_confirm: str = ""

    @cached_property
    def name(self) -> str:
        return role_text(self.draft, "name")

    @cached_property
    def organisation(self) -> str:
        return role_text(self.draft, "organisation")

    @cached_property
    def amounts(self) -> tuple[int | float | None, int | float | None]:
        """Beviljat and utnyttjat, as far as the report gives them."""
        return role_number(self.draft, "granted"), role_number(self.draft, "used")

    @cached_property
    def key(self) -> tuple[str, str, tuple[date | None, date | None]]:
        """The same insats: its name and organisation as a person reads them, and its period."""
        return plain_name(self.name), plain_name(self.organisation), period_of(self.draft)

    @property
    def has_amounts(self) -> bool:
        return None not in self.amounts

    @cached_property
    def dated(self) -> tuple[date, datetime]:
        """How new the report is: its own date where it has one, else the file's time."""
        form = form_of(self.draft)
        path = role_path(form, "reporter_date")
        value = Values(self.draft, form).date(path) if path is not None else None
        return (value or self.modified.date()), self.modified

    @property
    def counts(self) -> str:
        """Its problems as the office reads them: ``2 fel, 1 varning``."""
        errors = sum(problem.severity == "fel" for problem in self.problems)
        warnings = len(self.problems) - errors
        return f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}"


@dataclass(frozen=True)
class Unread:
    """A file that is not in the compilation, and why; ``skipped`` for files that are not
    reports at all by their nature (Word's lock files), which are said but are no failure."""

    source: Path
    reason: str
    skipped: bool = False


def _in_folder(folder: Path) -> list[Path]:
    # not only plain files: a FIFO or device named .docx is listed with why it is not read
    return sorted((each for each in folder.rglob("*") if not each.is_dir()), key=lambda each: str(each).lower())


def accounted(paths: Iterable[Path]) -> tuple[list[Path], list[Unread]]:
    """The files to read among those given and in the folders given (with their subfolders),
    in name order, and every other file with why it is not read."""
    found: list[Path] = []
    for path in paths:
        found += _in_folder(path) if path.is_dir() else [path]
    readable, others = [], []
    for path in dict.fromkeys(found):
        suffix = path.suffix.lower()
        if path.name.startswith("~$"):
            others.append(Unread(path, "Words tillfälliga låsfil för ett dokument som är öppet; den hoppas över.", skipped=True))
        elif suffix in READABLE:
            readable.append(path)
        elif suffix in NOT_READABLE:
            others.append(Unread(path, f"filen är {NOT_READABLE[suffix]}."))
        else:
            others.append(Unread(path, "inte en slutrapport: bara Word-dokument (.docx) och utkast (.json) läses in."))
    return readable, others


def _unreadable(path: Path, error: OSError) -> Unread:
    if isinstance(error, PermissionError):
        return Unread(path, "du saknar behörighet att läsa filen. Kopiera den till en egen mapp och försök igen.")
    if isinstance(error, FileNotFoundError):
        return Unread(path, "filen finns inte längre (flyttad eller borttagen).")
    return Unread(path, "filen kan inte läsas. Kopiera den till en egen mapp och försök igen.")


def read_one(path: Path) -> Received | Unread:
    """A report from one file, or why it cannot be one."""
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError as error:
        return _unreadable(path, error)
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            loaded = read_draft(path)
            draft, office = loaded.draft, loaded.imported.office
        elif suffix == ".docx":
            from finsam_desktop.reading.importer import read_docx  # python-docx only when needed

            result = read_docx(path)
            draft, office = result.draft, result.imported.office
        else:
            return accounted([path])[1][0]
    except (ImportFailed, DraftError) as error:
        return Unread(path, str(error))
    except OSError as error:
        return _unreadable(path, error)
    except Exception:  # one odd file never stops the others
        log.exception("reading %s", path.name)
        return Unread(path, "filen kunde inte läsas; den kan vara skadad. Be om en ny kopia.")
    return Received(path, draft, validate(draft), modified, dict(office))


def read_all(paths: list[Path], progress: Callable[[int, Path], bool] = lambda _done, _path: True) -> Iterator[Received | Unread]:
    """Each file read in turn; ``progress(done, path)`` returning False stops (Avbryt)."""
    for done, path in enumerate(paths):
        if not progress(done, path):
            return
        yield read_one(path)
