"""``unionplan calendar YEAR [--json]``: the year's festivals and statutory holidays.

The table is for people (with the year's holiday runs and make-up workdays, and a warning
when the year's official schedule is not known yet); ``--json`` is for programs: exactly the
list of ``Festival.to_json()``, with the warning on stderr so the output stays valid JSON.
"""

import json

from unionplan import calendar as cal
from unionplan.agenda import holidays
from unionplan.core.management.base import UnionplanCommand

WEEKDAYS = "一二三四五六日"


class Command(UnionplanCommand):
    help = "列出某年的节日（含农历节日）和法定节假日安排"

    def add_arguments(self, parser):
        parser.add_argument("year", metavar="YEAR", help="年份（1950–2100）")
        parser.add_argument("--json", action="store_true", help="以JSON输出节日列表")

    def run(self, *args, year: str, json: bool = False, **options):
        year_value = cal.check_year(year)
        calendar = holidays.calendar()
        festivals = cal.festivals_for_year(year_value, calendar)
        notice = holidays.notice(year_value, calendar)
        if json:
            if notice:
                self.stderr.write(notice)
            self.stdout.write(_json([festival.to_json() for festival in festivals]))
            return
        self.stdout.write("\n".join(table(year_value, festivals, calendar, notice)))


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def table(year: int, festivals, calendar, notice: str) -> list[str]:
    """The readable listing: festivals, then the holiday runs and make-up workdays."""
    lines = [f"{year}年节日与法定节假日", ""]
    if notice:
        lines += [f"注意：{notice}", ""]
    lines.append(f"{_pad('日期', 12)}  星期  {_pad('节日', 10)}  类型  法定假日")
    for festival in festivals:
        kind = "农历" if festival.lunar else "公历"
        if festival.key in {"qingming", "winter_solstice"}:
            kind = "节气"
        lines.append(
            f"{festival.date.isoformat():<12}  {WEEKDAYS[festival.date.weekday()]}    "
            f"{_pad(festival.name, 10)}  {kind}  {_statutory(festival.statutory_holiday)}"
        )
    lines += ["", "放假安排："]
    runs = holidays.year_days_off(year, calendar)
    lines += [f"  {run.label}" for run in runs] or ["  （未知）"]
    makeup = holidays.year_makeup_workdays(year, calendar)
    if runs:
        days = "、".join(day.isoformat() for day in makeup) or "无"
        lines.append(f"调休上班：{days}")
    source = {
        "official": "国务院办公厅通知（chinese-calendar 内置）",
        "operator": "管理员载入的放假通知",
    }
    lines.append(f"放假安排来源：{source.get(calendar.coverage(year), '无（未发布或未载入）')}")
    return lines


def _statutory(value: bool | None) -> str:
    return {True: "放假", False: "—", None: "未知"}[value]


def _pad(text: str, width: int) -> str:
    """Left-justify counting a Chinese character as two columns, so the table lines up."""
    used = sum(2 if ord(char) > 0x2E80 else 1 for char in text)
    return text + " " * max(width - used, 0)
