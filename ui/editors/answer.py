# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Multi-line text that grows with what is written in it, with spelling underlined."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy

from ui.spelling import SpellHighlighter, spelling_menu, spelling_service


class AnswerEdit(QPlainTextEdit):
    """Multi-line text that grows with its content; pasting keeps paragraphs, not formatting.

    Signals: ``left`` when focus leaves.
    """

    left = Signal()

    def __init__(self, min_lines: int) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._min_lines = min_lines
        self.document().contentsChanged.connect(self._fit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()
        self.spelling = SpellHighlighter(self.document(), spelling_service())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right click or the menu key: the word's spelling first, then cut, copy, paste."""
        menu = self.createStandardContextMenu(event.pos())
        spelling_menu(menu, self, event.pos())
        menu.addSeparator()
        long = menu.addAction("Markera långa meningar (över 35 ord)")
        long.setCheckable(True)
        long.setChecked(self.spelling.mark_long)
        long.toggled.connect(self._mark_long)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(self._min_lines, min(int(self.document().size().height()) + 1, 30))
        self.setFixedHeight(lines * line + 2 * self.frameWidth() + 12)

    def _mark_long(self, on: bool) -> None:
        self.spelling.mark_long = on
        self.spelling.rehighlight()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The text wraps anew at a new width: the height follows, whether the draft was
        just opened (laid out before the window had its size) or is being typed into."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()
            parent = self.parentWidget()
            if parent is not None and parent.layout() is not None:
                parent.layout().invalidate()  # type: ignore[union-attr]  # the count below makes room
