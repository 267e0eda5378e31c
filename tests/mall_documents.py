# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Word documents imitating old reports filled in by hand in the förbund's mall.

Three layouts seen in practice: the mall's tables with label and value in one cell,
plain paragraphs with wording damaged on the way (OCR: å/ä/ö lost, misread letters),
and Word's own numbering for headings and lists. The text is this project's own.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

INTRO = [
    "Slutrapport",
    "Insats för samverkansmedel",
    "Denna mall ska användas vid slutrapportering av insatser finansierade av Samordningsförbund Gävleborg.",
]
CONTACTS = [
    "Slutrapport för insatser skickas via e-post till kontakt@finsamgavleborg.se",
    "Rapportens syfte är att förmedla information till styrelsen för uppföljning och lärande.",
    "Kontakt",
    "Anna-Karin Hainsworth, förbundschef",
    "anna-karin.hainsworth@finsamgavleborg.se",
    "Tfn: 070-084 04 00",
]
SYFTE = [
    "Vuxenenheten har många personer med försörjningsstöd som också har kontakt med vården.",
    "Insatsen ska samla parterna kring varje person:",
    "•Tidig kartläggning tillsammans med individen",
    "•Gemensam planering med vården",
]
MALGRUPP = "Vuxna 25–64 år med försörjningsstöd och ohälsa."
GOALS = [
    "Mål: 20 personer ska ha en gemensam plan.",
    "Svar: 22 personer fick en plan. Bedömning görs att målet har uppnåtts.",
    "Mål: Hälften ska ha en aktivitet efter sex månader.",
    "Svar: Sju av 22 hade en aktivitet. Bedömning görs att del av målet har uppnåtts.",
]
ANSWERS = {
    "5.2 Arbetssätt och verksamhetsbeskrivning:": "Vi träffades varje vecka med handläggare från alla parter.",
    "5.3 Avvikelser från planering (tidsplan, aktiviteter numerära mål, m.m.):": "Starten blev en månad sen.",
    "5.4 Beskriv uppföljning och utvärdering av målen:": "Styrgruppen följde upp varje kvartal.",
    "6.1 Beskriv tillvaratagna erfarenheter och lärdomar från insatsen:": "Gemensamma möten sparar tid.",
    "6.2 Beskriv i vilken form insatsen har blivit eller kommer bli implementerad:": "Arbetssättet blir ordinarie.",
    "6.3 Brukarmedverkan:": "Deltagarna valde själva vilka parter som skulle vara med.",
    "6.4 Beskriv framgångsfaktorer/positiva effekter:": "Korta beslutsvägar.",
    "6.5 Beskriv identifierade systemfel som påverkat insatsens resultat:": "Samtycken tog lång tid att få.",
}
HELP = {
    "4.2 Målgrupp för insatsen:": "Vilka grupper/individer har omfattats av insatsen.",
    "5.1 Måluppfyllelse:": "Ange mål och resultat.",
    "5.2 Arbetssätt och verksamhetsbeskrivning:": (
        "Beskriv vilka metoder/arbetssätt och vilka aktiviteter som har genomförts. Har de metoder/aktiviteter "
        "ni angett i ansökan använts/utförts på det sätt som var tänkt?"
    ),
}
Q711 = (
    "7.1.1 Var den budget ni lagt bra avvägd i förhållande till verksamheten? Beskriv om ni skulle gjort något "
    "annorlunda i efterhand och vilken betydelse det skulle haft för insatsen."
)
Q721 = "7.2.1 Varför utnyttjades inte beviljade insatsmedel? Berätta om de faktorer som påverkat utfallet."
BUDGET = "Budgeten räckte precis. Vi hade behövt mer tid för uppföljning."

# What every layout must give back (paths → text as typed in the document).
EXPECTED = {
    "allmant.insatsens_namn": "Brobygget",
    "allmant.insatstid.start": "211001",
    "allmant.insatstid.slut": "220131",
    "allmant.beviljade_medel": "625 000 kr.",
    "allmant.utnyttjade_medel": "625 000 kr.",
    "ansvarig.organisation": "Hudiksvalls kommun",
    "ansvarig.kontaktperson": "Kim Berg, enhetschef",
    "ansvarig.mobiltelefon": "0650 – 19 000",
    "ansvarig.epost": "kim.berg@hudiksvall.example",
    "ansvarig.postnummer": "824 30 Hudiksvall",
    "insatsbeskrivning.malgrupp": MALGRUPP,
    "resultat.arbetssatt": ANSWERS["5.2 Arbetssätt och verksamhetsbeskrivning:"],
    "analys.brukarmedverkan": ANSWERS["6.3 Brukarmedverkan:"],
    "analys.systemfel": ANSWERS["6.5 Beskriv identifierade systemfel som påverkat insatsens resultat:"],
    "ekonomi.budget_avvagning": BUDGET,
    "ekonomi.ej_utnyttjade_orsak": "",
    "uppgiftslamnare.datum": "2022-02-03",
    "uppgiftslamnare.namn": "Kim Berg",
}
EXPECTED_PARTER = ["Försäkringskassan", "Arbetsförmedlingen", "Region Gävleborg"]


