"""``unionplan plan remind [--date YYYY-MM-DD] [--federation ORG_ID]``: remind the unions
without a submitted plan of the date their federation set (see ``unionplan.review.reminders``).

Meant to run daily from cron or a scheduled task; running it again sends nothing twice.
"""

import datetime as dt

from django.utils import timezone

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization
from unionplan.review import reminders


class Command(UnionplanCommand):
    help = "提醒尚未提交年度工作计划的工会（按上级工会设定的报送截止日期）"

    def add_arguments(self, parser):
        parser.add_argument("--date", default="", help="按哪一天计算，YYYY-MM-DD（默认今天）")
        parser.add_argument(
            "--federation", default="", metavar="ORG_ID", help="只提醒这个工会联合会下的工会"
        )

    def run(self, *args, date: str, federation: str, **options):
        today = _date(date) if date else timezone.localdate()
        round_ = reminders.collect(today, _federation(federation) if federation else None)
        for problem in round_.problems:
            self.stderr.write(f"提示：{problem}")
        notified, mailed = reminders.send(round_)
        round_.problems = []  # printed above, one a line
        self.stdout.write(reminders.message(round_, notified, mailed))


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserInputError(f"“{value}”不是有效日期，应写作2027-03-01这样的格式。") from None


def _federation(value: str) -> Organization:
    found = (
        Organization.objects.filter(pk=int(value), kind="federation").first()
        if value.strip().isdigit()
        else None
    )
    if found is None:
        raise UserInputError(f"没有编号为“{value}”的工会联合会。")
    return found
