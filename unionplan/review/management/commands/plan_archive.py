"""``unionplan plan archive --year YEAR [--org ORG]``: at year end, file away (已归档) every
approved plan of a past year, of ORG and the unions below it or of all; read only for good.

Plans not yet approved are left as they are and listed; running it again changes nothing.
"""

from django.utils import timezone

from unionplan.calendar.years import check_year
from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.orgs.lookup import find_org
from unionplan.review import services


class Command(UnionplanCommand):
    help = "年度结束后归档已通过的年度工作计划（归档后只读）"

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, metavar="YEAR", help="计划年度")
        parser.add_argument(
            "--org",
            default="",
            metavar="ORG",
            help="只归档这个工会及其下级工会的计划（编号或名称）",
        )

    def run(self, *args, year: str, org: str, **options):
        year_number = check_year(year)
        if year_number >= timezone.localdate().year:
            raise UserInputError(f"{year_number}年度尚未结束，年度结束后才能归档。")
        archived, left = services.archive_year(year_number, find_org(org) if org else None)
        for line in left:
            self.stderr.write(f"未归档：{line}")
        self.stdout.write(f"已归档{year_number}年度计划{archived}份，未归档{len(left)}份。")
