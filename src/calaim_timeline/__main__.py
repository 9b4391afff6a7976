"""``python -m calaim_timeline``: the same as the ``calaim-timeline`` command."""

import sys

from calaim_timeline.cli import main

sys.exit(main())
