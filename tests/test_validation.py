# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Validation rules: each with a case that passes and one that does not, at the exact path."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finsam_desktop.forms.kinds.base import count_unprintable, junk_line
from finsam_desktop.forms.kinds.numbers import KronorEntry
from finsam_desktop.forms.kinds.typed import DateEntry, PhoneEntry
from finsam_desktop.sample import sample_report
from finsam_desktop.validation import Problem, completeness, required_paths, validate
from tests.drafting import P, put
from tests.gavleborg import Draft, Mal, Samverkanspart
from tests.strategies import any_text

TODAY = date(2026, 3, 1)


def sample() -> Draft:
    return sample_report()[1]


def found(draft: Draft) -> list[tuple[str, str]]:
    return [(str(problem.path), problem.severity) for problem in validate(draft, today=TODAY)]


def only(draft: Draft) -> Problem:
    """The single problem a one-defect draft must have."""
    problems = validate(draft, today=TODAY)
    assert len(problems) == 1, problems
    return problems[0]


def only_at(draft: Draft, path: str) -> Problem:
    """The single problem standing at ``path``."""
    problems = [problem for problem in validate(draft, today=TODAY) if str(problem.path) == path]
    assert len(problems) == 1, problems
    return problems[0]


def test_the_sample_report_has_no_problems() -> None:
    assert validate(sample(), today=TODAY) == []


def _set(path: str, text: str) -> Callable[[Draft], None]:
    return lambda draft: put(draft, path, text)


@pytest.mark.parametrize("path", [str(p) for p in required_paths(sample()) if str(p) not in {"samverkansparter", "resultat.mal"}])
@pytest.mark.parametrize("blank", ["", "  \n\t "])
def test_required_fields_whitespace_counts_as_empty(path: str, blank: str) -> None:
    draft = sample()
    _set(path, blank)(draft)
    problem = only(draft)
    assert (str(problem.path), problem.severity) == (path, "fel")
    assert problem.message.startswith(("Fyll i", "Svara på"))


def test_analysis_text_message_names_the_question() -> None:
    draft = sample()
    draft.analys.brukarmedverkan = ""
    assert only(draft).message == (
        "Svara på frågan ”6.3 Brukarmedverkan”. Svaret behövs för att rapporten ska vara komplett."
    )


@pytest.mark.parametrize(
    ("path", "typed", "severity", "message"),
    [
        ("allmant.insatstid.start", "i höstas", "fel", "Skriv datumet som åååå-mm-dd, till exempel 2021-10-01."),
        ("allmant.insatstid.start", "240115", "varning", "Tolkat som 2024-01-15. Skriv det så i fältet om det stämmer."),
        ("allmant.beviljade_medel", "-480 000", "fel", "Beloppet kan inte vara negativt. Skriv beloppet i hela kronor, till exempel 625 000."),
        ("allmant.beviljade_medel", "480 000,50", "fel", "Beloppet har öre (,50). Skriv beloppet i hela kronor, till exempel 625 000."),
        ("allmant.beviljade_medel", "480 000 kr.", "varning", "Tolkat som 480 000 kr. Skriv det så i fältet om det stämmer."),
        ("ansvarig.mobiltelefon", "070-318", "fel", "Telefonnumret har för få siffror. Skriv numret med riktnummer, till exempel 070-318 52 39."),
        ("ansvarig.mobiltelefon", "0290-77 17 28", "varning", "0290-77 17 28 ser ut som ett fast telefonnummer. Fältet gäller mobiltelefon; skriv ett mobilnummer om det finns."),
        ("ansvarig.epost", "lena.sjoberg.ockelbo.se", "fel", "En e-postadress har ett @ mellan namn och organisation. Skriv adressen som namn@organisation.se."),
        ("ansvarig.postnummer", "8163", "fel", "Skriv postnumret med fem siffror, till exempel 811 61."),
        ("ansvarig.postnummer", "816 30 Ockelbo", "varning", "Tolkat som postnummer 816 30. Flytta ”Ockelbo” till Postadress och skriv bara postnumret här."),
        ("ansvarig.postadress", "Stationsgatan 12", "varning", "”Stationsgatan 12” ser ut som en gatuadress. Postadress är orten efter postnumret, till exempel Sandviken."),
        ("uppgiftslamnare.datum", "2026-02-30", "fel", "2026-02-30 finns inte i kalendern. Kontrollera dagen."),
    ],
)
def test_each_kind_of_field(path: str, typed: str, severity: str, message: str) -> None:
    draft = sample()
    _set(path, typed)(draft)
    assert only(draft) == Problem(P(path), severity, message)  # type: ignore[arg-type]


def test_canonical_values_pass_every_kind_of_field() -> None:
    draft = sample()
    for path, typed in [
        ("allmant.beviljade_medel", "480000"),
        ("ansvarig.mobiltelefon", "070 174 06 42"),
        ("ansvarig.postnummer", "81630"),
        ("uppgiftslamnare.datum", "20260210"),
    ]:
        _set(path, typed)(draft)
    assert validate(draft, today=TODAY) == []


