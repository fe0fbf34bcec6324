#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Commands that only read never write: every headless command that reads a
# database (export of every sheet in both formats, ics, help, the dry run of
# import-units, and their failures) leaves the file byte- and mtime-identical,
# creates nothing beside it, makes no backup and no record; an empty file or
# another program's empty SQLite file is not made into a database; a file in
# a folder that may not be written is read all the same.
# Usage: test-read-commands.py THIDUA  (TAP on stdout)
import atexit
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import traceback

THIDUA = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="td-read-")
atexit.register(shutil.rmtree, TMP, ignore_errors=True)
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
ENV["XDG_DATA_HOME"] = os.path.join(TMP, "xdg-data")
ENV["XDG_CACHE_HOME"] = os.path.join(TMP, "xdg-cache")
OUT = os.path.join(TMP, "out")
os.mkdir(OUT)
tests = []


def test(fn):
    tests.append(fn)
    return fn


def thidua(*args):
    r = subprocess.run([THIDUA, *args], capture_output=True, text=True, env=ENV)
    return r.returncode, r.stdout, r.stderr


def state(folder):
    """Every file under @folder and the private folders, with its bytes,
    mode and modification time."""
    seen = {}
    paths = [folder] if os.path.isfile(folder) else []
    for root in (folder, ENV["XDG_DATA_HOME"], ENV["XDG_CACHE_HOME"]):
        for base, _, files in os.walk(root):
            paths += [os.path.join(base, name) for name in files]
    for p in paths:
        st = os.stat(p)
        with open(p, "rb") as f:
            seen[p] = (hashlib.sha256(f.read()).hexdigest(), st.st_mtime_ns,
                       stat.S_IMODE(st.st_mode))
    return seen


def read_commands(db, csv, table):
    base = ["--database", db, "--bloc", "Khối 6", "--year", "2024"]
    commands = []
    for sheet in ("ranking", "scores", "matrix", "form", "calendar", "workbook"):
        for fmt in ("xlsx", "pdf"):
            unit = ["--unit", "Sở Tư pháp"] if sheet == "scores" else []
            commands.append(["export", sheet, *base, *unit, "--output",
                             os.path.join(OUT, f"{sheet}.{fmt}"), "--force"])
    commands += [
        ["export", "ranking", "--database", db, "--bloc", "Không có", "--year", "2024",
         "--output", os.path.join(OUT, "x.xlsx")],
        ["export", "ranking", "--database", db, "--bloc", "Khối 6", "--year", "2031",
         "--output", os.path.join(OUT, "x.xlsx")],
        ["ics", db, "--year", "2024", "--output", os.path.join(OUT, "y.ics"), "--force"],
        ["ics", db, "--from", "01/10/2024", "--to", "30/09/2025", "--bloc", "1",
         "--output", os.path.join(OUT, "r.ics"), "--force"],
        ["help"], ["help", "export"], ["help", "ics"], ["export", "--help"],
        ["import-units", db, csv, "--dry-run"],
        ["import-table", db, table, "--bloc", "Khối 6", "--year", "2024", "--dry-run"],
        ["import-table", db, table, "--bloc", "Khối 6", "--year", "2024", "--dry-run", "--json"],
        ["help", "import-table"],
    ]
    return commands


@test
def every_read_command_leaves_the_file_alone():
    folder = os.path.join(TMP, "closed")
    os.mkdir(folder)
    db = os.path.join(folder, "khoi6.db")
    csv = os.path.join(TMP, "units.csv")
    with open(csv, "w") as f:
        f.write("Tên đơn vị,Viết tắt\nSở Công Thương,SCT\n")
    rc, _, err = thidua("demo", db)
    assert rc == 0, err
    before = state(folder)
    assert set(before) == {db}, before
    table = os.path.join(TMP, "table.txt")
    with open(table, "w") as f:
        f.write("STT\tNội dung\tĐiểm chuẩn\nI\tCông tác chỉ đạo\t10\n1\tBan hành kế hoạch\t10\n")
    for args in read_commands(db, csv, table):
        thidua(*args)
        after = state(folder)
        assert after == before, (args, set(after) ^ set(before))
    # They did run: the outputs are there.
    assert os.path.getsize(os.path.join(OUT, "workbook.xlsx")) > 10000
    assert os.path.getsize(os.path.join(OUT, "r.ics")) > 1000


