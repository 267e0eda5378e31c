# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The start screen: new report, the example as a copy, recent reports, opening files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from finsam_desktop.document.export import export_docx
from finsam_desktop.forms.heading import DEFAULT_FORM
from finsam_desktop.forms.registry import form_choices, installed_forms
from finsam_desktop.forms.spec import load_form
from finsam_desktop.paths import drafts_dir, forms_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.dialogs import when_shown
from tests.mall_documents import mall_in_tables
from tests.typing import answer_form_choice, type_text
from ui.start_window import StartWindow


@pytest.fixture
def start(qtbot: QtBot) -> StartWindow:
    window = StartWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.listed)
    return window


def opened(qtbot: QtBot, start: StartWindow, action) -> DraftSession:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(start.session_opened) as signal:
        action()
    return signal.args[0]  # type: ignore[no-any-return]


def test_start_screen_speaks_swedish_and_new_report_is_the_default(start: StartWindow) -> None:
    assert start.windowTitle() == "Slutrapport – Insats för samverkansmedel"
    assert start.new_button.isDefault() and start.new_button.text() == "&Ny rapport"
    assert any("Denna mall ska användas" in label.text() for label in start.findChildren(QLabel))


def test_new_report_is_a_new_empty_draft_in_the_drafts_folder(qtbot: QtBot, start: StartWindow) -> None:
    answer_form_choice(qtbot)
    session = opened(qtbot, start, lambda: qtbot.mouseClick(start.new_button, Qt.MouseButton.LeftButton))
    assert session.path.parent == drafts_dir() and session.path.exists()
    assert session.draft.allmant.insatsens_namn == ""


def test_new_report_asks_for_the_forbunds_mall_and_remembers_the_choice(qtbot: QtBot, start: StartWindow) -> None:
    answer_form_choice(qtbot, (Qt.Key.Key_Down,))  # the second mall in the list
    second = form_choices()[1]
    session = opened(qtbot, start, lambda: qtbot.mouseClick(start.new_button, Qt.MouseButton.LeftButton))
    assert type(session.draft).form_id == second.id
    start.refresh()
    item = start.recent.topLevelItem(0)
    assert item.text(2) == second.forbund.name  # the drafts list shows whose mall
    asked: list[int] = []
    labels: list[str] = []
    offered: list[str] = []

    def look(dialog: QInputDialog) -> None:
        combo = dialog.findChild(QComboBox)
        asked.append(combo.currentIndex())
        labels.extend(button.text().replace("&", "") for button in dialog.findChildren(QPushButton))
        offered.extend(combo.itemText(index) for index in range(combo.count()))
        qtbot.keyClick(combo, Qt.Key.Key_Escape)

    when_shown(QInputDialog, look)
    qtbot.mouseClick(start.new_button, Qt.MouseButton.LeftButton)  # Escape: no new report
    assert asked == [1] and start.recent.topLevelItemCount() == 1
    assert sorted(labels) == ["Avbryt", "Skapa rapporten"]  # verbs, not OK
    assert len(offered) == 2 and offered[0].startswith("Samordningsförbund Gävleborg")  # and the test form
    assert not any("exempel" in name.lower() or "Sjöbygden" in name for name in offered)  # never the example mall


def test_with_one_real_forbund_ny_rapport_goes_straight_to_its_wizard(qtbot: QtBot, start: StartWindow) -> None:
    """The app as handed out: Gävleborg's form and the example mall, which is never offered."""
    for own in forms_dir().glob("*.toml"):
        own.unlink()  # the tests' own forms
    installed_forms.cache_clear()
    assert load_form("sjobygden-slutrapport").form.example and [form.id for form in form_choices()] == [DEFAULT_FORM]
    session = opened(qtbot, start, lambda: qtbot.mouseClick(start.new_button, Qt.MouseButton.LeftButton))
    assert type(session.draft).form_id == DEFAULT_FORM  # no question, straight to the wizard


