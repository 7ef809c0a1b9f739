"""Shared helpers of the agenda tests: an operator's schedule file, the real CLI."""

import pytest

from tests.cli import migrated_database_env

# Shaped like a State Council notice; the dates are test data, not the official 2027 schedule.
SCHEDULE_2027 = """
year = 2027
source = "测试用：2027年部分节假日安排"

[[holiday]]
name = "春节"
start = 2027-02-05
end = 2027-02-12
workdays = [2027-02-13, 2027-02-20]

[[holiday]]
name = "中秋节"
start = 2027-09-15
end = 2027-09-17

[[holiday]]
name = "国庆节"
start = 2027-10-01
end = 2027-10-07
workdays = [2027-09-26, 2027-10-09]
"""


@pytest.fixture
def schedule_file(tmp_path):
    path = tmp_path / "2027.toml"
    path.write_text(SCHEDULE_2027, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli_database(tmp_path_factory):
    """A migrated, empty SQLite database for the real console command."""
    return migrated_database_env(tmp_path_factory.mktemp("var"))
