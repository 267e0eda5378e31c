# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The compile window's table of received reports: one row per report, whether it counts
(a tick the office may change) and why, long names shortened with the whole in the tooltip,
so every column stays in view at 1024×700."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from finsam_desktop.compiling.received import Received
from finsam_desktop.parsing import format_kronor

COLUMNS = ["Räknas", "Fil", "Insats", "Huvudman", "Beviljat", "Utnyttjat", "Problem", "Kommentar"]
WIDEST = {1: 150, 2: 200, 3: 200}  # pixels for the file, insats and huvudman; Kommentar keeps the rest
AMOUNTS = (4, 5)


def _values(report: Received) -> list[str]:
    granted, used = report.amounts
    return [
        "", report.source.name, report.name, report.organisation,
        format_kronor(granted) if granted is not None else "", format_kronor(used) if used is not None else "",
        report.counts if report.problems else "Inga", report.to_confirm if report.chosen else report.left_out,
    ]


class ReceivedTable(QTableWidget):
    chosen = Signal(int, bool)  # a row's tick changed by the office

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setAccessibleName("Inlästa rapporter")
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.itemChanged.connect(self._ticked)

    def show_reports(self, reports: list[Received]) -> None:
        self.blockSignals(True)
        self.setRowCount(len(reports))
        for row, report in enumerate(reports):
            for column, text in enumerate(_values(report)):
                self.setItem(row, column, self._item(report, column, text))
        self.resizeColumnsToContents()
        for column, widest in WIDEST.items():
            self.setColumnWidth(column, min(self.columnWidth(column), widest + 16))
        self.blockSignals(False)

    def _item(self, report: Received, column: int, text: str) -> QTableWidgetItem:
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, WIDEST[column]) if column in WIDEST else text
        item = QTableWidgetItem(shown)
        item.setToolTip(str(report.source) if column == 1 else text)
        if column == 0:
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if report.chosen else Qt.CheckState.Unchecked)
            item.setToolTip("Räknas i sammanställningen" if report.chosen else f"Räknas inte: {report.left_out}")
        if column in AMOUNTS:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.chosen.emit(item.row(), item.checkState() == Qt.CheckState.Checked)
