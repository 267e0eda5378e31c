# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The wizard used as a person would: typing, leaving fields, fixing, exporting, reopening."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import read_draft
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.model import Report
from finsam_desktop.paths import drafts_dir
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.session import DraftSession
from tests.drafting import P
from tests.gavleborg import Draft
from tests.typing import type_text
from ui import export_actions
from ui.app import create_application
from ui.autosave import SAVE_DELAY_MS
from ui.editors.field import FieldEditor
from ui.main_window import MainWindow

TYPED = {
    "allmant.insatsens_namn": "Vägen in – samordning i Söderhamn",
    "allmant.insatstid.start": "240201",
    "allmant.insatstid.slut": "2025-06-30",
    "allmant.beviljade_medel": "300000",
    "allmant.utnyttjade_medel": "300 000 kr.",
    "ansvarig.organisation": "Söderhamns kommun",
    "ansvarig.arbetsstalle": "Socialtjänsten",
    "ansvarig.kontaktperson": "Sara Holm",
    "ansvarig.mobiltelefon": "+46701740655",
    "ansvarig.epost": "sara.holm.soderhamn.se",
    "ansvarig.postnummer": "82680",
    "ansvarig.postadress": "Söderhamn",
    "insatsbeskrivning.syfte_bakgrund": "Vi ville korta vägen till arbete.",
    "insatsbeskrivning.malgrupp": "Unga vuxna med försörjningsstöd.",
    "resultat.arbetssatt": "Gemensamma möten varje vecka.",
    "resultat.avvikelser": "Inga större avvikelser.",
    "resultat.uppfoljning": "Styrgruppen följde upp.",
    "analys.erfarenheter": "Samverkan tar tid men lönar sig.",
    "analys.implementering": "Arbetssättet blir ordinarie.",
    "analys.brukarmedverkan": "Deltagarna valde mötesplats.",
    "analys.framgangsfaktorer": "Fast kontaktperson.",
    "analys.systemfel": "Långa väntetider i vården.",
    "ekonomi.budget_avvagning": "Budgeten räckte precis.",
    "uppgiftslamnare.datum": "2025-08-15",
    "uppgiftslamnare.namn": "Sara Holm",
}


@pytest.fixture
def app(qtbot: QtBot):  # type: ignore[no-untyped-def]
    return create_application([])


def open_window(qtbot: QtBot, session: DraftSession) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def editor(window: MainWindow, path: str | FieldPath) -> Any:
    wanted = FieldPath.parse(path) if isinstance(path, str) else path
    for page in window.pages:
        editors = page.all_editors()
        if wanted in editors:
            window.sidebar.setCurrentRow(window.pages.index(page))
            return editors[wanted]
    raise KeyError(path)


def input_of(field: Any) -> QWidget:
    return field.input.focusProxy() or field.input


def type_into(qtbot: QtBot, window: MainWindow, path: str | FieldPath, text: str) -> None:
    """Click into the field, type like a person, and leave it."""
    widget = input_of(editor(window, path))
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    type_text(widget, text)
    window.sidebar.setFocus()  # leaving the field


def export_from_review(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path) -> Report:
    """Press the review page's export button, with the file dialog and the result box
    answered at the seam; what the exported document reads back as."""
    told: list[str] = []
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: target)
    monkeypatch.setattr(export_actions, "offer_to_open", lambda parent, path, lines: told.extend(lines))
    qtbot.mouseClick(window.review.export_button, Qt.MouseButton.LeftButton)
    assert told == [f"Rapporten är sparad som {target}"]
    return read_docx(target).draft


