# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Finsam Slutrapport: the report model, validation, drafts and export, free of Qt."""

__version__ = "0.1.0"