def test_the_example_opens_as_a_copy_and_shows_in_recent_reports(qtbot: QtBot, start: StartWindow) -> None:
    session = opened(qtbot, start, start.open_sample)
    assert session.draft == sample_report()[1]
    session.draft.allmant.insatsens_namn = "Ändrad"
    assert sample_report()[1].allmant.insatsens_namn.startswith("Steget före")
    start.refresh()
    item = start.recent.topLevelItem(0)
    assert [item.text(0), item.text(2), item.text(4)] == ["Exempel – Steget före", "Samordningsförbund Gävleborg", "100 %"]
    again = opened(qtbot, start, lambda: start.recent.itemActivated.emit(item, 0))
    assert again.path == session.path


def test_a_word_document_becomes_a_new_draft(qtbot: QtBot, start: StartWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "rapport.docx")
    session = opened(qtbot, start, lambda: start.open_path(tmp_path / "rapport.docx"))
    assert session.draft == draft and session.path.parent == drafts_dir()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    old = opened(qtbot, start, lambda: start.open_path(mall_in_tables(tmp_path / "gammal.docx")))
    assert old.draft.ansvarig.organisation == "Hudiksvalls kommun"
    assert told[0].startswith("Hittade: Insatsens namn")


def test_a_broken_file_is_explained_not_opened(qtbot: QtBot, start: StartWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "trasig.json").write_text("{")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    with qtbot.assertNotEmitted(start.session_opened):
        start.open_path(tmp_path / "trasig.json")
    assert warned == ["Filen ”trasig.json” är skadad eller ofullständig och kan inte läsas."]


def test_the_library_renames_with_f2_copies_and_deletes_with_the_delete_key_and_undo(qtbot: QtBot, start: StartWindow) -> None:
    opened(qtbot, start, start.open_sample)
    start.refresh()
    start.recent.setFocus()
    seen: dict[str, object] = {}

    def rename() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, rename)
            return
        buttons = [button.text() for button in dialog.findChildren(QPushButton)]
        seen.update(title=dialog.windowTitle(), buttons=buttons, wide=dialog.width() >= dialog.sizeHint().width())
        line = dialog.findChild(QLineEdit)
        line.selectAll()
        type_text(line, "Min rapport")
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(0, rename)
    qtbot.keyClick(start.recent, Qt.Key.Key_F2)
    assert seen == {"title": "Byt namn på ”Exempel – Steget före”", "buttons": ["Byt namn", "Avbryt"], "wide": True}
    assert start.recent.topLevelItem(0).text(0) == "Min rapport"
    start.duplicate_selected()
    names = sorted(start.recent.topLevelItem(row).text(0) for row in range(start.recent.topLevelItemCount()))
    assert names == ["Min rapport", "Min rapport (kopia)"]
    mine = next(start.recent.topLevelItem(r) for r in range(2) if start.recent.topLevelItem(r).text(0) == "Min rapport")
    qtbot.mouseClick(start.recent.viewport(), Qt.MouseButton.LeftButton, pos=start.recent.visualItemRect(mine).center())
    qtbot.keyClick(start.recent, Qt.Key.Key_Delete)
    assert [start.recent.topLevelItem(r).text(0) for r in range(start.recent.topLevelItemCount())] == ["Min rapport (kopia)"]
    assert start.undo_note.text() == (
        "”Min rapport” flyttades till programmets papperskorg (mappen ”papperskorg” bland utkasten, inte datorns)."
    )
    assert start.undo_button.isVisibleTo(start)
    qtbot.mouseClick(start.undo_button, Qt.MouseButton.LeftButton)
    names = sorted(start.recent.topLevelItem(row).text(0) for row in range(start.recent.topLevelItemCount()))
    assert names == ["Min rapport", "Min rapport (kopia)"]


def test_no_mnemonic_is_used_twice_on_the_start_screen(start: StartWindow) -> None:
    texts = [button.text() for button in start.findChildren(QPushButton)] + [label.text() for label in start.findChildren(QLabel)]
    keys = [text[text.index("&") + 1].lower() for text in texts if "&" in text and not text.startswith("<")]
    assert len(keys) == len(set(keys)) > 8, keys