@test
def a_file_in_use_is_read_through_its_wal():
    # The window has the file open: the latest changes wait in the -wal.
    folder = os.path.join(TMP, "open")
    os.mkdir(folder)
    db = os.path.join(folder, "khoi6.db")
    rc, _, err = thidua("demo", db)
    assert rc == 0, err
    holder = sqlite3.connect(db)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("UPDATE bloc SET name = 'Khối Thi đua số 6 (đổi tên)'")
    holder.commit()
    main_before = state(folder)[db]
    rc, out, err = thidua("export", "ranking", "--database", db, "--bloc", "đổi tên", "--year",
                          "2024", "--output", os.path.join(OUT, "wal.pdf"), "--force")
    assert rc == 0, err
    assert state(folder)[db] == main_before
    holder.close()


@test
def empty_files_are_not_made_into_databases():
    for kind in ("empty", "foreign-empty"):
        path = os.path.join(TMP, f"{kind}.db")
        if kind == "empty":
            open(path, "wb").close()
        else:
            c = sqlite3.connect(path)
            c.execute("PRAGMA user_version = 0")
            c.execute("VACUUM")
            c.close()
        os.chmod(path, 0o640)
        folder_before = sorted(os.listdir(TMP))
        before = state(path)
        for args in (["export", "ranking", "--database", path, "--bloc", "1", "--year", "2024",
                      "--output", os.path.join(OUT, "e.xlsx"), "--force"],
                     ["ics", path, "--year", "2024", "--output", os.path.join(OUT, "e.ics"),
                      "--force"],
                     ["import-units", path, os.path.join(TMP, "units.csv"), "--dry-run"]):
            rc, _, err = thidua(*args)
            assert rc == 1, (args, rc, err)
            assert "empty" in err and "older version" not in err, (args, err)
            assert os.path.basename(path) in err, err
        assert state(path) == before
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
        assert sorted(os.listdir(TMP)) == folder_before


@test
def older_file_is_not_upgraded_by_a_read():
    path = os.path.join(TMP, "old.db")
    c = sqlite3.connect(path)
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    c.execute("PRAGMA user_version = 1")
    c.execute("PRAGMA application_id = %d" % 0x54484944)
    c.commit()
    c.close()
    before = state(path)
    rc, _, err = thidua("export", "ranking", "--database", path, "--bloc", "1", "--year", "2024",
                        "--output", os.path.join(OUT, "old.xlsx"))
    assert rc == 1 and "older version" in err and "only reads" in err, err
    assert state(path) == before


@test
def read_only_folder_is_read():
    folder = os.path.join(TMP, "ro")
    os.mkdir(folder)
    db = os.path.join(folder, "khoi6.db")
    rc, _, err = thidua("demo", db)
    assert rc == 0, err
    os.chmod(folder, 0o555)
    try:
        before = state(folder)
        rc, _, err = thidua("export", "matrix", "--database", db, "--bloc", "Khối 6", "--year",
                            "2024", "--output", os.path.join(OUT, "ro.pdf"), "--force")
        assert rc == 0, err
        # Even as root, who may write anywhere: nothing was.
        assert state(folder) == before
    finally:
        os.chmod(folder, 0o755)


print(f"1..{len(tests)}")
failed = 0
for i, fn in enumerate(tests, 1):
    try:
        fn()
        print(f"ok {i} {fn.__name__}")
    except Exception:  # noqa: BLE001 - report every failure as TAP
        failed += 1
        print(f"not ok {i} {fn.__name__}")
        for line in traceback.format_exc().splitlines():
            print(f"# {line}")
sys.exit(1 if failed else 0)
