# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Skicka med e-post… from the window: each way of handing over, and its record on the draft."""

from __future__ import annotations

import email
import sys
from email.policy import default
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import list_drafts, read_draft
from finsam_desktop.handoff.mail_program import MailProgramUnavailable, compose_argument, send_with_mapi
from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.test_handoff import Inbox, server
from ui import export_actions, send_mail, settings
from ui.app import create_application
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    create_application([])
    monkeypatch.setattr(export_actions, "documents_folder", lambda: tmp_path / "Dokument")
    monkeypatch.setattr(send_mail, "documents_folder", lambda: tmp_path / "Dokument")
    monkeypatch.setattr(send_mail, "thunderbird_compose", lambda *args: None)  # whatever this machine has
    name, draft = sample_report()
    main = MainWindow(DraftSession.create(drafts_dir(), name, draft))
    qtbot.addWidget(main)
    return main


def test_an_eml_draft_opens_in_the_mail_program_and_the_hand_off_is_recorded(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    told: list[str] = []
    monkeypatch.setattr(send_mail, "open_with_default_program", lambda path: opened.append(path) or True)
    monkeypatch.setattr(send_mail, "ask_marked_as_sent", lambda parent, text: told.append(text) and False)
    window.send_by_email()
    (eml,) = opened
    docx = eml.with_suffix(".docx")
    parsed = email.message_from_bytes(eml.read_bytes(), policy=default)
    assert parsed["To"] == "kontakt@finsamgavleborg.se" and parsed["X-Unsent"] == "1"
    assert next(parsed.iter_attachments()).get_content() == docx.read_bytes()
    assert told == [
        "Ett nytt meddelande med rapporten bifogad öppnas i ditt e-postprogram. Läs igenom det och tryck Skicka.\n\n"
        f"Rapporten och meddelandet ({eml.name}) sparades i mappen {eml.parent}."
    ]  # the folder the hand-off made, and what it left there, said
    assert eml.is_file() and docx.is_file()
    qtbot.waitUntil(lambda: len(read_draft(window.session.path).handoffs) == 1, timeout=5000)
    (handoff,) = read_draft(window.session.path).handoffs
    assert (handoff.how, handoff.to) == ("e-postfil", "kontakt@finsamgavleborg.se")
    info = list_drafts(drafts_dir())[0]
    assert (info.sent, info.opened) == (None, handoff.when.date()), "opened is not sent: the user may close it unsent"


def test_marking_as_sent_after_the_mail_program_opened_records_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(send_mail, "open_with_default_program", lambda path: True)

    def press_markera(box: QMessageBox) -> int:
        next(button for button in box.buttons() if button.text() == "Markera som skickad").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_markera)
    window.send_by_email()
    qtbot.waitUntil(lambda: [h.how for h in read_draft(window.session.path).handoffs] == ["e-postfil", "markerad"], timeout=5000)
    assert list_drafts(drafts_dir())[0].sent is not None


def test_when_nothing_opens_the_address_stays_and_can_be_copied(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(send_mail, "open_with_default_program", lambda path: False)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    presses = iter(["Öppna nytt e-postmeddelande", "Kopiera adress", "Stäng"])
    seen: list[tuple[str, str]] = []

    def press_next(box: QMessageBox) -> int:
        seen.append((box.text(), box.informativeText()))
        wanted = next(presses)
        next(button for button in box.buttons() if button.text() == wanted).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_next)
    window.send_by_email()
    assert len(seen) == 3 and all("kontakt@finsamgavleborg.se" in text for text, _ in seen)
    assert seen[1][1].startswith("Inget e-postprogram tog emot länken heller.")
    assert seen[2][1] == "Adressen kontakt@finsamgavleborg.se är kopierad."
    assert QApplication.clipboard().text() == "kontakt@finsamgavleborg.se"
    assert window.session.handoffs == [], "nothing was handed over, so nothing is recorded"


def test_with_no_mail_program_the_file_and_a_mailto_link_are_offered(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(send_mail, "open_with_default_program", lambda path: False)
    shown: list[str] = []

    def choose_mailto(box: QMessageBox) -> int:
        shown.append(box.text())
        next(button for button in box.buttons() if button.text() == "Öppna nytt e-postmeddelande").click()
        return 0

    urls: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", choose_mailto)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(QUrl(url).toString()) or True)
    window.send_by_email()
    assert shown[0].startswith("Inget e-postprogram kunde öppnas. Rapporten är sparad som ")
    assert shown[0].endswith("öppna ett nytt meddelande och bifoga filen.")
    assert urls[0].startswith("mailto:kontakt@finsamgavleborg.se?subject=")
    qtbot.waitUntil(lambda: [h.how for h in read_draft(window.session.path).handoffs] == ["mailto"], timeout=5000)


def use_smtp_server(port: int) -> None:
    """Inställningar → E-post, as the user fills it in for a server on this machine."""
    settings.save_smtp("127.0.0.1", port, "none", "")


def test_direct_sending_over_smtp_reaches_the_server(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = Inbox()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    for controller in server(inbox):
        use_smtp_server(controller.port)
        window.send_by_email()
        qtbot.waitUntil(lambda: told == ["Rapporten är skickad till kontakt@finsamgavleborg.se."], timeout=10000)
    (raw,) = inbox.messages
    received = email.message_from_bytes(raw, policy=default)
    assert received["From"] == "lena.sjoberg@ockelbo.se"
    assert next(received.iter_attachments()).get_filename().startswith("Slutrapport – Steget före")
    qtbot.waitUntil(lambda: [h.how for h in read_draft(window.session.path).handoffs] == ["smtp"], timeout=5000)


def test_thunderbird_compose_argument_holds_everything_quoted() -> None:
    argument = compose_argument("kontakt@finsamgavleborg.se", "Slutrapport – Steget före", "Hej!\nDet är Lena's rapport.",
                                [Path("/tmp/Slutrapport – Steget före.docx")])
    assert argument.startswith("to='kontakt@finsamgavleborg.se',subject='Slutrapport – Steget före',body='Hej!")
    assert "Lena’s" in argument and "attachment='file:///tmp/Slutrapport%20%E2%80%93%20Steget%20f%C3%B6re.docx'" in argument


@pytest.mark.skipif(sys.platform == "win32", reason="Simple MAPI exists on Windows; this is the elsewhere path")
def test_simple_mapi_is_not_offered_outside_windows(tmp_path: Path) -> None:
    with pytest.raises(MailProgramUnavailable, match="bara i Windows"):
        send_with_mapi("kontakt@finsamgavleborg.se", "Ämne", "Text", [tmp_path / "r.docx"])


@pytest.mark.parametrize("address", ["lena.sjoberg@ockelbo.se\nBcc: alla@example.se", "lena.sjoberg\u2028@ockelbo.se"])
def test_a_line_break_in_the_senders_address_gets_a_message_not_an_error(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, address: str
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(send_mail, "confirm_draft_export", lambda *args: True)  # exported as UTKAST: agreed
    window.session.draft.ansvarig.epost.raw = address
    inbox = Inbox()
    for controller in server(inbox):
        use_smtp_server(controller.port)
        window.send_by_email()
    assert inbox.messages == []
    assert warned and warned[0].startswith("Din e-postadress i avsnitt 2 behövs som avsändare men kan inte användas:")
