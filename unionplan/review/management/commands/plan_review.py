"""``unionplan plan review PLAN_ID --user USERNAME (--approve | --return) [--comment TEXT]
[--meeting-date YYYY-MM-DD]``: approve or return a submitted plan (returning needs a comment;
a top-level organization's approval needs the date of its committee meeting)."""

import datetime as dt

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.plans.lookup import plan_named
from unionplan.review import services
from unionplan.review.management.commands._common import user_named


class Command(UnionplanCommand):
    help = "审批工作计划：通过或退回（退回须填写意见）"

    def add_arguments(self, parser):
        parser.add_argument("plan_id", metavar="PLAN_ID", help="计划编号")
        parser.add_argument("--user", required=True, metavar="USERNAME", help="审批人的用户名")
        decision = parser.add_mutually_exclusive_group(required=True)
        decision.add_argument("--approve", action="store_true", help="通过")
        decision.add_argument("--return", dest="return_", action="store_true", help="退回")
        parser.add_argument("--comment", default="", metavar="TEXT", help="审批意见")
        parser.add_argument(
            "--meeting-date",
            default=None,
            metavar="YYYY-MM-DD",
            help="委员会会议日期（顶级工会自行审批时必填）",
        )

    def run(self, *args, plan_id, user, approve, return_, comment, meeting_date, **options):
        plan = plan_named(plan_id)
        reviewer = user_named(user)
        step = services.review(
            plan,
            reviewer,
            approve=approve,
            comment=comment,
            meeting_date=_date(meeting_date),
        )
        word = "已通过" if step.state == "approved" else "已退回"
        self.stdout.write(f"{word}：{plan.title}（第{step.version}版）")


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserInputError(f"会议日期“{text}”无效，应为 YYYY-MM-DD。") from None