def _cell(cell, *lines: str) -> None:  # type: ignore[no-untyped-def]
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _table(doc: DocxDocument, rows: list[list[tuple[str, ...]]]) -> None:
    table = doc.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, lines in zip(row.cells, cells, strict=False):
            _cell(cell, *lines)


def _office_box(doc: DocxDocument) -> None:
    _table(doc, [[("Diarienummer", "SFG 22-3.10"), ("Signatur", "PL")], [("Ankomstdatum", "2022-02-07"), ("",)]])


def _answers(doc: DocxDocument, heading=lambda text: text) -> None:  # type: ignore[no-untyped-def]
    for label, answer in ANSWERS.items():
        doc.add_paragraph(heading(label) + (" " + HELP[label] if label in HELP else ""))
        doc.add_paragraph(answer)
        if label.startswith("5.4"):
            doc.add_paragraph("6. Analys")


def mall_in_tables(path: Path) -> Path:
    """The mall as the förbund sends it: tables, label and value in the same cell."""
    doc = docx.Document()
    for line in INTRO:
        doc.add_paragraph(line)
    _office_box(doc)
    doc.add_paragraph("1. Allmänna uppgifter")
    _table(doc, [
        [("Insatsens namn", "Brobygget")],
        [("Insatstid – åååå-mm-dd", "211001 - 220131")],
        [("Beviljade medel för insatsen", "625 000 kr.")],
        [("Utnyttjade medel", "625 000 kr.")],
    ])
    doc.add_paragraph("2. Ansvarig för genomförande av insatsen")
    _table(doc, [
        [("Organisations namn", "Hudiksvalls kommun"), ("Arbetsställets namn", "Socialtjänsten,", "Vuxenenheten")],
        [("Namn - kontaktperson för insatsägare", "Kim Berg, enhetschef"), ("Mobiltelefonnummer", "0650 – 19 000")],
        [("E-postadress", "kim.berg@hudiksvall.example"), ("",)],
        [("Postnummer", "824 30 Hudiksvall"), ("Postadress", "Storgatan 1")],
    ])
    for line in CONTACTS:
        doc.add_paragraph(line)
    doc.add_paragraph("3. Samverkansparter")
    _table(doc, [[("Organisation", name)] for name in [*EXPECTED_PARTER, "     "]])
    doc.add_paragraph("4. Insatsbeskrivning")
    doc.add_paragraph("4.1 Syfte och bakgrund till insatsen:")
    for line in SYFTE:
        doc.add_paragraph(line)
    doc.add_paragraph("4.2 Målgrupp för insatsen: " + HELP["4.2 Målgrupp för insatsen:"])
    doc.add_paragraph(MALGRUPP)
    doc.add_paragraph("5. Resultat och utfall av insats")
    doc.add_paragraph("5.1 Måluppfyllelse: Ange mål och resultat.")
    for line in GOALS:
        doc.add_paragraph(line)
    _answers(doc)
    doc.add_paragraph("7. Ekonomiuppföljning utnyttjade medel")
    doc.add_paragraph("7.1 Beviljade medel är helt utnyttjade")
    doc.add_paragraph(Q711)
    doc.add_paragraph(BUDGET)
    doc.add_paragraph("7.2 Beviljade medel är inte helt utnyttjade")
    doc.add_paragraph(Q721)
    doc.add_paragraph("      ")
    doc.add_paragraph("8. Uppgiftslämnare")
    _table(doc, [[("Datum",), ("Namn",)], [("2022-02-03",), ("Kim Berg",)]])
    doc.save(str(path))
    return path


