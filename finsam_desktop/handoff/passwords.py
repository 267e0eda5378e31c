# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The SMTP password, kept only in the operating system's keyring.

With no usable keyring (some Linux desktops, locked-down PCs) nothing is stored anywhere:
the app asks for the password each time and :class:`NoKeyring` says why.
"""

from __future__ import annotations

import keyring
from keyring.backends import chainer, fail
from keyring.errors import KeyringError

SERVICE = "Finsam Slutrapport SMTP"
NO_KEYRING = (
    "Datorn har ingen nyckelring där lösenordet kan sparas säkert, så du får skriva det varje gång du skickar."
)


class NoKeyring(Exception):
    """No keyring backend that can keep a password; ``str()`` explains it in Swedish."""


def _usable() -> bool:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


def _key(username: str, host: str) -> str:
    return f"{username}@{host}"


def stored_password(username: str, host: str) -> str | None:
    if not _usable():
        raise NoKeyring(NO_KEYRING)
    try:
        return keyring.get_password(SERVICE, _key(username, host))
    except KeyringError as error:
        raise NoKeyring(NO_KEYRING) from error


def store_password(username: str, host: str, password: str) -> None:
    if not _usable():
        raise NoKeyring(NO_KEYRING)
    try:
        keyring.set_password(SERVICE, _key(username, host), password)
    except KeyringError as error:
        raise NoKeyring(NO_KEYRING) from error
