# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Sammanställ rapporter: the förbund's office reads the reports it received (files or a
folder) on a worker thread with progress and Avbryt, sees one row per report with whether
it counts and why, its problems a click away, and every file that could not be read with
why, and exports the annual report's tables to Excel or Word."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.compiling.compilation import Compilation
from finsam_desktop.compiling.received import Received, Unread, read_one
from finsam_desktop.compiling.registering import office_labels
from finsam_desktop.document.export import export_message
from finsam_desktop.drafts import atomic_write
from ui import export_actions, settings
from ui.received_table import ReceivedTable

log = logging.getLogger("finsam.compile_window")


class _Reading(QObject):
    """The worker's news, delivered on the window's thread."""

    read = Signal(int, object)  # files done so far, and what one file gave
    finished = Signal(bool)  # whether every file was read (False: Avbryt)


class CompileWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sammanställ rapporter")
        self.compilation = Compilation()
        self._cancel = threading.Event()
        self._bridge = _Reading(self)
        self._bridge.read.connect(self._took)
        self._bridge.finished.connect(self._done)
        self._total = self._done_so_far = 0
        self._soon = QTimer(self, singleShot=True, interval=200)
        self._soon.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Läs in rapporter som förbundet fått: Word-dokument som programmet exporterat, rapporter ifyllda "
            "i den gamla mallen och utkast (.json). Sammanställningen blir årsredovisningens tabeller."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        choose = QHBoxLayout()
        self.files_button = QPushButton("Välj &filer…")
        self.folder_button = QPushButton("Välj &mapp…")
        self.clear_button = QPushButton("&Töm listan")
        self.clear_button.setToolTip("Ta bort alla inlästa rapporter ur listan (filerna ändras inte)")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.clear_button.clicked.connect(self.clear)
        for button in (self.files_button, self.folder_button, self.clear_button):
            choose.addWidget(button)
        choose.addStretch()
        layout.addLayout(choose)
        reading = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Inläsning")
        self.cancel_button = QPushButton("&Avbryt")
        self.cancel_button.clicked.connect(self._cancel.set)
        reading.addWidget(self.progress, 1)
        reading.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        layout.addLayout(reading)
        self.table = ReceivedTable()
        self.table.cellActivated.connect(self.show_problems)
        self.table.chosen.connect(self._chosen_changed)
        layout.addWidget(self.table, 1)
        self.unread_title = QLabel("Inte inlästa:")
        self.unread_list = QListWidget()
        self.unread_list.setAccessibleName("Filer som inte lästes in")
        self.unread_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)  # the reports' table takes the room
        layout.addWidget(self.unread_title)
        layout.addWidget(self.unread_list)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        exports = QHBoxLayout()
        self.register_button = QPushButton("&Registrera…")
        self.register_button.clicked.connect(self.register_current)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        exports.addWidget(self.register_button)
        self.excel_button = QPushButton("Exportera till &Excel…")
        self.word_button = QPushButton("Exportera till &Word…")
        self.excel_button.clicked.connect(lambda: self.export(".xlsx"))
        self.word_button.clicked.connect(lambda: self.export(".docx"))
        self.close_button = QPushButton("&Stäng")
        self.close_button.clicked.connect(self.accept)
        for button in (self.excel_button, self.word_button):
            exports.addWidget(button)
        exports.addStretch()
        exports.addWidget(self.close_button)
        layout.addLayout(exports)
        for button in self.findChildren(QPushButton):  # Enter on a row opens its problems, never a button
            button.setAutoDefault(False)
        self.resize(1000, 640)
        self.refresh()

    # --- reading ------------------------------------------------------------------

    def _start_folder(self) -> str:
        last = Path(settings.received_folder()) if settings.received_folder() else None
        return str(last if last is not None and last.is_dir() else export_actions.save_folder())

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Välj rapporter", self._start_folder(), "Rapporter (*.docx *.json);;Alla filer (*)"
        )
        if chosen:
            settings.set_received_folder(str(Path(chosen[0]).parent))
            self.read([Path(path) for path in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Välj en mapp med rapporter", self._start_folder())
        if chosen:
            settings.set_received_folder(chosen)
            self.read([Path(chosen)])

    def read(self, paths: list[Path]) -> None:
        """Read the files not read before on a worker thread; Avbryt keeps what was read so far."""
        files = self.compilation.new_files(paths)
        self._total = len(files)
        self._cancel.clear()
        self._reading(True)
        self.progress.setRange(0, max(len(files), 1))
        self.progress.setValue(0)
        self.refresh()

        def work() -> None:
            try:
                for done, path in enumerate(files, start=1):
                    if self._cancel.is_set():
                        self._bridge.finished.emit(False)
                        return
                    self._bridge.read.emit(done, read_one(path))
            except Exception:  # never a window stuck in reading
                log.exception("reading received reports")
            self._bridge.finished.emit(True)

        threading.Thread(target=work, name="sammanstallning", daemon=True).start()

    def _took(self, done: int, read: Received | Unread) -> None:
        self.compilation.take(read)
        self.progress.setValue(done)
        self.progress.setFormat(f"Läser {done} av {self._total} …")
        self._done_so_far = done
        if not self._soon.isActive():  # the rows come as they are read, a few times a second
            self._soon.start()

    def _done(self, complete: bool) -> None:
        self._soon.stop()
        self.compilation.settle()
        self._reading(False)
        self.refresh()
        if not complete:
            self.status.setText(self.status.text() + " Inläsningen avbröts; läs in samma mapp igen för resten.")

    def _reading(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for button in (self.files_button, self.folder_button, self.clear_button, self.excel_button, self.word_button):
            button.setEnabled(not busy)
        self.register_button.setEnabled(False)
        if busy:
            self.cancel_button.setFocus()

    @property
    def busy(self) -> bool:
        return self.cancel_button.isVisible()

    def clear(self) -> None:
        self.compilation.clear()
        self.refresh()

    # --- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        reports = self.compilation.reports
        self.table.show_reports(reports)
        self.unread_list.clear()
        self.unread_list.addItems([f"{each.source.name}: {each.reason}" for each in self.compilation.unread])
        self.unread_title.setVisible(bool(self.compilation.unread))
        self.unread_list.setVisible(bool(self.compilation.unread))
        self.status.setText(self._summary())
        chosen = any(report.chosen for report in reports)
        for button in (self.excel_button, self.word_button):
            button.setEnabled(chosen and not self.busy)
        self.clear_button.setEnabled(bool(reports or self.compilation.unread) and not self.busy)
        self._selection_changed()

    def _summary(self) -> str:
        reports, compilation = self.compilation.reports, self.compilation
        if self.busy:
            return f"Läser rapporterna: {self._done_so_far} av {self._total} …"
        if not reports and not compilation.unread:
            return "Inga rapporter inlästa ännu."
        counted = sum(report.chosen for report in reports)
        parts = [f"{len(reports)} rapporter inlästa, {counted} räknas"]
        if compilation.left_out:
            parts.append(f"{len(compilation.left_out)} räknas inte (se Kommentar)")
        confirm = sum(bool(report.to_confirm) and report.chosen for report in reports)
        if confirm:
            parts.append(f"{confirm} att kontrollera")
        if compilation.failures:
            parts.append(f"{len(compilation.failures)} kunde inte läsas")
        return ", ".join(parts) + "."

    def _selection_changed(self) -> None:
        """Registrera is for a selected report whose form has a box for the office."""
        row = self.table.currentRow()
        report = self.compilation.reports[row] if 0 <= row < len(self.compilation.reports) else None
        boxed = report is not None and bool(office_labels(report))
        self.register_button.setEnabled(boxed and not self.busy)
        self.register_button.setToolTip(
            "Fyll i rutan för förbundets anteckningar i rapporten och i registret"
            if boxed or report is None
            else f"Mallen för ”{report.source.name}” har ingen ruta för förbundets anteckningar."
        )

    def register_current(self) -> None:
        """The selected report registered: its office box filled in, its row in the register."""
        from ui.register_dialog import RegisterDialog

        row = self.table.currentRow()
        if 0 <= row < len(self.compilation.reports):
            RegisterDialog(self.compilation.reports[row], self).exec()
            self.refresh()
            self.table.selectRow(row)

    def _chosen_changed(self, row: int, chosen: bool) -> None:
        self.compilation.choose(self.compilation.reports[row], chosen)
        self.refresh()

    def show_problems(self, row: int, _column: int = 0) -> None:
        """A report's fel and varningar, one click (Enter, double-click) away."""
        report = self.compilation.reports[row]
        lines = [f"{problem.severity.capitalize()}: {problem.message}" for problem in report.problems] or ["Inga problem."]
        QMessageBox.information(self, f"Problem i {report.source.name}", "\n".join(lines))

    # --- exporting ----------------------------------------------------------------

    def export(self, suffix: str) -> Path | None:
        from finsam_desktop.compiling.docx_summary import summary_docx
        from finsam_desktop.compiling.xlsx_writer import workbook_bytes

        rows = self.compilation.rows()
        kind = "Excel-arbetsbok (*.xlsx)" if suffix == ".xlsx" else "Word-dokument (*.docx)"
        path = export_actions.choose_path(self, "Spara sammanställningen", f"Utfall insatser{suffix}", kind)
        if path is None:
            return None
        data = workbook_bytes(self.compilation) if suffix == ".xlsx" else summary_docx(rows)
        try:
            atomic_write(path, data)
        except OSError as error:
            QMessageBox.warning(self, "Kunde inte spara", export_message(path, error))
            return None
        if not path.is_file():
            QMessageBox.warning(self, "Kunde inte spara", f"”{path.name}” finns inte efter sparandet. Försök igen.")
            return None
        export_actions.offer_to_open(self, path, [f"Sammanställningen ({len(rows)} insatser) är sparad som {path}"])
        return path

    def reject(self) -> None:
        """Escape while reading stops the reading (as Avbryt); otherwise it closes the window."""
        if self.busy:
            self._cancel.set()
            return
        super().reject()

    def accept(self) -> None:
        self._cancel.set()
        super().accept()
