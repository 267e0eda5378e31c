# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Word documents imitating reports filled in by hand in the Sjöbygden variant's mall:
label lines ("Insatsens namn: …"), Word tables for members, goals and costs, and signer
blocks as tables or as label lines; and one in the mall's own words, which are longer than
the form file's labels ("3.1 Bakgrund till insatsen", "5.1 Vilka effekter har insatsen gett
för parterna?"), with label and value in one table cell. The text is this project's own."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument

EXPECTED = {
    "insatsen.insatsens_namn": "Fritid för alla – aktivitetsstöd i Sjöby",
    "insatsen.tidsperiod.start": "2023-09-01",
    "insatsen.tidsperiod.slut": "2024-08-31",
    "insatsen.beviljat_medel": "350 000 kr",
    "beskrivning.bakgrund": "Unga vuxna med aktivitetsersättning saknade ofta en meningsfull vardag.\n\nKommunen och regionen ville pröva ett gemensamt stöd.",
    "beskrivning.syfte": "Att bryta isolering genom aktiviteter som leder vidare till studier eller arbete.",
    "beskrivning.malgrupp": "Unga vuxna 19–29 år med aktivitetsersättning.",
    "resultat.arbetssatt": "Två aktivitetsledare träffade deltagarna i grupp två gånger i veckan.",
    "resultat.avvikelser": "Gruppen startade senare än planerat.",
    "resultat.uppfoljning": "Deltagarna fyllde i en enkät vid start och slut.",
    "analys.effekter": "Färre uteblivna besök hos Försäkringskassan.",
    "analys.samverkan": "Parterna planerade aktiviteterna tillsammans.",
    "analys.lardomar": "Små grupper fungerade bäst.",
    "analys.implementering": "Fritidsförvaltningen tar över verksamheten.",
    "analys.systemfel": "Aktivitetsersättningens regler gjorde deltagarna osäkra.",
    "ekonomi.kommentar": "Lokalen blev billigare än beräknat.",
}
MEMBERS = [
    ("Sjöbygdens kommun, Fritidsförvaltningen", "Erik Lind", "erik.lind@sjobygden.example"),
    ("Försäkringskassan", "Sara Nyström", "sara.nystrom@forsakringskassan.example"),
]
GOALS = [
    ("15 deltagare ska delta regelbundet.", "Ja", "17 deltagare deltog minst varannan vecka."),
    ("Fem deltagare ska gå vidare till studier.", "Nej", "Tre deltagare började studera."),
]
COSTS = {"Aktiviteter": ("60 000", "58 200"), "Lönekostnader": ("250 000", "248 000"), "Lokalkostnader": ("40 000", "21 500")}
SIGNERS = [("Sjöbygdens kommun", "Sjöby 2024-10-02", "Erik Lind"), ("Försäkringskassan", "Sjöby 2024-10-03", "Sara Nyström")]
QUESTIONS = [
    ("3.1 Bakgrund", "beskrivning.bakgrund"),
    ("3.2 Syfte", "beskrivning.syfte"),
    ("3.3 Målgrupp", "beskrivning.malgrupp"),
]
MORE = [
    ("4.2 Arbetssätt", "resultat.arbetssatt"),
    ("4.3 Avvikelser", "resultat.avvikelser"),
    ("4.4 Uppföljning", "resultat.uppfoljning"),
    ("5. Analys", ""),
    ("5.1 Effekter för parterna", "analys.effekter"),
    ("5.2 Förbättrad samverkan", "analys.samverkan"),
    ("5.3 Lärdomar", "analys.lardomar"),
    ("5.4 Implementering", "analys.implementering"),
    ("5.5 Systemfel", "analys.systemfel"),
    ("6. Ekonomisk rapport", ""),
    ("6.1 Kommentar till den ekonomiska redovisningen", "ekonomi.kommentar"),
]


