# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Sending the report straight to the förbund over SMTP, for organisations that allow it.

Refusals and failures come back as :class:`SendFailed` with the reason in plain Swedish;
:meth:`SmtpSender.cancel` from another thread stops a send under way.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import socket
import ssl
import threading
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Literal, get_args

Security = Literal["starttls", "ssl", "none"]


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: Security = "starttls"
    username: str = ""


class SendFailed(Exception):
    """The message was not sent; ``str()`` says why in Swedish."""


class SendCancelled(SendFailed):
    def __init__(self) -> None:
        super().__init__("Skickandet avbröts. Inget skickades.")


def _reason(error: BaseException, settings: SmtpSettings) -> str:
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "E-postservern godtog inte användarnamnet eller lösenordet. Kontrollera dem under Inställningar."
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "E-postservern vägrade skicka till förbundets adress. Fråga din IT-avdelning."
    if isinstance(error, smtplib.SMTPSenderRefused):
        return f"E-postservern godtog inte avsändaren ({error.sender!r}). Kontrollera din e-postadress."
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return "E-postservern stöder inte säker anslutning (STARTTLS). Välj SSL eller fråga din IT-avdelning."
    if isinstance(error, ssl.SSLError):
        return "Den säkra anslutningen till e-postservern misslyckades. Kontrollera port och säkerhet."
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else str(error.smtp_error)
        return f"E-postservern svarade: {error.smtp_code} {text}"
    if isinstance(error, (socket.gaierror, ConnectionRefusedError, TimeoutError, socket.timeout, OSError)):
        return (
            f"Det gick inte att nå e-postservern {settings.host}:{settings.port}. "
            "Kontrollera namn och port, eller försök igen senare."
        )
    return f"Meddelandet kunde inte skickas ({error.__class__.__name__})."


OVERALL_SECONDS = 180  # a server that answers a byte at a time still ends within this
_END_OF_DATA = b"\r\n.\r\n"
AFTER_DATA = (
    "Servern svarade inte efter att ha tagit emot meddelandet; kontrollera i Skickat innan du skickar igen. "
    "Det kan ha kommit fram."
)


class _SMTP(smtplib.SMTP):
    """Notes when the whole message has gone to the server: after that, a silent server may
    have taken it, and saying "not sent" would invite sending it twice."""

    body_sent = False

    def send(self, s: bytes | str) -> None:  # type: ignore[override]
        super().send(s)
        if isinstance(s, bytes) and s.endswith(_END_OF_DATA):
            self.body_sent = True


class _SMTP_SSL(_SMTP, smtplib.SMTP_SSL):  # named as smtplib names it
    pass


def _duration(seconds: float) -> str:
    return f"{round(seconds / 60)} minuter" if seconds >= 120 else f"{round(seconds)} sekunder"


class SmtpSender:
    """One send, which another thread may cancel, and which ends within ``OVERALL_SECONDS``."""

    def __init__(self, settings: SmtpSettings, password: str, context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self.password = password
        self.context = context or ssl.create_default_context()
        self._connection: _SMTP | None = None
        self._cancelled = threading.Event()
        self._expired = threading.Event()
        self._overall: float = OVERALL_SECONDS

    def _expire(self) -> None:
        self._expired.set()
        self._wake()

    def cancel(self) -> None:
        """Stop the send: a shutdown wakes a thread waiting for the server (close would not)."""
        self._cancelled.set()
        self._wake()

    def _wake(self) -> None:
        sock = getattr(self._connection, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            if os.name == "nt":  # Windows cancels a waiting receive only when its handle is closed
                with contextlib.suppress(OSError):
                    socket.close(sock.fileno())  # the handle itself: smtplib's reader still holds the object

    def send(self, message: EmailMessage, timeout: float = 30, overall: float = OVERALL_SECONDS) -> None:
        settings = self.settings
        if settings.security not in get_args(Security):  # never fall back to plain text
            raise SendFailed("Inställningen för säker anslutning är okänd, så inget skickades. Välj STARTTLS eller SSL.")
        self._overall = overall
        deadline = threading.Timer(overall, self._expire)
        deadline.daemon = True
        deadline.start()
        try:
            self._send(message, timeout)
        finally:
            deadline.cancel()

    def _send(self, message: EmailMessage, timeout: float) -> None:
        settings = self.settings
        try:
            if settings.security == "ssl":
                self._connection = _SMTP_SSL(timeout=timeout, context=self.context)
            else:
                self._connection = _SMTP(timeout=timeout)
            self._connection._host = settings.host  # type: ignore[attr-defined]  # set only in __init__; STARTTLS checks it
            self._connection.connect(settings.host, settings.port)  # cancellable from here on
            with self._connection as connection:
                if settings.security == "starttls":
                    connection.starttls(context=self.context)
                if settings.username:
                    connection.login(settings.username, self.password)
                if self._cancelled.is_set():
                    raise SendCancelled()
                connection.send_message(message)
        except SendFailed:
            raise
        except UnicodeEncodeError as error:  # smtplib logs in with ASCII only
            raise SendFailed(
                "Användarnamnet eller lösenordet innehåller tecken (som å, ä eller ö) som inte kan skickas vid "
                "inloggning på e-postservern. Använd ditt e-postprogram i stället (töm Server under Inställningar)."
            ) from error
        except (smtplib.SMTPException, OSError) as error:
            delivered_maybe = self._connection is not None and self._connection.body_sent
            if delivered_maybe and not isinstance(error, smtplib.SMTPResponseException):
                raise SendFailed(AFTER_DATA) from error
            if self._cancelled.is_set():
                raise SendCancelled() from error
            if self._expired.is_set():
                raise SendFailed(
                    f"E-postservern {settings.host} svarade för långsamt, så skickandet avbröts efter "
                    f"{_duration(self._overall)}. Inget skickades; försök igen senare."
                ) from error
            raise SendFailed(_reason(error, settings)) from error
