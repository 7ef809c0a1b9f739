"""``unionplan welfare plan PLAN_ID [--json]``: the plan's welfare items against the fund rules."""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.plans.models import Plan
from unionplan.welfare import services


class Command(UnionplanCommand):
    help = "按经费规则检查计划中的慰问项目（人均金额、全年节日合计）"

    def add_arguments(self, parser):
        parser.add_argument("plan", help="计划编号")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def run(self, *args, plan: str, **options):
        found = (
            Plan.objects.select_related("organization").filter(pk=plan).first()
            if plan.isdigit()
            else None
        )
        if found is None:
            raise UserInputError(f"找不到编号为 {plan} 的计划")
        warnings = services.plan_warnings(found)
        if options["json"]:
            rows = [
                {"item": w.text, "message": w.message, "per_person": float(w.per_person),
                 "cap": float(w.cap), "rule": {"document": w.document, "article": w.article}}
                for w in warnings
            ]  # fmt: skip
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        if not warnings:
            self.stdout.write("计划中的慰问项目均未超出经费规则。")
        for warning in warnings:
            self.stdout.write(f"警告：{warning.message}（依据{warning.document}{warning.article}）")
