# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The report structure drawn as a Word document, with the draft embedded for read-back.

A4, Arial (on every Office PC), the form's headings and tables, the förbund's footer
with real PAGE/NUMPAGES fields on every page, and UTKAST in the header of a report that
still has errors. The draft travels inside the file as a custom XML part, so the
document can be read back exactly (:mod:`finsam_desktop.document.embedded`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from io import BytesIO
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.shared import Cm, Emu, Length, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from finsam_desktop.document import embedded
from finsam_desktop.document.blocks import (
    CHECKED,
    UNCHECKED,
    Block,
    Choice,
    FieldTable,
    GridTable,
    Heading,
    ListBlock,
    OfficeBox,
    PageBreak,
    Paragraph,
    Title,
    free_text_blocks,
    link_target,
    links,
)
from finsam_desktop.document.structure import ReportDocument

FONT = "Arial"
BODY_SIZE = 11  # points
TEXT_COLOUR = RGBColor(0, 0, 0)
SECONDARY_COLOUR = RGBColor(0x40, 0x40, 0x40)  # help texts: still 10:1 contrast on white
LABEL_WIDTH = Cm(6)
CONTENT_WIDTH = Cm(16)
VALUE_WIDTH = Cm(10)  # CONTENT_WIDTH - LABEL_WIDTH, as a Length (subtraction gives a plain int)


class _Body:
    """Appends to the document body in constant time.

    python-docx inserts each paragraph before the section properties by scanning every
    element of the body, and adds text one character at a time; for a report with
    thousands of paragraphs that is minutes instead of a second.
    """

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.element = doc.element.body
        self._style_ids: dict[str, str] = {}
        self.lists = _NumberedLists(doc)

    def paragraph(self, text: str = "", style: str | None = None) -> DocxParagraph:
        element = OxmlElement("w:p")
        self.element.append(element)
        paragraph = DocxParagraph(element, self.doc._body)
        if style is not None:
            element.style = self.style_id(style)
        if text:
            add_text(paragraph, text)
        return paragraph

    def style_id(self, style: str) -> str:
        """python-docx looks a style up among all styles on every assignment; once is enough."""
        if style not in self._style_ids:
            self._style_ids[style] = self.doc.styles[style].style_id
        return self._style_ids[style]

    def table(self, columns: int) -> Table:
        table = self.doc.add_table(rows=0, cols=columns)
        self.element.append(table._tbl)  # after everything so far, like the paragraphs
        return table

    def finish(self) -> None:
        """Section properties must come last in the body."""
        properties = self.element.find(qn("w:sectPr"))
        if properties is not None:
            self.element.append(properties)


W_NAMESPACE = nsmap["w"]


class _NumberedLists:
    """Numbered lists as Word's own lists, so Word renumbers them when an item is added: one
    decimal definition ("1." at 0,8 cm, as the text was set before), one list per numbered
    block, starting at the writer's first number. Numbers that do not run on by one
    (1, 3, 7) cannot be a Word list and stay written out."""

    INDENT = "454"  # twips: 0,8 cm

    def __init__(self, doc: DocxDocument) -> None:
        self.root = doc.part.numbering_part.element
        self.abstract_id = ""

    @staticmethod
    def first_number(numbers: Sequence[str]) -> int | None:
        """The first number when the numbers run on by one (``3.``, ``4.``), else None."""
        values = [int(number.rstrip(".)")) for number in numbers]
        return values[0] if values == list(range(values[0], values[0] + len(values))) else None

    def _next_id(self, tag: str, attribute: str) -> str:
        return str(max((int(node.get(qn(attribute), "0")) for node in self.root.iterchildren(qn(tag))), default=0) + 1)

    def _definition(self) -> str:
        if not self.abstract_id:
            self.abstract_id = self._next_id("w:abstractNum", "w:abstractNumId")
            abstract = etree.fromstring(
                f'<w:abstractNum xmlns:w="{W_NAMESPACE}" w:abstractNumId="{self.abstract_id}">'
                '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{self.INDENT}"/></w:tabs>'
                f'<w:ind w:left="{self.INDENT}" w:hanging="{self.INDENT}"/></w:pPr></w:lvl></w:abstractNum>'
            )
            first_num = self.root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)  # every definition before the first list
            else:
                self.root.append(abstract)
        return self.abstract_id

    def start(self, first: int) -> str:
        """A new list starting at ``first``; its numId."""
        number_id = self._next_id("w:num", "w:numId")
        self.root.append(etree.fromstring(
            f'<w:num xmlns:w="{W_NAMESPACE}" w:numId="{number_id}"><w:abstractNumId w:val="{self._definition()}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{first}"/></w:lvlOverride></w:num>'
        ))
        return number_id


def _as_list_item(paragraph: DocxParagraph, number_id: str) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = int(number_id)


LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
PAGE_WIDTH, SIDE_MARGIN = Cm(21), Cm(2.5)  # A4


def _link(paragraph: DocxParagraph, text: str) -> None:
    """An e-mail address or web address as a real link (blue, underlined, clickable)."""
    rel_id = paragraph.part.relate_to(link_target(text), RT.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel_id)
    run = paragraph.add_run()
    _fill_run(run, text)
    run.font.underline = True
    run.font.color.rgb = LINK_COLOUR
    hyperlink.append(run._r)
    paragraph._p.append(hyperlink)


def add_text(paragraph: DocxParagraph, text: str):  # type: ignore[no-untyped-def]
    """``text`` with its tabs and line breaks as Word's own elements, and e-mail and web
    addresses as links; returns the last run (callers set its font)."""
    start = 0
    for match in links(text):
        if match.start() > start:
            _fill_run(_new_run(paragraph), text[start : match.start()])
        _link(paragraph, match.group())
        start = match.end()
    run = _new_run(paragraph)
    _fill_run(run, text[start:])
    return run


def _new_run(paragraph: DocxParagraph) -> Run:
    """A run at the end of the paragraph (python-docx's ``add_run`` searches the schema)."""
    return Run(etree.SubElement(paragraph._p, _R), paragraph)


_TAB_OR_BREAK = re.compile(r"(\t|\n)")
_P, _R, _T, _TAB, _BR, _SPACE = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("xml:space")


def _fill_run(run, text: str) -> None:  # type: ignore[no-untyped-def]
    """Text, tabs and breaks appended to the run's element as lxml does it: python-docx's own
    ``add_t`` looks up where in the schema each goes, which for a long answer is most of the export."""
    element = run._r
    for piece in _TAB_OR_BREAK.split(text):
        if piece == "\t":
            etree.SubElement(element, _TAB)
        elif piece == "\n":
            etree.SubElement(element, _BR)
        elif piece:
            t = etree.SubElement(element, _T)
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(_SPACE, "preserve")


def _set_font(style_font, size: float, bold: bool = False, italic: bool = False, colour: RGBColor = TEXT_COLOUR) -> None:  # type: ignore[no-untyped-def]
    style_font.name = FONT
    style_font.size = Pt(size)
    style_font.bold = bold
    style_font.italic = italic
    style_font.color.rgb = colour


def _prepare_styles(doc: DocxDocument) -> None:
    """Plain, black, Arial styles in Swedish, instead of the template's blue Calibri."""
    styles = doc.styles
    _set_font(styles["Normal"].font, BODY_SIZE)
    normal_rpr = styles["Normal"].element.get_or_add_rPr()
    fonts = normal_rpr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "sv-SE")
    normal_rpr.append(language)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 26), ("Subtitle", 16), ("Heading 1", 14), ("Heading 2", 11), ("Heading 3", 11)):
        style = styles[name]
        _set_font(style.font, size, bold=name != "Subtitle")
        style.element.get_or_add_rPr()
        style.paragraph_format.space_before = Pt({"Heading 1": 14, "Heading 3": 6}.get(name, 10))
        style.paragraph_format.space_after = Pt(4)
        fonts = style.element.rPr.find(qn("w:rFonts"))
        if fonts is not None:  # drop theme fonts so Arial applies
            for attribute in list(fonts.attrib):
                del fonts.attrib[attribute]
            fonts.set(qn("w:ascii"), FONT)
            fonts.set(qn("w:hAnsi"), FONT)
    title_border = styles["Title"].element.find(qn("w:pPr"))
    if title_border is not None and title_border.find(qn("w:pBdr")) is not None:
        title_border.remove(title_border.find(qn("w:pBdr")))


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.header_distance = section.footer_distance = Cm(1)


def _field(paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
    """A real Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when shown."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _page_furniture(doc: DocxDocument, report: ReportDocument) -> None:
    section = doc.sections[0]
    footer = section.footer
    # one line: the förbund's text, and the page number at the right margin; the template's
    # Footer style has Letter paper's tab stops, wider than A4's text, which broke the line
    tabs = doc.styles["Footer"].paragraph_format.tab_stops
    tabs.clear_all()
    tabs.add_tab_stop(Emu(PAGE_WIDTH - 2 * SIDE_MARGIN), WD_TAB_ALIGNMENT.RIGHT)
    line = footer.paragraphs[0]
    _set_font(line.add_run(report.footer).font, 9, colour=SECONDARY_COLOUR)
    line.add_run("\tSida ")
    _field(line, "PAGE", "1")
    line.add_run("(")
    _field(line, "NUMPAGES", "1")
    line.add_run(")")
    for run in line.runs[1:]:
        run.font.size = Pt(9)
    if report.draft_mark:
        mark = section.header.paragraphs[0]
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = mark.add_run(report.draft_mark)
        _set_font(run.font, 14, bold=True)


def _borders(table: Table, colour: str = "808080") -> None:
    """Thin grid lines, set on the table itself so no template style is needed."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:color"), colour)
        borders.append(line)
    # In schema order: after the width and alignment, before shading, layout and tblLook.
    properties.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
    )


