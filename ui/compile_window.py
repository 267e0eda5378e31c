"""Sammanställ rapporter: the förbund's office reads the reports it received (files or a
folder) with a cancellable progress bar, sees one row per report with its problems a
click away and every file that could not be read with why, picks among duplicates, and
exports the annual report's tables to Excel or Word."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.compiling.received import Received, Unread, files_in, mark_duplicates, read_all
from finsam_desktop.compiling.rows import insats_row
from finsam_desktop.drafts import atomic_write
from finsam_desktop.parsing import format_kronor
from ui import export_actions

NAME_WIDTH = 240
COLUMNS = ["Ta med", "Fil", "Insats", "Huvudman", "Beviljat", "Utnyttjat", "Problem"]


class CompileWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sammanställ rapporter")
        self.reports: list[Received] = []
        self.unread: list[Unread] = []
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
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addStretch()
        layout.addLayout(choose)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Inlästa rapporter")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellActivated.connect(self.show_problems)
        self.table.itemChanged.connect(self._chosen_changed)
        layout.addWidget(self.table, 1)
        self.unread_title = QLabel("Kunde inte läsas:")
        self.unread_list = QListWidget()
        self.unread_list.setAccessibleName("Filer som inte kunde läsas")
        self.unread_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)  # the reports' table takes the room
        layout.addWidget(self.unread_title)
        layout.addWidget(self.unread_list)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        exports = QHBoxLayout()
        self.excel_button = QPushButton("Exportera till &Excel…")
        self.word_button = QPushButton("Exportera till &Word…")
        self.excel_button.clicked.connect(lambda: self.export(".xlsx"))
        self.word_button.clicked.connect(lambda: self.export(".docx"))
        close = QPushButton("S&täng")
        close.clicked.connect(self.accept)
        for button in (self.excel_button, self.word_button):
            exports.addWidget(button)
        exports.addStretch()
        exports.addWidget(close)
        layout.addLayout(exports)
        self.resize(960, 620)
        self.refresh()

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Välj rapporter", str(export_actions.save_folder()), "Rapporter (*.docx *.json)"
        )
        if chosen:
            self.read([Path(path) for path in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Välj en mapp med rapporter", str(export_actions.save_folder()))
        if chosen:
            self.read([Path(chosen)])

    def read(self, paths: list[Path]) -> None:
        """Read with a progress bar; Avbryt keeps what was read so far."""
        files = files_in(paths)
        progress = QProgressDialog("Läser rapporterna …", "Avbryt", 0, len(files), self)
        progress.setWindowTitle("Sammanställ rapporter")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, path: Path) -> bool:
            progress.setValue(done)
            progress.setLabelText(f"Läser {path.name} ({done + 1} av {len(files)}) …")
            return not progress.wasCanceled()

        for each in read_all(files, step):
            if isinstance(each, Received):
                self.reports.append(each)
            else:
                self.unread.append(each)
        progress.setValue(len(files))
        mark_duplicates(self.reports)
        self.refresh()

    def refresh(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.reports))
        for row, report in enumerate(self.reports):
            errors = sum(problem.severity == "fel" for problem in report.problems)
            warnings = len(report.problems) - errors
            insats = insats_row(report.draft, report.source.name)
            values = [
                "", report.source.name, insats.name, insats.organisation,
                format_kronor(insats.granted) if insats.granted is not None else "",
                format_kronor(insats.used) if insats.used is not None else "",
                f"{errors} fel, {warnings} varningar" if report.problems else "Inga",
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    item.setCheckState(Qt.CheckState.Checked if report.chosen else Qt.CheckState.Unchecked)
                if report.duplicate_of:
                    item.setToolTip("Samma insats finns i: " + ", ".join(path.name for path in report.duplicate_of))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in (2, 3):  # long names are cut with "…": every column stays in view
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), NAME_WIDTH))
        self.table.blockSignals(False)
        self.unread_list.clear()
        self.unread_list.addItems([f"{each.source.name}: {each.reason}" for each in self.unread])
        self.unread_title.setVisible(bool(self.unread))
        self.unread_list.setVisible(bool(self.unread))
        chosen = sum(report.chosen for report in self.reports)
        doubles = sum(bool(report.duplicate_of) and not report.chosen for report in self.reports)
        self.status.setText(
            f"{len(self.reports)} rapporter inlästa, {chosen} tas med"
            + (f" ({doubles} äldre av samma insats tas inte med)" if doubles else "")
            + (f"; {len(self.unread)} kunde inte läsas." if self.unread else ".")
        )
        for button in (self.excel_button, self.word_button):
            button.setEnabled(chosen > 0)

    def _chosen_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.reports[item.row()].chosen = item.checkState() == Qt.CheckState.Checked
            self.refresh()

    def show_problems(self, row: int, _column: int = 0) -> None:
        """A report's fel and varningar, one click (Enter, double-click) away."""
        report = self.reports[row]
        lines = [f"{problem.severity.capitalize()}: {problem.message}" for problem in report.problems] or ["Inga problem."]
        QMessageBox.information(self, f"Problem i {report.source.name}", "\n".join(lines))

    def export(self, suffix: str) -> Path | None:
        from finsam_desktop.compiling.docx_summary import summary_docx
        from finsam_desktop.compiling.xlsx_writer import workbook_bytes

        rows = [insats_row(report.draft, report.source.name) for report in self.reports if report.chosen]
        kind = "Excel-arbetsbok (*.xlsx)" if suffix == ".xlsx" else "Word-dokument (*.docx)"
        path = export_actions.choose_path(self, "Spara sammanställningen", f"Utfall insatser{suffix}", kind)
        if path is None:
            return None
        data = workbook_bytes(rows, self.unread) if suffix == ".xlsx" else summary_docx(rows)
        try:
            atomic_write(path, data)
        except OSError as error:
            QMessageBox.warning(self, "Kunde inte spara", f"”{path.name}” kunde inte sparas ({error.strerror or error}).")
            return None
        if not path.is_file():
            return None
        export_actions.offer_to_open(self, path, [f"Sammanställningen ({len(rows)} insatser) är sparad som {path}"])
        return path
