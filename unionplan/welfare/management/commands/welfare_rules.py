"""``unionplan welfare rules [--province P] [--json]``: the rule packs with citations and rules."""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.fundrules import FREQUENCIES, normalize_province
from unionplan.plan.money import money
from unionplan.welfare import services


class Command(UnionplanCommand):
    help = "列出经费规则（各省实施办法）及其出处"
    requires_database = False

    def add_arguments(self, parser):
        parser.add_argument("--province", default="", help="省份，例如 安徽")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def run(self, *args, province: str, json: bool, **options):
        packs = services.packs()
        if province:
            wanted = normalize_province(province)
            packs = [p for p in packs if p.province == wanted]
            if not packs:
                raise UserInputError(f"尚无{wanted}的经费规则")
        if json:
            self.stdout.write(_json([p.as_dict() for p in packs]))
            return
        for pack in packs:
            until = f"至 {pack.in_force_until}" if pack.in_force_until else "起"
            self.stdout.write(
                f"{pack.province} {pack.document}，{pack.in_force_from} {until}，{pack.status}"
            )
            for rule in pack.rules.values():
                caps = []
                if rule.per_event:
                    caps.append(f"每次≤{money(rule.per_event)}元")
                if rule.per_person_year:
                    caps.append(f"每人每年≤{money(rule.per_person_year)}元")
                self.stdout.write(
                    f"  {rule.name}（{rule.kind}）：{'，'.join(caps)}，{FREQUENCIES[rule.frequency]}；{rule.article}"
                )


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
