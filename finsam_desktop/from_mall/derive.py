# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A form file's content from a blank mall's outline: numbered sections and questions with
their help text, label lines and label/value tables, tables with header rows (a list, or
fixed rows with a total), repeated label groups as a list, check boxes as choices, and the
front page (title, instruction, office box, contacts, the address the report goes to).
Where a choice is a guess, the field carries a note the file prints beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from finsam_desktop.from_mall.guess import COUNTED, EXTRA_KEYS, IN_A_CELL, Keys, boxes, is_one_line, kind_of
from finsam_desktop.from_mall.outline import Block, Grid, Para
from finsam_desktop.reading.matching import norm

_SECTION = re.compile(r"((?:[0-9]{1,2})|[A-Z])[.)]?\s+(\S.*)")
_QUESTION = re.compile(r"((?:[0-9]{1,2}|[A-Z])(?:\.[0-9]{1,2})+)\.?(?:\s+(.*))?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:Tfn|Tel|Telefon)\.?:?\s*(.+)", re.IGNORECASE)
_TOTALS = {"summa", "totalt", "summa totalt", "total"}
_SIGNATURE = {"underskrift", "namnteckning", "signatur"}
_LONG = re.compile(r"\b(mal|malet|resultat|utfall resultat|beskriv|beskrivning|kommentar|aktivitet)")
NOTE = "#"  # a field's key for the guess printed beside it


@dataclass
class Section:
    key: str
    number: str
    title: str
    fields: list[dict[str, Any]] = field(default_factory=list)
    layout: str = ""
    keys: Keys = field(default_factory=Keys)


@dataclass
class Mall:
    """What the deriver found: the front page's texts and the sections."""

    title: str = ""
    subtitle: str = ""
    front: list[str] = field(default_factory=list)
    office: list[str] = field(default_factory=list)
    caption: str = ""
    contacts_heading: str = ""
    contacts: list[dict[str, str]] = field(default_factory=list)
    recipient: str = ""
    send_instruction: str = ""
    footer: str = ""
    sections: list[Section] = field(default_factory=list)


