"""``unionplan plan export PLAN_ID --format docx|xlsx|ics -o FILE``: a plan as a file."""

from pathlib import Path

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.plans import exporting
from unionplan.plans.lookup import plan_named


class Command(UnionplanCommand):
    help = "把工作计划导出为 Word、Excel 或 iCal 日历文件"

    def add_arguments(self, parser):
        parser.add_argument("plan_id", metavar="PLAN_ID", help="计划编号")
        parser.add_argument(
            "--format", dest="fmt", required=True, help="导出格式：docx、xlsx 或 ics"
        )
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="写入的文件")

    def run(self, *args, plan_id: str, fmt: str, output: str, **options):
        fmt = fmt.strip().lower().lstrip(".")
        if fmt not in exporting.FORMATS:
            raise UserInputError(f"不支持的导出格式“{fmt}”，可用：{'、'.join(exporting.FORMATS)}。")
        plan = plan_named(plan_id)
        path = Path(output)
        if path.is_dir():
            raise UserInputError(f"“{output}”是一个目录，请给出文件名。")
        content, _name, _type = exporting.export(plan, fmt)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise UserInputError(f"无法写入“{output}”：{error.strerror or error}。") from None
        self.stdout.write(f"已导出：{path}（{len(content)}字节）")