def _cell_text(cell, text: str, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Only what differs from Normal is written: a table of 200 insatser is 85 000 elements."""
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(2)
    run = add_text(paragraph, text)
    if bold:
        run.bold = True


def _cell_answer(body: _Body, cell, text: str) -> None:  # type: ignore[no-untyped-def]
    """Free text in a table cell like an answer: paragraphs, bulleted lists as Word's own list
    paragraphs, numbered items with the numbers the user wrote (as in the body)."""
    pieces: list[tuple[str, str | None, str]] = []  # text, style, Word list
    for block in free_text_blocks(text) or [Paragraph("")]:
        if isinstance(block, ListBlock) and block.numbers:
            first = body.lists.first_number(block.numbers)
            number_id = body.lists.start(first) if first is not None else ""
            for mark, item in zip(block.numbers, block.items, strict=True):
                pieces.append((item, None, number_id) if number_id else (f"{mark}\t{item}", None, ""))
        elif isinstance(block, ListBlock):
            pieces.extend((item, "List Bullet", "") for item in block.items)
        elif isinstance(block, Paragraph):
            pieces.append((block.text, None, ""))
    for index, (piece, style, number_id) in enumerate(pieces):
        paragraph = cell.paragraphs[0] if index == 0 else DocxParagraph(etree.SubElement(cell._tc, _P), cell)
        if style is not None:
            paragraph._p.style = body.style_id(style)
        if number_id:
            _as_list_item(paragraph, number_id)
        _space_after(paragraph, CELL_SPACE_AFTER)
        add_text(paragraph, piece)


CELL_SPACE_AFTER = "40"  # twentieths of a point: 2 pt


def _space_after(paragraph: DocxParagraph, twips: str) -> None:
    """Space after a new paragraph that has at most a style: its spacing comes right after
    the style in the schema, so it is appended where python-docx would search for the place."""
    properties = paragraph._p.get_or_add_pPr()
    spacing = properties.find(qn("w:spacing"))
    if spacing is None:
        spacing = etree.SubElement(properties, qn("w:spacing"))
    spacing.set(qn("w:after"), twips)


Headers = Literal["row", "column"]  # where a table's header cells stand
# tblLook's legacy bit mask, which Word still writes beside the attributes.
_LOOK_BITS = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100, "noHBand": 0x200, "noVBand": 0x400}


def _look(table: Table, headers: Headers) -> None:
    """Which of the table's edges hold its headers, for Word's accessibility checker and a
    screen reader: the first row (a grid) or the first column (labels beside their values)."""
    flags = {"firstRow": headers == "row", "lastRow": False, "firstColumn": headers == "column", "lastColumn": False,
             "noHBand": False, "noVBand": True}
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    for name, on in flags.items():
        look.set(qn(f"w:{name}"), "1" if on else "0")
    look.set(qn("w:val"), f"{sum(bit for name, bit in _LOOK_BITS.items() if flags[name]):04X}")


def _table(body: _Body, columns: int, widths: Sequence[Length], headers: Headers) -> Table:
    table = body.table(columns)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _borders(table)
    _look(table, headers)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table


def _add_row(table: Table, cells: list[tuple[str, bool]], widths: Sequence[Length]) -> None:
    row = table.add_row()
    for cell, (text, bold), width in zip(row.cells, cells, widths, strict=True):
        cell.width = width
        _cell_text(cell, text, bold=bold)


def _align_numbers(table: Table, numeric: Sequence[bool]) -> None:
    """Columns of numbers right-aligned, their header and total too, so digits line up."""
    for row in table.rows:
        for cell, is_number in zip(row.cells, numeric, strict=False):
            if is_number:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _rows_whole(table: Table, total: bool) -> None:
    """No row split across pages, and a total row never alone at the top of one."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    if total and len(table.rows) > 2:
        for cell in table.rows[-2].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _repeat_as_header(table: Table) -> None:
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))  # present means on


