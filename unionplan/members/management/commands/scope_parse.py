"""``unionplan scope parse TEXT``: the scope language's reading of a 参加范围, as JSON."""

import json

from unionplan.core.management.base import UnionplanCommand
from unionplan.scope import parse_scope


class Command(UnionplanCommand):
    help = "解析参加范围文字，输出 JSON（不需要数据库）"
    requires_database = False
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("text", help="参加范围，例如“70周岁以上退休老教师”")

    def run(self, *args, text: str, **options):
        document = parse_scope(text).to_json()
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
