"""``unionplan members import FILE --org ORG_ID [--dry-run] [--skip-bad]``.

Like the web upload, the user chooses between the good rows and nothing: when the file has
bad rows they are listed and nothing is stored unless ``--skip-bad`` says to import the good
ones. ``--dry-run`` reads, checks and counts, and stores nothing.
"""

from pathlib import Path

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.members import importing
from unionplan.members.management.commands.scope_resolve import find_organization

PROBLEM_LINES = 50


class Command(UnionplanCommand):
    help = "导入会员花名册（.xlsx/.xls/.ods/.csv），按身份证号新增或更新"

    def add_arguments(self, parser):
        parser.add_argument("file", help="花名册文件")
        parser.add_argument("--org", required=True, help="工会编号")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不保存")
        parser.add_argument("--skip-bad", action="store_true", help="有问题的行跳过，导入其余各行")

    def run(self, *args, file: str, org: str, dry_run: bool, skip_bad: bool, **options):
        organization = find_organization(org)
        path = Path(file)
        if not path.is_file():
            raise UserInputError(f"找不到文件：{file}")
        preview = importing.preview_bytes(organization, path, path.name)
        if preview.error:
            raise UserInputError(preview.error)
        self._report(preview)
        if dry_run:
            self.stdout.write("（试运行：没有保存任何数据）")
            return
        if preview.problems and not skip_bad:
            raise UserInputError(
                f"有 {preview.bad_rows} 行有问题，没有导入任何数据；"
                "请修改文件后重试，或加 --skip-bad 只导入没有问题的行"
            )
        importing.apply(organization, preview)
        self.stdout.write(f"已导入：新增 {preview.created} 人，更新 {preview.updated} 人。")

    def _report(self, preview: importing.ImportPreview) -> None:
        report = preview.report
        self.stdout.write(
            f"{report.filename}：共 {report.total_rows} 行；可导入 {len(preview.rows)} 行"
            f"（新增 {preview.created}，更新 {preview.updated}）；有问题 {preview.bad_rows} 行"
        )
        for problem in preview.problems[:PROBLEM_LINES]:
            value = f"（{problem.value}）" if problem.value else ""
            self.stdout.write(f"  第{problem.row}行 {problem.column}：{problem.message}{value}")
        if len(preview.problems) > PROBLEM_LINES:
            self.stdout.write(f"  ……另有 {len(preview.problems) - PROBLEM_LINES} 个问题未列出")
