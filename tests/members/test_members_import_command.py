import pytest

from tests.factories import MemberFactory
from tests.members.rosters import person, xlsx
from unionplan.members.models import Member

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster(tmp_path):
    def write(rows, name="名册.xlsx", data=None):
        path = tmp_path / name
        path.write_bytes(data if data is not None else xlsx(rows))
        return str(path)

    return write


def test_import_then_reimport(run_command, org, roster):
    code, out, err = run_command(
        "members_import", roster([person(1), person(2)]), "--org", str(org.pk)
    )
    assert (code, err) == (0, "")
    assert "新增 2 人" in out and Member.objects.count() == 2
    code, out, _ = run_command(
        "members_import", roster([person(1), person(2)]), "--org", str(org.pk)
    )
    assert "更新 2 人" in out and Member.objects.count() == 2


def test_dry_run_stores_nothing(run_command, org, roster):
    code, out, _ = run_command(
        "members_import", roster([person(1)]), "--org", str(org.pk), "--dry-run"
    )
    assert code == 0 and "试运行" in out
    assert Member.objects.count() == 0


def test_bad_rows_store_nothing_unless_skip_bad(run_command, org, roster):
    MemberFactory(organization=org)
    path = roster([person(1), person(2, 出生日期="1975-02-30")])
    code, out, err = run_command("members_import", path, "--org", str(org.pk))
    assert code == 2 and "第3行 出生日期" in out
    assert err.startswith("错误") and "--skip-bad" in err and err.count("\n") == 1
    assert Member.objects.count() == 1
    code, out, _ = run_command("members_import", path, "--org", str(org.pk), "--skip-bad")
    assert code == 0 and Member.objects.count() == 2


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("missing", "找不到文件"),
        ("unknown_org", "找不到编号为"),
        ("not_a_spreadsheet", "不是电子表格"),
        ("no_name_column", "姓名"),
    ],
)
def test_bad_input_is_one_chinese_line_and_exit_2(run_command, org, roster, tmp_path, case, words):
    MemberFactory(organization=org)
    org_id = "987654" if case == "unknown_org" else str(org.pk)
    path = {
        "missing": str(tmp_path / "nope.xlsx"),
        "unknown_org": roster([person(1)]),
        "not_a_spreadsheet": roster([], name="a.csv", data=b"\x89PNG\r\n\x1a\n\x00\x00binary"),
        "no_name_column": roster([], data=xlsx([{"编号": 1}], header=["编号"])),
    }[case]
    code, out, err = run_command("members_import", path, "--org", org_id)
    assert code == 2 and out == ""
    assert err.startswith("错误") and words in err
    assert err.strip().count("\n") == 0 and "Traceback" not in err
    assert Member.objects.count() == 1
