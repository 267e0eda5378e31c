# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Lenient parsers: understand what people type and propose the canonical form.

Each parser takes any string and never raises. It returns a :class:`Parsed` with the
canonical value and text when it understood the input, a ``note`` when that took
interpretation (a century, a day/month order, dropped öre), or an ``error`` that says
what is wrong and how to write it. Empty input is neither understood nor an error:
whether a field may be empty is validation's business, not the parser's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

T = TypeVar("T")

DATE_EXAMPLE = "Skriv datumet som åååå-mm-dd, till exempel 2021-10-01."
KRONOR_EXAMPLE = "Skriv beloppet i hela kronor, till exempel 625 000."
PHONE_EXAMPLE = "Skriv numret med riktnummer, till exempel 070-318 52 39."
POSTNUMMER_EXAMPLE = "Skriv postnumret med fem siffror, till exempel 811 61."
EMAIL_EXAMPLE = "Skriv adressen som namn@organisation.se."

# A two-digit year that lands before this is more likely a day: 01-10-21 is not 2001.
EARLIEST_LIKELY_YEAR = 2010
MAX_KRONOR = 10_000_000_000
# Nothing these parsers read is longer than this; longer text (a paste gone wrong, a
# hostile file) is refused before any pattern sees it, so every parser stays linear.
MAX_TYPED_CHARACTERS = 100


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """What a parser understood: canonical ``value`` and ``text``, or an ``error``."""

    value: T | None = None
    text: str = ""
    note: str = ""
    error: str = ""
    rest: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None


def _bounded(what: str, example: str) -> Callable[[Callable[[str], Parsed[T]]], Callable[[str], Parsed[T]]]:
    """Refuse text far longer than any ``what`` with a message, before parsing it."""

    def wrap(parse: Callable[[str], Parsed[T]]) -> Callable[[str], Parsed[T]]:
        @functools.wraps(parse)
        def bounded(text: str) -> Parsed[T]:
            if len(text) > MAX_TYPED_CHARACTERS and len(text.strip()) > MAX_TYPED_CHARACTERS:
                return Parsed(error=f"Här står för mycket text ({len(text):,} tecken) för {what}. {example}".replace(",", " "))
            return parse(text)

        return bounded

    return wrap


def _normalise(text: str) -> str:
    """Unify the dashes and spaces Word and Outlook paste, and trim."""
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\s\u00a0\u2007\u202f]+", " ", text)
    return text.strip()


# --- dates --------------------------------------------------------------------------

MONTHS = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "februari": 2,
    "mar": 3,
    "mars": 3,
    "apr": 4,
    "april": 4,
    "maj": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "augusti": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

