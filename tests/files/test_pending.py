"""The one pending-upload store: bound to user and union, checked tokens, private, aged out."""

import os
import time

from unionplan.files.pending import MAX_AGE_SECONDS, PendingUploads


def test_an_upload_comes_back_only_to_its_user_for_its_union(tmp_path):
    store = PendingUploads(tmp_path / "uploads")
    token = store.store(b"data", "计划.docx", org_id=3, user_id=7, simplified=True)
    data, note = store.load(token, org_id=3, user_id=7)
    assert data == b"data" and note["filename"] == "计划.docx" and note["simplified"] is True
    assert store.load(token, org_id=4, user_id=7) is None
    assert store.load(token, org_id=3, user_id=8) is None


def test_tokens_of_another_shape_are_refused_before_the_disk(tmp_path):
    store = PendingUploads(tmp_path / "uploads")
    store.store(b"data", "a.xlsx", org_id=1, user_id=1)
    for token in ["", "../../etc/passwd", "a" * 31, "a" * 33, "a" * 31 + "/"]:
        assert store.load(token, org_id=1, user_id=1) is None
        store.discard(token)  # nothing outside the folder is touched
    assert len(list((tmp_path / "uploads").glob("*.bin"))) == 1


def test_the_folder_is_private_and_old_uploads_go(tmp_path):
    store = PendingUploads(tmp_path / "uploads")
    old = store.store(b"old", "old.xlsx", org_id=1, user_id=1)
    assert (tmp_path / "uploads").stat().st_mode & 0o777 == 0o700
    long_ago = time.time() - MAX_AGE_SECONDS - 60
    for path in (tmp_path / "uploads").glob(f"{old}.*"):
        os.utime(path, (long_ago, long_ago))
    fresh = store.store(b"new", "new.xlsx", org_id=1, user_id=1)  # storing sweeps the old
    assert store.load(old, org_id=1, user_id=1) is None
    assert store.load(fresh, org_id=1, user_id=1) is not None
    assert store.purge_old(max_age=0, now=time.time() + 1) == 1


def test_discard_removes_an_upload(tmp_path):
    store = PendingUploads(tmp_path / "uploads")
    token = store.store(b"data", "a.xlsx", org_id=1, user_id=1)
    store.discard(token)
    assert store.load(token, org_id=1, user_id=1) is None
    assert not list((tmp_path / "uploads").iterdir())
