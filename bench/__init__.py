# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Benchmarks, run with ``python -m bench``; not part of the test run, never pass/fail."""
