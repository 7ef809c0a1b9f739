"""``unionplan remind [--days 7] [--date YYYY-MM-DD]``: mail each owner their week.

Mail goes through Django's mail settings (the console by default: set
UNIONPLAN_EMAIL_BACKEND for SMTP). How 负责人 text is matched to people is documented in
``unionplan.agenda.reminders``. Meant to run from cron or a scheduled task each Monday
(or let the worker do it: ``UNIONPLAN_REMIND_AT``); running it again sends nothing twice.
"""

import datetime as dt

from django.utils import timezone

from unionplan.agenda import reminders
from unionplan.agenda.tasks import round_message
from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError

MAX_DAYS = 62


class Command(UnionplanCommand):
    help = "把未来几天的活动按负责人汇总，发邮件提醒（默认7天）"

    def add_arguments(self, parser):
        parser.add_argument("--days", default="7", help="提醒未来多少天内开始的活动（默认7）")
        parser.add_argument("--date", default="", help="从哪一天算起，YYYY-MM-DD（默认今天）")

    def run(self, *args, days: str, date: str, **options):
        start = _date(date) if date else timezone.localdate()
        round_ = reminders.collect(start, _days(days))
        for problem in round_.problems:
            self.stderr.write(f"提示：{problem}")
        if not round_.items:
            self.stdout.write(f"{round_.start}至{round_.end}没有需要提醒的活动。")
            return
        sent = reminders.send(round_)
        self.stdout.write(round_message(round_, sent))


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserInputError(f"“{value}”不是有效日期，应写作2027-03-01这样的格式。") from None


def _days(value: str) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        raise UserInputError(f"天数应为整数，而不是“{value}”。") from None
    if not 1 <= days <= MAX_DAYS:
        raise UserInputError(f"天数应在1到{MAX_DAYS}之间，而不是{days}。")
    return days
