"""``python -m finsam_desktop`` runs the same as ``finsam-desktop``."""

import sys

from finsam_desktop.cli import main

sys.exit(main())
