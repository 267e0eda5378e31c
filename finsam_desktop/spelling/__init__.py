# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Swedish spell-checking and klarspråk measures for the report's free-text answers."""
