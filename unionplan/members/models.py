"""The member registry (会员名册): members, their tags and children, and the export log.

Scale decides the shape: a city federation holds about a million members and a scope such as
“70周岁以上退休职工” must be counted across it in well under a second. So:

- ``org_key`` is the member's organization ``path`` without its slashes (fixed-width ids,
  root first, digits only). "Everyone under this federation" is then the range
  ``[key, next_key)`` on an indexed column, which every database and every collation orders
  the same way (digits only; a ``/`` could be ignored by some collations).
- ``tree_root`` (the first id of that path) carries the uniqueness rule: one ID number once per
  organization tree, so a person moving between two schools of one district federation is
  updated, not duplicated, while two unrelated federations never see each other's rows.
- Ages are birth-date ranges (indexable), and ``birth_month`` is stored so that
  “当月过生日的会员” is an index lookup instead of a date function over every row;
  ``new_hire_date`` (the hire date, else the joining date) likewise for “新入职职工”.
- Tags go through an explicit table indexed by (tag, member) so that a tag filter is an index
  range, and children are a table indexed by (member, birth_date) for the Exists subquery and
  carry their parent's ``org_key`` too, so that children by age under a federation are one
  index range.

``org_key`` and ``tree_root`` are kept in step when an organization moves (``signals.py``),
and a child's ``org_key`` when its parent moves (``Member.save``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan import vocab
from unionplan.core.choices import translated
from unionplan.idcard import mask_id_number, mask_phone
from unionplan.orgs.models import Organization

# The vocabulary's words (unionplan.vocab), shared with the scope language and the roster.
GENDERS = translated(vocab.GENDERS)
STATUSES = translated(vocab.MEMBER_STATUSES)
STANDINGS = translated(vocab.MEMBERSHIP_STANDINGS)
SECONDMENTS = translated(vocab.SECONDMENTS)
ID_WIDTH = 8  # Organization.path writes each id with eight digits


def org_key_of(org: Organization) -> str:
    """The digits-only key of ``org``'s path: the prefix shared by everything below it."""
    return org.path.replace("/", "")


def tree_root_of(org: Organization) -> int:
    return int(org_key_of(org)[:ID_WIDTH])


def next_key(key: str) -> str:
    """The smallest key of the same width after every key that starts with ``key``."""
    return str(int(key) + 1).zfill(len(key))


class Tag(models.Model):
    """A label on a member (劳模, 困难职工, 退役军人, 工会干部, 职工代表…), shared by all unions."""

    name = models.CharField(_("名称"), max_length=30, unique=True)

    class Meta:
        verbose_name = _("标签")
        verbose_name_plural = _("标签")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MemberQuerySet(models.QuerySet):
    def under(self, org: Organization) -> MemberQuerySet:
        """Members of ``org`` and of every union below it (one index range)."""
        key = org_key_of(org)
        return self.filter(org_key__gte=key, org_key__lt=next_key(key))


class ChildQuerySet(models.QuerySet):
    def under(self, org: Organization) -> ChildQuerySet:
        """Children of the members of ``org`` and of every union below it (one index range)."""
        key = org_key_of(org)
        return self.filter(org_key__gte=key, org_key__lt=next_key(key))


