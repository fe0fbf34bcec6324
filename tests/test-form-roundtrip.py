#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The self-score forms of the demo bloc go out and come back through the
# real command line: "thidua export form" for every member, each form
# filled by openpyxl as a member would (valid values of every kind, some
# beyond the caps of their section), its formulas recomputed by a small
# evaluator and by LibreOffice when it is installed (skipped with the reason
# otherwise), then "thidua import-forms" on the folder.  The totals the
# forms show equal the totals the app computes after the import, section by
# section; forms re-saved by LibreOffice import the same; wrong files and
# options get their exit codes.
# Usage: test-form-roundtrip.py THIDUA  (TAP on stdout)
import glob
import os
import random
import shutil
import subprocess
import sys
import tempfile
import traceback

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from td_forms import data_sheet, libreoffice_recalc, list_items  # noqa: E402
from td_xlsx_eval import recompute  # noqa: E402

THIDUA = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="td-forms-")
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"  # English messages; vi.po is checked elsewhere
DB = os.path.join(TMP, "demo.db")
FORMS = os.path.join(TMP, "forms")
BLOC = ["--bloc", "Khối 6", "--year", "2024"]
SOFFICE = shutil.which("soffice")
tests = []


def test(fn):
    tests.append(fn)
    return fn


def run(*args, check=True):
    r = subprocess.run([THIDUA, *args], capture_output=True, text=True, env=ENV)
    if check:
        assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


def validation(ws, cell):
    for dv in ws.data_validations.dataValidation:
        if cell in str(dv.sqref).split():
            return dv
    raise AssertionError(f"no validation on {cell}")


def fill(path, rng, heavy):
    """Types a valid value in every input of the form at @path, as a member
    would; @heavy: many cases, so that section caps bite."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    data, meta, rows = data_sheet(wb)
    col = int(meta["col_input"]) + 1
    evidence = int(meta["col_evidence"]) + 1
    for row, key in rows.items():
        field = key.split(":")[2]
        cell = ws.cell(row, col)
        dv = validation(ws, cell.coordinate)
        items = list_items(ws, data, cell.coordinate)
        if items:
            cell.value = rng.choice(items)
        elif field == "count":
            cell.value = rng.randint(3, 8) if heavy else rng.randint(0, 2)
        else:
            top = float(dv.formula2)
            cell.value = round(rng.uniform(0, min(top, 100)), rng.choice((0, 1, 2)))
        if field not in ("size_class", "exempt") and rng.random() < 0.3:
            ws.cell(row, evidence).value = f"Văn bản số {rng.randint(1, 99)}/BC ngày 15/12/2024"
    wb.save(path)


def section_totals(ws, code_col, value_col, codes=("I", "II", "III", "IV", "V")):
    found = {}
    for r in range(1, ws.max_row + 1):
        code = ws.cell(r, code_col).value
        if code in codes and code not in found:
            found[code] = ws.cell(r, value_col)
        if code == "Tổng cộng":
            found["total"] = ws.cell(r, value_col)
    return found


def header_col(ws, text):
    for r in range(1, 20):
        for c in range(1, ws.max_column + 1):
            if ws.cell(r, c).value == text:
                return c
    raise AssertionError(f"no column {text}")


def form_totals(path):
    """Section and total self-scores the form's formulas give, recomputed."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    values = recompute(ws)
    cells = section_totals(ws, 1, header_col(ws, "Tự chấm"))
    return {k: round(values[(c.row, c.column)], 2) for k, c in cells.items()}, wb


APP_TOTALS = {}


def app_totals(unit):
    """The same from the app: the unit's scoring sheet as exported."""
    if unit in APP_TOTALS:
        return APP_TOTALS[unit]
    out = os.path.join(TMP, "scores.xlsx")
    run("export", "scores", "--database", DB, *BLOC, "--unit", unit, "--output", out, "--force")
    ws = openpyxl.load_workbook(out, data_only=True).worksheets[0]
    cells = section_totals(ws, 1, header_col(ws, "Tự chấm"))
    APP_TOTALS[unit] = {k: round(c.value or 0, 2) for k, c in cells.items()}
    return APP_TOTALS[unit]


# --- the round trip ------------------------------------------------------------

run("demo", DB)
os.makedirs(FORMS)
MEMBERS = {}  # file → unit name
ALL = os.path.join(TMP, "all.xlsx")
run("export", "form", "--database", DB, *BLOC, "--output", ALL)
wb = openpyxl.load_workbook(ALL)
UNITS = []
for name in wb.sheetnames:
    if name.startswith("TD_DATA"):
        meta = {wb[name].cell(r, 1).value: wb[name].cell(r, 2).value for r in range(1, 30)}
        UNITS.append(meta["unit"])
rng = random.Random(18)
for i, unit in enumerate(UNITS):
    path = os.path.join(FORMS, f"Phieu-{i + 1:02d}.xlsx")
    run("export", "form", "--database", DB, *BLOC, "--unit", unit, "--output", path)
    fill(path, rng, heavy=i % 3 == 0)
    MEMBERS[path] = unit
IMPORT = run("import-forms", DB, FORMS, check=False)


@test
def every_member_has_a_form():
    assert len(UNITS) == 12, UNITS
    assert len(glob.glob(os.path.join(FORMS, "*.xlsx"))) == 12


@test
def import_of_a_folder_of_twelve_forms():
    assert IMPORT.returncode == 0, (IMPORT.stdout, IMPORT.stderr)
    assert "12 forms imported" in IMPORT.stdout, IMPORT.stdout
    assert ", 0 refused, 0 cells refused." in IMPORT.stdout, IMPORT.stdout
    for unit in UNITS:
        assert f"— {unit}" in IMPORT.stdout, unit