_ISO = re.compile(r"([0-9]{4})[-./ ]([0-9]{1,2})[-./ ]([0-9]{1,2})")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_SHORT = re.compile(r"([0-9]{2})-?([0-9]{2})-?([0-9]{2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})(?: ?[-/. ] ?)([0-9]{4}|[0-9]{2})")
_DAY_MONTH_ONLY = re.compile(r"[0-9]{1,2}[/.][0-9]{1,2}")
_NAMED = re.compile(r"([0-9]{1,2})\.? ([a-zåäö]+)\.? ([0-9]{4})")
_RANGE_SPLIT = re.compile(r" ?- | -|(?: |^)(?:t\.?o\.?m\.?|till) ", re.IGNORECASE)


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_error_for(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"Månaden {month} finns inte. {DATE_EXAMPLE}"
    return f"{year:04d}-{month:02d}-{day:02d} finns inte i kalendern. Kontrollera dagen."


def _two_digit_year(yy: int, month: int, day: int, raw: str) -> Parsed[date]:
    """``yy``-``mm``-``dd`` in the 2000s, unless a day-first reading is as likely."""
    found = _make_date(2000 + yy, month, day)
    day_first = _make_date(2000 + day, month, yy)
    if found and day_first and found != day_first and found.year < EARLIEST_LIKELY_YEAR:
        return Parsed(error=f"”{raw}” kan betyda {found.isoformat()} eller {day_first.isoformat()}. {DATE_EXAMPLE}")
    if found is None:
        return Parsed(error=_date_error_for(2000 + yy, month, day))
    return Parsed(found, found.isoformat(), note=f"Tolkat som {found.isoformat()}.")


def _single_date(text: str) -> Parsed[date]:
    if match := _ISO.fullmatch(text):
        year, month, day = (int(group) for group in match.groups())
        found = _make_date(year, month, day)
        return Parsed(found, found.isoformat()) if found else Parsed(error=_date_error_for(year, month, day))
    if match := _COMPACT.fullmatch(text):
        year, month, day = (int(group) for group in match.groups())
        found = _make_date(year, month, day)
        return Parsed(found, found.isoformat()) if found else Parsed(error=_date_error_for(year, month, day))
    if match := _SHORT.fullmatch(text):
        yy, month, day = (int(group) for group in match.groups())
        return _two_digit_year(yy, month, day, text)
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(group) for group in match.groups())
        year += 2000 if year < 100 else 0
        found = _make_date(year, month, day)
        if found is None:
            return Parsed(error=_date_error_for(year, month, day))
        return Parsed(found, found.isoformat(), note=f"Tolkat som {found.isoformat()} (dag/månad).")
    if match := _NAMED.fullmatch(text.lower()):
        named_month = MONTHS.get(match.group(2))
        if named_month is not None:
            month, day, year = named_month, int(match.group(1)), int(match.group(3))
            found = _make_date(year, month, day)
            if found is None:
                return Parsed(error=_date_error_for(year, month, day))
            return Parsed(found, found.isoformat(), note=f"Tolkat som {found.isoformat()}.")
    if _DAY_MONTH_ONLY.fullmatch(text):
        return Parsed(error=f"Året saknas i ”{text}”. {DATE_EXAMPLE}")
    return Parsed(error=DATE_EXAMPLE)


def split_date_range(text: str) -> tuple[str, str] | None:
    """The two dates of ``211001 - 220131`` as typed, or None when it is not two dates."""
    if len(text) > 2 * MAX_TYPED_CHARACTERS:
        return None
    parts = [part.strip() for part in _RANGE_SPLIT.split(_normalise(text)) if part.strip()]
    if len(parts) != 2 or not all(_single_date(part).ok for part in parts):
        return None
    return parts[0], parts[1]


def parse_date_range(text: str) -> tuple[Parsed[date], Parsed[date]] | None:
    """Two dates written as one (``211001 - 220131``), or None when it is not that."""
    parts = split_date_range(text)
    return (_single_date(parts[0]), _single_date(parts[1])) if parts else None


@_bounded("ett datum", DATE_EXAMPLE)
def parse_date(text: str) -> Parsed[date]:
    """A calendar date in the forms Swedish offices write, canonical ``åååå-mm-dd``."""
    clean = _normalise(text)
    if not clean:
        return Parsed()
    found = _single_date(clean)
    if found.ok:
        if not 1900 <= found.value.year <= 2100:  # type: ignore[union-attr]
            return Parsed(error=f"Året {found.value.year} verkar fel. {DATE_EXAMPLE}")  # type: ignore[union-attr]
        return found
    if pair := parse_date_range(clean):
        first, second = pair
        return Parsed(error=f"Här står två datum ({first.text} och {second.text}). Skriv ett datum i varje fält.")
    return found


# --- kronor ---------------------------------------------------------------------------

_KRONOR_PLAIN = re.compile(r"[0-9]{1,3}(?: [0-9]{3})*(?: kr)?|[0-9]+(?: kr)?")
_KRONOR_SUFFIX = re.compile(r"(?: ?(?:kronor|kr\.?|sek|:-|,-|\.-|;-))+$", re.IGNORECASE)
_KRONOR_NUMBER = re.compile(
    r"(?P<int>[0-9]{1,3}(?:(?P<sep>[ .'])[0-9]{3})(?:(?P=sep)[0-9]{3})*|[0-9]+)(?:[,.](?P<dec>[0-9]{1,2}))?"
)


