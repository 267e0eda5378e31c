# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The app's log file, rotated: it may name files and folders, so each file, the new ones
after a rotation too, is readable by its owner only."""

from __future__ import annotations

import contextlib
import os
from logging.handlers import RotatingFileHandler


class PrivateLog(RotatingFileHandler):
    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return stream
