#!/usr/bin/python3
# "thidua import-table": every corpus table read from its file as the
# window reads a paste (the same rows, kinds, parents and figures as its
# .expect.json says), --json, --dry-run leaving the database untouched,
# saving, --replace, files that are not tables, exit codes (0 read and
# saved, 1 refused or failed, 2 wrong options).
# Usage: test-import-table.py THIDUA  (TAP on stdout)
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from decimal import Decimal

THIDUA = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "criteria-tables")
TMP = tempfile.mkdtemp(prefix="td-import-table-")
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
TABLES = ["so-nganh-2023", "khoi-thi-dua-2024", "xa-phuong-2025", "cum-tham-muu-2025-excel",
          "phong-ban-huyen-2024-writer"]
tests = []


def test(fn):
    tests.append(fn)
    return fn


def run(*args):
    r = subprocess.run([THIDUA, *args], capture_output=True, text=True, env=ENV)
    return r.returncode, r.stdout, r.stderr


def demo(name="demo.db"):
    db = os.path.join(TMP, name)
    if os.path.exists(db):
        os.remove(db)
    rc, _, err = run("demo", db)
    assert rc == 0, err
    return db


def table_file(name):
    for ext in (".tsv", ".html"):
        if os.path.exists(os.path.join(CORPUS, name + ext)):
            return os.path.join(CORPUS, name + ext)
    raise AssertionError(name)


def points(text):
    return None if text is None else Decimal(text.replace(",", "."))


