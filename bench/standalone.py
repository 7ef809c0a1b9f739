"""Django set up for a benchmark run as a script: imported first by each Django bench.

The checkout's root goes on the path (the package is imported from the tree, not from an
installed copy); without DATABASE_URL the bench gets a temporary UNIONPLAN_VAR_DIR and so a
fresh SQLite file of its own, never the user's var/.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["UNIONPLAN_VAR_DIR"] = tempfile.mkdtemp(prefix="unionplan-bench-")

import django  # noqa: E402

django.setup()
