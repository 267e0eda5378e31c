# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Swedish spelling: compounds are words, the field's names are known, real typos are
caught with the right word among the first suggestions, fast enough for a context menu."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from finsam_desktop import cli
from finsam_desktop.drafts import encode
from finsam_desktop.paths import cache_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.spelling.checker import SpellChecker
from finsam_desktop.spelling.lexicon import Lexicon, load_lexicon
from finsam_desktop.spelling.readability import readability
from finsam_desktop.spelling.report import misspellings
from finsam_desktop.spelling.user_words import add_user_word, user_words

TYPOS = Path(__file__).resolve().parent / "fixtures" / "stavfel.txt"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture
def checker(lexicon: Lexicon) -> SpellChecker:
    return SpellChecker(lexicon)


def test_compounds_names_and_acronyms_of_the_field_are_words(checker: SpellChecker) -> None:
    text = (
        "Samverkansparterna på arbetsmarknadsenheten mötte försörjningsstödstagare. Försäkringskassan, "
        "Arbetsförmedlingen och Region Gävleborg deltog i SIP-möten; IPS, FIA, AF och FK:s handläggare likaså. "
        "Skriv till lena.sjoberg@ockelbo.se eller se www.finsamgavleborg.se, 2024-01-15."
    )
    assert checker.misspellings(text) == []


@pytest.mark.parametrize("typo", ["Samttaget", "ochså", "denhär", "vilketvis"])
def test_a_conjunction_or_pronoun_does_not_start_a_compound(checker: SpellChecker, typo: str) -> None:
    """"Samttaget" (Sammantaget) is no "samt" + "taget": words of those classes start none."""
    assert not checker.is_right(typo)
    assert checker.is_right("medarbetarsamtal") and checker.is_right("tillgänglighetsarbete")  # prepositions do


def test_realistic_typos_are_caught_and_the_right_word_suggested_quickly(checker: SpellChecker) -> None:
    pairs = [line.split("\t") for line in TYPOS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(pairs) == 100
    flagged = [typo for typo, _right in pairs if not checker.is_right(typo)]
    slowest, right_in_three = 0.0, 0
    for typo, right in pairs:
        began = time.perf_counter()
        right_in_three += right in checker.suggest(typo, 3)
        slowest = max(slowest, time.perf_counter() - began)
    assert len(flagged) >= 90 and right_in_three >= 75, (len(flagged), right_in_three)
    print(f"flagged {len(flagged)} %, right word in the first three {right_in_three} %, slowest {slowest:.3f} s")


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("socialsekretare", "socialsekreterare"), ("arbetsfrmedlngen", "arbetsförmedlingen"), ("Kartläging", "Kartläggning")],
)
def test_two_letters_missing_or_wrong_apart_or_together_are_suggested(checker: SpellChecker, typo: str, meant: str) -> None:
    """Two edits are tried in order, the second after the first: every pair is still found."""
    assert meant in checker.suggest(typo, 3)


@pytest.mark.parametrize("form_id", ["gavleborg-slutrapport", "sjobygden-slutrapport"])
def test_the_example_reports_prose_has_no_false_alarms(checker: SpellChecker, form_id: str) -> None:
    assert misspellings(checker, sample_report(form_id)[1]) == []


def test_the_reports_own_names_are_right_in_that_report_and_compounds_of_them(checker: SpellChecker) -> None:
    _name, draft = sample_report()
    draft.allmant.insatsens_namn = "Trisam 2.0"
    draft.analys.erfarenheter = "Trisamhandläggarna och Trisam-teamen i Trisams lokaler. Reablitering."
    found = misspellings(checker, draft)
    assert [(str(each.path), each.misspelling.word) for each in found] == [("analys.erfarenheter", "Reablitering")]
    assert checker.suggest("Reablitering", 3)[0] == "Rehabilitering"


def test_the_users_word_list_is_kept_in_the_data_folder(lexicon: Lexicon, data_dir: Path) -> None:
    assert user_words() == set()
    add_user_word("Brobygget")
    assert (data_dir / "ordlista.txt").read_text(encoding="utf-8") == "Brobygget\n"
    assert SpellChecker(lexicon, user_words()).misspellings("Brobygget fungerade.") == []


def test_the_spell_command_prints_each_word_with_suggestions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, draft = sample_report()
    path = tmp_path / "u.json"
    path.write_bytes(encode(name, draft))
    assert cli.main(["spell", str(path)]) == 0 and capsys.readouterr().out == ""
    draft.analys.systemfel = "Vi kunde inte identidiera alla behov."
    path.write_bytes(encode(name, draft))
    assert cli.main(["spell", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == ["analys.systemfel: stavning: identidiera (förslag: identifiera)"]


def test_lix_says_how_easy_an_answer_is_and_where_sentences_run_long() -> None:
    easy = "Vi träffas varje vecka. Alla får säga vad de tycker. Det går bra. Vi är glada."
    assert readability(easy) is not None and readability(easy).band in {"mycket lätt", "lätt"}  # type: ignore[union-attr]
    long = " ".join(["samverkansöverenskommelse"] * 40) + "."
    measured = readability(long)
    assert measured is not None and measured.band == "mycket svår" and measured.long_sentences == ((0, len(long)),)
    assert str(measured).startswith("LIX ") and readability("Kort.") is None


def test_the_dictionarys_own_compounding_knows_compounds_its_flags_allow(lexicon: Lexicon) -> None:
    """Hunspell's flags say which forms start, join and end a compound: arbets + marknads +
    enheten is one, tre + parts + mötena one by its numeral rule, samt + taget none."""
    assert "marknad" in lexicon and "arbetsmarknadsenheten" not in lexicon
    assert lexicon.knows("Arbetsmarknadsenheten") and lexicon.knows("trepartsmötena")
    assert "samt" not in lexicon.heads("samttaget") and not lexicon.knows("samttaget")
    assert "arbets" not in lexicon and "arbets" in lexicon.heads("arbetsmarknad")  # a joining form only


@pytest.mark.slow
def test_a_damaged_dictionary_file_is_built_again(lexicon: Lexicon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The built trie is a cache: cut short (a full disk, a killed build) it is made again."""
    built = next(cache_dir().glob("sv_SE-*.trie"))  # made by the lexicon fixture's load
    monkeypatch.setenv("FINSAM_CACHE_DIR", str(tmp_path / "cache"))
    damaged = cache_dir() / built.name
    damaged.parent.mkdir()
    damaged.write_bytes(built.read_bytes()[: built.stat().st_size // 2])
    checker = SpellChecker(load_lexicon())
    assert checker.misspellings("Samverkan fungerade väl, men vi kunde inte identidiera alla.")[0].word == "identidiera"
    assert damaged.read_bytes() == built.read_bytes()