def test_a_whole_report_typed_reviewed_fixed_and_exported(app, qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, DraftSession.create(drafts_dir(), "", Draft()))
    for path, text in TYPED.items():
        type_into(qtbot, window, path, text)
    samverkan = window.pages[2].lists[P("samverkansparter")]
    qtbot.mouseClick(samverkan.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, window, "samverkansparter[0].organisation", "Försäkringskassan")
    goals = window.pages[4].lists[P("resultat.mal")]
    qtbot.mouseClick(goals.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, window, "resultat.mal[0].mal", "Tio personer i arbete.")
    type_into(qtbot, window, "resultat.mal[0].resultat", "Tolv personer fick arbete.")
    choice = input_of(editor(window, "resultat.mal[0].uppnatt"))
    assert isinstance(choice, QComboBox)
    choice.setCurrentIndex(choice.findText("Ja"))

    # typed values are shown back in canonical form, with a note of what was understood
    assert input_of(editor(window, "allmant.insatstid.start")).text() == "2024-02-01"
    assert editor(window, "allmant.insatstid.start").note.text() == "Tolkat som 2024-02-01. Du skrev ”240201”."
    assert input_of(editor(window, "ansvarig.mobiltelefon")).text() == "070-174 06 55"
    assert input_of(editor(window, "allmant.beviljade_medel")).text() == "300 000 kr"

    # the problem shows under the field once left, and on the review page
    email = editor(window, "ansvarig.epost")
    assert email.problems.isVisible() and email.problems.text().startswith("✖ Fel: En e-postadress har ett @")
    window.sidebar.setCurrentRow(len(window.pages))
    problems = window.review.problems
    assert [problems.item(row).text()[:30] for row in range(problems.count())] == [
        "2. Ansvarig för genomförande a", "✖ Fel: En e-postadress har ett",
    ]
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=problems.visualItemRect(problems.item(1)).center())
    qtbot.keyClick(problems, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.pages[1]
    assert input_of(email).hasFocus()

    # fixing it clears the problem; the review page says the report is complete
    input_of(email).selectAll()
    type_text(input_of(email), "sara.holm@soderhamn.se")
    window.sidebar.setFocus()
    assert not email.problems.isVisible()
    window.sidebar.setCurrentRow(len(window.pages))
    assert window.review.summary.text() == "✔ Rapporten är komplett och klar att exporteras."

    exported = export_from_review(qtbot, window, monkeypatch, tmp_path / "Slutrapport.docx")
    assert exported == window.session.draft
    assert exported.analys.systemfel == "Långa väntetider i vården."
    assert exported.samverkansparter[0].organisation == "Försäkringskassan"


def test_closing_and_reopening_brings_back_every_word(app, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = DraftSession.create(drafts_dir(), "", Draft())
    window = open_window(qtbot, session)
    type_into(qtbot, window, "analys.erfarenheter", "Första stycket.\n\nAndra stycket med åäö.")
    type_into(qtbot, window, "allmant.insatsens_namn", "Återkomsten")
    window.close()
    assert read_draft(session.path).draft.analys.erfarenheter == "Första stycket.\n\nAndra stycket med åäö."
    again = open_window(qtbot, DraftSession.open(session.path))
    assert input_of(editor(again, "allmant.insatsens_namn")).text() == "Återkomsten"
    assert input_of(editor(again, "analys.erfarenheter")).toPlainText() == "Första stycket.\n\nAndra stycket med åäö."


def test_typing_is_saved_to_disk_soon_after_it_stops(app, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    assert SAVE_DELAY_MS <= 1000
    session = DraftSession.create(drafts_dir(), "", Draft())
    window = open_window(qtbot, session)
    widget = input_of(editor(window, "allmant.insatsens_namn"))
    widget.setFocus()
    type_text(widget, "Sparas av sig själv")
    qtbot.waitUntil(lambda: read_draft(session.path).draft.allmant.insatsens_namn == "Sparas av sig själv", timeout=5000)
    qtbot.waitUntil(lambda: window.save_status.text().startswith("✔ Sparat "))
    assert not session.dirty


def test_a_failed_save_is_shown_and_the_text_stays(app, qtbot: QtBot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "natverk").mkdir()
    session = DraftSession.create(tmp_path / "natverk", "", Draft())
    window = open_window(qtbot, session)
    window.autosaver.wait()
    shutil.rmtree(session.path.parent)  # the folder is gone (a network drive dropped, say)
    widget = input_of(editor(window, "allmant.insatsens_namn"))
    widget.setFocus()
    type_text(widget, "Kvar i fönstret")
    window.save_now()
    qtbot.waitUntil(lambda: window.save_status.text() == "⚠ Inte sparat – försöker igen", timeout=5000)
    assert "Mappen för" in window.save_status.toolTip() and "finns inte längre" in window.save_status.toolTip()
    assert widget.text() == "Kvar i fönstret" and session.dirty
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: asked.append(text) or QMessageBox.StandardButton.Yes)
    window.close()
    assert asked and asked[0].startswith("Mappen för")


def test_a_draft_changed_by_another_window_is_not_overwritten(app, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = DraftSession.create(drafts_dir(), "", Draft())
    first = open_window(qtbot, session)
    second = open_window(qtbot, DraftSession.open(session.path))
    type_into(qtbot, first, "allmant.insatsens_namn", "Från första fönstret")
    first.save_now()
    qtbot.waitUntil(lambda: read_draft(session.path).draft.allmant.insatsens_namn == "Från första fönstret", timeout=5000)
    type_into(qtbot, second, "allmant.insatsens_namn", "Från andra fönstret")
    second.save_now()
    qtbot.waitUntil(lambda: second.save_status.text() == "⚠ Inte sparat", timeout=5000)
    assert read_draft(session.path).draft.allmant.insatsens_namn == "Från första fönstret"
    second.conflict_box.buttons()[0].click()  # Spara som kopia
    qtbot.waitUntil(lambda: second.save_status.text().startswith("✔ Sparat"), timeout=5000)
    assert second.session.path != session.path
    assert read_draft(second.session.path).draft.allmant.insatsens_namn == "Från andra fönstret"


def test_every_input_has_an_accessible_name_equal_to_its_label(app, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from finsam_desktop.sample import sample_report

    name, draft = sample_report()
    window = open_window(qtbot, DraftSession.create(drafts_dir(), name, draft))
    editors = [field for page in window.pages for field in page.all_editors().values()]
    assert len(editors) > 30
    for field in editors:
        named = input_of(field) if isinstance(field, FieldEditor) else field.input
        assert named.accessibleName() == field.label.text() != "", field.path
    assert input_of(editors[0]).accessibleName() == "Insatsens namn"


def test_a_report_opens_on_its_page_and_the_other_pages_are_made_once_it_is_painted(app, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from finsam_desktop.sample import sample_report

    name, draft = sample_report()
    draft.ansvarig.epost.raw = "inte en adress"
    window = MainWindow(DraftSession.create(drafts_dir(), name, draft))
    qtbot.addWidget(window)
    assert [page.built for page in window.pages] == [True] + [False] * (len(window.pages) - 1)
    window.left_paths.add(P("ansvarig.epost"))
    window.revalidate()  # a problem on a page not made yet
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: all(page.built for page in window.pages), timeout=5000)
    index = window._page_index(P("ansvarig.epost"))
    window.sidebar.setFocus()
    for _ in range(index):
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    email = window.pages[index].all_editors()[P("ansvarig.epost")]
    assert window.stack.currentIndex() == index and email.isVisible()
    assert email.problems.isVisible() and "E-post" in email.problems.text(), "the problem found before the page was made shows on it"
    from ui.editors.answer import AnswerEdit

    for row in range(len(window.pages)):  # made out of sight, each answer still wraps at its width
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Home if row == 0 else Qt.Key.Key_Down)
        answers = [answer for answer in window.pages[row].findChildren(AnswerEdit) if answer.isVisible()]
        assert all(not answer.horizontalScrollBar().isVisible() for answer in answers), window.pages[row].section.heading
