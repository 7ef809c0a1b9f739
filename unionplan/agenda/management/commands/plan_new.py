"""``unionplan plan new --org ORG_ID --year YEAR [--sector SECTOR] [--title T]``.

Creates a complete, dated draft plan from the sector's activity library (the org's own
sector unless another is given). Bad input — an org that does not exist, an unknown sector,
a year outside 1950–2100, a title already used — is one line and exit 2, nothing saved.
"""

from unionplan.agenda import drafts, holidays
from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization


class Command(UnionplanCommand):
    help = "按行业活动库为工会生成带具体日期的年度工作计划草稿"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, metavar="ORG_ID", help="工会编号")
        parser.add_argument("--year", required=True, metavar="YEAR", help="计划年度（1950–2100）")
        parser.add_argument(
            "--sector",
            metavar="SECTOR",
            help="行业：enterprise、school、hospital、agency、"
            "community、federation、other（默认取工会的行业）",
        )
        parser.add_argument("--title", default="", help="计划标题（默认“{年度}年{工会}工作计划”）")

    def run(self, *args, org: str, year: str, sector=None, title: str = "", **options):
        organization = _organization(org)
        calendar = holidays.calendar()
        draft = drafts.build(organization, year, sector, title=title, calendar=calendar)
        try:
            plan = drafts.save(organization, draft)
        except UserInputError as error:
            raise UserInputError(f"{error.message}（可用 --title 指定另一个标题）") from None
        dated = sum(1 for item in draft.items if item.date)
        self.stdout.write(
            f"已新建计划“{plan.title}”（编号{plan.pk}）：{len(draft.sections)}个部分，"
            f"{len(draft.all_targets())}个目标，{len(draft.items)}项活动（{dated}项已定日期）。"
        )
        if notice := holidays.notice(plan.year, calendar):
            self.stdout.write(f"注意：{notice}")


def _organization(value: str) -> Organization:
    try:
        pk = int(str(value).strip())
    except ValueError:
        raise UserInputError(f"工会编号应为整数，而不是“{value}”。") from None
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None:
        raise UserInputError(f"编号为{pk}的工会不存在。")
    return organization
