"""argparse's complaints reach the user in Chinese: the messages come from a real parser,
so a wording argparse changes shows up here rather than as English on a cadre's screen."""

import argparse

import pytest

from unionplan.core.management.arguments import in_chinese


class Complaint(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise Complaint(message)


def complaint(*argv: str) -> str:
    parser = Parser(prog="unionplan funds report")
    parser.add_argument("--org", required=True)
    parser.add_argument("--year", type=int)
    parser.add_argument("--format", choices=["xlsx", "docx"])
    parser.add_argument("--tag", nargs="+")
    either = parser.add_mutually_exclusive_group()
    either.add_argument("--approve", action="store_true")
    either.add_argument("--return", dest="back", action="store_true")
    with pytest.raises(Complaint) as raised:
        parser.parse_args(list(argv))
    return str(raised.value)


@pytest.mark.parametrize(
    ("argv", "chinese"),
    [
        ((), "缺少必需的参数：--org"),
        (("--org", "1", "--colour", "red"), "无法识别的参数：--colour red"),
        (("--org", "1", "--year", "二〇二七"), "参数 --year 的值“二〇二七”不是数字"),
        (("--org", "1", "--format", "pdf"), "参数 --format 的值“pdf”无效，可选："),
        (("--org",), "参数 --org 后面须跟一个值"),
        (("--org", "1", "--tag"), "参数 --tag 后面至少须跟一个值"),
        (("--org", "1", "--approve", "--return"), "参数 --return 不能与 --approve 同时使用"),
        (("--org", "1", "--approve=yes"), "参数 --approve 不接受值“yes”"),
    ],
)
def test_each_complaint_is_said_in_chinese(argv, chinese):
    said = in_chinese(complaint(*argv))
    assert said.startswith(chinese)
    assert not any(word in said for word in ("argument", "required", "expected", "invalid"))


def test_a_wording_it_does_not_know_is_passed_on():
    assert in_chinese("something new from argparse") == "something new from argparse"


def test_a_real_command_says_it_in_one_chinese_line(capsys, monkeypatch, db):
    from tests.cli import in_process_runner

    run = in_process_runner("unionplan.funds", capsys, monkeypatch)
    code, _, err = run("funds_report", "--year", "2027", "-o", "决算.xlsx")
    assert code == 2
    assert err.strip() == "错误：参数有误：缺少必需的参数：--org（用 --help 查看用法）"
