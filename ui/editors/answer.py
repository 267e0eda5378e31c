# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Multi-line text that grows with what is written in it, with spelling underlined."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea, QSizePolicy, QWidget

from ui.spelling import SpellHighlighter, spelling_menu, spelling_service


def _page_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


class AnswerEdit(QPlainTextEdit):
    """Multi-line text that grows with its content; pasting keeps paragraphs, not formatting.

    Signals: ``left`` when focus leaves.
    """

    left = Signal()

    def __init__(self, min_lines: int) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Wrapped at its width, an answer never scrolls sideways; a page made out of sight could
        # leave a bar under its last line after the page's own scroll bar came (seen at 1024×700).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._min_lines = min_lines
        self.document().contentsChanged.connect(self._fit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()
        self.spelling = SpellHighlighter(self.document(), spelling_service())
        self.cursorPositionChanged.connect(self.keep_cursor_in_view)

    def keep_cursor_in_view(self) -> None:
        """The answer grows instead of scrolling, so its page must follow the cursor: typing
        at the end of a long answer low on its page, Ctrl+End, arrows, a jump to a word."""
        if not self.hasFocus():
            return
        area = _page_of(self)
        content = area.widget() if area is not None else None
        if area is not None and content is not None:
            if self.mapTo(content, QPoint(0, self.height())).y() > content.height():
                # the page's scroll range first: a page does not hear on its own that a field grew
                QApplication.sendEvent(area, QEvent(QEvent.Type.LayoutRequest))
            at = self.viewport().mapTo(content, self.cursorRect().center())
            area.ensureVisible(at.x(), at.y(), 40, 2 * self.fontMetrics().lineSpacing())

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
        height = lines * line + 2 * self.frameWidth() + 12
        if height != self.height():
            self.setFixedHeight(height)
            area = _page_of(self)
            if area is not None:  # its scroll range follows, as a page learns only from its own layout
                QApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))

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
