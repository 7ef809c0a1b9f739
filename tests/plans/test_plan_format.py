from decimal import Decimal

from unionplan.plans.templatetags.plan_format import paragraphs, plain_number, yuan


def test_paragraphs_gives_each_line_its_own_paragraph_and_escapes():
    html = paragraphs("1、配合学校党组织。\n\n2、加强<师德>建设。")
    assert html == "<p>1、配合学校党组织。</p><p>2、加强&lt;师德&gt;建设。</p>"
    assert paragraphs("") == "" and paragraphs(None) == ""


def test_numbers_as_an_office_writes_them():
    assert plain_number(Decimal("4.00")) == "4"
    assert yuan(Decimal("1200")) == "1,200.00"


def test_the_plan_page_prints_money_as_the_documents_do():
    from unionplan.plan.money import money

    for amount in (Decimal("3000"), Decimal("1234.5"), Decimal("0.1"), None):
        assert yuan(amount) == money(amount)
