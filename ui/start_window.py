# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The calm first screen: start a new report, open one, or look at the example.

The screen is up before the forms engine has loaded: it needs only Qt and the default form's
heading, and lists the drafts (reading each) once it has been painted. What a button does
loads when it is pressed.

Signals: ``session_opened(DraftSession)`` when a report is ready to be written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.forms.heading import default_heading
from finsam_desktop.paths import drafts_dir
from ui.first_paint import after_first_paint

if TYPE_CHECKING:
    from finsam_desktop.forms.spec import FormSpec
    from finsam_desktop.session import DraftSession

PATH_ROLE = Qt.ItemDataRole.UserRole
LISTING = "Läser in dina rapporter …"
NO_DRAFTS = (
    "Du har inga rapporter än. Välj Ny rapport för att börja skriva, eller Öppna exempelrapport "
    "för att se hur en färdig rapport ser ut. Har du en rapport i Word kan du öppna den med Öppna fil."
)


class DraftList(QTreeWidget):
    """The drafts, where Delete moves the selected one to the trash and F2 renames it."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[Qt.Key, Callable[[], None]] = {}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.keys.get(Qt.Key(event.key())) if event.modifiers() == Qt.KeyboardModifier.NoModifier else None
        if action is None:
            super().keyPressEvent(event)
            return
        action()


class StartWindow(QMainWindow):
    """Where every visit starts."""

    session_opened = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        form = default_heading()
        self.setWindowTitle(f"{form.title} – {form.subtitle}")
        title = QLabel(f"<h1>{form.title}</h1><p>{form.subtitle}</p>")
        title.setTextFormat(Qt.TextFormat.RichText)
        intro = QLabel(
            f"{form.instruction} Det du skriver sparas medan du skriver, och du kan fortsätta en annan dag."
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton("&Ny rapport")
        self.new_button.setDefault(True)
        self.sample_button = QPushButton("Öppna &exempelrapport")
        self.sample_button.setToolTip("En ifylld rapport att titta på; du får en egen kopia.")
        self.file_button = QPushButton("Öppna &fil…")
        self.file_button.setToolTip("Ett sparat utkast eller en rapport i Word (.docx)")
        self.compile_button = QPushButton("Sa&mmanställ rapporter…")
        self.compile_button.setToolTip("För förbundets kansli: mottagna rapporter till årsredovisningens tabeller")
        self.compile_button.clicked.connect(self.compile_reports)
        self.new_button.clicked.connect(self.new_report)
        self.sample_button.clicked.connect(self.open_sample)
        self.file_button.clicked.connect(self.open_file)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.sample_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.compile_button)
        recent_title = QLabel("Dina &rapporter")
        self.recent = DraftList()
        self.recent.setHeaderLabels(["Rapport", "Insats", "Förbund", "Senast ändrad", "Klar"])
        self.recent.setRootIsDecorated(False)
        self.recent.setAccessibleName("Dina rapporter")  # what the screen shows above it
        self.recent.itemActivated.connect(self._open_recent)  # Enter and double-click
        self.recent.keys = {Qt.Key.Key_Delete: self.trash_selected, Qt.Key.Key_F2: self.rename_selected}
        recent_title.setBuddy(self.recent)
        self.recent.itemSelectionChanged.connect(self._selection_changed)
        self.library_buttons: list[QPushButton] = []
        library = QHBoxLayout()
        for text, slot in (
            ("Öppna &utkast", self._open_selected),
            ("&Byt namn…", self.rename_selected),
            ("&Kopiera", self.duplicate_selected),
            ("&Ta bort", self.trash_selected),
            ("&Visa i mappen", self._reveal_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            library.addWidget(button)
            self.library_buttons.append(button)
        library.addStretch()
        self.undo_note = QLabel()
        self.undo_button = QPushButton("Ån&gra")
        self.undo_button.clicked.connect(self.undo_trash)
        undo = QHBoxLayout()
        undo.addWidget(self.undo_note)
        undo.addWidget(self.undo_button)
        undo.addStretch()
        self.undo_note.hide()
        self.undo_button.hide()
        self.trashed: Path | None = None
        self.notice = ""  # what the next report window says first (filled from the profile, imported)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(recent_title)
        self.empty_note = QLabel(LISTING)
        self.empty_note.setWordWrap(True)
        self.empty_note.setProperty("role", "note")
        layout.addWidget(self.empty_note)
        layout.addWidget(self.recent, 1)
        layout.addLayout(library)
        layout.addLayout(undo)
        self.setCentralWidget(body)
        self._menu()
        self.resize(820, 560)
        self.listed = False
        self.recent.hide()
        self._selection_changed()
        after_first_paint(self, self._first_listing)

    def _first_listing(self) -> None:
        if not self.listed:  # a report opened at the start lists them when the user comes back
            self.refresh()

    def refresh(self) -> None:
        from finsam_desktop.drafts import list_drafts

        self.recent.clear()
        drafts = list_drafts(drafts_dir())
        editions: dict[str, set[str]] = {}
        for info in drafts:
            editions.setdefault(info.forbund, set()).add(info.edition)
        for info in drafts:
            done = f"{round(info.completeness * 100)} %" if info.completeness is not None else "–"
            if info.sent is not None:
                done += f" · Skickad {info.sent:%Y-%m-%d}"
            elif info.opened is not None:
                done += f" · Öppnad i e-postprogrammet {info.opened:%Y-%m-%d}"
            insats = "" if info.insats == info.name else info.insats  # said once, in the name column
            forbund = f"{info.forbund} (utgåva {info.edition})" if len(editions.get(info.forbund, ())) > 1 else info.forbund
            item = QTreeWidgetItem([info.name, insats, forbund, f"{info.modified:%Y-%m-%d %H:%M}", done])
            item.setToolTip(0, info.name)
            item.setData(0, PATH_ROLE, str(info.path))
            if info.error:
                item.setText(1, f"⚠ {info.error}")
                item.setDisabled(True)
            self.recent.addTopLevelItem(item)
        for column in range(self.recent.columnCount()):  # the state column too: never cut off
            self.recent.resizeColumnToContents(column)
        empty = self.recent.topLevelItemCount() == 0
        self.empty_note.setText(NO_DRAFTS)
        self.empty_note.setVisible(empty)
        self.recent.setVisible(not empty)
        first = self.recent.topLevelItem(0)
        if first is not None:
            self.recent.setCurrentItem(first)
        self._selection_changed()
        self.listed = True

    def selected_path(self) -> Path | None:
        item = self.recent.currentItem()
        return Path(item.data(0, PATH_ROLE)) if item is not None and item.isSelected() else None

    def _selection_changed(self) -> None:
        for button in self.library_buttons:
            button.setEnabled(self.selected_path() is not None)

    def _open_selected(self) -> None:
        item = self.recent.currentItem()
        if item is not None:
            self._open_recent(item)

    def _library(self, action) -> None:  # type: ignore[no-untyped-def]
        from finsam_desktop.drafts import DraftError

        path = self.selected_path()
        if path is None:
            return
        try:
            action(path)
        except (DraftError, OSError) as error:
            QMessageBox.warning(self, "Det gick inte", str(error))
        self.refresh()

    def rename_selected(self) -> None:
        from finsam_desktop.library import rename_draft

        item = self.recent.currentItem()
        if item is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(f"Byt namn på ”{item.text(0)}”")
        dialog.setLabelText("Nytt namn på rapporten:")
        dialog.setTextValue(item.text(0))
        dialog.setOkButtonText("Byt namn")
        dialog.setCancelButtonText("Avbryt")
        dialog.setMinimumWidth(max(420, self.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 120))
        if dialog.exec() and dialog.textValue().strip():
            name = dialog.textValue()
            self._library(lambda path: rename_draft(path, name))

    def duplicate_selected(self) -> None:
        from finsam_desktop.library import duplicate_draft

        self._library(duplicate_draft)

    def trash_selected(self) -> None:
        from finsam_desktop.library import TRASH, trash_draft

        item = self.recent.currentItem()
        name = item.text(0) if item is not None else ""

        def trash(path: Path) -> None:
            self.trashed = trash_draft(path)
            self.undo_note.setText(
                f"”{name}” flyttades till programmets papperskorg (mappen ”{TRASH}” bland utkasten, inte datorns)."
            )
            self.undo_note.show()
            self.undo_button.show()

        self._library(trash)

    def undo_trash(self) -> None:
        from finsam_desktop.library import restore_draft

        if self.trashed is not None:
            restore_draft(self.trashed)
            self.trashed = None
        self.undo_note.hide()
        self.undo_button.hide()
        self.refresh()

    def _reveal_selected(self) -> None:
        from ui.reveal import reveal

        path = self.selected_path()
        if path is not None:
            reveal(self, path)

    def _open(self, open_session) -> None:  # type: ignore[no-untyped-def]
        from finsam_desktop.document.errors import ImportFailed
        from finsam_desktop.drafts import DraftError

        try:
            session = open_session()
        except (DraftError, ImportFailed) as error:
            QMessageBox.warning(self, "Kunde inte öppna", str(error))
            return
        self.session_opened.emit(session)

    def choose_form(self) -> FormSpec | None:
        """Which förbund's mall: asked only when more than one is installed."""
        from finsam_desktop.forms.registry import form_choices
        from ui import settings

        forms = form_choices()
        if len(forms) == 1:
            return forms[0]
        names = [f"{form.forbund.name} – {form.form.title} ({form.form.edition})" for form in forms]
        last = next((index for index, form in enumerate(forms) if form.id == settings.last_form()), 0)
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Ny rapport")
        dialog.setLabelText("Vilket samordningsförbunds mall gäller rapporten?")
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(False)
        dialog.setTextValue(names[last])
        dialog.setOkButtonText("Skapa rapporten")  # a verb, not "OK"
        dialog.setCancelButtonText("Avbryt")
        if not dialog.exec():
            return None
        form = forms[names.index(dialog.textValue())]
        settings.set_last_form(form.id)
        return form

    def new_report(self) -> None:
        from finsam_desktop.model import report_model
        from finsam_desktop.session import DraftSession
        from ui.profile import fill_from_profile

        form = self.choose_form()
        if form is None:
            return
        draft = report_model(form)()
        self.notice = fill_from_profile(draft)
        self._open(lambda: DraftSession.create(drafts_dir(), "", draft))

    def open_sample(self) -> None:
        from finsam_desktop.sample import sample_report
        from finsam_desktop.session import DraftSession

        name, draft = sample_report()
        self._open(lambda: DraftSession.create(drafts_dir(), name, draft))

    def _open_recent(self, item: QTreeWidgetItem) -> None:
        from finsam_desktop.session import DraftSession

        if not item.isDisabled():
            self._open(lambda: DraftSession.open(Path(item.data(0, PATH_ROLE))))

    def open_known(self, document: Path, draft: Path, name: str) -> bool:
        """The document was read in before: open that draft (True), or read it again (False)."""
        from finsam_desktop.session import DraftSession

        text = f"”{document.name}” är redan inläst som ”{name}”."
        box = QMessageBox(QMessageBox.Icon.Question, "Redan inläst", text, parent=self)
        box.setInformativeText("Vill du öppna det utkastet, eller läsa in dokumentet som ett nytt utkast?")
        existing = box.addButton("Öppna utkastet", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Läs in en ny kopia", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(existing)
        box.exec()
        if box.clickedButton() is existing:
            self._open(lambda: DraftSession.open(draft))
            return True
        return False

    def _menu(self) -> None:
        """The buttons' commands, and the office's tools, in Arkiv."""
        file_menu = self.menuBar().addMenu("&Arkiv")
        for text, shortcut, slot in (
            ("&Ny rapport…", "Ctrl+N", self.new_report),
            ("Ö&ppna fil…", "Ctrl+O", self.open_file),
            ("Sa&mmanställ rapporter…", "Ctrl+Shift+S", self.compile_reports),
            ("Skapa &formulär från Word-mall…", "Ctrl+Shift+M", self.form_from_mall),
        ):
            action = file_menu.addAction(text)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)

    def form_from_mall(self) -> None:
        from ui.mall_form_window import MallFormWindow

        MallFormWindow(self).exec()

    def compile_reports(self) -> None:
        from ui.compile_window import CompileWindow  # openpyxl and the readers load when asked

        CompileWindow(self).exec()

    def open_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Öppna rapport", "", "Rapporter (*.json *.docx);;Utkast (*.json);;Word-dokument (*.docx)"
        )
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> None:
        """A draft file opens as it is; a Word document becomes a new draft."""
        import hashlib

        from finsam_desktop.library import imported_from
        from finsam_desktop.session import DraftSession

        if path.suffix.lower() != ".docx":
            self._open(lambda: DraftSession.open(path))
            return

        known = imported_from(drafts_dir(), hashlib.sha256(path.read_bytes()).hexdigest()) if path.is_file() else None
        if known is not None and self.open_known(path, *known):
            return

        def from_word() -> DraftSession:
            from finsam_desktop.reading.importer import read_docx  # python-docx loads when first needed

            result = read_docx(path)
            if result.source == "text" or result.changed or result.notes:  # what Word changed, before it opens
                QMessageBox.information(self, "Rapporten är inläst", "\n\n".join(result.summary()))
            session = DraftSession.create(drafts_dir(), result.name or path.stem, result.draft, result.imported)
            self.notice = f"”{path.name}” är importerad som ett nytt utkast, ”{session.name}”. {result.summary()[0]}"
            return session

        self._open(from_word)
