"""Between the database and ``unionplan.plan.data``: the one place plans cross that line.

Exports read a plan as PlanData; imports, the generator and "copy last year's plan" write
PlanData into the database. Writing is one transaction: a failure leaves nothing behind.
"""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from unionplan import vocab
from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization
from unionplan.plan.checks import check_item, check_target, clean_section_title, clean_title
from unionplan.plan.data import MAX_TEXT_LENGTH, ItemData, PlanData, SectionData, TargetData
from unionplan.plan.money import clean_budget
from unionplan.plans.models import Plan, ScheduleItem, Section, Target
from unionplan.plans.outline import Outline, SectionNode, build_outline
from unionplan.plans.titles import check_title_free, duplicate_title_message


def plan_to_data(plan: Plan, outline: Outline | None = None) -> PlanData:
    """``plan`` as PlanData; pass its ``outline`` when you already have it (no queries)."""
    outline = outline or build_outline(plan)

    def section_data(node: SectionNode) -> SectionData:
        return SectionData(
            title=node.section.title,
            body=node.section.body,
            children=[section_data(child) for child in node.children],
            targets=[target.as_data() for target in node.targets],
        )

    return PlanData(
        title=plan.title,
        year=plan.year,
        organization=plan.organization.name,
        status=plan.status,
        guiding_ideas=plan.guiding_ideas,
        goals=plan.goals,
        sections=[section_data(node) for node in outline.sections],
        targets=[target.as_data() for target in outline.loose_targets],
        items=[item.as_data() for item in outline.items],
        signed_on=signed_on(plan),
        edition=edition(plan),
    )


# An approved plan stays approved when it is archived at the year's end: its 落款 keeps the day.
DECIDED = frozenset({"approved", "archived"})


def edition(plan: Plan) -> str:
    """（已通过，第3版，2027年1月16日批准）: the state an export comes from, the version the last
    review step applied to and, once approved, the day; （草稿） for a plan being written."""
    if not plan.pk:
        return ""
    state = vocab.label(vocab.PLAN_STATUSES, plan.status)
    step = plan.steps.order_by("-at", "-id").first()
    if plan.status == "draft" or step is None:
        return f"（{state}）"
    parts = [state, f"第{step.version}版"]
    if plan.status in DECIDED and (day := signed_on(plan)):
        parts.append(f"{day.year}年{day.month}月{day.day}日批准")
    return f"（{'，'.join(parts)}）"


def signed_on(plan: Plan):
    """The 落款 date: the day an approved plan was approved (a top-level union's committee
    meeting), else the day the plan was written.

    The approval is a step of the review app, above this one: read through the reverse
    relation of its foreign key, not imported.
    """
    if plan.status in DECIDED and plan.pk:
        step = plan.steps.filter(state="approved").order_by("-at", "-id").first()
        if step is not None:
            return step.meeting_date or timezone.localdate(step.at)
    return timezone.localdate(plan.created_at) if plan.created_at else None


def create_plan(organization: Organization, data: PlanData, *, year: int) -> Plan:
    """Save ``data`` as a new plan of ``organization`` for ``year``; all or nothing.

    Every new plan (blank, copied, generated, imported, the demo's) is saved here, so the
    rule of one title per organization and year is checked here, with its one message —
    also when someone else took the title between the check and the save.
    Raises UserInputError (from unionplan.plan.checks) for content that cannot be stored.
    """
    title = clean_title(data.title, what="计划标题")
    check_title_free(organization, year, title)
    try:
        with transaction.atomic():
            return _create_plan(organization, data, title, year)
    except IntegrityError:
        raise UserInputError(duplicate_title_message(year, title)) from None


def _create_plan(organization: Organization, data: PlanData, title: str, year: int) -> Plan:
    plan = Plan.objects.create(
        organization=organization,
        year=year,
        title=title,
        status=data.status if data.status in vocab.codes(vocab.PLAN_STATUSES) else "draft",
        guiding_ideas=data.guiding_ideas,
        goals=data.goals,
    )
    targets: list[Target] = []

    def add_sections(sections: list[SectionData], parent: Section | None) -> None:
        for order, section_data in enumerate(sections):
            section = Section.objects.create(
                plan=plan,
                parent=parent,
                order=order,
                title=clean_section_title(section_data.title),
                body=section_data.body,
            )
            targets.extend(_target(plan, t, section) for t in section_data.targets)
            add_sections(section_data.children, section)

    add_sections(data.sections, None)
    targets.extend(_target(plan, t, None) for t in data.targets)
    for order, target in enumerate(targets):
        target.order = order
    Target.objects.bulk_create(targets)
    items = []
    for order, item in enumerate(data.items):
        check_item(item, year=year)
        items.append(_item(plan, item, order))
    ScheduleItem.objects.bulk_create(items)
    return plan


def _target(plan: Plan, data: TargetData, section: Section | None) -> Target:
    check_target(data)
    return Target(
        plan=plan,
        section=section,
        text=data.text[:MAX_TEXT_LENGTH],
        comparator=data.comparator,
        value=data.value,
        value_high=data.value_high,
        unit=data.unit[:20],
    )


def _budget(data: ItemData) -> Decimal | None:
    """The item's budget through the one check of budgets, naming the activity if refused."""
    try:
        return clean_budget(data.budget)
    except UserInputError as error:
        raise UserInputError(f"活动“{data.text[:40]}”：{error.message}") from None


def _item(plan: Plan, data: ItemData, order: int) -> ScheduleItem:
    return ScheduleItem(
        plan=plan,
        month=data.month,
        end_month=data.end_month,
        date=data.date,
        end_date=data.end_date,
        text=clean_title(data.text, what="活动内容", max_length=MAX_TEXT_LENGTH),
        scope=data.scope[:500],
        owner=data.owner[:100],
        budget=_budget(data),
        category=data.category,
        status=data.status,
        order=order,
    )