def format_kronor(amount: float) -> str:
    """``625000`` → ``625 000 kr`` (whole kronor; a computed difference may be ``−30 000 kr``)."""
    return f"{round(amount):,}".replace(",", " ").replace("-", "−") + " kr"


_SCALED = re.compile(
    r"(?P<number>[0-9]{1,3}(?: [0-9]{3})*(?:[,.][0-9]+)?|[0-9]+(?:[,.][0-9]+)?) ?"
    r"(?P<scale>mkr|msek|milj(?:oner|\.)?(?: ?kr(?:onor)?)?|tkr|ksek|tusen(?: ?kr(?:onor)?)?)\.?",
    re.IGNORECASE,
)
_SCALES = {"m": 1_000_000, "t": 1_000, "k": 1_000}


def _scaled_kronor(clean: str) -> Parsed[int] | None:
    """``6,25 mkr`` and ``625 tkr`` as the annual report writes amounts; None for other text."""
    match = _SCALED.fullmatch(clean)
    if match is None:
        return None
    number = Decimal(match.group("number").replace(" ", "").replace(",", "."))
    amount = number * _SCALES[match.group("scale")[0].lower()]
    if amount != amount.to_integral_value():
        return Parsed(error=f"”{clean}” blir inte hela kronor. {KRONOR_EXAMPLE}")
    if amount > MAX_KRONOR:
        return Parsed(error=f"Beloppet {format_kronor(int(amount))} är orimligt stort. Kontrollera siffrorna.")
    canonical = format_kronor(int(amount))
    return Parsed(int(amount), canonical, note=f"Tolkat som {canonical}.")


@_bounded("ett belopp", KRONOR_EXAMPLE)
def parse_kronor(text: str) -> Parsed[int]:
    """Whole kronor: ``625 000 kr.``, ``625000:-`` and ``625 000,00`` all mean 625000, and so do
    ``625 tkr`` and ``0,625 mkr``."""
    clean = _normalise(text)
    if not clean:
        return Parsed()
    scaled = _scaled_kronor(clean)
    if scaled is not None:
        return scaled
    body = re.sub(r"^(?:sek|kr)\.? ?", "", clean, flags=re.IGNORECASE)
    body = _KRONOR_SUFFIX.sub("", body).strip()
    if body.startswith("-"):
        return Parsed(error="Beloppet kan inte vara negativt. " + KRONOR_EXAMPLE)
    match = _KRONOR_NUMBER.fullmatch(body)
    if match is None:
        return Parsed(error=f"”{clean}” går inte att läsa som ett belopp. {KRONOR_EXAMPLE}")
    if match.group("dec") and int(match.group("dec")) != 0:
        return Parsed(error=f"Beloppet har öre (,{match.group('dec')}). {KRONOR_EXAMPLE}")
    amount = int(re.sub(r"[^0-9]", "", match.group("int")))
    if amount > MAX_KRONOR:
        return Parsed(error=f"Beloppet {format_kronor(amount)} är orimligt stort. Kontrollera siffrorna.")
    canonical = format_kronor(amount)
    note = "" if _KRONOR_PLAIN.fullmatch(clean) else f"Tolkat som {canonical}."
    return Parsed(amount, canonical, note=note)


# --- phone numbers --------------------------------------------------------------------

MOBILE_PREFIXES = ("070", "072", "073", "076", "079")
# Swedish area codes of three digits (with the 0); 08 has two; all others have four.
THREE_DIGIT_AREAS = frozenset(
    [
        "010",
        "011",
        "013",
        "016",
        "018",
        "019",
        "020",
        "021",
        "023",
        "026",
        "031",
        "033",
        "035",
        "036",
        "040",
        "042",
        "044",
        "046",
        "054",
        "060",
        "063",
        "090",
    ]
)
_PHONE_LABEL = re.compile(r"^(?:tfn|tel|telefon|mobil|mob|mobiltelefon)\.?:? ?", re.IGNORECASE)


