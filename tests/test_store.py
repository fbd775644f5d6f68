import pytest

from rasd.errors import StoreError
from rasd.store import Store


def _doc(doc_id="d1", text="نص الخبر", n=2):
    recs = [{"id": f"r{i}", "doc_id": doc_id, "kind": "event", "event_type": "Battles", "sub_event_type": "Armed clash",
             "location": {"country": "LY", "lat": 31.2, "lon": 16.6, "name": "Sirte"},
             "date": {"value": "2016-05-12", "precision": "day"}, "fatalities": {"best": 3},
             "actor1": {"name": "Islamic State"}} for i in range(n)]
    return {"doc_id": doc_id, "text": text, "published": "2016-10-19", "records": recs}


def test_store_roundtrip_keeps_text_and_records(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        assert s.save_document(_doc(), "v1")
        doc = s.document("d1")
    assert doc["text"] == "نص الخبر"
    assert doc["published"] == "2016-10-19"
    assert [r["id"] for r in doc["records"]] == ["r0", "r1"]


def test_same_document_same_version_changes_nothing(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        s.save_document(_doc(), "v1")
        before = s.dump()
        assert s.save_document(_doc(), "v1") is False
        assert s.dump() == before


def test_new_version_replaces_records(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        s.save_document(_doc(n=3), "v1")
        s.save_document(_doc(n=1), "v2")
        assert s.counts()["records"] == 1
        assert s.stored_version("d1")[1] == "v2"


def test_failed_write_leaves_database_as_before(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        s.save_document(_doc("d1"), "v1")
        before = s.dump()
        bad = _doc("d1", n=2)
        bad["records"][1]["id"] = "r0"  # duplicate primary key: the insert fails midway
        with pytest.raises(StoreError, match="could not store document d1"):
            s.save_document(bad, "v2", force=True)
        assert s.dump() == before


def test_events_filters(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        s.save_document(_doc(), "v1")
        assert len(s.events(country="ly")) == 2
        assert s.events(country="TD") == []
        assert len(s.events(since="2016-05", until="2016-05")) == 2
        assert s.events(since="2016-06") == []
        assert len(s.events(event_type="armed clash")) == 2
        assert len(s.events(actor="islamic")) == 2


def test_errors_are_remembered_once(tmp_path):
    with Store(tmp_path / "a.duckdb") as s:
        s.save_error("x.txt", "InputError", "x.txt: file is empty")
        s.save_error("x.txt", "InputError", "x.txt: file is empty")
        assert s.counts()["errors"] == 1


def test_not_a_database_is_a_clear_error(tmp_path):
    p = tmp_path / "notes.duckdb"
    p.write_text("hello, not a database")
    with pytest.raises(StoreError, match="cannot open database"):
        Store(p)
    assert p.read_text() == "hello, not a database"


def test_read_only_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_locked_database_is_a_clear_error(tmp_path):
    import subprocess
    import sys
    import textwrap

    path = tmp_path / "locked.duckdb"
    with Store(path) as s:
        s.save_document(_doc(), "v1")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="cannot open database"):
            Store(path)
    finally:
        holder.communicate("\n", timeout=30)
    with Store(path, read_only=True) as s:
        assert s.counts()["records"] == 2
