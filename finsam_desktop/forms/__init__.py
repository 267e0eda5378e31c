# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The forms engine: a förbund's mall as data, and everything the app does with it.

``spec`` reads a form file into field specs of the kinds in ``kinds``; ``paths`` is the one
notation for where a value stands; ``expressions`` evaluates conditions and computed
values; ``rules`` checks what ties fields together; ``registry`` knows the installed forms
and editions; ``check`` is ``form-check``; ``carry`` moves a draft to a newer edition.
``docs/architecture.md`` shows how they fit together.
"""