def test_start_must_not_be_after_end() -> None:
    draft = sample()
    draft.allmant.insatstid.start = DateEntry(raw="2026-01-01")
    draft.uppgiftslamnare.datum = DateEntry(raw="2026-02-10")
    problem = only(draft)
    assert (str(problem.path), problem.severity) == ("allmant.insatstid.slut", "fel")
    assert "Slutdatum (2025-12-31) är före startdatum (2026-01-01)" in problem.message
    draft.allmant.insatstid.start = DateEntry(raw="2025-12-31")
    assert validate(draft, today=TODAY) == []


def test_more_used_than_granted_is_an_error_until_explained() -> None:
    draft = sample()
    draft.allmant.utnyttjade_medel = KronorEntry(raw="505 000")
    draft.ekonomi.budget_avvagning = ""
    assert found(draft) == [("allmant.utnyttjade_medel", "fel"), ("ekonomi.budget_avvagning", "fel")]
    assert only_at(draft, "allmant.utnyttjade_medel").message == (
        "Utnyttjade medel (505 000 kr) är mer än beviljade medel (480 000 kr). "
        "Rätta beloppen eller förklara i 7.1.1 varför budgeten inte räckte."
    )
    assert "utnyttjade medel är mer än beviljade" in only_at(draft, "ekonomi.budget_avvagning").message
    draft.ekonomi.budget_avvagning = "Budgeten räckte inte; kommunen betalade överskridandet."
    assert found(draft) == [("allmant.utnyttjade_medel", "varning")]
    assert "Kontrollera att 7.1.1 förklarar" in only_at(draft, "allmant.utnyttjade_medel").message


def test_overspending_is_not_explained_in_the_question_about_unspent_money() -> None:
    draft = sample()
    draft.allmant.utnyttjade_medel = KronorEntry(raw="505 000")
    draft.ekonomi.budget_avvagning = ""
    draft.ekonomi.ej_utnyttjade_orsak = "Kommunen betalade överskridandet."
    assert ("allmant.utnyttjade_medel", "fel") in found(draft)


def test_all_funds_used_requires_7_1_1() -> None:
    draft = sample()
    draft.allmant.utnyttjade_medel = KronorEntry(raw="480 000")
    assert validate(draft, today=TODAY) == []
    draft.ekonomi.budget_avvagning = ""
    problem = only(draft)
    assert (str(problem.path), problem.severity) == ("ekonomi.budget_avvagning", "fel")
    assert "alla beviljade medel är utnyttjade" in problem.message


def test_funds_left_over_requires_7_2_1_and_not_7_1_1() -> None:
    draft = sample()
    draft.ekonomi.budget_avvagning = ""
    assert validate(draft, today=TODAY) == []
    draft.ekonomi.ej_utnyttjade_orsak = " "
    problem = only(draft)
    assert (str(problem.path), problem.severity) == ("ekonomi.ej_utnyttjade_orsak", "fel")
    assert problem.message.startswith("Svara på 7.2.1 ”Varför utnyttjades inte beviljade insatsmedel?”")


def test_unknown_amounts_still_need_one_of_the_economy_answers() -> None:
    draft = sample()
    draft.allmant.beviljade_medel = KronorEntry()
    draft.ekonomi.ej_utnyttjade_orsak = ""
    assert found(draft) == [("allmant.beviljade_medel", "fel")]
    draft.ekonomi.budget_avvagning = ""
    assert found(draft) == [("allmant.beviljade_medel", "fel"), ("ekonomi", "fel")]


def test_at_least_one_samverkanspart() -> None:
    draft = sample()
    draft.samverkansparter = [Samverkanspart(organisation=" ")]
    assert only(draft) == Problem(P("samverkansparter"), "fel", "Lägg till minst en rad under Samverkansparter.")
    draft.samverkansparter = [Samverkanspart(organisation="Försäkringskassan"), Samverkanspart()]
    assert found(draft) == [("samverkansparter[1]", "varning")]


def test_at_least_one_goal_with_its_result() -> None:
    draft = sample()
    draft.resultat.mal = []
    assert only(draft) == Problem(P("resultat.mal"), "fel", "Lägg till minst en rad under Måluppfyllelse.")
    draft.resultat.mal = [Mal(mal="Fler i arbete.", resultat="", uppnatt="Ja")]
    assert found(draft) == [("resultat.mal[0].resultat", "fel")]


def test_goal_reached_is_asked_for_and_must_be_one_of_the_choices() -> None:
    draft = sample()
    draft.resultat.mal[1].uppnatt = ""
    assert only(draft) == Problem(
        P("resultat.mal[1].uppnatt"), "varning", "Ange om målet har uppnåtts: Ja, Delvis eller Nej."
    )
    draft.resultat.mal[1].uppnatt = "Kanske"
    assert found(draft) == [("resultat.mal[1].uppnatt", "fel")]


