"""``python -m quantities`` runs the command line."""

import sys

from quantities.integrations.cli import main

sys.exit(main())
