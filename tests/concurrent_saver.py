# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""One of two processes saving the same draft over and over: ``python -m tests.concurrent_saver DRAFT TAG N``.

Prints ``ok <revision before> <revision after>`` for each save reported as done and
``conflict`` for each refused one (after which it reads the file again and goes on).
"""

from __future__ import annotations

import sys
from pathlib import Path

from finsam_desktop.drafts import DraftConflict, DraftWriteError
from finsam_desktop.session import DraftSession


def main() -> None:
    path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    session = DraftSession.open(path)
    for number in range(count):
        session.draft.analys.systemfel = f"{tag} {number}"
        before = session.revision
        try:
            after = session.save(session.snapshot())
        except (DraftConflict, DraftWriteError):
            print("conflict", flush=True)
            session = DraftSession.open(path)
            continue
        print(f"ok {before.digest} {after.digest}", flush=True)


if __name__ == "__main__":
    main()
