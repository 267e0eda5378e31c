# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Renaming, duplicating, deleting to the trash and restoring drafts."""

from __future__ import annotations

from finsam_desktop.drafts import backup_path, list_drafts, read_draft
from finsam_desktop.journal import find_recoveries, journals_of
from finsam_desktop.library import duplicate_draft, rename_draft, restore_draft, trash_draft, trashed_drafts
from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession


def test_rename_changes_the_name_in_lists_not_the_report() -> None:
    name, draft = sample_report()
    session = DraftSession.create(drafts_dir(), name, draft)
    rename_draft(session.path, "  Steget före, slutversion ")
    loaded = read_draft(session.path)
    assert (loaded.name, loaded.draft) == ("Steget före, slutversion", draft)
    assert [info.name for info in list_drafts(drafts_dir())] == ["Steget före, slutversion"]


def test_duplicate_is_a_separate_draft_with_the_same_text() -> None:
    name, draft = sample_report()
    session = DraftSession.create(drafts_dir(), name, draft)
    copy = duplicate_draft(session.path)
    assert copy != session.path
    assert read_draft(copy).name == "Exempel – Steget före (kopia)"
    assert read_draft(copy).draft == draft


def test_deleted_drafts_go_to_the_trash_and_come_back_whole() -> None:
    name, draft = sample_report()
    session = DraftSession.create(drafts_dir(), name, draft)
    session.draft.analys.systemfel = "Ändrad"
    session.save(session.snapshot())  # now there is a backup too
    session.draft.analys.systemfel = "Osparad"
    session.write_journal(session.snapshot())
    session.close()  # the draft's window is gone: only then is a draft trashed from the list
    before = session.path.read_bytes()
    trashed = trash_draft(session.path)
    assert not session.path.exists() and list_drafts(drafts_dir()) == []
    assert trashed_drafts(drafts_dir()) == [trashed]
    assert backup_path(trashed).exists() and journals_of(trashed)
    assert not journals_of(session.path)
    restored = restore_draft(trashed)
    assert restored.read_bytes() == before and backup_path(restored).exists()
    assert [(r.draft_path, r.stored.draft.analys.systemfel) for r in find_recoveries()] == [(restored, "Osparad")]
    assert trashed_drafts(drafts_dir()) == []
    assert [info.path for info in list_drafts(drafts_dir())] == [restored]


def test_a_sent_report_is_listed_with_the_day_it_was_sent() -> None:
    name, draft = sample_report()
    session = DraftSession.create(drafts_dir(), name, draft)
    session.record_handoff("e-postfil", "kontakt@finsamgavleborg.se")
    session.save(session.snapshot())
    loaded = read_draft(session.path)
    assert [(h.how, h.to) for h in loaded.handoffs] == [("e-postfil", "kontakt@finsamgavleborg.se")]
    (info,) = list_drafts(drafts_dir())
    assert (info.sent, info.opened) == (None, loaded.handoffs[0].when.date()), "an opened .eml is not a sent report"
    session.record_handoff("markerad", "kontakt@finsamgavleborg.se")
    session.save(session.snapshot())
    (info,) = list_drafts(drafts_dir())
    assert info.sent == read_draft(session.path).handoffs[-1].when.date()


def test_renaming_a_sent_report_keeps_its_hand_off_record() -> None:
    name, draft = sample_report()
    session = DraftSession.create(drafts_dir(), name, draft)
    session.record_handoff("smtp", "kontakt@finsamgavleborg.se")
    session.save(session.snapshot())
    rename_draft(session.path, "Skickad rapport")
    loaded = read_draft(session.path)
    assert loaded.name == "Skickad rapport"
    assert [(h.how, h.to) for h in loaded.handoffs] == [("smtp", "kontakt@finsamgavleborg.se")]
