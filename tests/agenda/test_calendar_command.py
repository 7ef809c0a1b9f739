"""``unionplan calendar YEAR [--json]`` and ``unionplan calendar load FILE``."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.agenda.conftest import SCHEDULE_2027
from tests.cli import assert_one_line_exit_2, run_cli
from unionplan.agenda.models import HolidaySchedule

pytestmark = pytest.mark.django_db


def festivals(year: int) -> list[dict]:
    return json.loads(call_command_out("calendar", str(year), "--json"))


def call_command_out(*args: str) -> str:
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.mark.parametrize(
    ("year", "key", "date"),
    [
        (2027, "mid_autumn", "2027-09-15"),
        (2027, "spring_festival", "2027-02-06"),
        (2027, "dragon_boat", "2027-06-09"),
        (2027, "double_ninth", "2027-10-08"),
        (2028, "dragon_boat", "2028-05-28"),
        (2028, "spring_festival", "2028-01-26"),
        (2026, "spring_festival", "2026-02-17"),
        (2024, "mid_autumn", "2024-09-17"),
        (2025, "new_years_eve", "2025-01-28"),
        (2025, "qingming", "2025-04-04"),
        (1950, "spring_festival", "1950-02-17"),
    ],
)
def test_json_gives_known_festival_dates(year, key, date):
    found = {f["key"]: f["date"] for f in festivals(year)}
    assert found[key] == date


def test_json_shape_and_lunar_flag():
    entries = festivals(2028)
    assert all(set(e) == {"date", "name", "key", "lunar", "statutory_holiday"} for e in entries)
    by_key = {e["key"]: e for e in entries}
    assert by_key["dragon_boat"]["name"] == "端午节"
    assert by_key["dragon_boat"]["lunar"] is True
    assert by_key["teachers_day"]["lunar"] is False
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)


def test_statutory_flag_official_year_and_unknown_year():
    official = {e["key"]: e["statutory_holiday"] for e in festivals(2026)}
    assert official["national_day"] is True
    assert official["teachers_day"] is False
    unknown = {e["key"]: e["statutory_holiday"] for e in festivals(2027)}
    assert unknown["national_day"] is None  # no guess shown as fact


def test_table_of_an_uncovered_year_says_so():
    out = call_command_out("calendar", "2027")
    assert "2027年的法定节假日安排尚未发布/载入" in out
    assert "2027-09-15" in out and "中秋节" in out
    assert "放假安排来源：无" in out


def test_table_of_a_covered_year_lists_holidays_and_makeup_days():
    out = call_command_out("calendar", "2026")
    assert "尚未发布" not in out
    assert "国庆节：2026-10-01至2026-10-07" in out
    assert "2026-10-10" in out  # 调休上班
    assert "chinese-calendar" in out


def test_loaded_schedule_is_used(schedule_file):
    call_command_out("calendar_load", str(schedule_file))
    by_key = {e["key"]: e["statutory_holiday"] for e in festivals(2027)}
    assert by_key["mid_autumn"] is True
    assert by_key["teachers_day"] is False
    out = call_command_out("calendar", "2027")
    assert "尚未发布" not in out
    assert "中秋节：2027-09-15至2027-09-17" in out
    assert "管理员载入" in out


@pytest.mark.parametrize("year", ["1949", "2101", "abc"])
def test_bad_year_is_refused(year):
    with pytest.raises(CommandError, match="年份") as raised:
        call_command("calendar", year)
    assert raised.value.returncode == 2


# --- calendar load ---------------------------------------------------------------------------


def test_load_stores_ranges_and_workdays(schedule_file):
    out = call_command_out("calendar_load", str(schedule_file))
    assert "已载入2027年法定节假日安排（3个节假日）" in out
    row = HolidaySchedule.objects.get(year=2027)
    assert row.source == "测试用：2027年部分节假日安排"
    assert [r.name for r in row.ranges.all()] == ["春节", "中秋节", "国庆节"]
    national = row.ranges.get(name="国庆节")
    assert [str(d.date) for d in national.workdays.all()] == ["2027-09-26", "2027-10-09"]


def test_loading_again_replaces_the_year(schedule_file, tmp_path):
    call_command_out("calendar_load", str(schedule_file))
    smaller = tmp_path / "again.toml"
    smaller.write_text(SCHEDULE_2027.split('[[holiday]]\nname = "中秋节"')[0], encoding="utf-8")
    call_command_out("calendar_load", str(smaller))
    assert [r.name for r in HolidaySchedule.objects.get(year=2027).ranges.all()] == ["春节"]


MALFORMED = {
    "syntax": "year = 2027\n[[holiday]\n",
    "date outside year": SCHEDULE_2027.replace("end = 2027-10-07", "end = 2028-01-02"),
    "overlap": SCHEDULE_2027.replace(
        "start = 2027-09-15\nend = 2027-09-17", "start = 2027-02-11\nend = 2027-02-12"
    ),
    "weekday as makeup": SCHEDULE_2027.replace("2027-09-26", "2027-09-27"),
    "unknown key": SCHEDULE_2027.replace('source = "', 'sauce = "'),
}


@pytest.mark.parametrize("text", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_file_changes_nothing(schedule_file, tmp_path, text):
    call_command_out("calendar_load", str(schedule_file))
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("calendar_load", str(bad))
    assert raised.value.returncode == 2
    row = HolidaySchedule.objects.get()
    assert row.ranges.count() == 3


def test_year_built_into_chinese_calendar_is_refused(tmp_path):
    path = tmp_path / "2026.toml"
    path.write_text(
        'year = 2026\n[[holiday]]\nname = "元旦"\nstart = 2026-01-01\nend = 2026-01-01\n'
    )
    with pytest.raises(CommandError, match="已内置"):
        call_command("calendar_load", str(path))
    assert not HolidaySchedule.objects.exists()


def test_json_file_is_accepted(tmp_path):
    path = tmp_path / "2027.json"
    path.write_text(
        json.dumps(
            {
                "year": 2027,
                "holiday": [{"name": "春节", "start": "2027-02-05", "end": "2027-02-12"}],
            }
        ),
        encoding="utf-8",
    )
    call_command_out("calendar_load", str(path))
    assert HolidaySchedule.objects.get().ranges.get().end.isoformat() == "2027-02-12"


# --- the real console command: one line, exit 2 ----------------------------------------------


def test_cli_bad_year_one_line(cli_database):
    assert_one_line_exit_2(run_cli("calendar", "1949", env=cli_database), "1950到2100")


def test_cli_json_is_pure_json_with_notice_on_stderr(cli_database):
    result = run_cli("calendar", "2027", "--json", env=cli_database)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"date": "2027-09-15", "name": "中秋节", "key": "mid_autumn", "lunar": True,
            "statutory_holiday": None} in data  # fmt: skip
    assert "尚未发布/载入" in result.stderr


def test_cli_load_missing_and_malformed_file(cli_database, tmp_path):
    assert_one_line_exit_2(
        run_cli("calendar", "load", str(tmp_path / "none.toml"), env=cli_database), "找不到"
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(MALFORMED["overlap"], encoding="utf-8")
    assert_one_line_exit_2(run_cli("calendar", "load", str(bad), env=cli_database), "重叠")
