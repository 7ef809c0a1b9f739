"""What the API says about organizations, plans and their review, in the words of the pages.

Codes (``status``, ``kind``) are stable for programs; each comes with its Chinese label
(``status_label``) as the pages show it. Money is a decimal string ("3000.00"), dates ISO.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from unionplan.orgs.models import Organization
from unionplan.plan.wording import target_label
from unionplan.plans.models import Plan, ScheduleItem, Section, Target


class OrganizationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    sector_label = serializers.CharField(source="get_sector_display", read_only=True)

    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "kind_label", "sector", "sector_label", "parent",
                  "province"]  # fmt: skip


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["id", "parent", "order", "title", "body"]


class TargetSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField(help_text="目标的完整表述，与计划页一致")

    class Meta:
        model = Target
        fields = ["id", "section", "order", "text", "comparator", "value", "value_high", "unit",
                  "label", "handed_down_from"]  # fmt: skip
        extra_kwargs = {"handed_down_from": {"help_text": "上级下达：所分解的上级工会目标的编号"}}

    def get_label(self, target: Target) -> str:
        return target_label(target.as_data())


class ItemSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = ScheduleItem
        fields = ["id", "order", "month", "end_month", "date", "end_date", "text", "scope",
                  "owner", "budget", "category", "category_label", "status",
                  "status_label"]  # fmt: skip


class PlanSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "organization", "organization_name", "year", "title", "status",
                  "status_label", "version", "updated_at"]  # fmt: skip


class PlanDetailSerializer(PlanSerializer):
    sections = SectionSerializer(many=True, read_only=True)
    targets = TargetSerializer(many=True, read_only=True)
    items = ItemSerializer(many=True, read_only=True)

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "guiding_ideas", "goals", "sections", "targets",
                  "items"]  # fmt: skip


class StepSerializer(serializers.Serializer):
    """One step of the plan's review: the command line's ``plan history --json`` row."""

    state = serializers.CharField()
    user = serializers.CharField(allow_null=True, help_text="空：命令行（运维人员）归档")
    at = serializers.DateTimeField()
    comment = serializers.CharField(allow_blank=True)
    version = serializers.IntegerField()
    meeting_date = serializers.DateField(allow_null=True)


class SubmitSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class ReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(
        choices=[("approve", "通过"), ("return", "退回")],
        error_messages={"invalid_choice": "decision 应为 approve（通过）或 return（退回）"},
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    meeting_date = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="最高一级工会：委员会会议日期"
    )
    version = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="审批人看到的计划版本"
    )


class BoardRowSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="org_id")
    name = serializers.CharField()
    parent_name = serializers.CharField()
    depth = serializers.IntegerField()
    state = serializers.CharField()
    state_label = serializers.CharField()
    plan = serializers.IntegerField(source="plan_id", allow_null=True)
    plan_title = serializers.CharField()
    submitted_on = serializers.DateField(allow_null=True)
    days = serializers.IntegerField(allow_null=True, help_text="提交至今的天数")
    targets = serializers.DictField(child=serializers.IntegerField(), help_text="按进度计数")
    budget = serializers.DecimalField(max_digits=16, decimal_places=2)
    spent = serializers.DecimalField(max_digits=16, decimal_places=2)


class BoardSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="federation.pk")
    year = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.IntegerField())
    budget = serializers.DecimalField(max_digits=18, decimal_places=2)
    spent = serializers.DecimalField(max_digits=18, decimal_places=2)
    rows = serializers.SerializerMethodField()

    @extend_schema_field(BoardRowSerializer(many=True))
    def get_rows(self, board) -> list[dict]:
        return BoardRowSerializer(board.in_state(self.context.get("state")), many=True).data


class StatisticsLineSerializer(serializers.Serializer):
    """One line of the statistics page: a branch below the federation, its own line, or the
    total (入会率 = members at work ÷ employees of the unions that record them)."""

    name = serializers.CharField()
    organizations = serializers.IntegerField(help_text="工会数")
    grassroots = serializers.IntegerField(help_text="基层工会数")
    members = serializers.IntegerField(help_text="会员人数")
    reporting = serializers.IntegerField(help_text="填报职工人数的工会数")
    employees = serializers.IntegerField(help_text="职工人数（填报的工会）")
    members_at_work = serializers.IntegerField(help_text="其中在职会员")
    rate = serializers.FloatField(allow_null=True, help_text="入会率（0–1），无职工人数时为空")
    activities = serializers.IntegerField(help_text="活动次数（活动记录）")
    participants = serializers.IntegerField(help_text="参加人次")
    welfare_count = serializers.IntegerField(help_text="慰问人次")
    welfare_amount = serializers.DecimalField(
        max_digits=18, decimal_places=2, help_text="慰问金额（元）"
    )
    campaign_people = serializers.IntegerField(help_text="送温暖、金秋助学、夏送清凉：人次")
    campaign_households = serializers.IntegerField(help_text="送温暖、金秋助学、夏送清凉：户数")
    campaign_amount = serializers.DecimalField(
        max_digits=18, decimal_places=2, help_text="送温暖、金秋助学、夏送清凉：金额（元）"
    )


class StatisticsSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    year = serializers.IntegerField()
    lines = StatisticsLineSerializer(many=True)
    total = StatisticsLineSerializer()