def fingerprint(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest(), os.stat(path).st_mtime_ns


@test
def every_corpus_table_reads_as_its_expectation():
    db = demo()
    for name in TABLES:
        rc, out, err = run("import-table", db, table_file(name), "--bloc", "Khối Thi đua số 6",
                           "--year", "2024", "--dry-run", "--json")
        assert rc == 0, (name, err)
        got = {r["line"]: r for r in json.loads(out)["rows"]}
        with open(os.path.join(CORPUS, name + ".expect.json"), encoding="utf-8") as f:
            expect = json.load(f, parse_float=Decimal)
        assert points(json.loads(out)["standard_total"]) == expect["declared_total"], name
        for e in expect["rows"]:
            g = got[e["line"]]
            where = f"{name} line {e['line']}"
            assert g["status"] != "error", (where, g["problems"])
            if e["type"] == "skip":
                assert g["kind"] == ("guidance" if e["why"] == "guidance" else e["why"]), where
            elif e["type"] == "criterion":
                assert g["kind"] == e["kind"], (where, g["kind"])
                assert g["code"] == e["code"], where
                assert g["parent_line"] == e["parent_line"], where
                if e.get("standard") is not None:
                    assert points(g["standard"]) == e["standard"], where
                if e.get("rate") is not None:
                    assert points(g["rate"]) == e["rate"], (where, g["rate"])
            elif e["type"] == "part":
                assert g["kind"] == e["role"], where
                assert g["parent_line"] == e["of_line"], where
            else:
                assert g["kind"] == "note", where
                assert g["modifies"] == e["modifies_lines"], (where, g["modifies"])


@test
def dry_run_leaves_the_database_untouched():
    db = demo("untouched.db")
    before = fingerprint(db)
    rc, out, err = run("import-table", db, table_file("so-nganh-2023"), "--bloc", "Khối Thi đua số 6",
                       "--year", "2024", "--dry-run")
    assert rc == 0, err
    assert "a1.1" in out and "Note" in out
    assert fingerprint(db) == before


@test
def saves_and_replaces():
    db = demo("save.db")
    args = ["import-table", db, table_file("khoi-thi-dua-2024"), "--bloc", "Khối Thi đua số 6",
            "--year", "2024"]
    # The demo year has a table: refused without --replace, nothing written.
    before = fingerprint(db)[0]
    rc, _, err = run(*args)
    assert rc == 1 and "--replace" in err, err
    assert fingerprint(db)[0] == before
    rc, out, err = run(*args, "--replace")
    assert rc == 0, err
    assert "saved" in out
    # Read back through the sheets: the ranking sheet now has the pasted sections.
    target = os.path.join(TMP, "matrix.pdf")
    rc, _, err = run("export", "matrix", "--database", db, "--bloc", "Khối Thi đua số 6",
                     "--year", "2024", "--format", "pdf", "--output", target, "--force")
    assert rc == 0, err
    text = subprocess.run(["pdftotext", "-layout", target, "-"], capture_output=True,
                          text=True).stdout
    assert "PAR INDEX" in text, text[:400]


@test
def refuses_what_is_not_a_table():
    db = demo("refuse.db")
    cases = {
        "empty.txt": b"",
        "book.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
        "picture.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
        "bytes.txt": b"abc\0def",
        "latin1.txt": "Điểm".encode("utf-16-be")[1:] + b"\xff\xfe\xfd",
    }
    for name, data in cases.items():
        p = os.path.join(TMP, name)
        with open(p, "wb") as f:
            f.write(data)
        rc, _, err = run("import-table", db, p, "--bloc", "Khối Thi đua số 6", "--year", "2024",
                         "--dry-run")
        assert rc == 1, (name, rc)
        assert name in err, (name, err)
    # Too large to be a table: refused before it is read, and a folder too.
    big = os.path.join(TMP, "huge.txt")
    with open(big, "wb") as f:
        f.truncate(17 * 1024 * 1024)
    for p in (big, TMP):
        rc, _, err = run("import-table", db, p, "--bloc", "Khối Thi đua số 6", "--year", "2024",
                         "--dry-run")
        assert rc == 1 and "16 MB" in err, (p, rc, err)


@test
def reads_utf16_and_csv():
    db = demo("formats.db")
    with open(table_file("xa-phuong-2025"), encoding="utf-8") as f:
        text = f.read()
    utf16 = os.path.join(TMP, "unicode.txt")
    with open(utf16, "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    csv = os.path.join(TMP, "table.csv")
    with open(csv, "w", encoding="utf-8") as f:
        for line in text.splitlines():
            f.write(";".join('"' + c.replace('"', '""') + '"' if ";" in c or '"' in c else c
                             for c in line.split("\t")) + "\n")
    for p in (utf16, csv):
        rc, out, err = run("import-table", db, p, "--bloc", "Khối Thi đua số 6", "--year", "2024",
                           "--dry-run", "--json")
        assert rc == 0, (p, err)
        rows = json.loads(out)["rows"]
        assert [r["kind"] for r in rows][:4] == ["header", "heading", "graded", "grade"], p


@test
def wrong_options_exit_2():
    db = demo("options.db")
    rc, _, err = run("import-table", db)
    assert rc == 2 and "import-table" in err
    rc, _, err = run("import-table", db, table_file("so-nganh-2023"), "--year", "2024")
    assert rc == 2
    rc, _, err = run("import-table", db, table_file("so-nganh-2023"), "--bloc", "Khối 99",
                     "--year", "2024", "--dry-run")
    assert rc == 1 and "Khối 99" in err, err


@test
def reads_an_excel_workbook():
    import openpyxl
    db = demo("xlsx.db")
    with open(table_file("khoi-thi-dua-2024"), encoding="utf-8") as f:
        rows = [line.split("\t") for line in f.read().splitlines()]
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Bìa"
    cover["A1"] = "Kế hoạch thi đua năm 2024"
    sheet = book.create_sheet("Bảng điểm")
    for r, cells in enumerate(rows, 1):
        for c, text in enumerate(cells, 1):
            if text == "":
                continue
            try:  # numbers as Excel keeps them
                sheet.cell(r, c, float(text.replace(",", ".")) if c > 2 else text)
            except ValueError:
                sheet.cell(r, c, text)
    path = os.path.join(TMP, "bang-diem.xlsx")
    book.save(path)
    rc, out, err = run("import-table", db, path, "--bloc", "Khối Thi đua số 6", "--year", "2024",
                       "--dry-run", "--json")
    assert rc == 0, err
    got = {r["line"]: r for r in json.loads(out)["rows"]}
    with open(os.path.join(CORPUS, "khoi-thi-dua-2024.expect.json"), encoding="utf-8") as f:
        expect = json.load(f, parse_float=Decimal)
    for e in expect["rows"]:
        if e["type"] == "criterion":
            assert got[e["line"]]["kind"] == e["kind"], (e["line"], got[e["line"]]["kind"])
    assert points(json.loads(out)["standard_total"]) == 100


def main():
    print(f"1..{len(tests)}")
    failed = 0
    for i, t in enumerate(tests, 1):
        try:
            t()
            print(f"ok {i} {t.__name__}")
        except Exception:
            failed += 1
            print(f"not ok {i} {t.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