def _draw(doc: DocxDocument, body: _Body, block: Block) -> None:
    match block:
        case Title(title, subtitle):
            body.paragraph(title, "Title")
            body.paragraph(subtitle, "Subtitle")
        case Heading(text, level):
            body.paragraph(text, f"Heading {level}").paragraph_format.keep_with_next = True
        case Paragraph(text, "help"):
            paragraph = body.paragraph()
            paragraph.paragraph_format.keep_with_next = True  # never alone at the foot of a page
            _set_font(add_text(paragraph, text).font, 10, italic=True, colour=SECONDARY_COLOUR)
        case Paragraph(text, "label"):
            paragraph = body.paragraph()
            paragraph.paragraph_format.keep_with_next = True
            add_text(paragraph, text).bold = True
        case Paragraph(text, _style):
            body.paragraph(text)
        case ListBlock(items, numbers):
            first = body.lists.first_number(numbers) if numbers else None
            number_id = body.lists.start(first) if first is not None else ""
            for index, item in enumerate(items):
                if number_id:
                    paragraph = body.paragraph(item)
                    _as_list_item(paragraph, number_id)
                elif numbers:
                    paragraph = body.paragraph(f"{numbers[index]}\t{item}")
                    paragraph.paragraph_format.left_indent = Cm(0.8)
                    paragraph.paragraph_format.first_line_indent = Cm(-0.8)
                else:
                    paragraph = body.paragraph(item, "List Bullet")
                paragraph.paragraph_format.space_after = Pt(2)
        case FieldTable(rows):
            widths: list[Length] = [LABEL_WIDTH, VALUE_WIDTH]
            table = _table(body, 2, widths, "column")
            for label, value in rows:
                _add_row(table, [(label, True), (value, False)], widths)
            body.paragraph().paragraph_format.space_after = Pt(0)
        case GridTable(header, rows, percents, total, numeric):
            widths = [Emu(CONTENT_WIDTH * percent // 100) for percent in percents]
            table = _table(body, len(header), widths, "row")
            _add_row(table, [(text, True) for text in header], widths)
            _repeat_as_header(table)
            for row in rows:
                cells = table.add_row().cells
                for cell, text, width in zip(cells, row, widths, strict=True):
                    cell.width = width
                    _cell_answer(body, cell, text)
            if total:
                _add_row(table, [(text, True) for text in total], widths)
            _align_numbers(table, numeric)
            _rows_whole(table, bool(total))
            body.paragraph().paragraph_format.space_after = Pt(0)
        case OfficeBox(caption_text, labels, values):
            widths = [Emu(CONTENT_WIDTH // len(labels))] * len(labels)
            caption = add_text(body.paragraph(), caption_text)
            _set_font(caption.font, 9, italic=True, colour=SECONDARY_COLOUR)
            table = _table(body, len(labels), widths, "row")
            _add_row(table, [(label, True) for label in labels], widths)
            _add_row(table, [(value, False) for value in values or ("",) * len(labels)], widths)
            _repeat_as_header(table)  # the labels are the table's header row
            table.rows[1].height = Cm(1)
            body.paragraph()
        case Choice(text, checked):
            paragraph = body.paragraph(style="Heading 2")
            paragraph.paragraph_format.keep_with_next = True
            paragraph.add_run(f"{CHECKED if checked else UNCHECKED} ").font.name = "Segoe UI Symbol"
            paragraph.add_run(text)
        case PageBreak():
            body.paragraph().add_run().add_break(WD_BREAK.PAGE)


def _properties(doc: DocxDocument, report: ReportDocument) -> None:
    """Title and author from the report; nothing from this computer or its user."""
    properties = doc.core_properties
    properties.title = report.title
    properties.author = report.author
    properties.last_modified_by = report.author
    properties.comments = ""
    properties.subject = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = "sv-SE"
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of the template's empty page
            del package.rels[rel_id]


WORD_2013_AND_LATER = "15"
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Finsam Slutrapport</Application></Properties>"
)


def _as_a_current_word_document(doc: DocxDocument) -> None:
    """Undo what python-docx's template (a Word 2010 file from a Mac) would claim: Word's
    compatibility mode, text already spell-checked, English, one page of zero words, and
    a Word 2010 styles copy that no longer matches the styles."""
    settings = doc.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), WORD_2013_AND_LATER)
    for proof_state in settings.findall(qn("w:proofState")):
        settings.remove(proof_state)
    for theme_language in settings.findall(qn("w:themeFontLang")):
        theme_language.set(qn("w:val"), "sv-SE")
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if defaults is not None:
        for attribute in ("w:val", "w:eastAsia"):
            defaults.set(qn(attribute), "sv-SE")
    package = doc.part.package
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML.encode("utf-8")
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rel_id]


def docx_document(report: ReportDocument) -> DocxDocument:
    """``report`` drawn as a Word document, in memory."""
    doc = Document()
    _prepare_styles(doc)
    _page_setup(doc)
    body = doc.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    writer = _Body(doc)
    for block in report.blocks:
        _draw(doc, writer, block)
    writer.finish()
    _page_furniture(doc, report)
    _properties(doc, report)
    _as_a_current_word_document(doc)
    return doc


def write_docx(report: ReportDocument, draft_json: bytes) -> bytes:
    """The .docx file's bytes for ``report``, carrying ``draft_json`` for exact read-back."""
    doc = docx_document(report)
    embedded.attach(doc, draft_json)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
