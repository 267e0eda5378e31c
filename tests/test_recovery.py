# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Work typed just before the app was killed comes back on the next start, and only there."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import Revision, encode, read_draft
from finsam_desktop.journal import Recovery, Restore, find_recoveries, journal_path, write_journal
from finsam_desktop.paths import drafts_dir, journals_dir
from finsam_desktop.session import DraftSession
from tests.dialogs import when_shown
from tests.gavleborg import Draft
from ui import app as app_module
from ui.autosave import JOURNAL_MAX_WAIT_MS

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Det här skrevs precis innan strömmen gick – åäö."
LONG_TEXT = "Deltagarna fick stöd av en fast kontaktperson på arbetsmarknadsenheten. " * 3


def offered(monkeypatch: pytest.MonkeyPatch) -> list[Recovery]:
    """Answer "Återställ texten" to the start's question, keeping what was asked about."""
    asked: list[Recovery] = []
    monkeypatch.setattr(app_module, "ask_restore", lambda parent, recovery: asked.append(recovery) or True)
    return asked


def child(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tests.gui_child", *args], cwd=ROOT, stdout=subprocess.PIPE)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_text_typed_right_before_a_kill_is_offered_back(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    app = child(str(session.path), TEXT)
    assert app.stdout is not None and app.stdout.readline() == b"typed\n"
    time.sleep(0.4)  # after the recovery journal (150 ms), before the autosave (800 ms)
    app.send_signal(signal.SIGKILL)
    app.wait()
    app.stdout.close()

    asked = offered(monkeypatch)
    app_module.create_application([])
    recovered = app_module.offer_recovery(None)
    assert asked, "the next start must ask about the unsaved text"
    assert asked[0].explanation == ""
    assert recovered is not None and recovered.draft.analys.erfarenheter == TEXT
    launcher = app_module.Launcher()
    window = launcher.open(recovered)
    qtbot.addWidget(window)
    qtbot.addWidget(launcher.start)
    qtbot.waitUntil(lambda: read_draft(session.path).draft.analys.erfarenheter == TEXT, timeout=5000)
    qtbot.waitUntil(lambda: find_recoveries() == [], timeout=5000)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_kill_during_continuous_typing_loses_at_most_the_last_second(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    app = child(str(session.path), LONG_TEXT, "--steady", "60")  # a key every 60 ms, no pause
    assert app.stdout is not None
    arrivals: list[tuple[float, int]] = []

    def listen() -> None:
        assert app.stdout is not None
        for line in app.stdout:
            arrivals.append((time.monotonic(), int(line)))

    reader = threading.Thread(target=listen, daemon=True)
    reader.start()
    qtbot.waitUntil(lambda: bool(arrivals), timeout=15000)
    time.sleep(3)
    killed_at = time.monotonic()
    app.send_signal(signal.SIGKILL)
    app.wait()
    reader.join(5)
    app.stdout.close()
    typed = max(count for _, count in arrivals)
    assert typed < len(LONG_TEXT), "the kill came while typing went on"
    # A character reported before this moment had been typed at least a second before the kill.
    due = max(count for arrived, count in arrivals if arrived <= killed_at - JOURNAL_MAX_WAIT_MS / 1000)

    offered(monkeypatch)
    app_module.create_application([])
    recovered = app_module.offer_recovery(None)
    kept = recovered.draft.analys.erfarenheter if recovered else read_draft(session.path).draft.analys.erfarenheter
    print(f"\njournal: {typed} characters typed before the kill, {due} of them a second before it, {len(kept)} came back")
    assert LONG_TEXT.startswith(kept)
    assert len(kept) >= due, f"{due} characters were typed a second before the kill, {len(kept)} came back"


def test_declining_the_offer_throws_the_journal_away(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.draft.analys.systemfel = "Osparat"
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    assert [r.stored.draft.analys.systemfel for r in find_recoveries()] == ["Osparat"]
    monkeypatch.setattr(app_module, "ask_restore", lambda *args: False)
    app_module.create_application([])
    assert app_module.offer_recovery(None) is None
    assert find_recoveries() == []
    assert read_draft(session.path).draft.analys.systemfel == ""


def test_a_journal_the_save_caught_up_with_is_not_offered() -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    assert find_recoveries() == []
    assert list(journals_dir().iterdir()) == []


def test_recovered_work_keeps_the_hand_off_record(qtbot: QtBot) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.record_handoff("e-postfil", "kontakt@finsamgavleborg.se")
    session.draft.analys.systemfel = "Osparat"
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    (recovery,) = find_recoveries()
    restored = app_module.recovered_session(recovery)
    assert [h.how for h in restored.handoffs] == ["e-postfil"]
    assert restored.draft.analys.systemfel == "Osparat" and restored.dirty


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_draft_outside_the_drafts_folder_is_recovered_and_its_folder_stays_clean(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_folder = tmp_path / "Mina dokument"
    own_folder.mkdir()
    path = own_folder / "rapport.json"
    path.write_bytes(encode("", Draft()))
    session = DraftSession.open(path)
    session.draft.analys.systemfel = "Skrivet i en egen mapp"
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    assert [p.name for p in own_folder.iterdir()] == ["rapport.json"], "no hidden files in the user's folder"
    assert stat.S_IMODE(journal_path(path, session.owner).stat().st_mode) == 0o600, "the journal holds names and phone numbers"
    offered(monkeypatch)
    app_module.create_application([])
    recovered = app_module.offer_recovery(None)
    assert recovered is not None and recovered.path == path
    assert recovered.draft.analys.systemfel == "Skrivet i en egen mapp"


def test_a_journal_whose_draft_was_saved_since_comes_back_as_a_copy(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = DraftSession.create(drafts_dir(), "Rapport", Draft())
    mine.draft.analys.systemfel = "Mitt osparade"
    mine.write_journal(mine.snapshot())
    mine.close()  # its window is gone
    other = DraftSession.open(mine.path)  # another window saves the file afterwards
    other.draft.analys.systemfel = "Någon annans sparade"
    other.save(other.snapshot())
    asked = offered(monkeypatch)
    app_module.create_application([])
    recovered = app_module.offer_recovery(None)
    assert asked[0].restore is Restore.AS_COPY_NEWER
    assert "återställs som en kopia" in asked[0].explanation
    assert recovered is not None and recovered.path != mine.path
    assert read_draft(recovered.path).draft.analys.systemfel == "Mitt osparade"
    assert read_draft(mine.path).draft.analys.systemfel == "Någon annans sparade"
    assert find_recoveries() == []


def test_recovering_onto_a_damaged_draft_says_so(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DraftSession.create(drafts_dir(), "Rapport", Draft())
    session.draft.analys.systemfel = "Osparat"
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    session.path.write_bytes(b'{"format": "finsam-slutrapport-utk')  # cut off by a crash
    asked = offered(monkeypatch)
    app_module.create_application([])
    recovered = app_module.offer_recovery(None)
    assert asked[0].explanation == "Filen ”rapport.json” är skadad och kan inte läsas, så texten återställs som en ny rapport."
    assert "annat fönster" not in asked[0].explanation
    assert recovered is not None and read_draft(recovered.path).draft.analys.systemfel == "Osparat"
    assert session.path.read_bytes() == b'{"format": "finsam-slutrapport-utk'


def test_saving_as_a_copy_leaves_no_journal_for_the_old_file() -> None:
    session = DraftSession.create(drafts_dir(), "Rapport", Draft())
    session.draft.analys.systemfel = "Osparat"
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    old = session.path
    session.move_to(drafts_dir() / "rapport-kopia.json")
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    assert not journal_path(old, session.owner).exists()
    assert [r.draft_path for r in find_recoveries()] == [drafts_dir() / "rapport-kopia.json"]


def test_journals_of_the_earlier_version_are_still_offered(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.draft.analys.systemfel = "Från förra versionen"
    legacy = session.path.with_name(f".{session.path.name}.recovery")
    legacy.write_bytes(session.snapshot())
    offered(monkeypatch)
    app_module.create_application([])
    recovered = app_module.offer_recovery(None)
    assert recovered is not None and recovered.draft.analys.systemfel == "Från förra versionen"
    assert not legacy.exists()


def test_a_journal_of_an_earlier_version_goes_back_onto_its_unchanged_draft() -> None:
    """Earlier versions named a draft's content by its SHA-256; such a journal still counts
    its draft as unchanged, rather than bringing the text back as a copy beside it."""
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.draft.analys.systemfel = "Skrivet i förra versionen"
    earlier = Revision(hashlib.sha256(session.path.read_bytes()).hexdigest())
    write_journal(session.path, earlier, session.snapshot(), "tidigare")
    (recovery,) = find_recoveries()
    assert recovery.restore is Restore.ONTO_DRAFT
    session.path.write_bytes(session.path.read_bytes().replace(b"{", b"{ ", 1))  # saved since, elsewhere
    (recovery,) = find_recoveries()
    assert recovery.restore is Restore.AS_COPY_NEWER


def test_the_start_screen_is_up_first_and_unsaved_text_is_offered_over_it(qtbot: QtBot) -> None:
    session = DraftSession.create(drafts_dir(), "", Draft())
    session.draft.analys.systemfel = "Skrivet före strömavbrottet"
    session.write_journal(session.snapshot())
    session.close()  # its window is gone
    app_module.create_application([])
    launcher = app_module.Launcher()
    qtbot.addWidget(launcher.start)
    asked_over: list[bool] = []

    def restore(box: QMessageBox) -> None:
        asked_over.append(box.parent() is launcher.start and launcher.start.isVisible())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "Återställ texten")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_shown(QMessageBox, restore)
    launcher.run()
    assert launcher.start.isVisible() and not launcher.windows, "the start screen shows before anything is read"
    qtbot.waitUntil(lambda: bool(launcher.windows), timeout=5000)
    qtbot.addWidget(launcher.windows[0])
    assert asked_over == [True], "the question stands over the start screen"
    assert launcher.windows[0].session.draft.analys.systemfel == "Skrivet före strömavbrottet"
    assert not launcher.start.isVisible()