def test_datum_not_in_the_future_and_noticed_before_the_end() -> None:
    draft = sample()
    draft.uppgiftslamnare.datum = DateEntry(raw="2026-03-02")
    problem = only(draft)
    assert (str(problem.path), problem.severity) == ("uppgiftslamnare.datum", "fel")
    assert "har inte kommit än" in problem.message
    draft.uppgiftslamnare.datum = DateEntry(raw="2025-11-30")
    assert found(draft) == [("uppgiftslamnare.datum", "varning")]
    draft.uppgiftslamnare.datum = DateEntry(raw="2026-03-01")
    assert validate(draft, today=TODAY) == []


def test_template_leftovers_are_pointed_out() -> None:
    draft = sample()
    draft.allmant.insatsens_namn = "Steget före\n\n9000"
    assert [(str(p.path), p.severity, p.message[:15]) for p in validate(draft, today=TODAY)] == [
        ("allmant.insatsens_namn", "varning", "Raden ”9000” in"),
        ("allmant.insatsens_namn", "varning", "Insatsens namn "),
    ]
    draft = sample()
    draft.allmant.beviljade_medel = KronorEntry(raw="000 0")
    assert found(draft) == [("allmant.beviljade_medel", "varning"), ("allmant.beviljade_medel", "fel")]
    draft.allmant.beviljade_medel = KronorEntry(raw="0")
    assert ("allmant.beviljade_medel", "varning") not in found(draft)


def test_pasted_control_characters_are_counted_and_kept() -> None:
    draft = sample()
    text = "Första stycket.\t\x0bAndra\x0c stycket.\x07"
    draft.analys.systemfel = text
    problem = only(draft)
    assert (str(problem.path), problem.severity) == ("analys.systemfel", "varning")
    assert problem.message.startswith("Texten innehåller 3 osynliga styrtecken")
    assert draft.analys.systemfel == text


def test_absurd_lengths_are_warned_about_never_cut() -> None:
    draft = sample()
    draft.allmant.insatsens_namn = "x" * 300
    draft.analys.erfarenheter = "Lång text. " * 10_000
    assert found(draft) == [("allmant.insatsens_namn", "varning"), ("analys.erfarenheter", "varning")]
    assert len(draft.analys.erfarenheter) == 110_000


def test_problems_come_in_the_order_of_the_form() -> None:
    problems = validate(Draft(), today=TODAY)
    paths = [str(problem.path) for problem in problems]
    assert paths[0] == "allmant.insatsens_namn"
    assert paths[-2:] == ["uppgiftslamnare.datum", "uppgiftslamnare.namn"]
    assert paths.index("ekonomi") > paths.index("analys.systemfel")


def test_completeness_is_the_share_of_valid_required_fields() -> None:
    assert completeness(sample(), validate(sample(), today=TODAY)) == 1.0
    empty = Draft()
    assert completeness(empty, validate(empty, today=TODAY)) == 0.0
    half = sample()
    half.analys = type(half.analys)()
    total = len(required_paths(half))
    assert completeness(half, validate(half, today=TODAY)) == pytest.approx((total - 5) / total)
    assert PhoneEntry(raw="0703185239").value == "070-318 52 39"


@given(text=any_text)
def test_unprintable_characters_are_exactly_controls_surrogates_and_noncharacters(text: str) -> None:
    def unprintable(char: str) -> bool:
        category = unicodedata.category(char)
        return (category in {"Cc", "Cs"} and char not in "\t\n\r") or char in "\ufffe\uffff"

    assert count_unprintable(text) == sum(map(unprintable, text))


# Digits, spaces and what str.strip and str.splitlines take: every way a line can begin and end.
BREAKS = [char for char in map(chr, range(0x10000)) if len(f"a{char}b".splitlines()) == 2]
LINES = st.lists(st.sampled_from([*"0189 a\t\xa0\u2003", *BREAKS, "\r\n"]), max_size=40).map("".join)


@given(text=st.one_of(LINES, any_text))
def test_a_line_of_digits_is_found_as_each_line_stripped_would_show_it(text: str) -> None:
    lines = (line.strip() for line in text.splitlines())
    assert junk_line(text) == next((line for line in lines if re.fullmatch(r"[0-9][0-9 ]*", line)), "")


def test_a_megabyte_line_of_digits_and_spaces_is_read_at_once() -> None:
    """Spaces after the digits are read once: a line the pattern almost fits is no blow-up."""
    for text in ("1" + " " * 1_000_000 + "x", "1 " * 500_000 + "x", "\u2003" * 1_000_000 + "1x"):
        assert junk_line(text) == ""
    assert junk_line("7 " * 500_000) == ("7 " * 500_000).strip()
