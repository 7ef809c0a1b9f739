"""``unionplan plan parse FILE [--simplified]``: a document -> the JSON of DESIGN.md §5."""

import json
from pathlib import Path

from unionplan.core.management.base import UnionplanCommand
from unionplan.text import parse_path


class Command(UnionplanCommand):
    help = "解析计划文档（.txt/.md/.html/.docx），输出 JSON；不读写数据库"
    requires_database = False
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="要解析的文件")
        parser.add_argument("--simplified", action="store_true", help="繁体转为简体")

    def run(self, *args, file: str, simplified: bool, **options):
        result = parse_path(Path(file), simplified=simplified)
        self.stdout.write(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=1))