def is_mobile(canonical: str) -> bool:
    """Whether a canonical number (``070-318 52 39``) is a Swedish mobile number."""
    return canonical.startswith(MOBILE_PREFIXES)


def _group_subscriber(digits: str) -> str:
    """Pairs from the right, a leading three when odd; eight digits as 3-3-2."""
    if len(digits) == 8:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    head = 3 if len(digits) % 2 else 2
    pairs = [digits[i : i + 2] for i in range(head, len(digits), 2)]
    return " ".join([digits[:head], *pairs])


def _area_length(digits: str) -> int:
    if digits.startswith("08"):
        return 2
    if digits[:3] in THREE_DIGIT_AREAS or digits.startswith(MOBILE_PREFIXES):
        return 3
    return 4


@_bounded("ett telefonnummer", PHONE_EXAMPLE)
def parse_phone(text: str) -> Parsed[str]:
    """A Swedish phone number, canonical ``070-318 52 39`` / ``0290-77 17 28``."""
    clean = _PHONE_LABEL.sub("", _normalise(text))
    if not clean:
        return Parsed()
    if re.search(r"[^0-9 +()./-]", clean):
        return Parsed(error=f"Telefonnumret får bara innehålla siffror. {PHONE_EXAMPLE}")
    international = clean.startswith("+") or clean.startswith("00")
    digits = re.sub(r"[^0-9]", "", clean.replace("(0)", ""))
    if international:
        digits = digits[2:] if clean.startswith("00") else digits
        if not digits.startswith("46"):
            return Parsed(error=f"Ange ett svenskt telefonnummer. {PHONE_EXAMPLE}")
        digits = "0" + digits[2:].removeprefix("0")
    if not digits.startswith("0"):
        return Parsed(error=f"Numret ska börja med 0 (riktnumret). {PHONE_EXAMPLE}")
    area = _area_length(digits)
    subscriber = digits[area:]
    low, high = (7, 7) if digits.startswith(MOBILE_PREFIXES) else (5, 8)
    if len(subscriber) < low:
        return Parsed(error=f"Telefonnumret har för få siffror. {PHONE_EXAMPLE}")
    if len(subscriber) > high:
        return Parsed(error=f"Telefonnumret har för många siffror. {PHONE_EXAMPLE}")
    canonical = f"{digits[:area]}-{_group_subscriber(subscriber)}"
    note = f"Tolkat som {canonical}." if international else ""
    return Parsed(canonical, canonical, note=note)


# --- postnummer -----------------------------------------------------------------------

_POSTNUMMER = re.compile(r"(?:s ?e? ?-? ?)?([0-9]{3}) ?([0-9]{2})(?:,? (.+))?", re.IGNORECASE)


@_bounded("ett postnummer", POSTNUMMER_EXAMPLE)
def parse_postnummer(text: str) -> Parsed[str]:
    """Five digits shown as ``811 61``; a postort typed after it comes back as ``rest``."""
    clean = _normalise(text)
    if not clean:
        return Parsed()
    match = _POSTNUMMER.fullmatch(clean)
    if match is None or re.search(r"[0-9]", match.group(3) or ""):
        return Parsed(error=POSTNUMMER_EXAMPLE)
    canonical = f"{match.group(1)} {match.group(2)}"
    if canonical.startswith("0"):
        return Parsed(error=f"Svenska postnummer börjar inte med 0. {POSTNUMMER_EXAMPLE}")
    rest = (match.group(3) or "").strip()
    note = f"Tolkat som postnummer {canonical}; ”{rest}” hör hemma i Postadress." if rest else ""
    return Parsed(canonical, canonical, note=note, rest=rest)


# --- e-mail ---------------------------------------------------------------------------

_EMAIL = re.compile(r"[^@\s<>(),;:\"]+@[a-z0-9åäö](?:[a-z0-9åäö-]*[a-z0-9åäö])?(?:\.[a-z0-9åäö-]+)*\.[a-z]{2,}", re.I)


