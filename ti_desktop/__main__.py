"""`python -m ti_desktop`."""

import sys

from ti_desktop.cli import main

sys.exit(main())
