"""``welfare check/give --kind hardship``: aid on the member's approved hardship file, checked
against the household's caps, in the shape of the command line's contract."""

import datetime as dt
import json

import pytest

from tests.factories import hardship_file
from unionplan.welfare.models import WelfareEntry


@pytest.fixture
def published(member):
    """张老师's 深度困难 file (低保 800: 生活救助 ≤ 9,600), approved, its 公示 over."""
    file = hardship_file(member)
    file.state, file.publicity_start, file.publicity_end = (
        "approved", dt.date(2025, 9, 1), dt.date(2025, 9, 7),
    )  # fmt: skip
    file.save()
    return file


def aid(org, member, *extra, amount="5000"):
    return ["--org", str(org.pk), "--member", member.id_number, "--kind", "hardship",
            "--amount", amount, "--date", "2025-09-17", *extra]  # fmt: skip


def test_check_hardship_answers_the_contract_shape(run_command, anhui, member, published):
    code, out, err = run_command("welfare_check", *aid(anhui, member, "--json"))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["allowed"] is True and (data["cap"], data["used"], data["remaining"]) == (
        9600, 0, 9600
    )  # fmt: skip
    assert data["rule"]["article"] == "生活救助" and data["rule"]["document"]
    assert data["aid"] == "living" and not WelfareEntry.objects.exists()


def test_give_hardship_pays_then_refuses_over_the_cap(run_command, anhui, member, published):
    code, out, _err = run_command("welfare_give", *aid(anhui, member, "--json"))
    assert code == 0 and json.loads(out)["entry"]
    entry = WelfareEntry.objects.get()
    assert entry.kind == "hardship" and entry.hardship_aid.file == published
    code, _out, err = run_command("welfare_give", *aid(anhui, member))
    assert code == 2 and "还可发4,600.00元" in err and err.strip().count("\n") == 0
    code, _out, err = run_command("welfare_give", *aid(anhui, member, "--override", "急需"))
    assert code == 2 and "不能超标发放" in err
    assert WelfareEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (("--aid", "pizza"), "未知的帮扶种类"),
        (("--aid", "schooling"), "助学须选择就读阶段"),
        (("--aid", "schooling", "--school-level", "kindergarten"), "助学须选择就读阶段"),
    ],
)
def test_bad_aid_arguments_are_one_chinese_line(
    run_command, anhui, member, published, extra, words
):
    code, _out, err = run_command("welfare_give", *aid(anhui, member, *extra))
    assert code == 2 and err.startswith("错误：") and words in err
    assert not WelfareEntry.objects.exists()


def test_no_aid_before_the_file_is_published(run_command, anhui, member):
    hardship_file(member)  # still 登记中
    code, _out, err = run_command("welfare_give", *aid(anhui, member))
    assert code == 2 and "没有2025年已审核的困难职工档案" in err
    assert not WelfareEntry.objects.exists()
