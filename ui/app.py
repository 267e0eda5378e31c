# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Start the desktop app: the Qt application in Swedish, work left from a crash, the windows.

The start screen needs Qt alone and shows first; the forms engine, the drafts and the
dictionary load once it is painted (or with the report asked for on the command line)."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from finsam_desktop import __version__
from finsam_desktop.paths import APP_NAME, drafts_dir, drafts_folder, journals_dir
from finsam_desktop.resources import resource
from ui import colours, geometry, keyboard_menu
from ui.diagnostics import Diagnostics
from ui.first_paint import after_first_paint
from ui.start_window import StartWindow

if TYPE_CHECKING:
    from finsam_desktop.journal import Recovery
    from finsam_desktop.session import DraftSession
    from ui.main_window import MainWindow

LEFTOVER_AGE_AT_START = 60  # seconds: a save in another window takes milliseconds


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, in Swedish (Qt's own buttons too), with the app's stylesheet."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName("Finsam")
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    translator = QTranslator(app)
    if translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    colours.follow_the_palette(app, resource("style", "app.qss").read_text(encoding="utf-8"))
    if not app.findChild(keyboard_menu.KeyboardMenu):  # once, however often the app is made
        keyboard_menu.install(app)
        geometry.install(app)
    return app


def recovered_session(recovery: Recovery) -> DraftSession:
    """A session holding the recovered text: onto its draft when that is as it was, otherwise
    saved at once as a new file beside it, so nothing newer is written over."""
    from finsam_desktop.drafts import NEW_FILE, DraftUnreadable, new_draft_path, read_draft
    from finsam_desktop.journal import Restore
    from finsam_desktop.roles import role_text
    from finsam_desktop.session import DraftSession

    stored = recovery.stored
    if recovery.restore is Restore.ONTO_DRAFT:
        try:
            revision = read_draft(recovery.draft_path).revision
        except DraftUnreadable:
            revision = NEW_FILE
        session = DraftSession(
            recovery.draft_path, stored.name, stored.draft, revision, tuple(stored.handoffs), stored.imported
        )
        session.changed()
        return session
    name = stored.name or role_text(stored.draft, "name") or recovery.draft_path.stem
    copy = DraftSession(new_draft_path(recovery.draft_path.parent, f"{name} återställd"), f"{name} (återställd)", stored.draft)
    copy.handoffs, copy.imported = list(stored.handoffs), stored.imported
    snapshot = copy.snapshot()
    copy.save(snapshot)  # raises DraftError, and the journal stays for the next try
    copy.mark_saved(snapshot)
    recovery.journal.unlink(missing_ok=True)
    return copy


def ask_restore(parent: QWidget | None, recovery: Recovery) -> bool:
    """Ask whether to bring back text that was not saved; True to restore it."""
    from finsam_desktop.roles import role_text

    name = role_text(recovery.stored.draft, "name") or recovery.stored.name or "rapporten"
    box = QMessageBox(QMessageBox.Icon.Question, "Osparad text", "", parent=parent)
    box.setText(f"Programmet avslutades innan allt i ”{name}” hann sparas ({recovery.written:%Y-%m-%d %H:%M}).")
    box.setInformativeText(" ".join(filter(None, [recovery.explanation, "Vill du få tillbaka texten?"])))
    restore = box.addButton("Återställ texten", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Släng den", QMessageBox.ButtonRole.DestructiveRole)
    box.exec()
    return box.clickedButton() is restore


def offer_recovery(parent: QWidget | None) -> DraftSession | None:
    """Offer back text that a crash or power cut kept from being saved."""
    from finsam_desktop.drafts import DraftError, remove_leftover_temps
    from finsam_desktop.journal import adopt_legacy_journals, find_recoveries

    for folder in (drafts_dir(), journals_dir()):
        remove_leftover_temps(folder, older_than=LEFTOVER_AGE_AT_START)
    adopt_legacy_journals(drafts_dir())
    recoveries = find_recoveries()
    if not recoveries:
        return None
    latest = recoveries[0]
    if not ask_restore(parent, latest):
        latest.journal.unlink(missing_ok=True)
        return None
    try:
        return recovered_session(latest)
    except DraftError as error:
        QMessageBox.warning(parent, "Texten kunde inte återställas", f"{error}\n\nTexten finns kvar och erbjuds igen nästa gång.")
        return None


class Launcher(QObject):
    """Keeps the open windows alive and moves from the start screen to a report."""

    def __init__(self) -> None:
        super().__init__()
        self.start = StartWindow()
        self.start.session_opened.connect(self.open)
        self.windows: list[MainWindow] = []

    def run(self) -> None:
        """The start screen at once; text a crash kept from being saved is offered over it,
        once it is painted."""
        self.start.show()
        after_first_paint(self.start, self._offer_recovery)

    def _offer_recovery(self) -> None:
        recovered = offer_recovery(self.start)
        if recovered is not None:
            self.open(recovered)

    def open(self, session: DraftSession) -> MainWindow:
        """A window for ``session``; a draft already open is brought to the front instead, so
        two windows never write one file (the same file reached by another path included)."""
        from ui.main_window import MainWindow

        same = next((window for window in self.windows if _same_file(window.session.path, session.path)), None)
        if same is not None:
            session.close()
            same.showNormal()
            same.raise_()
            same.activateWindow()
            self.start.hide()
            return same
        window = MainWindow(session)
        self.windows.append(window)
        window.library_requested.connect(self.show_start)
        window.new_report_requested.connect(self.start.new_report)
        window.open_file_requested.connect(self.start.open_file)
        window.carried.connect(lambda session, notice: self.open(session).show_notice(notice))
        window.closed.connect(lambda: self._closed(window))
        if self.start.notice:
            window.show_notice(self.start.notice)
            self.start.notice = ""
        window.show()
        window.focus_first_field()
        if session.dirty:
            window.save_now()
        self.start.hide()
        return window

    def show_start(self) -> None:
        """Dina rapporter, up to date, in front."""
        self.start.refresh()
        self.start.show()
        self.start.raise_()
        self.start.activateWindow()

    def _closed(self, window: MainWindow) -> None:
        """Closing the last report goes back to the start screen rather than quitting. The
        closed window goes, with its timers: one left waiting would hold up the app's exit."""
        if window in self.windows:
            self.windows.remove(window)
        window.deleteLater()
        if not self.windows:
            self.show_start()


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.exists() and other.exists() and os.path.samefile(one, other)
    except OSError:
        return False


def data_folder_message(error: OSError) -> str:
    """Why the folder for the drafts cannot be made, and what to do, in Swedish."""
    where = drafts_folder().parent
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Programmets mapp för utkast ({where}) kunde inte skapas eftersom disken är full. Frigör utrymme och starta igen."
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return f"Programmets mapp för utkast ({where}) kunde inte skapas: du saknar behörighet eller disken är skrivskyddad."
    return f"Programmets mapp för utkast ({where}) kunde inte skapas. Kontakta din IT-avdelning."


def _start_spelling() -> None:
    """The dictionary loads in the background, once the first window is on the screen."""
    from ui.spelling import spelling_service

    spelling_service()


def main(path: Path | None = None) -> int:
    """The app; with ``path`` (from "Öppna med") that draft or Word document is opened."""
    app = create_application(sys.argv)
    try:
        drafts_dir()
        journals_dir()
    except OSError as error:
        QMessageBox.critical(None, "Programmet kan inte starta", data_folder_message(error))
        return 1
    diagnostics = Diagnostics()  # noqa: F841  # kept alive while the app runs
    launcher = Launcher()
    if path is not None:
        launcher.start.open_path(path)
        if not launcher.windows:
            launcher.start.show()
    else:
        launcher.run()
    after_first_paint(launcher.windows[0] if launcher.windows else launcher.start, _start_spelling)
    return app.exec()
