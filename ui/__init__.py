# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The Qt front end of Finsam Slutrapport; it uses the core, never the reverse."""
