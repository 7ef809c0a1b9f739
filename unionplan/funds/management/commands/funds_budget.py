"""``unionplan funds budget PLAN_ID --json``: a plan's budget by account line and its income."""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.funds import books
from unionplan.plans.lookup import plan_named


class Command(UnionplanCommand):
    help = "按《工会会计制度》会计科目列出计划的经费预算（支出与收入）"

    def add_arguments(self, parser):
        parser.add_argument("plan_id", metavar="PLAN_ID", help="计划编号")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def run(self, *args, plan_id: str, json: bool = False, **options):
        budget = books.plan_budget(plan_named(plan_id))
        if json:
            self.stdout.write(_dumps(budget.as_json()))
            return
        for row in budget.expenses:
            if row.amount:
                self.stdout.write(f"{row.line.label}\t{row.amount}")
        for row in budget.income:
            self.stdout.write(f"{row.line.label}\t{row.amount}")
        self.stdout.write(budget.balance.message)


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
