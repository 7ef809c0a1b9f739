"""``unionplan welfare give …`` (the arguments of ``welfare check``) records the gift.

Refused by the rules: exit 2 with the reason, nothing recorded. ``--override REASON``
records it over the cap, keeping the reason on the entry. ``--kind hardship`` pays aid on
the member's approved hardship file (after its 公示, within the household's caps, never over
them: no override).
"""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.welfare import hardship_services as hardship
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
        if kind == "hardship":
            self.pay_aid(member, amount, day, options)
            return
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

    def pay_aid(self, member, amount, day, options) -> None:
        if options["override"] is not None:
            raise UserInputError("困难帮扶不能超标发放，--override 不适用。")
        file = hardship.approved_file(member, day.year)
        entry, decision = hardship.pay(
            file, options["aid"], amount, day, None, school_level=options["school_level"],
            received_by=options["received_by"], signed=options["signed"],
        )  # fmt: skip
        if options["json"]:
            self.stdout.write(
                json.dumps({**decision.as_dict(), "entry": entry.pk}, ensure_ascii=False)
            )
        else:
            self.stdout.write(f"已登记（第 {entry.pk} 号）：{decision.reason}")
