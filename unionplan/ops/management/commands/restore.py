"""``unionplan restore``: put back what ``unionplan backup`` saved; a bad archive changes nothing."""

import os
from pathlib import Path

from unionplan.core.management.base import UnionplanCommand
from unionplan.ops import backup


class Command(UnionplanCommand):
    help = "从 unionplan backup 的备份文件恢复（先检查完整，再替换）"
    requires_database = False  # restoring into a fresh folder is what it is for

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="备份文件（.tar.gz）")

    def run(self, *args, archive: Path, **options):
        manifest = backup.restore(archive)
        self.stdout.write(
            f"已从 {archive} 恢复（备份时间 {manifest['created']}）。请重新启动网页服务。"
        )
        if os.environ.get("UNIONPLAN_SECRET_KEY"):
            self.stdout.write(
                "注意：环境变量 UNIONPLAN_SECRET_KEY 已设置，它优先于恢复的 var/secret_key；"
                "如与备份时不同，所有人需要重新登录。"
            )
