#!/usr/bin/python3
# "thidua export": options, checks and exit codes (0 written, 1 refused or
# failed, 2 usage), headless (no DISPLAY).
# Usage: test-export-cli.py THIDUA  (TAP on stdout)
import atexit
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import traceback

THIDUA = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="td-cli-")
atexit.register(shutil.rmtree, TMP, ignore_errors=True)
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"  # the English messages; vi.po is checked elsewhere
ENV["XDG_DATA_HOME"] = os.path.join(TMP, "xdg-data")  # backups of this run's own
BACKUPS = os.path.join(ENV["XDG_DATA_HOME"], "com.example.ThiDua", "backups")
tests = []


def test(fn):
    tests.append(fn)
    return fn


def thidua(*args):
    r = subprocess.run([THIDUA, "export", *args], capture_output=True, text=True, env=ENV)
    return r.returncode, r.stdout, r.stderr


def path(name):
    return os.path.join(TMP, name)


@test
def help_lists_sheets():
    rc, out, _ = thidua("--help")
    assert rc == 0
    for word in ("--bloc", "--year", "--unit", "--format", "--output", "--force", "--example",
                 "scores", "ranking", "matrix", "form", "calendar"):
        assert word in out, word
    rc, out, _ = subprocess.run([THIDUA, "help"], capture_output=True, text=True,
                                env=ENV).returncode, None, None
    assert rc == 0


@test
def writes_xlsx_and_pdf_headless():
    for fmt in ("xlsx", "pdf"):
        target = path(f"ranking.{fmt}")
        rc, out, err = thidua("ranking", "--example", "--output", target)
        assert rc == 0, err
        assert os.path.getsize(target) > 5000
        assert os.path.basename(target) in out
        with open(target, "rb") as f:
            assert f.read(4) == (b"PK\x03\x04" if fmt == "xlsx" else b"%PDF")
    # --format wins over the extension.
    rc, _, err = thidua("form", "--example", "--format", "pdf", "--output", path("form.bin"))
    assert rc == 0, err
    with open(path("form.bin"), "rb") as f:
        assert f.read(4) == b"%PDF"


@test
def existing_file_needs_force():
    target = path("exists.xlsx")
    with open(target, "w") as f:
        f.write("keep me")
    rc, _, err = thidua("ranking", "--example", "--output", target)
    assert rc == 1 and "already exists" in err and "--force" in err, err
    with open(target) as f:
        assert f.read() == "keep me"
    rc, _, err = thidua("ranking", "--example", "--output", target, "--format", "pdf",
                            "--force")
    assert rc == 0, err


@test
def unwritable_and_missing_folders():
    rc, _, err = thidua("ranking", "--example", "--output", path("nope/out.pdf"))
    assert rc == 1 and "does not exist" in err, err
    if os.getuid() != 0:
        ro = path("ro")
        os.mkdir(ro)
        os.chmod(ro, stat.S_IRUSR | stat.S_IXUSR)
        rc, _, err = thidua("ranking", "--example", "--output", os.path.join(ro, "out.xlsx"))
        os.chmod(ro, stat.S_IRWXU)
        assert rc == 1 and "may not write" in err, err


@test
def usage_errors():
    cases = [
        (["bogus", "--example", "--output", path("x.pdf")], "Unknown sheet “bogus”"),
        (["--example", "--output", path("x.pdf")], "Name one sheet"),
        (["ranking", "--example"], "--output"),
        (["ranking", "--example", "--output", path("x.doc")], "xlsx or pdf"),
        (["ranking", "--example", "--format", "ods", "--output", path("x.xlsx")], "xlsx or pdf"),
        (["ranking", "--output", path("x.xlsx"), "--bloc", "6", "--year", "2024"],
         "--database"),
        (["ranking", "--database", path("db"), "--year", "2024", "--output", path("x.xlsx")],
         "--bloc"),
        (["scores", "--database", path("db"), "--bloc", "6", "--year", "2024",
          "--output", path("x.xlsx")], "--unit"),
        (["ranking", "--database", path("db"), "--bloc", "6", "--output", path("x.xlsx")],
         "--year"),
        (["ranking", "--example", "--year", "1800", "--output", path("x.xlsx")], "--year"),
        (["ranking", "--example", "--year", "abc", "--output", path("x.xlsx")], "abc"),
    ]
    for args, expected in cases:
        rc, _, err = thidua(*args)
        assert rc == 2, (args, rc, err)
        assert expected in err, (args, err)
    assert not os.path.exists(path("x.xlsx")) and not os.path.exists(path("x.pdf"))


