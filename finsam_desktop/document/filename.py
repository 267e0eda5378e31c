# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A file name for the exported report that any Windows folder accepts."""

from __future__ import annotations

import re

from finsam_desktop.model import Report
from finsam_desktop.roles import role_printed, role_text

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
MAX_PART = 60
MAX_STEM_BYTES = 150  # in UTF-8: file systems count bytes (255 on Linux); leaves room for a folder
# Invisible characters that would make a name lie about itself (U+202E shows "xcod.exe" as
# "exe.docx") or differ from how it looks: bidi controls, zero-width characters, BOM.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def safe_part(text: str) -> str:
    """One part of a file name: no characters Windows refuses, no line breaks, not too long."""
    text = _INVISIBLE.sub("", text)
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\ud800-\udfff]', " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return text[:MAX_PART].rstrip(" .")


def suggested_filename(draft: Report, suffix: str = ".docx") -> str:
    """``Slutrapport – <Insatsens namn> – <Organisation> – <Datum>.docx``, made safe."""
    parts = [
        "Slutrapport",
        safe_part(role_text(draft, "name")),
        safe_part(role_text(draft, "organisation")),
        safe_part(role_printed(draft, "reporter_date")),
    ]
    joined = " – ".join(part for part in parts if part)
    stem = joined.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(" .–")
    if stem.split(".")[0].upper() in RESERVED:
        stem = f"_{stem}"
    return stem + suffix


def windows_refuses(name: str) -> str:
    """Why Windows would not keep a file of this name as typed ("" when it would): a device
    name (``CON.docx`` is the console, not a file), or a trailing dot or space, which it drops."""
    if name != name.rstrip(" ."):
        return f"”{name}” slutar med punkt eller mellanslag, som Windows tar bort. Välj ett annat namn."
    if name.split(".")[0].strip().upper() in RESERVED:
        return f"”{name}” är ett namn som Windows reserverar för en enhet ({name.split('.')[0].upper()}). Välj ett annat namn."
    return ""
