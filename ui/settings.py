# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Every setting the app keeps, typed, with its key and default in one place.

Preferences (the reporter's profile, sending over SMTP) are apart from window state
(geometry, the section and scroll position of each draft). Values come back from a file
a person may have edited or that may be damaged: each read checks the type and range and
falls back to the default rather than raising, except an unknown SMTP security setting,
which refuses to send instead of quietly sending in plain text.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast, get_args

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from finsam_desktop.handoff.smtp import SmtpSettings

PROFILE_GROUP = "profil"
SMTP_SERVER, SMTP_PORT, SMTP_SECURITY, SMTP_USER = "epost/server", "epost/port", "epost/säkerhet", "epost/användare"
DEFAULT_PORT = 587
GEOMETRY = "fönster/geometri"


class UnknownSecurity(ValueError):
    """The SMTP security setting is not one the app knows; ``str()`` is the message."""


def _text(key: str, default: str = "") -> str:
    value = QSettings().value(key, default)
    return value if isinstance(value, str) else default


def _store(key: str, value: object) -> None:
    """Set a value; the file holds the reporter's name, mobile and e-mail, so it is readable
    by its owner only (where the system has such permissions)."""
    settings = QSettings()
    settings.setValue(key, value)
    settings.sync()
    with contextlib.suppress(OSError):
        if os.name == "posix" and Path(settings.fileName()).is_file():
            os.chmod(settings.fileName(), 0o600)


def _number(key: str, default: int, low: int, high: int) -> int:
    value = QSettings().value(key, default)
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if low <= number <= high else default


# --- preferences ----------------------------------------------------------------------


def profile_value(path: str) -> str:
    return _text(f"{PROFILE_GROUP}/{path}")


def set_profile_value(path: str, text: str) -> None:
    _store(f"{PROFILE_GROUP}/{path}", text)


def last_form() -> str:
    """The form chosen for the latest new report, preselected next time."""
    return _text("ny-rapport/formular")


def set_last_form(form_id: str) -> None:
    _store("ny-rapport/formular", form_id)


def smtp_settings() -> SmtpSettings | None:
    """Direct sending, when a server is set up in Inställningar; raises :class:`UnknownSecurity`."""
    from finsam_desktop.handoff.smtp import Security, SmtpSettings  # smtplib and ssl: when sending

    host = _text(SMTP_SERVER).strip()
    if not host:
        return None
    security = _text(SMTP_SECURITY, "starttls")
    if security not in get_args(Security):
        raise UnknownSecurity(
            f"Inställningen för säker anslutning till e-postservern är okänd (”{security}”), så inget skickades. "
            "Välj STARTTLS eller SSL under Inställningar."
        )
    return SmtpSettings(host, _number(SMTP_PORT, DEFAULT_PORT, 1, 65535), cast(Security, security), _text(SMTP_USER).strip())


def stored_smtp_form() -> tuple[str, int, str, str]:
    """What Inställningar shows: server, port, security (as stored) and user name."""
    return _text(SMTP_SERVER), _number(SMTP_PORT, DEFAULT_PORT, 1, 65535), _text(SMTP_SECURITY, "starttls"), _text(SMTP_USER)


def save_smtp(host: str, port: int, security: str, user: str) -> None:
    for key, value in ((SMTP_SERVER, host.strip()), (SMTP_PORT, port), (SMTP_SECURITY, security), (SMTP_USER, user.strip())):
        _store(key, value)


# --- window state ---------------------------------------------------------------------


def last_folder() -> str:
    """Where the latest document was saved, for the next save dialog ("" before the first)."""
    return _text("export/mapp")


def set_last_folder(folder: str) -> None:
    _store("export/mapp", folder)


def received_folder() -> str:
    """Where the office last chose received reports ("" before the first time)."""
    return _text("sammanstallning/mapp")


def set_received_folder(folder: str) -> None:
    _store("sammanstallning/mapp", folder)


def register_file() -> str:
    """The office's register of received reports ("" until one is chosen or made)."""
    return _text("sammanstallning/register")


def set_register_file(path: str) -> None:
    _store("sammanstallning/register", path)


def window_geometry() -> QByteArray | None:
    value = QSettings().value(GEOMETRY)
    return value if isinstance(value, QByteArray) else None


def set_window_geometry(geometry: QByteArray) -> None:
    _store(GEOMETRY, geometry)


def _draft_key(draft: Path) -> str:
    return "utkast/" + re.sub(r"[^A-Za-z0-9]", "_", draft.name)


def last_section(draft: Path, sections: int) -> int:
    return _number(f"{_draft_key(draft)}/avsnitt", 0, 0, max(sections - 1, 0))


def set_last_section(draft: Path, row: int) -> None:
    _store(f"{_draft_key(draft)}/avsnitt", row)


def scroll_position(draft: Path, section: str) -> int:
    return _number(f"{_draft_key(draft)}/rullning/{section}", 0, 0, 10**7)


def set_scroll_position(draft: Path, section: str, value: int) -> None:
    _store(f"{_draft_key(draft)}/rullning/{section}", value)
