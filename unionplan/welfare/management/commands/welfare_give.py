"""``unionplan welfare give …`` (the arguments of ``welfare check``) records the gift.

Refused by the rules: exit 2 with the reason, nothing recorded. ``--override REASON``
records it over the cap, keeping the reason on the entry.
"""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.welfare import services
from unionplan.welfare.management.commands._arguments import add_gift_arguments, read_gift


class Command(UnionplanCommand):
    help = "登记一笔慰问（按经费规则核对，超标须 --override 写明理由）"

    def add_arguments(self, parser):
        add_gift_arguments(parser)
        parser.add_argument("--override", default=None, help="超标发放的理由")
        parser.add_argument("--reason", default="", help="事由")
        parser.add_argument("--approved-by", default="", help="审批人")
        parser.add_argument("--received-by", default="", help="签收人")
        parser.add_argument("--signed", action="store_true", help="已实名签收")

    def run(self, *args, **options):
        org, member, kind, amount, day = read_gift(options)
        entry, decision = services.record(
            org, member, kind, amount, day,
            illness=options["illness"], form=options["form"], occasion=options["occasion"],
            reason=options["reason"], approved_by=options["approved_by"],
            received_by=options["received_by"], signed=options["signed"],
            override_reason=options["override"],
        )  # fmt: skip
        if options["json"]:
            self.stdout.write(
                json.dumps({**decision.as_dict(), "entry": entry.pk}, ensure_ascii=False)
            )
        elif decision.allowed:
            self.stdout.write(f"已登记（第 {entry.pk} 号）：{decision.reason}")
        else:
            self.stdout.write(
                f"已超标登记（第 {entry.pk} 号，理由：{entry.override_reason}）：{decision.reason}"
            )
