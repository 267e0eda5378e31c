# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A hand-edited or damaged settings file never stops the app; unknown SMTP security never sends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.test_handoff import Inbox, server
from ui import settings
from ui.app import create_application
from ui.main_window import MainWindow
from ui.profile import SettingsDialog


def damage(values: dict[str, object]) -> None:
    stored = QSettings()
    for key, value in values.items():
        stored.setValue(key, value)
    stored.sync()


def test_nonsense_in_every_setting_falls_back_to_defaults(qtbot: QtBot) -> None:
    create_application([])
    session = DraftSession.create(drafts_dir(), *sample_report())
    draft_key = "utkast/" + session.path.name.replace(".", "_").replace("-", "_")
    damage({
        settings.GEOMETRY: "inte en geometri",
        settings.SMTP_PORT: "femhundraåttiosju",
        settings.SMTP_SERVER: ["en", "lista"],
        f"{draft_key}/avsnitt": "-5",
        f"{draft_key}/rullning/allmant": "99999999999999999999",
        "profil/ansvarig.organisation": 12,
    })
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert window.sidebar.currentRow() == 0
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.port.value() == settings.DEFAULT_PORT and dialog.server.text() == ""


def test_an_unknown_security_value_refuses_to_send(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    create_application([])
    from ui import export_actions, send_mail

    monkeypatch.setattr(send_mail, "documents_folder", lambda: tmp_path)
    monkeypatch.setattr(export_actions, "confirm_draft_export", lambda *args: True)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window = MainWindow(DraftSession.create(drafts_dir(), *sample_report()))
    qtbot.addWidget(window)
    inbox = Inbox()
    for controller in server(inbox):
        damage({settings.SMTP_SERVER: "127.0.0.1", settings.SMTP_PORT: controller.port, settings.SMTP_SECURITY: "tls1.0"})
        window.send_by_email()
    assert inbox.messages == []
    assert warned and "okänd (”tls1.0”), så inget skickades" in warned[0]
    assert window.session.handoffs == []
