"""``unionplan funds budget|report|settings``: the contract's JSON, the 决算 file, bad input."""

import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from python_calamine import CalamineWorkbook

from tests.cli import assert_one_line_exit_2, migrated_database_env, run_cli
from tests.factories import OrganizationFactory
from tests.funds.conftest import budgeted, federation_with, spend
from unionplan.funds.models import FinanceYear

D = Decimal


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory):
    return migrated_database_env(tmp_path_factory.mktemp("var"))


@pytest.mark.django_db
def test_budget_json_adds_up_to_the_items(plan, capsys):
    budgets = [("culture", "1200.50"), ("culture", 300), ("festival", 5000), ("rights", 800),
               ("other", 99), ("training", "0.5")]  # fmt: skip
    for category, amount in budgets:
        budgeted(plan, category, amount)
    FinanceYear.objects.create(organization=plan.organization, year=2027, wage_base=D("1000000"))
    call_command("funds_budget", str(plan.pk), "--json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"lines", "income"}
    total = sum(D(str(row["amount"])) for row in data["lines"])
    assert total == sum(D(str(b)) for _, b in budgets) == D("7400.00")
    assert {"line": "职工活动支出", "sub": "文体活动", "amount": 1500.5} in data["lines"]
    assert {"line": "维权支出", "amount": 800} in data["lines"]
    assert data["income"][0] == {"line": "会费收入", "amount": 5000}
    assert [row["line"] for row in data["income"]][-1] == "其他收入"


def test_budget_of_missing_plan_is_one_line_exit_2(empty_database):
    assert_one_line_exit_2(run_cli("funds", "budget", "4242", "--json", env=empty_database),
                           "编号为4242的计划不存在")  # fmt: skip
    assert_one_line_exit_2(run_cli("funds", "budget", "x", env=empty_database), "应为整数")


@pytest.mark.django_db
def test_report_writes_the_final_accounts(tmp_path):
    federation = federation_with(2)
    child = federation.children.first()
    FinanceYear.objects.create(organization=child, year=2027, wage_base=D("200000"))
    out = tmp_path / "决算.xlsx"
    call_command("funds_report", "--org", str(federation.pk), "--year", "2027", "-o", str(out))
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert "区总工会2027年度工会经费收支决算表" in rows[0][0]
    by_label = {str(r[0]).strip(): r for r in rows[3:]}
    assert by_label["会费收入"][1] == 1000
    assert by_label["职工活动支出"][1:5] == [2000, 2000, 800, 1200]
    assert by_label["其中：文体活动"][1:5] == [2000, 2000, 600, 1400]
    assert by_label["其中：会员活动"][3] == 200
    assert by_label["支出合计"][1:5] == [2000, 2000, 800, 1200]


@pytest.mark.django_db
def test_report_notes_spending_without_budget(plan, tmp_path):
    item = budgeted(plan, "rights", 100)
    spend(item, "other", 150)
    spend(budgeted(plan, "other", 0), "other", 10)
    out = tmp_path / "a.xlsx"
    call_command("funds_report", "--org", plan.organization.name, "--year", "2027", "-o", str(out))
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    by_label = {str(r[0]).strip(): r for r in rows[3:]}
    assert by_label["维权支出"][5] == "超预算" and by_label["其他支出"][5] == "无预算支出"


@pytest.mark.django_db
def test_report_for_a_year_without_plan_or_settings(org, tmp_path):
    with pytest.raises(CommandError, match="2030年没有工作计划"):
        call_command("funds_report", "--org", str(org.pk), "--year", "2030", "-o", str(tmp_path / "a.xlsx"))  # fmt: skip
    assert not (tmp_path / "a.xlsx").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--org", "999", "--year", "2027"], "工会“999”不存在"),
        (["--org", "无此工会", "--year", "2027"], "不存在"),
        (["--org", "1", "--year", "明年"], "年份应为"),
    ],
)
def test_report_bad_input_is_one_line_exit_2(empty_database, tmp_path, args, words):
    out = tmp_path / "a.xlsx"
    result = run_cli("funds", "report", *args, "-o", str(out), env=empty_database)
    assert_one_line_exit_2(result, words)
    assert not out.exists()


def test_report_needs_an_xlsx_name(empty_database, tmp_path):
    result = run_cli("funds", "report", "--org", "1", "--year", "2027", "-o", str(tmp_path / "a.pdf"),
                     env=empty_database)  # fmt: skip
    assert_one_line_exit_2(result, ".xlsx")


@pytest.mark.django_db
def test_settings_command_stores_figures(org, capsys):
    call_command("funds_settings", "--org", str(org.pk), "--year", "2027", "--wage-base", "1,000,000",
                 "--retained", "55%", "--income", "上级补助收入=3000")  # fmt: skip
    saved = FinanceYear.objects.get(organization=org, year=2027)
    assert saved.wage_base == D("1000000") and saved.retained_percent == D("55")
    assert saved.typed_income == {"上级补助收入": "3000.00"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--wage-base", "-100"], "不能为负数"),
        (["--wage-bill", "很多"], "应为数字"),
        (["--retained", "150"], "0到100之间"),
        (["--income", "捐赠收入=100"], "收入科目“捐赠收入”不存在"),
        (["--income", "会费收入=100"], "由工资基数计算"),
        (["--income", "其他收入"], "科目=金额"),
    ],
)
@pytest.mark.django_db
def test_settings_bad_input_changes_nothing(org, args, words):
    FinanceYear.objects.create(organization=org, year=2027, wage_base=D("10"))
    with pytest.raises(CommandError, match=words):
        call_command(
            "funds_settings", "--org", str(org.pk), "--year", "2027", "--carried-over", "5", *args
        )
    saved = FinanceYear.objects.get(organization=org)
    assert saved.wage_base == D("10") and saved.carried_over == 0


def test_settings_for_unknown_org_is_one_line_exit_2(empty_database):
    result = run_cli("funds", "settings", "--org", "无此工会", "--year", "2027", "--wage-base", "1",
                     env=empty_database)  # fmt: skip
    assert_one_line_exit_2(result, "工会“无此工会”不存在")


@pytest.mark.django_db
def test_settings_bad_input_in_process_changes_nothing(org):
    FinanceYear.objects.create(organization=org, year=2027, wage_base=D("10"))
    with pytest.raises(CommandError, match="0到100之间"):
        call_command("funds_settings", "--org", str(org.pk), "--year", "2027",
                     "--wage-base", "500", "--retained", "101")  # fmt: skip
    assert FinanceYear.objects.get(organization=org).wage_base == D("10")
    assert OrganizationFactory  # the shared factory stays importable for other command tests


@pytest.mark.django_db
def test_report_year_out_of_range(org, tmp_path):
    with pytest.raises(CommandError, match="年份应在"):
        call_command("funds_report", "--org", str(org.pk), "--year", "3000", "-o", str(tmp_path / "a.xlsx"))  # fmt: skip
