# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The reader's failure, apart from the reader, so the start screen can catch it without
loading python-docx before a document is opened."""

from __future__ import annotations


class ImportFailed(Exception):
    """The file is not a Word document or not a slutrapport; ``str()`` says which."""
