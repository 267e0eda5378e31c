# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Registrera rapporten: the office fills in its box (Diarienummer, Signatur, Ankomstdatum,
or whatever the report's form calls it) and the register file it keeps; the report's own
file and the register are written together, or neither, and the outcome is said."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.compiling.received import Received
from finsam_desktop.compiling.register_book import RegisterFailed
from finsam_desktop.compiling.registering import office_labels, register
from ui import export_actions, settings

REGISTER_NAME = "Mottagna slutrapporter.xlsx"


def register_path() -> Path:
    chosen = settings.register_file()
    return Path(chosen) if chosen else export_actions.documents_folder() / REGISTER_NAME


class RegisterDialog(QDialog):
    def __init__(self, report: Received, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Registrera rapporten")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Uppgifterna skrivs in i rutan för förbundets anteckningar i ”{report.source.name}” och som en rad "
            "i registret över mottagna rapporter. Inget annat i rapporten ändras."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        known = report.office
        for label in office_labels(report):
            edit = QLineEdit(known.get(label) or (date.today().isoformat() if label.casefold().endswith("datum") else ""))
            edit.setAccessibleName(label)
            form.addRow(f"{label}:", edit)
            self.fields[label] = edit
        layout.addLayout(form)
        where = QHBoxLayout()
        self.register_label = QLabel()
        self.register_label.setWordWrap(True)
        change = QPushButton("&Byt registerfil…")
        change.setAutoDefault(False)
        change.clicked.connect(self.choose_register)
        where.addWidget(self.register_label, 1)
        where.addWidget(change)
        layout.addLayout(where)
        self.path = register_path()
        self._show_path()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Registrera", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Avbryt", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_path(self) -> None:
        self.register_label.setText(f"Register: {self.path}")

    def choose_register(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Välj registerfil", str(self.path), "Excel-arbetsbok (*.xlsx)",
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing register is added to, never replaced
        )
        if chosen:
            self.path = Path(chosen)
            self._show_path()

    def save(self) -> None:
        office = {label: edit.text().strip() for label, edit in self.fields.items()}
        try:
            register(self.report, office, self.path)
        except RegisterFailed as error:
            QMessageBox.warning(self, "Inte registrerad", str(error))
            return
        settings.set_register_file(str(self.path))
        self.report.office = office
        QMessageBox.information(
            self, "Registrerad", f"”{self.report.source.name}” är registrerad och raden finns i {self.path}."
        )
        self.accept()
