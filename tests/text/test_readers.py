import pytest

from unionplan.errors import UserInputError
from unionplan.text.blocks import Table
from unionplan.text.readers import MAX_FILE_BYTES, file_kind, read_blocks


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"PK\x03\x04xx", "a.docx", "docx"),
        (b"<p>x</p>", "a.html", "html"),
        (b"<p>x</p>", "a.HTM", "html"),
        (b"# x", "a.md", "md"),
        (b"x", "a.txt", "txt"),
        (b"PK\x03\x04xx", "upload", "docx"),
        (b"<!DOCTYPE html><html>", "upload.dat", "html"),
        ("一、工会".encode(), "计划", "txt"),
    ],
)
def test_file_kind_from_name_or_content(data, name, kind):
    assert file_kind(data, name) == kind


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"x", "a.doc", ".docx"),
        (b"x", "a.pdf", "PDF"),
        (b"x", "a.xlsx", "表格"),
        (b"%PDF-1.4", "upload", "PDF"),
        (b"\xd0\xcf\x11\xe0rest", "upload", ".doc"),
        (b"not a zip", "a.docx", "不是 Word"),
    ],
)
def test_unsupported_types_are_refused_with_advice(data, name, words):
    with pytest.raises(UserInputError, match=words):
        file_kind(data, name)


def test_too_large_is_refused_before_reading():
    with pytest.raises(UserInputError, match="过大"):
        read_blocks(b"a" * (MAX_FILE_BYTES + 1), "big.txt")


@pytest.mark.parametrize("data", [b"", b" \n\t ", "\ufeff".encode()])
def test_empty_is_refused(data):
    with pytest.raises(UserInputError, match="空"):
        read_blocks(data, "a.txt")


def test_text_is_cleaned_and_rows_become_tables():
    blocks, kind = read_blocks("發(fā)展\n\n\n时间 | 内容\n1月 | 联欢".encode(), "a.txt")
    assert kind == "txt"
    assert blocks == ["發展", Table([["时间", "内容"], ["1月", "联欢"]])]


def test_markdown_syntax_is_dropped():
    blocks, _ = read_blocks("# 工会计划\n## 一、**目标**\n- 不少于5家".encode(), "a.md")
    assert blocks == ["工会计划", "一、目标", "不少于5家"]


def _odt_bytes() -> bytes:
    """An OpenDocument text as LibreOffice writes it: ``mimetype`` first, uncompressed."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>'
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (PNG, "计划.png", "图片文件（.png）"),
        (SVG, "计划.svg", "图片文件（.svg）"),
        (PNG, "计划", "图片文件"),
        (SVG, "upload.dat", "图片文件"),
        (b"\xff\xd8\xff\xe0JFIF", "plan.JPG", "图片文件"),
        (_odt_bytes(), "计划.odt", ".odt 暂不支持，请另存为 .docx"),
        (_odt_bytes(), "计划.docx", ".odt 暂不支持，请另存为 .docx"),
        (_odt_bytes(), "计划", ".odt 暂不支持，请另存为 .docx"),
        (OLE, "计划.docx", "旧版 Word（.doc）"),
    ],
)
def test_images_odt_and_renamed_doc_get_their_own_advice(data, name, words):
    with pytest.raises(UserInputError, match=words.replace(".", r"\.")):
        file_kind(data, name)