@test
def missing_database_is_reported():
    # The builders over a real database are checked by test-sheet-exports.py.
    for sheet in ("ranking", "scores", "matrix", "form", "calendar", "workbook"):
        rc, _, err = thidua(sheet, "--database", path("db"), "--bloc", "Khối 6", "--year",
                            "2024", "--unit", "1", "--output", path(f"later-{sheet}.xlsx"))
        assert rc == 1 and err.strip() and "not available yet" not in err, (sheet, rc, err)
        assert not os.path.exists(path(f"later-{sheet}.xlsx"))
    for sheet in ("ranking", "scores", "matrix", "form", "calendar", "workbook"):
        rc, _, err = thidua(sheet, "--example", "--output", path(f"example-{sheet}.pdf"))
        assert rc == 0, (sheet, err)


@test
def exports_honour_the_umask_and_keep_a_replaced_files_mode():
    def run_with(umask, *args):
        r = subprocess.run([THIDUA, *args], capture_output=True, text=True, env=ENV,
                           preexec_fn=lambda: os.umask(umask))
        assert r.returncode == 0, r.stderr

    def mode(name):
        return stat.S_IMODE(os.stat(name).st_mode)

    for fmt in ("xlsx", "pdf"):
        private = path(f"private.{fmt}")
        run_with(0o077, "export", "ranking", "--example", "--output", private)
        assert mode(private) == 0o600, oct(mode(private))
        # Replaced under a laxer umask: it stays as private as it was.
        run_with(0o022, "export", "ranking", "--example", "--output", private, "--force")
        assert mode(private) == 0o600, oct(mode(private))
        shared = path(f"shared.{fmt}")
        run_with(0o022, "export", "ranking", "--example", "--output", shared)
        assert mode(shared) == 0o644, oct(mode(shared))
        os.chmod(shared, 0o640)
        run_with(0o022, "export", "ranking", "--example", "--output", shared, "--force")
        assert mode(shared) == 0o640, oct(mode(shared))
    db = path("umask.db")
    run_with(0o022, "demo", db)
    ics = path("lich.ics")
    run_with(0o077, "ics", db, "--year", "2024", "--output", ics)
    assert mode(ics) == 0o600, oct(mode(ics))
    run_with(0o022, "ics", db, "--year", "2024", "--output", ics, "--force")
    assert mode(ics) == 0o600, oct(mode(ics))


def snapshot(name):
    """The bytes and the modification time: what "untouched" means."""
    with open(name, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest(), os.stat(name).st_mtime_ns


@test
def never_over_the_database():
    db = path("self.db")
    r = subprocess.run([THIDUA, "demo", db], capture_output=True, text=True, env=ENV)
    assert r.returncode == 0, r.stderr
    os.makedirs(BACKUPS, exist_ok=True)
    os.link(db, path("hard-link.xlsx"))
    os.symlink(db, path("soft-link.pdf"))
    before = snapshot(db)
    targets = [
        (db, "self.db"),
        (os.path.join(TMP, ".", "sub", "..", "self.db"), "self.db"),
        (path("hard-link.xlsx"), "hard-link.xlsx"),
        (path("soft-link.pdf"), "soft-link.pdf"),
        (db + "-wal", "companion file"),
        (db + "-journal", "companion file"),
        (os.path.join(BACKUPS, "Bang.xlsx"), "backup folder"),
    ]
    for target, words in targets:
        for extra in ([], ["--force"]):
            rc, _, err = thidua("ranking", "--database", db, "--bloc", "Khối 6", "--year", "2024",
                                "--output", target, "--format", "xlsx", *extra)
            assert rc == 1 and words in err and "Choose another" in err, (target, rc, err)
        # Synthetic data over a database is refused as well.
        rc, _, err = thidua("ranking", "--example", "--output", target, "--format", "pdf",
                            "--force")
        assert rc == 1 and "Choose another" in err, (target, rc, err)
    assert snapshot(db) == before
    assert not os.path.exists(db + "-journal")
    assert os.listdir(BACKUPS) == []
    os.unlink(path("hard-link.xlsx"))
    os.unlink(path("soft-link.pdf"))


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