def _table(doc: DocxDocument, rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def _questions(doc: DocxDocument, questions: list[tuple[str, str]]) -> None:
    for heading, path in questions:
        doc.add_paragraph(heading, "Heading 2" if path else "Heading 1")
        for paragraph in EXPECTED.get(path, "").split("\n\n") if path else []:
            doc.add_paragraph(paragraph)


def _body(doc: DocxDocument, signers_as_tables: bool) -> None:
    doc.add_paragraph("Slutrapport", "Title")
    doc.add_paragraph("Insats finansierad med samordningsmedel")
    doc.add_paragraph("1. Insatsen", "Heading 1")
    doc.add_paragraph(f"Insatsens namn: {EXPECTED['insatsen.insatsens_namn']}")
    doc.add_paragraph("Tidsperiod (åååå-mm-dd): 2023-09-01 – 2024-08-31")
    doc.add_paragraph("Beviljat medel: 350 000 kr")
    doc.add_paragraph("2. Förbundsmedlemmar som sökt medel", "Heading 1")
    _table(doc, [("Organisation", "Kontaktperson", "E-post"), *MEMBERS])
    doc.add_paragraph("3. Insatsbeskrivning", "Heading 1")
    _questions(doc, QUESTIONS)
    doc.add_paragraph("4. Resultat och utfall", "Heading 1")
    doc.add_paragraph("4.1 Mål och utfall", "Heading 2")
    _table(doc, [("Insatsens mål", "Har målet uppnåtts? Ja eller nej", "Utfall/resultat"), *GOALS])
    _questions(doc, MORE)
    doc.add_paragraph("6.2 Kostnader per kostnadsslag (kr)", "Heading 2")
    _table(doc, [("Kostnadsslag", "Budget", "Utfall"), *((name, *money) for name, money in COSTS.items()), ("Summa", "350 000", "327 700")])
    doc.add_paragraph("7. Underskrifter", "Heading 1")
    for organisation, place, name in SIGNERS:
        if signers_as_tables:
            _table(doc, [("Organisation", organisation), ("Ort och datum", place), ("Namnförtydligande", name), ("Underskrift", "")])
            doc.add_paragraph("")
        else:
            for line in (f"Organisation: {organisation}", f"Ort och datum: {place}", f"Namnförtydligande: {name}", "Underskrift:"):
                doc.add_paragraph(line)


def variant_with_signer_tables(path: Path) -> Path:
    doc = docx.Document()
    _body(doc, signers_as_tables=True)
    doc.save(str(path))
    return path


def variant_with_label_lines(path: Path) -> Path:
    doc = docx.Document()
    _body(doc, signers_as_tables=False)
    doc.save(str(path))
    return path


OWN_WORDS = [
    ("3. Insatsbeskrivning", ""),
    ("3.1 Bakgrund till insatsen", "beskrivning.bakgrund"),
    ("3.2 Syfte med insatsen", "beskrivning.syfte"),
    ("3.3 Målgrupp och antal deltagare", "beskrivning.malgrupp"),
    ("4. Resultat och utfall av insatsen", ""),
    ("4.1 Insatsens mål och resultat", ""),
]
OWN_WORDS_AFTER_GOALS = [
    ("4.2 Beskriv arbetssättet i insatsen", "resultat.arbetssatt"),
    ("4.3 Har det skett avvikelser från ansökan?", "resultat.avvikelser"),
    ("4.4 Hur har insatsen följts upp?", "resultat.uppfoljning"),
    ("5. Analys", ""),
    ("5.1 Vilka effekter har insatsen gett för parterna?", "analys.effekter"),
    ("5.2 Har samverkan mellan parterna förbättrats?", "analys.samverkan"),
    ("5.3 Vilka lärdomar har ni dragit?", "analys.lardomar"),
    ("5.4 Hur ska arbetet leva vidare efter insatsen?", "analys.implementering"),
    ("5.5 Har insatsen synliggjort systemfel?", "analys.systemfel"),
    ("6. Ekonomisk rapport", ""),
    ("6.1 Kommentar till den ekonomiska redovisningen", "ekonomi.kommentar"),
]
# what the import says of this layout: the goals' ja and nej as the form writes them, and
# the headings it found by their numbers
OWN_WORDS_NOTES = [
    "4.1 Mål och utfall, Har målet uppnåtts? Ja eller nej: ”ja” lästes som ”Ja”.",
    "4.1 Mål och utfall, Har målet uppnåtts? Ja eller nej: ”nej” lästes som ”Nej”.",
    "Rubrikerna 2, 3.1, 3.2, 3.3, 4, 4.1, 4.2, 4.3, 4.4, 5.1, 5.2, 5.3, 5.4, 5.5 står med mallens egna ord; "
    "de lästes efter sina nummer.",
]


def variant_in_the_mall_s_own_words(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("Slutrapport", "Title")
    doc.add_paragraph("Insats finansierad med samordningsmedel")
    doc.add_paragraph("1. Insatsen", "Heading 1")
    start, end = EXPECTED["insatsen.tidsperiod.start"], EXPECTED["insatsen.tidsperiod.slut"]
    _table(
        doc,
        [
            (f"Insatsens namn: {EXPECTED['insatsen.insatsens_namn']}",),
            (f"Tidsperiod: {start} – {end}",),
            ("Beviljat medel (kr): 350 000",),
        ],
    )
    doc.add_paragraph("2. Förbundsmedlemmar som sökt medel för insatsen", "Heading 1")
    _table(doc, [(f"Organisation: {org}", f"Kontaktperson: {name}", f"E-post: {mail}") for org, name, mail in MEMBERS])
    _questions(doc, OWN_WORDS)
    goals = [(goal, reached.lower(), result) for goal, reached, result in GOALS]
    _table(doc, [("Insatsens mål", "Har målet uppnåtts? (Ja/Nej)", "Utfall/resultat"), *goals])
    _questions(doc, OWN_WORDS_AFTER_GOALS)
    doc.add_paragraph("6.2 Kostnader per kostnadsslag", "Heading 2")
    costs = [(name, *money) for name, money in COSTS.items()]
    _table(doc, [("Kostnadsslag", "Budget (kr)", "Utfall (kr)"), *costs, ("Summa", "350 000", "327 700")])
    doc.add_paragraph("7. Underskrifter", "Heading 1")
    for organisation, place, name in SIGNERS:
        _table(doc, [(f"Organisation: {organisation}",), (f"Ort och datum: {place}",), (f"Namnförtydligande: {name}",), ("Underskrift:",)])
    doc.save(str(path))
    return path


VARIANT_LAYOUTS = [variant_with_signer_tables, variant_with_label_lines, variant_in_the_mall_s_own_words]
