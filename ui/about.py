# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Om Finsam Slutrapport: what the app is, its licence, and every package it ships with
under its own licence (the texts are in the installed app's ``licenses`` folder)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from finsam_desktop import __version__
from finsam_desktop.licences import APP_LICENCE, bundled_folder, shipped


def about_html(forbund: str) -> str:
    rows = "".join(
        f"<tr><td>{escape(package.name)}</td><td>{escape(package.version)}</td><td>{escape(package.licence)}</td></tr>"
        for package in shipped()
    )
    folder = bundled_folder()
    where = (
        f"Licenstexterna finns i mappen {escape(str(folder))}."
        if folder is not None
        else "Licenstexterna finns i varje pakets installation (programmet körs från källkoden)."
    )
    return (
        f"<h2>Finsam Slutrapport {escape(__version__)}</h2>"
        f"<p>Skriv slutrapporten för en insats som finansieras av {escape(forbund)}. Rapporten sparas medan du skriver.</p>"
        f"<p>Programmet är fri programvara under licensen {APP_LICENCE} (European Union Public Licence), "
        "som offentliga organisationer kan använda, ändra och dela vidare.</p>"
        f"<h3>Programmet innehåller</h3><table cellpadding='2'><tr><th align='left'>Paket</th>"
        f"<th align='left'>Version</th><th align='left'>Licens</th></tr>{rows}</table><p>{where}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, forbund: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Om Finsam Slutrapport")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Om programmet och dess licenser")
        self.text.setHtml(about_html(forbund))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Stäng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().lineSpacing() * 30)
