"""``unionplan funds report --org ORG --year YEAR -o FILE.xlsx``: the year's 决算 as .xlsx."""

from pathlib import Path

from unionplan.calendar.years import check_year
from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.funds.final import final_accounts
from unionplan.orgs.lookup import find_org


class Command(UnionplanCommand):
    help = "导出工会经费收支决算表（Excel）"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, metavar="ORG", help="工会编号或名称")
        parser.add_argument("--year", required=True, metavar="YEAR", help="年度")
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="写入的文件")

    def run(self, *args, org: str, year: str, output: str, **options):
        path = Path(output)
        if path.suffix.lower() != ".xlsx":
            raise UserInputError(f"决算表须写入 .xlsx 文件，而不是“{output}”。")
        if path.is_dir():
            raise UserInputError(f"“{output}”是一个目录，请给出文件名。")
        year_number = check_year(year)
        found = final_accounts(find_org(org), year_number)
        try:
            found.write(str(path))
        except OSError as error:
            raise UserInputError(f"无法写入“{output}”：{error.strerror or error}。") from None
        self.stdout.write(f"已导出：{path}")
