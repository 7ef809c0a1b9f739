"""``unionplan calendar load FILE``: store a year's official holiday schedule.

For a year ``chinese-calendar`` does not cover yet: the operator types the State Council
notice into a small TOML or JSON file (format: ``unionplan.calendar.schedule_file``). The
file is checked completely before anything is stored; a malformed one changes nothing.
"""

from unionplan.agenda import holidays
from unionplan.core.management.base import UnionplanCommand


class Command(UnionplanCommand):
    help = "载入某年的法定节假日安排文件（TOML或JSON，按国务院办公厅通知填写）"

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="节假日安排文件（.toml或.json）")

    def run(self, *args, file: str, **options):
        row = holidays.load_file(file, loaded_by="命令行")
        schedule = holidays.as_library(row)
        self.stdout.write(f"已载入{row.year}年法定节假日安排（{len(schedule.periods)}个节假日）：")
        for line in holidays.describe(schedule):
            self.stdout.write(f"  {line}")
        self.stdout.write("已有计划的活动日期不会自动改变；新生成的计划草稿将按此安排。")
