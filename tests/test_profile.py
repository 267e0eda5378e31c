# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The reporter's details: learnt from the first report, prefilled, edited in Inställningar."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.gavleborg import Draft
from tests.typing import answer_form_choice, type_text
from ui.app import create_application
from ui.main_window import MainWindow
from ui.profile import SettingsDialog, fill_from_profile, has_profile
from ui.start_window import StartWindow


def test_first_report_teaches_the_profile_and_new_reports_start_with_it(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    create_application([])
    assert not has_profile()
    name, draft = sample_report()
    window = MainWindow(DraftSession.create(drafts_dir(), name, draft))
    qtbot.addWidget(window)
    window.close()
    assert has_profile()
    start = StartWindow()
    qtbot.addWidget(start)
    with qtbot.waitSignal(start.session_opened) as signal:
        answer_form_choice(qtbot)  # Gävleborg's, the first
        start.new_report()
    fresh = signal.args[0].draft
    assert fresh.ansvarig == draft.ansvarig and fresh.allmant.insatsens_namn == ""


def test_settings_dialog_edits_the_profile(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    create_application([])
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    organisation = next(editor for editor in dialog.editors if str(editor.path) == "ansvarig.organisation")
    assert organisation.label.text() == "Organisations namn"
    type_text(organisation.input, "Ljusdals kommun")
    dialog.accept()
    draft = Draft()
    fill_from_profile(draft)
    assert draft.ansvarig.organisation == "Ljusdals kommun"
