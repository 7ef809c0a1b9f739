"""``unionplan plan adjust PLAN_ID --user USERNAME --reason TEXT``: open a 调整 of an
approved plan (it goes back to 草稿, the approved content kept for the comparison)."""

from unionplan.core.management.base import UnionplanCommand
from unionplan.plans.lookup import plan_named
from unionplan.review import services
from unionplan.review.management.commands._common import user_named


class Command(UnionplanCommand):
    help = "申请调整已通过的工作计划"

    def add_arguments(self, parser):
        parser.add_argument("plan_id", metavar="PLAN_ID", help="计划编号")
        parser.add_argument("--user", required=True, metavar="USERNAME", help="申请人的用户名")
        parser.add_argument("--reason", default="", metavar="TEXT", help="调整原因（必填）")

    def run(self, *args, plan_id: str, user: str, reason: str, **options):
        plan = plan_named(plan_id)
        revision = services.adjust(plan, user_named(user), reason)
        self.stdout.write(
            f"已开始第{revision.number}次调整：{plan.title}（原计划第{revision.base_version}版已保留）"
        )
