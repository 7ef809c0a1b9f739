"""``unionplan plan submit PLAN_ID --user USERNAME [--comment TEXT]``: send a plan up for review."""

from unionplan.core.management.base import UnionplanCommand
from unionplan.plans.lookup import plan_named
from unionplan.review import services
from unionplan.review.management.commands._common import user_named


class Command(UnionplanCommand):
    help = "把工作计划提交上级工会审批"

    def add_arguments(self, parser):
        parser.add_argument("plan_id", metavar="PLAN_ID", help="计划编号")
        parser.add_argument("--user", required=True, metavar="USERNAME", help="提交人的用户名")
        parser.add_argument("--comment", default="", metavar="TEXT", help="提交说明")

    def run(self, *args, plan_id: str, user: str, comment: str, **options):
        plan = plan_named(plan_id)
        step = services.submit(plan, user_named(user), comment)
        self.stdout.write(f"已提交：{plan.title}（第{step.version}版）")