@_bounded("en e-postadress", EMAIL_EXAMPLE)
def parse_email(text: str) -> Parsed[str]:
    """An e-mail address, kept as typed but trimmed (and without ``mailto:``)."""
    clean = re.sub(r"^mailto:", "", _normalise(text), flags=re.IGNORECASE)
    if not clean:
        return Parsed()
    if " " in clean:
        return Parsed(error=f"E-postadressen får inte innehålla mellanslag. {EMAIL_EXAMPLE}")
    if clean.count("@") != 1:
        return Parsed(error=f"En e-postadress har ett @ mellan namn och organisation. {EMAIL_EXAMPLE}")
    if not _EMAIL.fullmatch(clean) or ".." in clean or clean.startswith("."):
        return Parsed(error=f"”{clean}” ser inte ut som en e-postadress. {EMAIL_EXAMPLE}")
    return Parsed(clean, clean)


# --- counts and shares ----------------------------------------------------------------

ANTAL_EXAMPLE = "Skriv antalet som ett heltal, till exempel 12."
PROCENT_EXAMPLE = "Skriv andelen i procent, till exempel 45 eller 12,5 %."
MAX_ANTAL = 10_000_000
_COUNT_WORDS = re.compile(r"(?: ?(?:st\.?|stycken|personer|pers\.?|deltagare))+$", re.IGNORECASE)
_WHOLE = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+|[0-9]+")
_DECIMAL = re.compile(r"(?P<int>[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:[,.](?P<dec>[0-9]+))?")


def format_count(value: int) -> str:
    """``1200`` → ``1 200``."""
    return f"{value:,}".replace(",", " ").replace("-", "−")


def format_percent(value: float) -> str:
    """``12.5`` → ``12,5 %``; whole numbers without decimals."""
    rounded = round(value, 1)
    text = f"{int(rounded)}" if rounded == int(rounded) else f"{rounded:.1f}".replace(".", ",")
    return f"{text} %"


@_bounded("ett antal", ANTAL_EXAMPLE)
def parse_antal(text: str) -> Parsed[int]:
    """A count of people or things: ``12``, ``12 st``, ``1 200 deltagare``."""
    clean = _normalise(text)
    if not clean:
        return Parsed()
    body = _COUNT_WORDS.sub("", clean).strip()
    if body.startswith("-"):
        return Parsed(error="Ett antal kan inte vara negativt. " + ANTAL_EXAMPLE)
    if _DECIMAL.fullmatch(body) and not _WHOLE.fullmatch(body):
        return Parsed(error=f"”{clean}” är inget heltal. {ANTAL_EXAMPLE}")
    if not _WHOLE.fullmatch(body):
        return Parsed(error=f"”{clean}” går inte att läsa som ett antal. {ANTAL_EXAMPLE}")
    value = int(body.replace(" ", ""))
    if value > MAX_ANTAL:
        return Parsed(error=f"Antalet {format_count(value)} är orimligt stort. Kontrollera siffrorna.")
    canonical = format_count(value)
    return Parsed(value, canonical, note="" if body == clean else f"Tolkat som {canonical}.")


@_bounded("en andel", PROCENT_EXAMPLE)
def parse_procent(text: str) -> Parsed[float]:
    """A share in per cent: ``45``, ``45 %``, ``12,5%``, ``12.5 procent``."""
    clean = _normalise(text)
    if not clean:
        return Parsed()
    body = re.sub(r" ?(?:%|procent)$", "", clean, flags=re.IGNORECASE).strip()
    if body.startswith("-"):
        return Parsed(error="En andel kan inte vara negativ. " + PROCENT_EXAMPLE)
    match = _DECIMAL.fullmatch(body)
    if match is None:
        return Parsed(error=f"”{clean}” går inte att läsa som en andel. {PROCENT_EXAMPLE}")
    value = float(match.group("int").replace(" ", "") + "." + (match.group("dec") or "0"))
    canonical = format_percent(value)
    return Parsed(value, canonical)
