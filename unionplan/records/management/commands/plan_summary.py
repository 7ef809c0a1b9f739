"""``unionplan plan summary PLAN_ID -o FILE.docx``: the year-end summary as Word."""

from pathlib import Path

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.plans.models import Plan


class Command(UnionplanCommand):
    help = "写出计划的年度工作总结（Word）"

    def add_arguments(self, parser) -> None:
        parser.add_argument("plan_id", help="计划编号")
        parser.add_argument("-o", "--output", required=True, help="输出文件（.docx）")

    def run(self, *args, **options) -> None:
        # Imported here: the summary draws charts with matplotlib, slow to load, and
        # `unionplan --help` loads every command.
        from unionplan.records.summary import summary_docx

        plan = _plan(options["plan_id"])
        out = Path(options["output"])
        if out.suffix.lower() != ".docx":
            raise UserInputError(f"输出文件应以 .docx 结尾，而不是“{out.name}”。")
        if not out.parent.exists():
            raise UserInputError(f"输出目录不存在：{out.parent}")
        out.write_bytes(summary_docx(plan))
        self.stdout.write(f"已写出 {out}")


def _plan(plan_id: str) -> Plan:
    try:
        return Plan.objects.select_related("organization").get(pk=int(plan_id))
    except (ValueError, Plan.DoesNotExist):
        raise UserInputError(f"没有编号为“{plan_id}”的计划。") from None
