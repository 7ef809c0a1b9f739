"""``unionplan welfare check --org ORG --member ID --kind KIND --amount N --date D [--json]``.

``--kind hardship`` checks aid (``--aid``, default 生活救助) against the household's caps on
the member's approved hardship file of that year, as the file's payment page does.
"""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.welfare import hardship_services as hardship
from unionplan.welfare import services
from unionplan.welfare.management.commands._arguments import add_gift_arguments, read_gift


class Command(UnionplanCommand):
    help = "按经费规则核对一笔慰问是否允许（不登记）"

    def add_arguments(self, parser):
        add_gift_arguments(parser)

    def run(self, *args, **options):
        org, member, kind, amount, day = read_gift(options)
        if kind == "hardship":
            decision = hardship.decide_aid(
                hardship.approved_file(member, day.year), options["aid"], amount, day,
                options["school_level"],
            )  # fmt: skip
        else:
            decision = services.decide(
                org, member, kind, amount, day,
                illness=options["illness"], form=options["form"], occasion=options["occasion"],
            )  # fmt: skip
        if options["json"]:
            self.stdout.write(json.dumps(decision.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(("允许：" if decision.allowed else "不允许：") + decision.reason)