@test
def the_forms_show_the_totals_the_app_computes():
    capped = 0
    for path, unit in MEMBERS.items():
        shown, _ = form_totals(path)
        app = app_totals(unit)
        assert shown == app, (unit, shown, app)
        capped += shown["II"] < 20 - 2  # deductions beyond the cap of II
    assert capped >= 1


@test
def libreoffice_recomputes_the_same_totals():
    if SOFFICE is None:
        return "SKIP LibreOffice (soffice) is not installed; the formulas were checked by " \
               "td_xlsx_eval.py"
    out = os.path.join(TMP, "lo")
    libreoffice_recalc(SOFFICE, list(MEMBERS), out, TMP)
    for path, unit in MEMBERS.items():
        ws = openpyxl.load_workbook(os.path.join(out, os.path.basename(path)),
                                    data_only=True).worksheets[0]
        cells = section_totals(ws, 1, header_col(ws, "Tự chấm"))
        shown = {k: round(c.value or 0, 2) for k, c in cells.items()}
        assert shown == app_totals(unit), (unit, shown)


@test
def forms_saved_by_libreoffice_import_the_same():
    if SOFFICE is None:
        return "SKIP LibreOffice (soffice) is not installed"
    out = os.path.join(TMP, "lo-saved")
    libreoffice_recalc(SOFFICE, list(MEMBERS)[:3], out, TMP)
    other = os.path.join(TMP, "other.db")
    shutil.copy(DB, other)
    # The same values: nothing differs from what the first import saved.
    r = run("import-forms", other, out, "--dry-run", check=False)
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert "0 forms would be imported (0 rows), 0 refused, 0 cells refused." in r.stdout, r.stdout
    assert r.stdout.count("Nothing differs from the scores already saved.") == 3, r.stdout


@test
def importing_again_changes_nothing():
    r = run("import-forms", DB, FORMS, "--dry-run")
    assert "0 forms would be imported (0 rows)" in r.stdout, r.stdout


@test
def dry_run_writes_nothing_and_wrong_cells_are_named():
    path = os.path.join(TMP, "wrong.xlsx")
    unit = UNITS[0]
    run("export", "form", "--database", DB, *BLOC, "--unit", unit, "--output", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    _, meta, rows = data_sheet(wb)
    col = int(meta["col_input"]) + 1
    points = next(r for r, k in rows.items() if k.endswith(":points"))
    count = next(r for r, k in rows.items() if k.endswith(":count"))
    ws.cell(points, col).value = 99
    ws.cell(count, col).value = "ba"
    wb.save(path)
    before = os.path.getmtime(DB)
    r = run("import-forms", DB, path, "--dry-run", check=False)
    assert r.returncode == 1, r.stdout
    assert f"refused D{points}" in r.stdout and "is out of range" in r.stdout, r.stdout
    assert f"refused D{count}" in r.stdout and "is not a number of cases" in r.stdout, r.stdout
    assert os.path.getmtime(DB) == before


@test
def foreign_files_and_options():
    png = os.path.join(TMP, "anh.png")
    with open(png, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    r = run("import-forms", DB, png, check=False)
    assert r.returncode == 1 and "“anh.png” is a picture" in r.stdout, r.stdout
    r = run("import-forms", DB, check=False)
    assert r.returncode == 2, r.stderr
    r = run("import-forms", DB, png, "--year", "2024", check=False)
    assert r.returncode == 2, r.stderr
    r = run("import-forms", DB, os.path.join(TMP, "none.xlsx"), check=False)
    assert r.returncode == 1 and "There is no file or folder" in r.stderr, r.stderr
    # --bloc matches as in export; a form of the other year is refused then.
    r = run("import-forms", DB, list(MEMBERS)[0], "--bloc", "Khối 6", "--year", "2023",
            "--dry-run", check=False)
    assert r.returncode == 1 and "not for the year" in r.stdout, r.stdout
    r = run("import-forms", DB, list(MEMBERS)[0], "--bloc", "Khối 9", check=False)
    assert r.returncode == 1 and "There is no bloc “Khối 9”" in r.stderr, r.stderr
    r = run("help", "import-forms")
    assert "--dry-run" in r.stdout and "--bloc" in r.stdout


@test
def import_units_sniffs_its_input():
    form = list(MEMBERS)[0]
    r = run("import-units", DB, form, "--bloc", "Khối 6", "--dry-run", check=False)
    assert r.returncode == 1 and "is an Excel workbook (.xlsx), not a CSV" in r.stderr, r.stderr
    assert "PK" not in r.stdout
    empty = os.path.join(TMP, "empty.csv")
    open(empty, "w").close()
    r = run("import-units", DB, empty, "--bloc", "Khối 6", "--dry-run", check=False)
    assert r.returncode == 1 and "is an empty file" in r.stderr, r.stderr
    csv = os.path.join(TMP, "units.csv")
    with open(csv, "w") as f:
        f.write("Sở Xây dựng\n")
    r = run("import-units", DB, csv, "--bloc", "Khối 6", "--year", "2024", "--dry-run")
    assert "Sở Xây dựng" in r.stdout


if __name__ == "__main__":
    print(f"1..{len(tests)}")
    failed = 0
    for n, fn in enumerate(tests, 1):
        try:
            result = fn()
            if isinstance(result, str) and result.startswith("SKIP"):
                print(f"ok {n} {fn.__name__} # {result}")
            else:
                print(f"ok {n} {fn.__name__}")
        except Exception:
            failed += 1
            print(f"not ok {n} {fn.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(1 if failed else 0)