class Deriver:
    def __init__(self) -> None:
        self.mall = Mall()
        self.section_keys = Keys()
        self.last: dict[str, Any] | None = None  # the field the next help text or check boxes belong to
        self.fresh = False  # the last field is a heading that nothing has followed yet
        self.in_contacts = False

    # --- paragraphs -------------------------------------------------------------------

    def para(self, para: Para) -> None:
        text = para.text
        question = _QUESTION.fullmatch(text)
        section = _SECTION.fullmatch(text)
        if question and (para.heading or self.mall.sections):
            self.question(question.group(1), question.group(2) or "")
        elif section and para.heading and len(text) <= 120:
            self.new_section(section.group(1), section.group(2))
        elif not self.mall.sections:
            self.front(para)
        elif self.last is not None and not self.last.get("label"):
            self.last["label"] = text  # a number alone, its question under it
        elif (found := boxes(text)) is not None:
            self.choice(*found)
        elif para.aside and self.last is not None and self.fresh and "help" not in self.last:
            self.last["help"] = text.strip("()") if text.startswith("(") else text
        elif re.fullmatch(r"[^:]{2,70}:[\s_.…]*", text):
            self.one_line(text.split(":")[0].strip())
        else:
            self.add({"kind": "anteckning", "text": text}, key=" ".join(text.split()[:3]))
            self.fresh = False

    def question(self, number: str, rest: str) -> None:
        label, help_text = rest, ""
        head, colon, after = rest.partition(":")
        if colon and after.strip() and len(head.split()) <= 12:
            label, help_text = f"{head}:", after.strip()
        spec: dict[str, Any] = {"number": number, "label": label.strip(), "kind": "answer", "required": True}
        if help_text:
            spec["help"] = help_text
        if (found := boxes(label)) is not None:
            spec.update(label=found[0], kind="choice", choices=found[1])
        self.add(spec, key=label or number)
        self.fresh = True

    def new_section(self, number: str, title: str) -> None:
        self.mall.sections.append(Section(self.section_keys.key(title, words=2), number, title.strip()))
        self.last, self.fresh, self.in_contacts = None, False, False

    def one_line(self, label: str) -> None:
        kind = kind_of(label)
        spec: dict[str, Any] = {"label": label, "kind": kind, "required": True, **EXTRA_KEYS.get(kind, {})}
        if kind != "text":
            spec[NOTE] = f"sorten {kind} gissad av etikettens ord"
        self.add(spec, key=label)
        self.fresh = False

    def choice(self, label: str, choices: list[str]) -> None:
        """Check boxes: their own label, or the choices of the question above; one box a
        line, line after line, is a multiple choice."""
        last = self.last
        if (
            not label
            and last is not None
            and last["kind"] in {"choice", "flerval"}
            and len(choices) == 1
            and last.get("boxed_alone")
        ):
            last.update(kind="flerval", choices=[*last["choices"], *choices])
            last[NOTE] = "en kryssruta per rad: flera val"
            return
        if not label and last is not None and last["kind"] in {"answer", "choice"} and self.fresh:
            last.update(kind="choice", choices=choices, boxed_alone=len(choices) == 1)
            return
        self.add({"label": label or "Val", "kind": "choice", "choices": choices, "required": True}, key=label or "val")
        self.fresh = False

    def front(self, para: Para) -> None:
        mall, text = self.mall, para.text
        if not mall.title:
            mall.title = text
        elif not mall.subtitle and len(text) <= 60 and not _EMAIL.search(text) and not para.aside:
            mall.subtitle = text
        elif re.fullmatch(r"kontakt(personer)?:?", norm(text)):
            mall.contacts_heading, self.in_contacts = text.rstrip(":"), True
        elif self.in_contacts:
            self.contact_line(text)
        elif (mail := _EMAIL.search(text)) is not None and not mall.recipient:
            mall.recipient, mall.send_instruction = mail.group(), text
        elif norm(text).startswith("fylls i"):
            mall.caption = text
        else:
            mall.front.append(text)

    def contact_line(self, text: str) -> None:
        contacts = self.mall.contacts
        mail, phone = _EMAIL.search(text), _PHONE.search(text)
        rest = _PHONE.sub("", _EMAIL.sub("", text)).strip(" ,;")
        if rest and "," in rest and (not contacts or contacts[-1].get("email")):
            name, _, role = rest.partition(",")
            contacts.append({"name": name.strip(), "role": role.strip(" ,"), "email": "", "phone": ""})
        if contacts and mail:
            contacts[-1]["email"] = mail.group()
        if contacts and phone:
            contacts[-1]["phone"] = phone.group(1).strip()

    # --- tables -----------------------------------------------------------------------

    def grid(self, grid: Grid) -> None:
        rows = [row for row in grid.rows if any(row)]
        cells = [cell for row in grid.rows for cell in row if cell]
        if not self.mall.sections:
            if cells and all(len(cell.split()) <= 3 and not _EMAIL.search(cell) for cell in cells):
                self.mall.office += list(dict.fromkeys(cells))
            else:
                for cell in cells:
                    self.front(Para(cell))
            return
        if rows and all(len(row) >= 2 and row[0] and not any(row[1:]) for row in grid.rows if any(row)):
            self.label_rows([row[0] for row in rows])
        elif len(grid.rows) >= 2 and all(grid.rows[0]) and (len(grid.rows[0]) >= 2 or not any(cells[1:])):
            self.header_table(grid.rows[0], grid.rows[1:])
        else:
            for cell in cells:
                self.para(Para(cell, heading=bool(_QUESTION.fullmatch(cell))))

    def label_rows(self, labels: list[str]) -> None:
        section = self.mall.sections[-1]
        if not section.fields and not any(_QUESTION.fullmatch(label) for label in labels):
            section.layout = "fields"
        for label in labels:
            found = boxes(label)
            if (question := _QUESTION.fullmatch(label)) is not None:
                self.question(question.group(1), question.group(2) or "")
            elif found is not None:
                self.choice(*found)
            else:
                self.one_line(label.rstrip(": "))

    def header_table(self, header: tuple[str, ...], body: tuple[tuple[str, ...], ...]) -> None:
        """A list (empty rows under the header) or fixed rows (labels in the first column)."""
        labelled = [row for row in body if row and row[0]]
        if labelled and all(not any(row[1:]) for row in body):
            totals = [row[0] for row in labelled if norm(row[0]) in _TOTALS]
            spec: dict[str, Any] = {
                "kind": "table",
                "row_header": header[0],
                "rows": [row[0] for row in labelled if norm(row[0]) not in _TOTALS],
                "items": [self.column(label, number=bool(totals)) for label in header[1:]],
            }
            if totals:
                spec["total"] = totals[0]
        else:
            spec = {"kind": "list", "max_rows": max(1, len(body)), "items": [self.column(label) for label in header]}
            spec["layout"] = "table" if len(header) > 1 else ""
            spec[NOTE] = f"högst {spec['max_rows']} rader, som mallens tomma rader"
            filled = [cell for row in body for cell in row if cell]
            spec["items"] = (
                [
                    self.boxed_column(item, [row[index] for row in body if index < len(row)])
                    for index, item in enumerate(spec["items"])
                ]
                if filled
                else spec["items"]
            )
        self.rows_field(spec, header[0])

    def column(self, label: str, number: bool = False) -> dict[str, Any]:
        words = norm(label)
        if re.search(r"\bja\b.*\bnej\b", words):
            choices = ["Ja", "Delvis", "Nej"] if "delvis" in words else ["Ja", "Nej"]
            return {"label": label, "kind": "choice", "choices": choices}
        kind = "answer" if _LONG.search(words) and kind_of(label) in {"text", "kronor"} and not number else kind_of(label)
        kind = COUNTED.get(kind, kind) if number else kind
        return {"label": label, "kind": IN_A_CELL.get(kind, kind)}

    def boxed_column(self, item: dict[str, Any], cells: list[str]) -> dict[str, Any]:
        found = next((boxes(cell) for cell in cells if boxes(cell) is not None), None)
        return {**item, "kind": "choice", "choices": found[1]} if found else item

    def rows_field(self, spec: dict[str, Any], first_label: str) -> None:
        """A table under a question becomes that question; alone in its section, it is the section."""
        section = self.mall.sections[-1]
        keys = Keys()
        for item in spec["items"]:
            item["key"] = keys.key(item["label"])
        last = self.last
        if last is not None and self.fresh and last["kind"] == "answer" and last is section.fields[-1]:
            last.update(spec)
            last.pop("required", None)
        elif not section.fields:
            self.add({"label": section.title, **spec}, key=section.title)
            section.fields[-1]["key"] = section.key
        else:
            self.add({"label": first_label, **spec}, key=first_label)
        self.fresh = False

    def add(self, spec: dict[str, Any], key: str) -> None:
        section = self.mall.sections[-1]
        spec = {"key": section.keys.key(key), **spec}
        section.fields.append(spec)
        self.last = spec

    # --- after the walk ---------------------------------------------------------------

    def groups(self) -> None:
        """Label lines repeated as a block (a signer's, a member's) become one list; a
        section of label lines alone is a label/value table."""
        for section in self.mall.sections:
            fields = section.fields
            index = 0
            while index < len(fields):
                found = _repeat(fields, index)
                if found is None:
                    index += 1
                    continue
                size, times = found
                group = fields[index : index + size]
                signed = [spec for spec in group if norm(spec["label"]) in _SIGNATURE]
                items = [
                    {
                        "key": spec["key"].rsplit("_", 1)[0] if spec["key"][-1].isdigit() else spec["key"],
                        "label": spec["label"],
                        "kind": IN_A_CELL.get(spec["kind"], spec["kind"]),
                    }
                    for spec in group
                    if spec not in signed
                ]
                spec = {
                    "key": section.key if size * times == len(fields) else section.keys.key(section.title),
                    "label": section.title,
                    "kind": "list",
                    "layout": "signatures" if signed else "table",
                    "max_rows": times,
                    "items": items,
                    NOTE: f"{times} likadana block i mallen: en lista med högst {times} rader",
                }
                if signed:
                    spec["signature_line"] = signed[0]["label"]
                fields[index : index + size * times] = [spec]
                if len(fields) == 1:
                    section.layout = ""
                index += 1
            if fields and all(is_one_line(spec["kind"]) and "number" not in spec for spec in fields):
                section.layout = "fields"  # label lines alone print as a label/value table


def _repeat(fields: list[dict[str, Any]], start: int) -> tuple[int, int] | None:
    """(group size, times) of one-line fields repeated from ``start``, at least twice."""
    for size in range(2, 7):
        labels = [norm(spec.get("label", "")) for spec in fields[start : start + size]]
        if len(labels) < size or not all(is_one_line(spec["kind"]) for spec in fields[start : start + size]):
            return None
        times = 1
        while [norm(spec.get("label", "")) for spec in fields[start + times * size : start + (times + 1) * size]] == labels:
            times += 1
        if times >= 2:
            return size, times
    return None


def derive(blocks: list[Block]) -> Mall:
    deriver = Deriver()
    for block in blocks:
        if isinstance(block, Grid):
            deriver.grid(block)
        else:
            deriver.para(block)
    deriver.groups()
    return deriver.mall
