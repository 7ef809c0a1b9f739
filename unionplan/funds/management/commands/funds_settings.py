"""``unionplan funds settings --org ORG --year YEAR [--wage-base …] [--income 行=金额 …]``.

Sets a union's finance figures for a year (what the income estimate needs). Every value is
checked before anything is stored: on bad input nothing changes.
"""

from django.db import transaction

from unionplan.accounting.budget import clean_figure, clean_percent, clean_typed_income
from unionplan.calendar.years import check_year
from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.funds.models import FinanceYear
from unionplan.orgs.lookup import find_org

FIGURES = {
    "wage_base": "会员工资收入总额",
    "wage_bill": "全部职工工资总额",
    "carried_over": "上年结余",
}


class Command(UnionplanCommand):
    help = "设置工会某年度的经费基数（工资总额、留成比例、上年结余、其他收入）"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, metavar="ORG", help="工会编号或名称")
        parser.add_argument("--year", required=True, metavar="YEAR", help="年度")
        parser.add_argument("--wage-base", metavar="元", help="会员工资收入总额（会费基数）")
        parser.add_argument("--wage-bill", metavar="元", help="全部职工工资总额（拨缴经费基数）")
        parser.add_argument("--retained", metavar="%", help="拨缴经费留成比例，例如60")
        parser.add_argument("--carried-over", metavar="元", help="上年结余")
        parser.add_argument(
            "--income", action="append", default=[], metavar="科目=金额", help="其他收入预算"
        )

    def run(self, *args, org: str, year: str, income: list[str], retained, **options):
        organization, year = find_org(org), check_year(year)
        changes = {
            name: clean_figure(options[name], what=what)
            for name, what in FIGURES.items()
            if options.get(name) is not None
        }
        if retained is not None:
            changes["retained_percent"] = clean_percent(retained)
        if income:
            pairs = {}
            for text in income:
                line, sep, amount = text.partition("=")
                if not sep:
                    raise UserInputError(f"其他收入应写作“科目=金额”，而不是“{text}”。")
                pairs[line.strip()] = amount
            changes["typed_income"] = {k: str(v) for k, v in clean_typed_income(pairs).items()}
        with transaction.atomic():
            finance, _created = FinanceYear.objects.get_or_create(
                organization=organization, year=year
            )
            for name, value in changes.items():
                setattr(finance, name, value)
            finance.save()
        self.stdout.write(f"已保存：{organization.name}{year}年经费设置")
