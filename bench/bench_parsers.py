# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Every lenient parser on 100 000 characters of hostile input, against one scan of that input.

Each input once made a parser quadratic (20 000 × " kr" took 83 s); a parser must answer
in about the time it takes just to look at the text.
"""

from __future__ import annotations

import re

from bench.runner import Benchmark
from finsam_desktop import parsing

LENGTH = 100_000
HOSTILE = {
    "kr-suffix": " kr" * (LENGTH // 3),
    "digits": "9" * LENGTH,
    "dashes": "1-" * (LENGTH // 2),
    "spaces": "1 " * (LENGTH // 2),
    "at-signs": "a@" * (LENGTH // 2),
}
PARSERS = {
    "date": parsing.parse_date,
    "kronor": parsing.parse_kronor,
    "phone": parsing.parse_phone,
    "postnummer": parsing.parse_postnummer,
    "email": parsing.parse_email,
}
_ANY = re.compile(r"\S")


def benchmarks() -> list[Benchmark]:
    def all_inputs(parse):  # type: ignore[no-untyped-def]
        return lambda: [parse(text) for text in HOSTILE.values()]

    def scan() -> None:
        for text in HOSTILE.values():
            _ANY.findall(text)

    return [
        Benchmark(f"parse_{name} on 5 × 100k hostile chars", all_inputs(parse), "one regex scan of the same input", scan)
        for name, parse in PARSERS.items()
    ]
