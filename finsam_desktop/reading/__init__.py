# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Reading Word documents into drafts: ``importer.read_docx`` is the way in."""
