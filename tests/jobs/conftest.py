import os

import pytest

from tests.jobs.installation import Installation

VENDORS = ["sqlite", "postgresql"]


@pytest.fixture(params=VENDORS)
def installation(request, tmp_path):
    """A migrated installation on SQLite, and on PostgreSQL where DATABASE_URL names one."""
    if request.param == "postgresql" and not os.environ.get("DATABASE_URL", "").startswith(
        "postgres"
    ):
        pytest.skip("DATABASE_URL is not a PostgreSQL database")
    found = Installation(tmp_path, request.param)
    yield found
    found.close()
