import io
import zipfile

import pytest

from tests.records.conftest import office_bytes, zip_bomb_docx
from unionplan.errors import UserInputError
from unionplan.files.uploads import MAX_BYTES, SNIFF_BYTES, check_upload

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
EXE = b"MZ\x90\x00\x03" + b"\x00" * 100


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    return zip_bomb_docx()


def docx_bytes() -> bytes:
    return office_bytes("docx")


def check(name: str, data: bytes):
    return check_upload(name, len(data), data[:SNIFF_BYTES], data)


@pytest.mark.parametrize(
    ("name", "head"), [("照片.JPG", JPEG), ("a.png", PNG), ("说明.pdf", b"%PDF-1.7\n")]
)
def test_images_and_documents_with_matching_content_are_accepted(name, head):
    assert check_upload(name, len(head), head).extension == name[name.rindex(".") :].lower()


def test_an_office_file_must_be_a_real_office_zip():
    data = docx_bytes()
    assert check_upload("总结.docx", len(data), data[:8192], data).kind == "document"
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as z:
        z.writestr("virus.exe", "MZ")
    with pytest.raises(UserInputError, match="不符"):
        check_upload("x.docx", 10, plain_zip.getvalue()[:8192], plain_zip.getvalue())


def test_an_executable_renamed_jpg_is_refused():
    with pytest.raises(UserInputError, match=r"内容与扩展名\.jpg不符"):
        check_upload("photo.jpg", len(EXE), EXE)


@pytest.mark.parametrize("name", ["setup.exe", "run.bat", "x.html", "noext"])
def test_other_types_are_refused_by_extension(name):
    with pytest.raises(UserInputError, match="只能上传图片"):
        check_upload(name, 10, JPEG)


def test_too_big_and_empty_files_are_refused():
    with pytest.raises(UserInputError, match="过大"):
        check_upload("big.jpg", 500 * 1024 * 1024, JPEG)
    with pytest.raises(UserInputError, match="过大"):
        check_upload("big.jpg", MAX_BYTES + 1, JPEG)
    with pytest.raises(UserInputError, match="空文件"):
        check_upload("a.jpg", 0, b"")


def test_text_files_must_be_text():
    assert check_upload("名单.txt", 12, "参加人员名单".encode("gb18030")).kind == "document"
    with pytest.raises(UserInputError):
        check_upload("a.txt", 10, b"\x7fELF\x02\x01")


def test_real_word_excel_and_powerpoint_files_are_accepted():
    assert check("总结.docx", office_bytes("docx")).extension == ".docx"
    assert check("经费.xlsx", office_bytes("xlsx")).extension == ".xlsx"


def test_a_zip_bomb_stored_as_docx_is_refused(zip_bomb):
    assert len(zip_bomb) < 2 * 1024 * 1024  # small on the wire …
    with zipfile.ZipFile(io.BytesIO(zip_bomb)) as archive:  # … 1 GiB unpacked
        assert sum(m.file_size for m in archive.infolist()) > 1024**3
    with pytest.raises(UserInputError, match="解压后过大"):
        check("总结.docx", zip_bomb)


def test_an_xlsx_renamed_docx_is_refused_saying_what_it_is():
    with pytest.raises(UserInputError, match=r"实际是Excel 表格（\.xlsx），内容与扩展名\.docx不符"):
        check("总结.docx", office_bytes("xlsx"))
    with pytest.raises(UserInputError, match=r"实际是Word 文档（\.docx），内容与扩展名\.xlsx不符"):
        check("经费.xlsx", office_bytes("docx"))


def test_an_office_zip_without_a_main_part_or_damaged_is_refused():
    bare = io.BytesIO()
    with zipfile.ZipFile(bare, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(UserInputError, match="已损坏"):
        check("x.docx", bare.getvalue())
    data = bytearray(office_bytes("docx"))
    middle = len(data) // 2
    data[middle : middle + 200] = bytes(200)  # a part's compressed bytes overwritten
    with pytest.raises(UserInputError, match="已损坏"):
        check("x.docx", bytes(data))
