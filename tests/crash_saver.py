# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A child process that saves one draft over and over until it is killed.

``python -m tests.crash_saver PATH`` continues from the version found in PATH and
prints ``ready`` once it is about to start saving.
"""

from __future__ import annotations

import sys
from pathlib import Path

from finsam_desktop.drafts import read_draft, write_draft
from tests.gavleborg import Draft


def version(number: int) -> Draft:
    """Draft number ``number``: its own marker and a size that varies from 0 to ~80 kB."""
    draft = Draft()
    draft.allmant.insatsens_namn = f"Version {number}"
    draft.analys.erfarenheter = f"Text för version {number}, med åäö. " * (number * 97 % 2500)
    return draft


def number_of(draft: Draft) -> int:
    return int(draft.allmant.insatsens_namn.split()[1])


def main() -> None:
    path = Path(sys.argv[1])
    loaded = read_draft(path)
    number, revision = number_of(loaded.draft), loaded.revision
    print("ready", flush=True)
    while True:
        number += 1
        revision = write_draft(path, "Krasch", version(number), revision)


if __name__ == "__main__":
    main()
