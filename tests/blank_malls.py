# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Blank Word malls of four förbund, as a förbund's office would hand them out: Gävleborg's
(bold numbered headings, help in italics, label/value tables, the office box), the close
variant (Word's heading styles, label lines, tables with header rows, signer blocks), and two
of this project's own design (lettered numbering with questions inside tables and check
boxes; "1)" numbering with questions in two-column tables and a check box on each line).
Each maker returns what an empty report of the derived form must show: every heading,
question and label of the mall."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.shared import Pt


def _bold(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def _aside(doc: DocxDocument, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.size = Pt(9)


def _table(doc: DocxDocument, rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=0, cols=max(len(row) for row in rows))
    table.style = "Table Grid"
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=False):
            cell.text = text


def gavleborg_mall(path: Path) -> list[str]:
    doc = docx.Document()
    doc.add_paragraph("Slutrapport", "Title")
    doc.add_paragraph("Insats för samverkansmedel")
    doc.add_paragraph("Denna mall ska användas vid slutrapportering av insatser finansierade av Samordningsförbund Gävleborg.")
    doc.add_paragraph("Fylls i av Samordningsförbundet")
    _table(doc, [("Diarienummer", "Signatur"), ("", ""), ("Ankomstdatum", ""), ("", "")])
    doc.add_paragraph("Slutrapport för insatser skickas via e-post till kontakt@finsamgavleborg.se")
    doc.add_paragraph("Rapportens syfte är att förmedla information till styrelsen för uppföljning och lärande.")
    _bold(doc, "Kontakt")
    doc.add_paragraph("Anna-Karin Hainsworth, förbundschef")
    doc.add_paragraph("anna-karin.hainsworth@finsamgavleborg.se, Tfn: 070-084 04 00")
    doc.add_paragraph("Per Lundgren, verksamhetsutvecklare")
    doc.add_paragraph("per.lundgren@finsamgavleborg.se, Tfn: 070-320 54 68")
    doc.sections[0].footer.paragraphs[0].text = "På www.finsamgavleborg.se kan du läsa mer om hur du ansöker."
    shown = ["Slutrapport", "Insats för samverkansmedel", "Diarienummer", "Signatur", "Ankomstdatum"]
    sections = {
        "1. Allmänna uppgifter": ["Insatsens namn", "Insatstid – åååå-mm-dd", "Beviljade medel för insatsen", "Utnyttjade medel"],
        "2. Ansvarig för genomförande av insatsen": [
            "Organisations namn",
            "Arbetsställets namn",
            "Namn - kontaktperson för insatsägare",
            "Mobiltelefonnummer",
            "E-postadress",
            "Postnummer",
            "Postadress",
        ],
    }
    for heading, labels in sections.items():
        _bold(doc, heading)
        _table(doc, [(label, "") for label in labels])
        shown += [heading, *labels]
    _bold(doc, "3. Samverkansparter")
    _table(doc, [("Organisation",), ("",), ("",), ("",), ("",)])
    shown += ["3. Samverkansparter", "Organisation"]
    questions = {
        "4. Insatsbeskrivning": [
            ("4.1 Syfte och bakgrund till insatsen:", ""),
            ("4.2 Målgrupp för insatsen:", "Vilka grupper/individer har omfattats av insatsen."),
        ],
        "5. Resultat och utfall av insats": [
            ("5.1 Måluppfyllelse:", "Ange mål och resultat."),
            (
                "5.2 Arbetssätt och verksamhetsbeskrivning:",
                "Beskriv vilka metoder/arbetssätt och vilka aktiviteter som har genomförts.",
            ),
            (
                "5.3 Avvikelser från planering (tidsplan, aktiviteter numerära mål, m.m.):",
                "Har insatsen kunnat genomföras enligt planering?",
            ),
            ("5.4 Beskriv uppföljning och utvärdering av målen:", "Hur har ni arbetat med uppföljning och utvärdering?"),
        ],
        "6. Analys": [
            ("6.1 Beskriv tillvaratagna erfarenheter och lärdomar från insatsen:", ""),
            ("6.2 Beskriv i vilken form insatsen har blivit eller kommer bli implementerad:", ""),
            ("6.3 Brukarmedverkan:", "Beskriv hur deltagare involverats och gjorts delaktiga i insatsen."),
            ("6.4 Beskriv framgångsfaktorer/positiva effekter:", ""),
            ("6.5 Beskriv identifierade systemfel som påverkat insatsens resultat:", ""),
        ],
        "7. Ekonomiuppföljning utnyttjade medel": [
            ("7.1 Beviljade medel är helt utnyttjade", ""),
            ("7.1.1", "Var den budget ni lagt bra avvägd i förhållande till verksamheten?"),
            ("7.2 Beviljade medel är inte helt utnyttjade", ""),
            ("7.2.1", "Varför utnyttjades inte beviljade insatsmedel?"),
        ],
    }
    for heading, asked in questions.items():
        _bold(doc, heading)
        shown.append(heading)
        for question, help_text in asked:
            _bold(doc, question)
            if help_text:
                _aside(doc, help_text)
            doc.add_paragraph("")
            shown += [question, help_text] if help_text else [question]
    _bold(doc, "8. Uppgiftslämnare")
    _table(doc, [("Datum", ""), ("Namn", "")])
    shown += ["8. Uppgiftslämnare", "Datum", "Namn"]
    doc.save(str(path))
    return [text for text in shown if text]


def variant_mall(path: Path) -> list[str]:
    doc = docx.Document()
    doc.add_paragraph("Slutrapport", "Title")
    doc.add_paragraph("Insats finansierad med samordningsmedel")
    doc.add_paragraph("Skicka slutrapporten som Word-dokument via e-post till kansli@sjobygden-finsam.example")
    shown = ["Slutrapport", "Insats finansierad med samordningsmedel"]

    def heading(text: str, level: int = 1) -> None:
        doc.add_paragraph(text, f"Heading {level}")
        shown.append(text)

    heading("1. Insatsen")
    for label in ("Insatsens namn:", "Tidsperiod (åååå-mm-dd):", "Beviljat medel:"):
        doc.add_paragraph(label)
        shown.append(label.rstrip(":"))
    heading("2. Förbundsmedlemmar som sökt medel")
    _table(doc, [("Organisation", "Kontaktperson", "E-post"), ("", "", ""), ("", "", ""), ("", "", "")])
    shown += ["Organisation", "Kontaktperson", "E-post"]
    heading("3. Insatsbeskrivning")
    for question in ("3.1 Bakgrund", "3.2 Syfte", "3.3 Målgrupp"):
        heading(question, 2)
        doc.add_paragraph("")
    heading("4. Resultat och utfall")
    heading("4.1 Mål och utfall", 2)
    _table(doc, [("Insatsens mål", "Har målet uppnåtts? Ja eller nej", "Utfall/resultat"), ("", "", ""), ("", "", "")])
    shown += ["Insatsens mål", "Har målet uppnåtts? Ja eller nej", "Utfall/resultat"]
    for question in ("4.2 Arbetssätt", "4.3 Avvikelser", "4.4 Uppföljning"):
        heading(question, 2)
    heading("5. Analys")
    for question in (
        "5.1 Effekter för parterna",
        "5.2 Förbättrad samverkan",
        "5.3 Lärdomar",
        "5.4 Implementering",
        "5.5 Systemfel",
    ):
        heading(question, 2)
    heading("6. Ekonomisk rapport")
    heading("6.1 Kommentar till den ekonomiska redovisningen", 2)
    heading("6.2 Kostnader per kostnadsslag (kr)", 2)
    costs = [
        "Aktiviteter",
        "Externa tjänster",
        "Lönekostnader",
        "Lokalkostnader",
        "Material",
        "Resekostnader",
        "Övriga kostnader",
    ]
    _table(doc, [("Kostnadsslag", "Budget", "Utfall"), *((name, "", "") for name in costs), ("Summa", "", "")])
    shown += ["Kostnadsslag", "Budget", "Utfall", *costs, "Summa"]
    heading("7. Underskrifter")
    for _signer in range(4):
        for label in ("Organisation:", "Ort och datum:", "Namnförtydligande:", "Underskrift:"):
            doc.add_paragraph(label)
        doc.add_paragraph("")
    shown += ["Ort och datum", "Namnförtydligande", "Underskrift"]
    doc.save(str(path))
    return shown


def lettered_mall(path: Path) -> list[str]:
    """Lettered parts, questions in one-column tables with the answer cell under them, check
    boxes under a question and in a table, participants by gender with a total."""
    doc = docx.Document()
    doc.add_paragraph("Slutredovisning av insats", "Title")
    doc.add_paragraph("Finsam Älvdalen (påhittat exempel)")
    doc.add_paragraph("Redovisningen skickas till redovisning@alvdalen-finsam.example senast två månader efter avslut.")
    shown = ["Slutredovisning av insats", "Finsam Älvdalen (påhittat exempel)"]
    _bold(doc, "A. Om insatsen")
    _table(doc, [("Namn på insatsen", ""), ("Period", ""), ("Beviljade medel", ""), ("Förbrukade medel", "")])
    shown += ["A. Om insatsen", "Namn på insatsen", "Period", "Beviljade medel", "Förbrukade medel"]
    _bold(doc, "B. Genomförande")
    _table(doc, [("B.1 Vad har insatsen gjort under perioden?",), ("",), ("B.2 Vem har varit huvudman?",), ("",)])
    shown += ["B. Genomförande", "B.1 Vad har insatsen gjort under perioden?", "B.2 Vem har varit huvudman?"]
    _bold(doc, "B.3 Har insatsen följt sin tidsplan?")
    doc.add_paragraph("☐ Ja ☐ Nej")
    shown.append("B.3 Har insatsen följt sin tidsplan?")
    _bold(doc, "C. Deltagare")
    _bold(doc, "C.1 Antal deltagare")
    _table(doc, [("Deltagare", "Kvinnor", "Män"), ("Unga under 30 år", "", ""), ("Övriga", "", ""), ("Totalt", "", "")])
    shown += ["C. Deltagare", "C.1 Antal deltagare", "Deltagare", "Kvinnor", "Män", "Unga under 30 år", "Övriga", "Totalt"]
    _bold(doc, "C.2 Nådde insatsen målgruppen?")
    _aside(doc, "(Beskriv kort vilka som deltog och hur de kom till insatsen.)")
    shown += ["C.2 Nådde insatsen målgruppen?", "Beskriv kort vilka som deltog och hur de kom till insatsen."]
    _bold(doc, "D. Underskrift")
    _table(doc, [("Datum", ""), ("Kontaktperson", ""), ("Organisation", "")])
    shown += ["D. Underskrift", "Datum", "Kontaktperson", "Organisation"]
    doc.save(str(path))
    return shown


def parenthesis_mall(path: Path) -> list[str]:
    """ "1)" numbering, questions in two-column tables, one check box a line (several may be
    ticked), goals with check-box cells, label lines with a writing line."""
    doc = docx.Document()
    doc.add_paragraph("Rapport efter avslutad insats")
    doc.add_paragraph("Samordningsförbundet Norrkust (påhittat exempel)")
    shown = ["Rapport efter avslutad insats", "Samordningsförbundet Norrkust (påhittat exempel)"]
    _bold(doc, "1) Grunduppgifter")
    for label in (
        "Insatsens namn: ____________",
        "Tidsperiod: ____________",
        "Beviljat belopp (kr): ____________",
        "Utnyttjat belopp (kr): ____________",
        "Ansvarig organisation: ____________",
        "Kontaktperson: ____________",
        "E-post: ____________",
    ):
        doc.add_paragraph(label)
        shown.append(label.split(":")[0])
    _bold(doc, "2) Arbetet i insatsen")
    _table(doc, [("2.1 Beskriv insatsens arbetssätt", ""), ("2.2 Vilka samarbetspartner har deltagit?", "")])
    shown += ["2) Arbetet i insatsen", "2.1 Beskriv insatsens arbetssätt", "2.2 Vilka samarbetspartner har deltagit?"]
    _bold(doc, "2.3 Vilka stödformer har använts?")
    for choice in ("☐ Samtal", "☐ Praktik", "☐ Studier"):
        doc.add_paragraph(choice)
    shown.append("2.3 Vilka stödformer har använts?")
    _bold(doc, "3) Mål")
    _table(doc, [("Mål", "Uppnått", "Kommentar"), ("", "☐ Ja ☐ Delvis ☐ Nej", ""), ("", "☐ Ja ☐ Delvis ☐ Nej", "")])
    shown += ["3) Mål", "Mål", "Uppnått", "Kommentar"]
    _bold(doc, "4) Intygande")
    doc.add_paragraph("Datum: ____________")
    doc.add_paragraph("Namn: ____________")
    shown += ["4) Intygande", "Datum", "Namn"]
    doc.save(str(path))
    return shown


MALLS = [gavleborg_mall, variant_mall, lettered_mall, parenthesis_mall]
