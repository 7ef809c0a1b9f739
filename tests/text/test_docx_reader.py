import io
import sys
from pathlib import Path

import docx
import pytest

from unionplan.errors import UserInputError
from unionplan.text.blocks import Table
from unionplan.text.docx_reader import docx_blocks

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
sys.path.insert(0, str(DOCUMENTS))
import make_documents  # noqa: E402


@pytest.fixture(scope="module")
def numbered_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "plan.docx"
    make_documents.make_docx(path)
    return path.read_bytes()


def test_word_numbering_is_written_as_markers(numbered_docx):
    lines = [b for b in docx_blocks(numbered_docx) if isinstance(b, str)]
    assert lines[:10] == [
        "城建集团工会2025年度工作计划",
        "一、指导思想",
        "以构建和谐劳动关系为主线，维护职工合法权益。",
        "二、工作目标",
        "（一）工资集体协商覆盖率达到90%以上",
        "（二）新建职工书屋不少于3家",
        "三、重点工作",
        "（一）加强组织建设",
        "1.推进新就业形态劳动者入会。",
        "2.规范工会换届选举。",
    ]


def test_tables_are_read_in_place(numbered_docx):
    blocks = docx_blocks(numbered_docx)
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.rows[0] == ["时间", "活动内容", "参加范围", "负责人", "经费"]
    assert table.rows[3][1] == "夏送清凉 职工子女托管班"
    assert blocks[blocks.index(table) + 1] == "五、保障措施（手写编号）"


def test_checked_in_document_matches_the_generator(numbered_docx):
    assert docx_blocks((DOCUMENTS / "plan_numbering_table.docx").read_bytes()) == docx_blocks(
        numbered_docx
    )


def test_list_styles_number_too():
    document = docx.Document()
    for text in ("甲", "乙"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("丙", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_blocks(buffer.getvalue()) == ["1.甲", "2.乙", "· 丙"]


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_docx_is_a_clear_error(numbered_docx, cut):
    with pytest.raises(UserInputError, match=r"损坏|不完整|不是 Word"):
        docx_blocks(numbered_docx[: int(len(numbered_docx) * cut)])


def test_a_zip_that_is_not_word_is_refused():
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UserInputError, match="不是 Word"):
        docx_blocks(buffer.getvalue())
