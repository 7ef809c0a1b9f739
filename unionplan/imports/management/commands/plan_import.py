"""``unionplan plan import FILE --org ORG_ID [--year Y]``: parse a document and save its plans."""

from pathlib import Path

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.imports.saving import default_year, import_plans
from unionplan.orgs.models import Organization
from unionplan.text import parse_path


class Command(UnionplanCommand):
    help = "导入计划文档，保存为工作计划（全部成功或全部不保存）"

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="要导入的文件")
        parser.add_argument("--org", type=int, required=True, help="工会编号")
        parser.add_argument("--year", type=int, help="计划年度（默认取文档中的年份，否则为明年）")
        parser.add_argument("--simplified", action="store_true", help="繁体转为简体")

    def run(self, *args, file: str, org: int, year: int | None, simplified: bool, **options):
        organization = Organization.objects.filter(pk=org).first()
        if organization is None:
            raise UserInputError(f"编号为{org}的工会不存在。")
        result = parse_path(Path(file), simplified=simplified)
        for warning in result.warnings:
            self.stderr.write(f"提示：{warning}")
        for plan in import_plans(organization, result, year=year or default_year(result)):
            self.stdout.write(f"已导入：{plan.pk}\t{plan.year}\t{plan.title}")
