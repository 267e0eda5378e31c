# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The user's own mail program: Simple MAPI on Windows, Thunderbird's compose line elsewhere.

``MAPISendMailW`` with the dialog flag shows a new message in Outlook (or whichever MAPI
client is registered) with the report attached, for the user to read and send. On Linux
a Thunderbird that is the default mail program gets ``-compose`` with the attachment.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

MAPI_LOGON_UI = 0x00000001
MAPI_DIALOG = 0x00000008
MAPI_TO = 1
SUCCESS_SUCCESS = 0
MAPI_USER_ABORT = 1


class MailProgramUnavailable(Exception):
    """No mail program could take the message; the caller falls back to a file."""


class _Recipient(ctypes.Structure):
    _fields_ = [
        ("ulReserved", ctypes.c_ulong), ("ulRecipClass", ctypes.c_ulong), ("lpszName", ctypes.c_wchar_p),
        ("lpszAddress", ctypes.c_wchar_p), ("ulEIDSize", ctypes.c_ulong), ("lpEntryID", ctypes.c_void_p),
    ]


class _File(ctypes.Structure):
    _fields_ = [
        ("ulReserved", ctypes.c_ulong), ("flFlags", ctypes.c_ulong), ("nPosition", ctypes.c_ulong),
        ("lpszPathName", ctypes.c_wchar_p), ("lpszFileName", ctypes.c_wchar_p), ("lpFileType", ctypes.c_void_p),
    ]


class _Message(ctypes.Structure):
    _fields_ = [
        ("ulReserved", ctypes.c_ulong), ("lpszSubject", ctypes.c_wchar_p), ("lpszNoteText", ctypes.c_wchar_p),
        ("lpszMessageType", ctypes.c_wchar_p), ("lpszDateReceived", ctypes.c_wchar_p),
        ("lpszConversationID", ctypes.c_wchar_p), ("flFlags", ctypes.c_ulong),
        ("lpOriginator", ctypes.POINTER(_Recipient)), ("nRecipCount", ctypes.c_ulong),
        ("lpRecips", ctypes.POINTER(_Recipient)), ("nFileCount", ctypes.c_ulong), ("lpFiles", ctypes.POINTER(_File)),
    ]


def mapi_client_registered() -> bool:
    """Whether Windows has a default MAPI mail client (Outlook, Thunderbird…)."""
    if sys.platform != "win32":
        return False
    import winreg

    for root in (winreg.HKEY_CURRENT_USER, winreg.HKEY_LOCAL_MACHINE):
        try:
            with winreg.OpenKey(root, r"SOFTWARE\Clients\Mail") as key:
                if winreg.QueryValueEx(key, "")[0]:
                    return True
        except OSError:
            continue
    return False


def mapi_message(to: str, subject: str, body: str, attachments: Sequence[Path]) -> _Message:
    """The message as Simple MAPI takes it: one recipient, the files by full path and name.
    It holds its recipient and files itself, so they live as long as the message."""
    recipient = _Recipient(0, MAPI_TO, to, f"SMTP:{to}", 0, None)
    files = (_File * len(attachments))(*(_File(0, 0, 0xFFFFFFFF, str(path), path.name, None) for path in attachments))
    message = _Message(0, subject, body, None, None, None, 0, None, 1, ctypes.pointer(recipient), len(attachments), files)
    message._keep = (recipient, files)  # ctypes pointers do not own what they point to
    return message


def send_with_mapi(to: str, subject: str, body: str, attachments: Sequence[Path], window: int = 0) -> bool:
    """Show a new message in the MAPI client with ``attachments`` (the report first); False
    when the user closed it without sending."""
    if sys.platform != "win32":
        raise MailProgramUnavailable("Simple MAPI finns bara i Windows.")
    try:
        send = ctypes.WinDLL("mapi32.dll").MAPISendMailW
    except (OSError, AttributeError) as error:
        raise MailProgramUnavailable("Inget e-postprogram tar emot meddelanden från andra program.") from error
    send.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(_Message), ctypes.c_ulong, ctypes.c_ulong]
    send.restype = ctypes.c_ulong
    message = mapi_message(to, subject, body, attachments)
    result = send(None, ctypes.c_void_p(window), ctypes.byref(message), MAPI_DIALOG | MAPI_LOGON_UI, 0)
    if result == MAPI_USER_ABORT:
        return False
    if result != SUCCESS_SUCCESS:
        raise MailProgramUnavailable(f"E-postprogrammet tog inte emot meddelandet (MAPI-fel {result}).")
    return True


def thunderbird_compose(to: str, subject: str, body: str, attachments: Sequence[Path]) -> list[str] | None:
    """The command that opens Thunderbird's compose window, when it is the default mail program."""
    if sys.platform == "win32" or shutil.which("xdg-mime") is None:
        return None
    default = subprocess.run(
        ["xdg-mime", "query", "default", "x-scheme-handler/mailto"], capture_output=True, text=True, check=False
    ).stdout.lower()
    binary = shutil.which("thunderbird")
    if "thunderbird" not in default or binary is None:
        return None
    return [binary, "-compose", compose_argument(to, subject, body, attachments)]


def compose_argument(to: str, subject: str, body: str, attachments: Sequence[Path]) -> str:
    """Thunderbird's ``-compose`` value; its quotes cannot hold a single quote, so those become ’."""

    def quoted(text: str) -> str:
        return "'" + text.replace("'", "’") + "'"

    return ",".join(
        [
            f"to={quoted(to)}",
            f"subject={quoted(subject)}",
            f"body={quoted(body)}",
            f"attachment={quoted(','.join(path.as_uri() for path in attachments))}",
        ]
    )
