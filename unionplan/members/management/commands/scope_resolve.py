"""``unionplan scope resolve TEXT --org ORG_ID [--date D] [--list]``.

Prints the number of participants on the first line (a bare integer, easy to read from a
script) and, with ``--list``, one tab-separated line per person with the ID number masked
(per union for a scope of unions such as 各基层工会).

Words the scope language cannot read are never dropped silently: they are printed on stderr
as a warning, the count covers the understood part only, and the exit status stays 0 (the
command did what it was asked; the warning says how far to trust it). The names of a
困难职工 scope (from the hardship files) are personal data: counted here, listed only on the
page, to those who may see the files.
"""

import re
from datetime import date

from django.utils import timezone

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.members.participants import Participants, resolve
from unionplan.orgs.models import Organization

MEMBER_COLUMNS = ["序号", "姓名", "性别", "出生日期", "部门", "身份证号", "工会"]
CHILD_COLUMNS = ["序号", "子女姓名", "出生日期", "会员", "部门"]
UNION_COLUMNS = ["序号", "工会", "上级工会"]


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise UserInputError(f"日期“{text}”不存在，请检查月份和日") from None
        raise UserInputError(f"日期“{text}”格式不对，应写作 YYYY-MM-DD，例如 2027-03-01") from None


def find_organization(org_id: str) -> Organization:
    organization = Organization.objects.filter(pk=org_id).first() if org_id.isdigit() else None
    if organization is None:
        raise UserInputError(f"找不到编号为 {org_id} 的工会（用工会页面地址里的数字）")
    return organization


class Command(UnionplanCommand):
    help = "按参加范围统计人数（--list 列出名单，身份证号脱敏）"

    def add_arguments(self, parser):
        parser.add_argument("text", help="参加范围，例如“70周岁以上退休老教师”")
        parser.add_argument("--org", required=True, help="工会编号")
        parser.add_argument("--date", help="计算年龄的日期 YYYY-MM-DD（默认今天）")
        parser.add_argument("--list", action="store_true", help="列出名单")

    def run(self, *args, text: str, org: str, date: str | None, list: bool, **options):
        on_date = parse_date(date) if date else timezone.localdate()
        participants = resolve(find_organization(org), text, on_date)
        if list and participants.names_hardship:
            raise UserInputError(
                "困难职工名单属于个人信息，命令行不列出；请在网页上由可查看困难职工档案的人员"
                "查看（不加 --list 只给出人数）"
            )
        if not participants.complete:
            words = "、".join(f"“{word}”" for word in participants.scope.unresolved)
            self.stderr.write(f"警告：未能理解 {words}；人数只按已理解的部分计算，请核对。")
            for note in participants.scope.notes:
                self.stderr.write(f"说明：{note}。")
        self.stdout.write(str(participants.count()))
        if list:
            self._write_list(participants)

    def _write_list(self, participants: Participants) -> None:
        if participants.for_unions:
            self.stdout.write("\t".join(UNION_COLUMNS))
            unions = participants.unions.select_related("parent").order_by("path")
            for number, union in enumerate(unions, 1):
                parent = union.parent.name if union.parent else ""
                self.stdout.write("\t".join([str(number), union.name, parent]))
            return
        if participants.for_children:
            self.stdout.write("\t".join(CHILD_COLUMNS))
            children = participants.children.select_related("member").order_by("member", "pk")
            for number, child in enumerate(children.iterator(), 1):
                member = child.member
                row = [number, child.name, child.birth_date, member.name, member.department]
                self.stdout.write("\t".join(str(value) for value in row))
            return
        self.stdout.write("\t".join(MEMBER_COLUMNS))
        members = participants.members.select_related("organization").order_by("org_key", "pk")
        for number, member in enumerate(members.iterator(), 1):
            row = [
                number,
                member.name,
                member.get_gender_display(),
                member.birth_date or "",
                member.department,
                member.masked_id_number,
                member.organization.name,
            ]
            self.stdout.write("\t".join(str(value) for value in row))
