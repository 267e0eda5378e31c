# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""``python -m finsam_desktop`` runs the same as ``finsam-desktop``."""

import sys

from finsam_desktop.cli import main

sys.exit(main())