def test_an_empty_start_screen_says_how_to_begin(start: StartWindow) -> None:
    assert start.empty_note.isVisible() and not start.recent.isVisible()
    assert start.empty_note.text().startswith("Du har inga rapporter än. Välj Ny rapport")


def test_opening_a_report_edited_in_word_says_what_changed_before_it_opens(
    qtbot: QtBot, start: StartWindow, tmp_path: Path, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    import docx

    from tests.test_word_edits import paragraph_starting, set_text

    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "rapport.docx")
    doc = docx.Document(str(tmp_path / "rapport.docx"))
    set_text(paragraph_starting(doc, "452 300 kr"), "600 000 kr")
    doc.save(str(tmp_path / "rapport.docx"))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    session = opened(qtbot, start, lambda: start.open_path(tmp_path / "rapport.docx"))
    assert told == ["Ändrat i Word sedan exporten: 1. Utnyttjade medel.\n\nAllt annat lästes in exakt som det exporterades."]
    assert session.draft.allmant.utnyttjade_medel.raw == "600 000 kr"


def test_the_drafts_list_is_named_as_the_screen_shows_it(start: StartWindow) -> None:
    from PySide6.QtWidgets import QLabel

    title = next(label for label in start.findChildren(QLabel) if label.buddy() is start.recent)
    assert start.recent.accessibleName() == title.text().replace("&", "") == "Dina rapporter"


def test_where_no_file_manager_answers_the_path_is_said_and_can_be_copied(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui import export_actions, reveal
    from ui.app import create_application

    create_application([])
    monkeypatch.setattr(reveal.QDesktopServices, "openUrl", lambda url: False)  # a desktop without a file manager
    document = tmp_path / "Slutrapport.docx"
    document.write_bytes(b"docx")
    said: list[str] = []

    def click(texts: list[str]) -> None:
        """Click the next box's button named ``texts[0]``, then the one after that's."""
        box = QApplication.activeModalWidget()
        button = next((each for each in box.buttons() if each.text() == texts[0]), None) if isinstance(box, QMessageBox) else None
        if button is None:
            QTimer.singleShot(20, lambda: click(texts))
            return
        said.append(box.text())  # type: ignore[union-attr]
        if texts[1:]:
            QTimer.singleShot(0, lambda: click(texts[1:]))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: click(["Visa i mappen", "Kopiera sökväg"]))
    export_actions.offer_to_open(None, document, [f"Dokumentet är sparat som {document}"])  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(said) == 2)
    assert said[1] == f"Inget filhanteringsprogram svarade. ”Slutrapport.docx” finns i {tmp_path}."
    assert QApplication.clipboard().text() == str(document)


def test_the_start_screen_is_painted_before_the_drafts_are_read(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject

    from finsam_desktop import drafts

    for name in ("Första", "Andra"):
        DraftSession.create(drafts_dir(), name, sample_report()[1]).close()
    painted: list[QEvent.Type] = []
    read_when: list[int] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.type())
            return False

    listing = drafts.list_drafts
    monkeypatch.setattr(drafts, "list_drafts", lambda folder: read_when.append(len(painted)) or listing(folder))
    window = StartWindow()
    qtbot.addWidget(window)
    paints = Paints(window)
    window.installEventFilter(paints)
    window.show()
    assert window.empty_note.text() == "Läser in dina rapporter …" and not window.recent.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.listed)
    assert read_when and read_when[0] > 0, "the drafts are read once the window is on the screen"
    names = {window.recent.topLevelItem(row).text(0) for row in range(window.recent.topLevelItemCount())}
    assert names == {"Första", "Andra"} and window.recent.isVisible() and not window.empty_note.isVisible()


def test_the_app_and_its_start_screen_load_without_the_forms_engine() -> None:
    import subprocess
    import sys

    heavy = ("pydantic", "docx", "finsam_desktop.forms.spec", "finsam_desktop.drafts", "ui.main_window")
    code = f"import sys, finsam_desktop.cli, ui.app; print([m for m in {heavy!r} if m in sys.modules])"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"
