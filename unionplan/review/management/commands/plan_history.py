"""``unionplan plan history PLAN_ID --json``: the plan's review steps, oldest first."""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.plans.lookup import plan_named
from unionplan.review import services


class Command(UnionplanCommand):
    help = "查看工作计划的提交与审批记录"

    def add_arguments(self, parser):
        parser.add_argument("plan_id", metavar="PLAN_ID", help="计划编号")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def run(self, *args, plan_id: str, json: bool, **options):
        steps = services.history(plan_named(plan_id))
        if json:
            self.stdout.write(_dumps(steps))
            return
        if not steps:
            self.stdout.write("（尚无提交或审批记录）")
        for step in steps:
            line = (
                f"{step['at']}  {step['state']}  {step['user'] or '命令行'}  第{step['version']}版"
            )
            self.stdout.write(line + (f"  {step['comment']}" if step["comment"] else ""))


def _dumps(steps: list[dict]) -> str:
    return json.dumps(steps, ensure_ascii=False, indent=2)
