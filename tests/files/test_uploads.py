import io
import zipfile

import pytest

from unionplan.errors import UserInputError
from unionplan.files.uploads import MAX_BYTES, check_upload

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
EXE = b"MZ\x90\x00\x03" + b"\x00" * 100


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return out.getvalue()


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
