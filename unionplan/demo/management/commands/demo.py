"""``unionplan demo``: load the demo data once and print how to log in."""

from unionplan.core.management.base import UnionplanCommand
from unionplan.demo import build


class Command(UnionplanCommand):
    help = "载入演示数据（已有则保留），并显示演示账号"

    def run(self, *args, **options):
        if build.demo_exists():
            self.stdout.write("演示数据已存在，保持不变。")
        else:
            build.build()
            self.stdout.write(
                "已载入演示数据：示例市总工会及其下属学校、医院、企业、机关、街道工会。"
            )
        self.stdout.write(
            f"演示账号：{build.DEMO_USER} / {build.DEMO_PASSWORD}（示例市总工会主席，可查看全部下级工会）；"
            f"{build.SCHOOL_USER} / {build.DEMO_PASSWORD}（实验小学工会主席）；"
            f"{build.AUDITOR_USER} / {build.DEMO_PASSWORD}（实验小学工会经费审查委员，审查决算）"
        )
