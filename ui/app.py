"""Start the desktop app: the Qt application in Swedish, work left from a crash, the windows."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from finsam_desktop import __version__
from finsam_desktop.drafts import DraftUnreadable, read_draft
from finsam_desktop.paths import APP_NAME, drafts_dir
from finsam_desktop.resources import resource
from finsam_desktop.session import DraftSession, Recovery, find_recoveries
from ui.main_window import MainWindow
from ui.start_window import StartWindow


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, in Swedish (Qt's own buttons too), with the app's stylesheet."""
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("Finsam")
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    translator = QTranslator(app)
    if translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    app.setStyleSheet(resource("style", "app.qss").read_text(encoding="utf-8"))
    return app  # type: ignore[return-value]


def recovered_session(recovery: Recovery) -> DraftSession:
    """A session holding the recovered text, to be saved over its draft (or as new)."""
    try:
        revision = read_draft(recovery.draft_path).revision
    except DraftUnreadable:
        revision = DraftSession(recovery.draft_path, "", recovery.draft).revision
    session = DraftSession(recovery.draft_path, recovery.name, recovery.draft, revision)
    session.changed()
    return session


def ask_restore(parent: QWidget | None, name: str, written: datetime) -> bool:
    """Ask whether to bring back text that was not saved; True to restore it."""
    box = QMessageBox(QMessageBox.Icon.Question, "Osparad text", "", parent=parent)
    box.setText(f"Programmet avslutades innan allt i ”{name}” hann sparas ({written:%Y-%m-%d %H:%M}).")
    box.setInformativeText("Vill du få tillbaka texten?")
    restore = box.addButton("Återställ texten", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Släng den", QMessageBox.ButtonRole.DestructiveRole)
    box.exec()
    return box.clickedButton() is restore


def offer_recovery(parent: QWidget | None) -> DraftSession | None:
    """Offer back text that a crash or power cut kept from being saved."""
    recoveries = find_recoveries(drafts_dir())
    if not recoveries:
        return None
    latest = recoveries[0]
    name = latest.draft.allmant.insatsens_namn.strip() or latest.name or "rapporten"
    if not ask_restore(parent, name, latest.written):
        latest.journal.unlink(missing_ok=True)
        return None
    return recovered_session(latest)


class Launcher(QObject):
    """Keeps the open windows alive and moves from the start screen to a report."""

    def __init__(self) -> None:
        super().__init__()
        self.start = StartWindow()
        self.start.session_opened.connect(self.open)
        self.windows: list[MainWindow] = []

    def run(self) -> None:
        recovered = offer_recovery(self.start)
        if recovered is not None:
            self.open(recovered)
        else:
            self.start.show()

    def open(self, session: DraftSession) -> MainWindow:
        window = MainWindow(session)
        self.windows.append(window)
        window.show()
        if session.dirty:
            window.save_now()
        self.start.hide()
        return window


def main(path: Path | None = None) -> int:
    """The app; with ``path`` (from "Öppna med") that draft or Word document is opened."""
    app = create_application(sys.argv)
    launcher = Launcher()
    if path is not None:
        launcher.start.open_path(path)
        if not launcher.windows:
            launcher.start.show()
    else:
        launcher.run()
    return app.exec()
