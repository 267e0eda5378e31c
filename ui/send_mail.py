# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Skicka med e-post…: the report as a new message in the user's own mail program.

Order of attempts: SMTP when set up in Inställningar; Simple MAPI on Windows; Thunderbird's
compose window where it is the default; an ``.eml`` draft opened with the default program.
When none of them takes the message, the user gets the document shown in its folder and a
``mailto:`` link, with a sentence saying to attach the file. Every hand-off is recorded on
the draft. Dialogs and the launching of programs are here, so tests replace them.
"""

from __future__ import annotations

import contextlib
import logging
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QProgressDialog, QWidget

from finsam_desktop.document.export import ExportError, export_docx, export_message
from finsam_desktop.document.filename import suggested_filename
from finsam_desktop.forms.kinds.attachments import file_name
from finsam_desktop.handoff.attachments import MAX_ATTACHED_BYTES, ReportFiles, report_files
from finsam_desktop.handoff.mail_program import (
    MailProgramUnavailable,
    mapi_client_registered,
    send_with_mapi,
    thunderbird_compose,
)
from finsam_desktop.handoff.message import body_of, eml_draft, mailto_url, report_message, subject_of
from finsam_desktop.handoff.passwords import NoKeyring, store_password, stored_password
from finsam_desktop.handoff.smtp import SendFailed, SmtpSender, SmtpSettings
from finsam_desktop.parsing import parse_email
from finsam_desktop.roles import form_of, role_text
from finsam_desktop.session import DraftSession
from ui.export_actions import confirm_draft_export, documents_folder
from ui.reveal import reveal
from ui.settings import UnknownSecurity, smtp_settings

EXPORT_FOLDER = "Finsam slutrapporter"
log = logging.getLogger("finsam.send")


def open_with_default_program(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def start_program(command: list[str]) -> bool:
    try:
        subprocess.Popen(command)
    except OSError:
        return False
    return True


def ask_password(parent: QWidget, settings: SmtpSettings, why: str = "") -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        "Lösenord för e-post",
        (why + "\n\n" if why else "") + f"Lösenord för {settings.username} på {settings.host}:",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


class _Sending(QObject):
    """Carries the outcome of a send from its thread back to the window."""

    finished = Signal(object)  # None, or the SendFailed


def send_over_smtp(
    parent: QWidget, session: DraftSession, settings: SmtpSettings, path: Path, record: Callable[[str], None]
) -> None:
    """Send with progress and a cancel button; the outcome is told when it arrives."""
    own_address = parse_email(role_text(session.draft, "contact_email"))
    if not own_address.ok:  # it is the sender: a line break in it would even break the message
        QMessageBox.warning(
            parent,
            "Inte skickat",
            "Din e-postadress i avsnitt 2 behövs som avsändare men kan inte användas: "
            f"{own_address.error or 'den är tom.'} Rätta den och försök igen.",
        )
        return
    why = ""
    try:
        password = stored_password(settings.username, settings.host) if settings.username else ""
    except NoKeyring as error:
        password, why = None, str(error)
    keep = password is None and not why
    if settings.username and password is None:
        password = ask_password(parent, settings, why)
        if password is None:
            return
    files = report_files(session.draft).found
    message = report_message(session.draft, path.read_bytes(), path.name, sender=str(own_address.value), files=files)
    sender = SmtpSender(settings, password or "")
    progress = QProgressDialog("Skickar rapporten till förbundet …", "Avbryt", 0, 0, parent)
    progress.setWindowTitle("Skicka med e-post")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.canceled.connect(sender.cancel)
    bridge = _Sending(parent)
    recipient = form_of(session.draft).forbund.recipient

    def done(error: object) -> None:
        progress.reset()
        if error is None:
            record("smtp")
            if keep and settings.username:
                with contextlib.suppress(NoKeyring):  # then it is asked for next time, as now
                    store_password(settings.username, settings.host, password or "")
            QMessageBox.information(parent, "Skickat", f"Rapporten är skickad till {recipient}.")
        else:
            QMessageBox.warning(parent, "Inte skickat", str(error))

    bridge.finished.connect(done)

    def work() -> None:
        try:
            sender.send(message)
            bridge.finished.emit(None)
        except SendFailed as error:
            bridge.finished.emit(error)
        except Exception as error:  # never a hung progress dialog
            log.exception("sending failed")
            bridge.finished.emit(SendFailed(f"Meddelandet kunde inte skickas ({error.__class__.__name__}). Inget skickades."))

    progress.open()
    threading.Thread(target=work, name="smtp", daemon=True).start()


def ask_marked_as_sent(parent: QWidget, text: str) -> bool:
    """Say the message is open in the mail program; True when the user says it was sent."""
    box = QMessageBox(QMessageBox.Icon.Information, "Meddelandet är öppnat", text, parent=parent)
    box.setInformativeText("Programmet kan inte se när du trycker Skicka där. När du har skickat, markera rapporten som skickad.")
    sent = box.addButton("Markera som skickad", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Inte än", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is sent


def fall_back(parent: QWidget, session: DraftSession, path: Path, record: Callable[[str], None]) -> None:
    """The last resort: the address and the file stay on screen until the user closes them,
    with the file's folder, the address to copy, and a mailto: link (the file attached by hand)."""
    recipient = form_of(session.draft).forbund.recipient
    box = QMessageBox(QMessageBox.Icon.Information, "Skicka rapporten själv", "", parent=parent)
    box.setText(
        f"Inget e-postprogram kunde öppnas. Rapporten är sparad som {path}.\n\n"
        f"Skicka den till {recipient}: öppna ett nytt meddelande och bifoga filen."
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    show = box.addButton("Visa filen i mappen", QMessageBox.ButtonRole.ActionRole)
    copy = box.addButton("Kopiera adress", QMessageBox.ButtonRole.ActionRole)
    mail = box.addButton("Öppna nytt e-postmeddelande", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Stäng", QMessageBox.ButtonRole.RejectRole)
    while True:  # a button that helps keeps the box (and the address) on screen
        box.exec()
        clicked = box.clickedButton()
        if clicked is show:
            reveal(box, path)
        elif clicked is copy:
            QApplication.clipboard().setText(recipient)
            box.setInformativeText(f"Adressen {recipient} är kopierad.")
        elif clicked is mail and QDesktopServices.openUrl(QUrl(mailto_url(session.draft, path.name))):
            record("mailto")
            return
        elif clicked is mail:
            box.setInformativeText("Inget e-postprogram tog emot länken heller. Kopiera adressen och skicka från webbmejlen.")
        else:
            return


def attachments_confirmed(parent: QWidget, files: ReportFiles) -> bool:
    """Files the report names that are gone, or too many megabytes for a mail server, are
    said before anything is sent; the user decides whether to send without them."""
    said = []
    if files.missing:
        said.append(
            "De här bilagorna finns inte längre där de valdes och kommer inte med: "
            + ", ".join(f"”{file_name(name)}”" for name in files.missing)
            + ". Lägg till dem igen i rapporten om de ska med."
        )
    if files.size > MAX_ATTACHED_BYTES:
        said.append(
            f"Bilagorna är tillsammans {files.size // 2**20} MB, mer än många e-postservrar tar emot i ett meddelande."
        )
    if not said:
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, "Bilagor", "\n\n".join(said), parent=parent)
    send = box.addButton("Skicka ändå", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is send


def send_by_email(parent: QWidget, session: DraftSession, recorded: Callable[[], None] = lambda: None) -> Path | None:
    """Skicka med e-post…; returns the exported document, or None when nothing was done.

    ``recorded`` is called after a hand-off was noted on the draft, so it can be saved.
    Only what is known is recorded: sent (SMTP delivered, the MAPI client sent it, or the
    user says so) or opened in the mail program."""
    if not confirm_draft_export(parent, session):
        return None
    folder = documents_folder() / EXPORT_FOLDER
    path = folder / suggested_filename(session.draft)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        export_docx(session.draft, session.name, path, session.imported)
    except ExportError as error:
        QMessageBox.warning(parent, "Kunde inte exportera", str(error))
        return None
    except OSError as error:
        QMessageBox.warning(parent, "Kunde inte exportera", export_message(path, error))
        return None
    recipient = form_of(session.draft).forbund.recipient
    files = report_files(session.draft)
    if not attachments_confirmed(parent, files):
        return path

    def record(how: str) -> None:
        session.record_handoff(how, recipient)
        recorded()

    def opened(how: str, text: str, kept: str = "Rapporten") -> Path:
        """Said with where the files the hand-off made are kept: nothing left behind unsaid."""
        record(how)
        if ask_marked_as_sent(parent, f"{text}\n\n{kept} sparades i mappen {folder}."):
            record("markerad")
        return path

    try:
        settings = smtp_settings()
    except UnknownSecurity as error:
        QMessageBox.warning(parent, "Inte skickat", str(error))
        return path
    if settings is not None:
        send_over_smtp(parent, session, settings, path, record)
        return path
    names = [each.name for each in files.found]
    subject, body = subject_of(session.draft), body_of(session.draft, path.name, names)
    if mapi_client_registered():
        try:
            if send_with_mapi(recipient, subject, body, [path, *files.found], int(parent.winId())):
                record("e-postprogram")  # the MAPI client reports the message as sent
            return path
        except MailProgramUnavailable:
            pass
    command = thunderbird_compose(recipient, subject, body, [path, *files.found])
    if command is not None and start_program(command):
        return opened(
            "compose", "Ett nytt meddelande med rapporten bifogad öppnas i Thunderbird. Läs igenom det och tryck Skicka."
        )
    eml = path.with_suffix(".eml")
    eml.write_bytes(eml_draft(report_message(session.draft, path.read_bytes(), path.name, files=files.found)))
    if open_with_default_program(eml):
        return opened(
            "e-postfil",
            "Ett nytt meddelande med rapporten bifogad öppnas i ditt e-postprogram. Läs igenom det och tryck Skicka.",
            f"Rapporten och meddelandet ({eml.name})",
        )
    fall_back(parent, session, path, record)
    return path
