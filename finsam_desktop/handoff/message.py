# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The e-mail that carries the report: subject, a short Swedish body, the .docx attached.

As an ``.eml`` draft it has ``X-Unsent: 1`` and no Date or Message-ID, so Outlook and
Thunderbird open it as a new message to edit and send. The attachment's name is given
in plain ASCII as the Content-Type ``name`` (read by older programs) and in UTF-8 as the
RFC 2231 ``filename*`` of its Content-Disposition.
"""

from __future__ import annotations

import unicodedata
import urllib.parse
from collections.abc import Sequence
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from finsam_desktop.handoff.attachments import content_type
from finsam_desktop.model import Report
from finsam_desktop.roles import form_of, role_text

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def _one_line(text: str) -> str:
    """Text for a header: as written, on one line (line breaks would end the header), and
    with no ``=?`` that a mail reader would decode as an encoded word of its own."""
    return " ".join(text.split()).replace("=?", "=\u2060?")


def subject_of(draft: Report) -> str:
    """The subject keeps the insats's own words (``/ : " ?`` included); it is not a file name."""
    parts = ["Slutrapport", _one_line(role_text(draft, "name")), _one_line(role_text(draft, "organisation"))]
    return " – ".join(part for part in parts if part)


def body_of(draft: Report, filename: str, others: Sequence[str] = ()) -> str:
    sender = role_text(draft, "contact") or "Uppgiftslämnaren"
    organisation = role_text(draft, "organisation")
    insats = role_text(draft, "name") or "insatsen"
    also = "".join(f"- {name}\n" for name in others)
    return (
        "Hej!\n\n"
        f"Här kommer slutrapporten för {insats}. Rapporten finns bifogad som Word-dokument ({filename}).\n\n"
        + (f"Bilagor:\n{also}\n" if also else "")
        + "Med vänliga hälsningar\n"
        f"{sender}\n{organisation}\n"
    )


MAX_ASCII_NAME = 60  # longer, and Python writes RFC 2231 continuations older programs misread


def ascii_name(filename: str) -> str:
    """``Slutrapport – Steget före.docx`` → ``Slutrapport - Steget fore.docx``, short enough
    to stay one plain parameter (the full name travels in UTF-8 beside it)."""
    text = filename.replace("–", "-").replace("—", "-")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace('"', "")
    stem, dot, suffix = text.rpartition(".")
    if len(text) > MAX_ASCII_NAME and dot:
        cut = stem[: MAX_ASCII_NAME - len(suffix) - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" -.") + "." + suffix  # at a word
    return text or "Slutrapport.docx"


def _attach(message: EmailMessage, data: bytes, maintype: str, subtype: str, filename: str) -> None:
    message.add_attachment(data, maintype, subtype, filename=filename)  # UTF-8 (RFC 2231) when needed
    attached: EmailMessage = message.get_payload()[-1]  # type: ignore[index,assignment]  # a multipart's parts
    attached.set_param("name", ascii_name(filename), header="Content-Type")  # plain ASCII


def report_message(draft: Report, attachment: bytes, filename: str, sender: str = "", files: Sequence[Path] = ()) -> EmailMessage:
    """The message to the förbund's address (from the form data) with the report attached,
    and the files its attachment fields name."""
    message = EmailMessage(policy=SMTP)
    message["To"] = form_of(draft).forbund.recipient
    if sender:
        message["From"] = sender
    message["Subject"] = subject_of(draft)
    message.set_content(body_of(draft, filename, [path.name for path in files]))
    _attach(message, attachment, *DOCX_TYPE, filename)
    for path in files:
        _attach(message, path.read_bytes(), *content_type(path), path.name)
    return message


def eml_draft(message: EmailMessage) -> bytes:
    """The message as an unsent draft file (``.eml``)."""
    draft = EmailMessage(policy=SMTP)
    draft["X-Unsent"] = "1"
    for key, value in message.items():
        if key.lower() not in {"date", "message-id"}:
            draft[key] = value
    draft.set_payload(message.get_payload())
    return draft.as_bytes()


def mailto_url(draft: Report, filename: str) -> str:
    """A ``mailto:`` link with address, subject and body; the file must be attached by hand."""
    insats = role_text(draft, "name") or "insatsen"
    sender = role_text(draft, "contact") or "Uppgiftslämnaren"
    body = (
        f"Hej!\n\nHär kommer slutrapporten för {insats}.\n\n"
        f"(Bifoga filen {filename} innan du skickar.)\n\n"
        f"Med vänliga hälsningar\n{sender}\n{role_text(draft, 'organisation')}\n"
    )
    query = urllib.parse.urlencode({"subject": subject_of(draft), "body": body}, quote_via=urllib.parse.quote)
    return f"mailto:{form_of(draft).forbund.recipient}?{query}"
