from decimal import Decimal

from unionplan.text.model import Plan, Section, Target


def test_all_targets_in_document_order():
    first, second, third = (Target(str(i), "=", Decimal(i)) for i in range(3))
    plan = Plan("计划", targets=[first])
    plan.sections = [
        Section(1, "一、", "甲", children=[Section(2, "（一）", "乙", targets=[third])])
    ]
    plan.sections[0].targets.append(second)
    assert plan.all_targets() == [first, second, third]
