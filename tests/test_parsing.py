# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The lenient parsers: what people type, what it means, and what is not guessed."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finsam_desktop.parsing import (
    KRONOR_EXAMPLE,
    format_kronor,
    is_mobile,
    parse_date,
    parse_date_range,
    parse_email,
    parse_kronor,
    parse_phone,
    parse_postnummer,
)
from finsam_desktop.reading.matching import norm
from tests.strategies import any_text

PARSERS = [parse_date, parse_kronor, parse_phone, parse_postnummer, parse_email]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("211001", "2021-10-01"),
        ("20211001", "2021-10-01"),
        ("2021-10-1", "2021-10-01"),
        ("1/10 2021", "2021-10-01"),
        ("1/10-2021", "2021-10-01"),
        ("1.10.2021", "2021-10-01"),
        ("22-02-15", "2022-02-15"),
        ("1 oktober 2021", "2021-10-01"),
        (" 2021-10-01 ", "2021-10-01"),
        ("2021–10–01", "2021-10-01"),
    ],
)
def test_dates_people_write_are_understood(typed: str, canonical: str) -> None:
    assert parse_date(typed).text == canonical


def test_interpreted_dates_say_so_and_canonical_ones_do_not() -> None:
    assert parse_date("211001").note == "Tolkat som 2021-10-01."
    assert parse_date("1/10 2021").note == "Tolkat som 2021-10-01 (dag/månad)."
    assert parse_date("2021-10-01").note == ""


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("011021", "kan betyda 2001-10-21 eller 2021-10-01"),
        ("1/10", "Året saknas"),
        ("2021-02-30", "2021-02-30 finns inte i kalendern"),
        ("2021-13-01", "Månaden 13 finns inte"),
        ("211001 - 220131", "Här står två datum (2021-10-01 och 2022-01-31)"),
        ("i höstas", "Skriv datumet som åååå-mm-dd, till exempel 2021-10-01."),
    ],
)
def test_dates_not_guessed_explain_why(typed: str, says: str) -> None:
    parsed = parse_date(typed)
    assert parsed.value is None
    assert says in parsed.error


def test_a_range_typed_in_one_field_splits_into_two_dates() -> None:
    pair = parse_date_range("2019-12-31 -2021-12-31")
    assert pair is not None
    assert [part.value for part in pair] == [date(2019, 12, 31), date(2021, 12, 31)]
    assert parse_date_range("2021-10-01") is None


@pytest.mark.parametrize("typed", ["625 000 kr.", "625000:-", "625 000,00", "625 000", "625000", "625 000 kronor", "SEK 625 000", "625.000"])
def test_amounts_mean_whole_kronor(typed: str) -> None:
    parsed = parse_kronor(typed)
    assert (parsed.value, parsed.text) == (625000, "625 000 kr")


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-5 000", "negativt"),
        ("625 000,50", "öre"),
        ("62 5000", "går inte att läsa som ett belopp"),
        ("ungefär en halv miljon", "går inte att läsa som ett belopp"),
        ("99 999 999 999", "orimligt stort"),
    ],
)
def test_amounts_that_are_not_whole_kronor(typed: str, says: str) -> None:
    parsed = parse_kronor(typed)
    assert parsed.value is None and says in parsed.error


@pytest.mark.parametrize(
    ("typed", "canonical", "mobile"),
    [
        ("070 318 52 39", "070-318 52 39", True),
        ("+46703185239", "070-318 52 39", True),
        ("0046 70 318 52 39", "070-318 52 39", True),
        ("+46 (0)70-318 52 39", "070-318 52 39", True),
        ("Tfn: 070-084 04 00", "070-084 04 00", True),
        ("0290 – 77 17 28", "0290-77 17 28", False),
        ("08-123 456 78", "08-123 456 78", False),
        ("026-12 34 56", "026-12 34 56", False),
    ],
)
def test_swedish_phone_numbers(typed: str, canonical: str, mobile: bool) -> None:
    parsed = parse_phone(typed)
    assert parsed.text == canonical
    assert is_mobile(parsed.text) is mobile


@pytest.mark.parametrize(
    ("typed", "says"),
    [("+44 20 7946 0000", "svenskt"), ("070-318 52", "för få"), ("070-318 52 39 99", "för många"), ("ring mig", "bara innehålla siffror")],
)
def test_phone_numbers_that_are_not(typed: str, says: str) -> None:
    assert says in parse_phone(typed).error


def test_postnummer_is_five_digits_shown_as_three_and_two() -> None:
    assert parse_postnummer("81161").text == "811 61"
    assert parse_postnummer("SE-811 61").text == "811 61"
    with_town = parse_postnummer("824 30 Hudiksvall")
    assert (with_town.text, with_town.rest) == ("824 30", "Hudiksvall")
    assert "fem siffror" in parse_postnummer("8116").error
    assert "börjar inte med 0" in parse_postnummer("012 34").error


def test_email_addresses() -> None:
    assert parse_email(" Emma.Lundin@hofors.se ").text == "Emma.Lundin@hofors.se"
    assert parse_email("mailto:kontakt@finsamgavleborg.se").text == "kontakt@finsamgavleborg.se"
    assert "@" in parse_email("emma.hofors.se").error
    assert "mellanslag" in parse_email("emma lundin@hofors.se").error
    assert "ser inte ut som en e-postadress" in parse_email("emma@hofors").error


@pytest.mark.parametrize("parser", PARSERS)
def test_empty_is_neither_a_value_nor_an_error(parser) -> None:  # type: ignore[no-untyped-def]
    for blank in ["", "   ", "\t\n"]:
        parsed = parser(blank)
        assert (parsed.value, parsed.error) == (None, "")


@pytest.mark.parametrize("parser", PARSERS)
@given(text=st.one_of(any_text, st.from_regex(r"[0-9 /.:+()-]{0,14}", fullmatch=True)))
def test_never_raises_and_canonical_parses_to_itself(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    parsed = parser(text)
    assert parsed.ok != bool(parsed.error) or not text.strip()
    if parsed.ok:
        again = parser(parsed.text)
        assert (again.value, again.text, again.note, again.error) == (parsed.value, parsed.text, "", "")


@given(st.text())
def test_matching_ignores_case_accents_and_punctuation_in_any_text(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    assert norm(text) == " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())
    assert norm("Allmänna uppgifter: ÅÄÖ-é") == "allmanna uppgifter aao e"


@pytest.mark.parametrize(
    ("text", "amount"),
    [("6,25 mkr", 6_250_000), ("625 tkr", 625_000), ("0,625 Mkr", 625_000), ("1 250,5 tkr", 1_250_500),
     ("625 tusen kronor", 625_000), ("1,5 miljoner kr", 1_500_000), ("12 tkr.", 12_000)],
)
def test_amounts_in_tkr_and_mkr_as_the_annual_report_writes_them(text: str, amount: int) -> None:
    parsed = parse_kronor(text)
    assert (parsed.value, parsed.note) == (amount, f"Tolkat som {format_kronor(amount)}.")


def test_an_amount_in_mkr_that_is_not_whole_kronor_is_said() -> None:
    assert parse_kronor("6,2500001 mkr").error == f"”6,2500001 mkr” blir inte hela kronor. {KRONOR_EXAMPLE}"
