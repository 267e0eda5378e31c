"""Work typed just before the app was killed comes back on the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import read_draft
from finsam_desktop.model import Draft
from finsam_desktop.paths import drafts_dir
from finsam_desktop.session import DraftSession, find_recoveries
from ui import app as app_module

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Det här skrevs precis innan strömmen gick – åäö."


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_text_typed_right_before_a_kill_is_offered_back(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui_child", str(session.path), TEXT], cwd=ROOT, stdout=subprocess.PIPE
    )
    assert child.stdout is not None and child.stdout.readline() == b"typed\n"
    time.sleep(0.4)  # after the recovery journal (150 ms), before the autosave (800 ms)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()

    asked: list[str] = []
    monkeypatch.setattr(app_module, "ask_restore", lambda parent, name, written: asked.append(name) or True)
    app_module.create_application([])
    recovered = app_module.offer_recovery(None)
    assert asked, "the next start must ask about the unsaved text"
    assert recovered is not None and recovered.draft.analys.erfarenheter == TEXT
    launcher = app_module.Launcher()
    window = launcher.open(recovered)
    qtbot.addWidget(window)
    qtbot.addWidget(launcher.start)
    qtbot.waitUntil(lambda: read_draft(session.path).draft.analys.erfarenheter == TEXT, timeout=5000)
    qtbot.waitUntil(lambda: find_recoveries(drafts_dir()) == [], timeout=5000)


def test_declining_the_offer_throws_the_journal_away(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.draft.analys.systemfel = "Osparat"
    session.write_journal(session.snapshot())
    assert [r.draft.analys.systemfel for r in find_recoveries(drafts_dir())] == ["Osparat"]
    monkeypatch.setattr(app_module, "ask_restore", lambda *args: False)
    app_module.create_application([])
    assert app_module.offer_recovery(None) is None
    assert find_recoveries(drafts_dir()) == []
    assert read_draft(session.path).draft.analys.systemfel == ""


def test_a_journal_the_save_caught_up_with_is_not_offered() -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.write_journal(session.snapshot())
    assert find_recoveries(drafts_dir()) == []


def test_recovered_work_keeps_the_hand_off_record(qtbot: QtBot) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.record_handoff("e-postfil", "kontakt@finsamgavleborg.se")
    session.draft.analys.systemfel = "Osparat"
    session.write_journal(session.snapshot())
    (recovery,) = find_recoveries(drafts_dir())
    restored = app_module.recovered_session(recovery)
    assert [h.how for h in restored.handoffs] == ["e-postfil"]
    assert restored.draft.analys.systemfel == "Osparat" and restored.dirty
