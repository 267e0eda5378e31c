# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Skapa formulär från Word-mall: a förbund's office chooses its blank mall, sees the
wizard's pages and the document an empty report would be, names the förbund and saves the
form into the forms folder, where Ny rapport offers it."""

from __future__ import annotations

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
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.document.structure import build_document
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.from_mall.mall_form import form_from_docx, install_form, suggested_id
from finsam_desktop.model import report_model
from ui.report_pdf import text_document


class MallFormWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Skapa formulär från Word-mall")
        self.mall: Path | None = None
        self.form: FormSpec | None = None
        intro = QLabel(
            "Välj förbundets tomma mall i Word. Programmet läser dess avsnitt, frågor, etiketter och tabeller "
            "och gör ett formulär av dem; det som är gissat står i filen bredvid raden."
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton("&Välj Word-mall…")
        self.choose_button.setAutoDefault(False)  # Enter in the names saves; it does not choose again
        self.choose_button.clicked.connect(self.choose)
        self.chosen = QLabel("Ingen mall vald.")
        choose = QHBoxLayout()
        choose.addWidget(self.choose_button)
        choose.addWidget(self.chosen, 1)
        self.forbund = QLineEdit()
        self.forbund.setPlaceholderText("Samordningsförbundet …")
        self.form_id = QLineEdit()
        self.forbund.textEdited.connect(lambda text: self.form_id.setText(suggested_id(text)))
        names = QFormLayout()
        names.addRow("&Förbundets namn:", self.forbund)
        names.addRow("Formulärets &id:", self.form_id)
        self.pages = QTreeWidget()
        self.pages.setHeaderLabels(["Sidor och frågor", "Typ av fält"])
        self.pages.setAccessibleName("Guidens sidor")
        self.document = QTextBrowser()
        self.document.setAccessibleName("Dokumentet som en tom rapport blir")
        split = QSplitter()
        split.addWidget(self.pages)
        split.addWidget(self.document)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("&Spara i formulärmappen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Avbryt", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setEnabled(False)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addLayout(names)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 600)

    def choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Välj Word-mall", "", "Word-dokument (*.docx)")
        if chosen:
            self.show_mall(Path(chosen))

    def show_mall(self, path: Path) -> None:
        try:
            _text, form = form_from_docx(path, forbund=self.forbund.text().strip())
        except ImportFailed as error:
            QMessageBox.warning(self, "Kunde inte läsa mallen", str(error))
            return
        self.mall, self.form = path, form
        self.chosen.setText(f"{path.name}: {len(form.sections)} avsnitt, {sum(1 for _ in form.fields())} fält")
        if not self.form_id.text():
            self.form_id.setText(form.id)
        self.pages.clear()
        for section in form.sections:
            page = QTreeWidgetItem(self.pages, [section.heading, ""])
            for spec in section.fields:
                QTreeWidgetItem(page, [spec.title or spec.key, spec.shown_as])
        self.pages.expandAll()
        self.pages.resizeColumnToContents(0)
        self.document.setDocument(text_document(build_document(report_model(form)(), form=form)))
        self.save_button.setEnabled(True)

    def save(self) -> None:
        if self.mall is None:
            return
        try:
            text, form = form_from_docx(self.mall, self.form_id.text().strip(), self.forbund.text().strip())
            target = install_form(text, form.id)
        except ImportFailed as error:
            QMessageBox.warning(self, "Formuläret sparades inte", str(error))
            return
        QMessageBox.information(
            self,
            "Formuläret är sparat",
            f"Formuläret ”{form.id}” är sparat som {target} och finns nu bland mallarna under Ny rapport. "
            "Kontrollera raderna märkta ”gissat” i filen innan formuläret lämnas ut.",
        )
        self.accept()