def mall_as_ocr_paragraphs(path: Path) -> Path:
    """Every label and value in its own paragraph, å/ä/ö lost and letters misread."""
    doc = docx.Document()
    for line in ["Slutrapport", "Insats for samverkansmedel", "Diarienummer", "SFG 22-3.10", "Signatur", "PL"]:
        doc.add_paragraph(line)
    lines = [
        "1. Allmanna uppgifter", "Insatsens namn", "Brobygget", "", "Insatstid — aaaa-mm-dd", "211001 - 220131",
        "Beviljade medel for insatsen", "625 000 kr.", "Utnyttjade medel", "625 000 kr.",
        "2. Ansvarig for genomforande av insatsen", "Organisations namn: Hudiksvalls kommun",
        "Arbetsstallets namn", "Socialtjänsten,", "Vuxenenheten", "Namn - kontaktperson for insatsagare",
        "Kim Berg, enhetschef", "Mobiltelefonnummer", "0650 – 19 000", "E-postadress",
        "kim.berg@hudiksvall.example", "Posthummer", "824 30 Hudiksvall", "Postadress", "Storgatan 1",
        *CONTACTS, "3. Samverkansparter", *[x for name in EXPECTED_PARTER for x in ("Organisation", name)],
        "4. Insatsbeskrivning", "4.1 Syfte och bakgrund till insatsen:", *SYFTE,
        "4.2 Malgrupp for insatsen: Vilka grupper/individer har omfattats av insatsen.", MALGRUPP,
        "5. Resultat och utfall av insats", "5.1 Maluppfyllelse: Ange mal och resultat.", *GOALS,
    ]
    for line in lines:
        doc.add_paragraph(line)
    _answers(doc)
    for line in ["7. Ekonomiuppfoljning utnyttjade medel", "7.1 Beviljade medel ar helt utnyttjade", Q711, BUDGET,
                 "7.2 Beviljade medel ar inte helt utnyttjade", Q721, "8. Uppgiftslamnare", "Datum", "2022-02-03",
                 "Namn", "Kim Berg"]:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def _numbered(doc: DocxDocument, text: str, style: str, num_id: int):  # type: ignore[no-untyped-def]
    paragraph = doc.add_paragraph(text, style=style)
    properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), str(num_id))
    numbering.append(level)
    numbering.append(number)
    properties.append(numbering)
    return paragraph


def _decimal_numbering(doc: DocxDocument, num_id: int) -> None:
    root = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    )
    root.insert(0, abstract)
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def mall_with_word_numbering(path: Path) -> Path:
    """Headings numbered by Word itself (the numbers are not in the text), bullets as a style."""
    doc = docx.Document()
    _decimal_numbering(doc, 90)
    _decimal_numbering(doc, 91)
    for line in INTRO:
        doc.add_paragraph(line)

    def section(title: str) -> None:
        _numbered(doc, title, "Heading 1", 90)

    def question(label: str) -> str:
        return label.split(" ", 1)[1]

    section("Allmänna uppgifter")
    _table(doc, [
        [("Insatsens namn",), ("Brobygget",)], [("Insatstid – åååå-mm-dd",), ("211001 - 220131",)],
        [("Beviljade medel för insatsen",), ("625 000 kr.",)], [("Utnyttjade medel",), ("625 000 kr.",)],
    ])
    section("Ansvarig för genomförande av insatsen")
    _table(doc, [
        [("Organisations namn",), ("Hudiksvalls kommun",)], [("Arbetsställets namn",), ("Socialtjänsten,", "Vuxenenheten")],
        [("Namn - kontaktperson för insatsägare",), ("Kim Berg, enhetschef",)], [("Mobiltelefonnummer",), ("0650 – 19 000",)],
        [("E-postadress",), ("kim.berg@hudiksvall.example",)], [("Postnummer",), ("824 30 Hudiksvall",)],
        [("Postadress",), ("Storgatan 1",)],
    ])
    section("Samverkansparter")
    doc.add_paragraph("Organisation")
    for name in EXPECTED_PARTER:
        doc.add_paragraph(name, style="List Bullet")
    section("Insatsbeskrivning")
    _numbered(doc, "Syfte och bakgrund till insatsen:", "Heading 2", 91)
    doc.add_paragraph(SYFTE[0])
    doc.add_paragraph(SYFTE[1])
    for item in SYFTE[2:]:
        doc.add_paragraph(item.lstrip("•"), style="List Bullet")
    _numbered(doc, "Målgrupp för insatsen: " + HELP["4.2 Målgrupp för insatsen:"], "Heading 2", 91)
    doc.add_paragraph(MALGRUPP)
    section("Resultat och utfall av insats")
    _numbered(doc, "Måluppfyllelse: Ange mål och resultat.", "Heading 2", 91)
    for line in GOALS:
        doc.add_paragraph(line)
    for label, answer in ANSWERS.items():
        if label.startswith("6.1"):
            section("Analys")
        _numbered(doc, question(label), "Heading 2", 91)
        doc.add_paragraph(answer)
    section("Ekonomiuppföljning utnyttjade medel")
    doc.add_paragraph("Beviljade medel är helt utnyttjade", style="Heading 2")
    _numbered(doc, question(Q711), "Heading 3", 91)
    doc.add_paragraph(BUDGET)
    doc.add_paragraph("Beviljade medel är inte helt utnyttjade", style="Heading 2")
    _numbered(doc, question(Q721), "Heading 3", 91)
    section("Uppgiftslämnare")
    _table(doc, [[("Datum",), ("2022-02-03",)], [("Namn",), ("Kim Berg",)]])
    doc.save(str(path))
    return path


LAYOUTS = [mall_in_tables, mall_as_ocr_paragraphs, mall_with_word_numbering]
