# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Handing the finished report to the förbund: e-mail drafts, mailto, SMTP, passwords."""