class Member(models.Model):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("工会"),
        on_delete=models.PROTECT,
        related_name="members",
        db_index=False,  # member_org_dept starts with it
    )
    org_key = models.CharField(max_length=255, editable=False)
    tree_root = models.BigIntegerField(editable=False)
    name = models.CharField(_("姓名"), max_length=50)
    gender = models.CharField(_("性别"), max_length=6, choices=GENDERS, blank=True)
    birth_date = models.DateField(_("出生日期"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    id_number = models.CharField(_("身份证号"), max_length=18)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    department = models.CharField(_("部门"), max_length=100, blank=True)
    post = models.CharField(_("职务/岗位"), max_length=100, blank=True)
    # Database defaults on status and note too: an import leaves out the columns its file
    # does not have (bulk_write.insert_new), and the database fills them in.
    status = models.CharField(
        _("状态"), max_length=12, choices=STATUSES, default="active", db_default="active"
    )
    joined_at = models.DateField(_("入会时间"), null=True, blank=True)
    # When the member started at this workplace (入职), for 新入职 scopes; not 入会时间 (a
    # transferred member keeps an old union card) nor 参加工作时间 (the first job anywhere).
    hired_on = models.DateField(_("入职时间"), null=True, blank=True)
    # What a 新入职 scope compares: the hire date, else the day of joining the union. Stored
    # (and in the covering index) so that counting new hires over a federation reads the
    # index, as an age bound does, instead of a million rows.
    new_hire_date = models.DateField(null=True, blank=True, editable=False)
    note = models.CharField(_("备注"), max_length=500, blank=True, default="", db_default="")
    # 会籍 and what the fund rules ask of it (see unionplan.welfare.services.qualification):
    # collective welfare goes to members in good standing who pay 会费 and whose wages are
    # in the fund base, and to seconded or agency staff in one place only.
    # The database defaults too: rows written by raw SQL (the benchmarks' loaders) that
    # leave these columns out are members in good standing, not seconded.
    standing = models.CharField(
        _("会籍"), max_length=16, choices=STANDINGS, default="normal", db_default="normal"
    )
    standing_since = models.DateField(_("会籍变动日期"), null=True, blank=True)
    dues_paid_through = models.DateField(_("会费缴至"), null=True, blank=True)  # a month's 1st
    in_fund_base = models.BooleanField(_("工资列入经费计提基数"), null=True, blank=True)
    secondment = models.CharField(
        _("借调/派遣"), max_length=10, choices=SECONDMENTS, blank=True, default="", db_default=""
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("标签"), through="MemberTag", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("会员")
        verbose_name_plural = _("会员")
        ordering = ["department", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tree_root", "id_number"], name="member_unique_id_number_per_tree"
            ),
        ]
        indexes = [
            # The member list of one union, in its printed order.
            models.Index(fields=["organization", "department", "name"], name="member_org_dept"),
            # Scopes over a union or a federation: the org_key range, then every condition a
            # scope puts on the member row itself, so counts read the index and not the table
            # (birth_date first: an age bound narrows the range scanned within the subtree).
            # new_hire_date (新入职) and organization (基层工会…, 总工会机关, 企业职工) too.
            models.Index(
                fields=[
                    "org_key",
                    "birth_date",
                    "gender",
                    "status",
                    "post",
                    "new_hire_date",
                    "organization",
                ],
                name="member_key_cover",
            ),
            # 当月生日: seek the month, then the org_key range, inside the index.
            models.Index(fields=["birth_month", "org_key"], name="member_bmonth_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.fill_derived()
        existed = self.pk is not None
        super().save(*args, **kwargs)
        if existed:  # a member moved to another union takes its children's org_key along
            Child.objects.filter(member=self).exclude(org_key=self.org_key).update(
                org_key=self.org_key
            )

    def fill_derived(self, org: Organization | None = None) -> None:
        """Set the denormalised columns (bulk writes call this, as they skip ``save``)."""
        org = org or self.organization
        self.org_key = org_key_of(org)
        self.tree_root = tree_root_of(org)
        self.birth_month = self.birth_date.month if self.birth_date else None
        self.new_hire_date = self.hired_on or self.joined_at

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone) if self.phone else ""


class MembershipChange(models.Model):
    """One change of a member's 会籍, kept when the member moves on (一次入会、动态接转).

    ``organization`` is the union the member belonged to when it changed; a transfer names
    both unions (``from_organization`` → ``to_organization``) and is listed by both.
    """

    member = models.ForeignKey(
        Member, verbose_name=_("会员"), on_delete=models.CASCADE, related_name="standing_changes"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT, related_name="+"
    )
    standing = models.CharField(_("会籍"), max_length=16, choices=STANDINGS)
    date = models.DateField(_("日期"))
    from_organization = models.ForeignKey(
        Organization, verbose_name=_("转出工会"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    to_organization = models.ForeignKey(
        Organization, verbose_name=_("转入工会"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("会籍变动")
        verbose_name_plural = _("会籍变动")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.member_id} {self.get_standing_display()} {self.date}"


class MemberTag(models.Model):
    # Both single-column indexes are covered by the two composite ones below.
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="member_tags", db_index=False
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.PROTECT, related_name="member_tags", db_index=False
    )

    class Meta:
        verbose_name = _("会员所贴标签")
        verbose_name_plural = _("会员所贴标签")
        constraints = [
            models.UniqueConstraint(fields=["member", "tag"], name="member_tag_once"),
        ]
        indexes = [models.Index(fields=["tag", "member"], name="membertag_tag_member")]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.tag_id}"


class Child(models.Model):
    """A member's child, for 金秋助学 and “14岁以下职工子女”."""

    member = models.ForeignKey(
        Member,
        verbose_name=_("会员"),
        on_delete=models.CASCADE,
        related_name="children",
        db_index=False,  # child_member_birth starts with it
    )
    # The parent's org_key, copied so that “14岁以下职工子女” over a federation is one index
    # range over the children themselves instead of a probe of the parent per child (232,000
    # children under 14 in a federation of a million: 0.7-1.2 s -> tens of ms).
    org_key = models.CharField(max_length=255, editable=False, default="")
    name = models.CharField(_("姓名"), max_length=50)
    birth_date = models.DateField(_("出生日期"))

    objects = ChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("子女")
        verbose_name_plural = _("子女")
        ordering = ["birth_date"]
        indexes = [
            models.Index(fields=["member", "birth_date"], name="child_member_birth"),
            # Children of a union or a federation by age: the org_key range, the birth-date
            # bound inside it, and member_id for checking the parent without the table.
            models.Index(fields=["org_key", "birth_date", "member"], name="child_key_birth"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.org_key = self.member.org_key
        super().save(*args, **kwargs)


class ExportLog(models.Model):
    """One export of personal data: who, when, what, how many rows, masked or not."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("用户"), max_length=150)
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    what = models.CharField(_("内容"), max_length=300)
    rows = models.PositiveIntegerField(_("行数"))
    masked = models.BooleanField(_("已脱敏"))

    class Meta:
        verbose_name = _("导出记录")
        verbose_name_plural = _("导出记录")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.what}"
