#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The self-score form speaks the whole criteria model: every table of
# tests/criteria-tables/ (the shapes of real tables: items with their own
# standard points over rows that only deduct, a bonus beside standard
# points, brackets by the number of files received, headings with their own
# deduction, options with a deduction, graded levels) goes the whole way
# through the real command line.  The table is saved with "thidua
# import-table", each corpus unit's form exported, filled by openpyxl with
# the unit's self inputs of the .expect.json, its formulas recomputed (the
# test evaluator, and LibreOffice when installed) and imported with "thidua
# import-forms"; the form's own totals and the app's after the import must
# both equal expected.self, section by section, to the hundredth.  Each
# table is also run with the bloc's rule that an empty standard row counts
# as fully met (full_by_default), the full rows left empty on the form.
# A blank form printed by LibreOffice shows no 0 in its total row.
# Usage: test-form-corpus.py THIDUA CROSSCHECK_MODEL  (TAP on stdout)
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from td_forms import data_sheet, libreoffice_convert, libreoffice_recalc, list_items  # noqa: E402
from td_tap import main, test  # noqa: E402
from td_xlsx_eval import recompute  # noqa: E402

THIDUA, MODEL = sys.argv[1], sys.argv[2]
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "criteria-tables")
TABLES = ["so-nganh-2023", "khoi-thi-dua-2024", "xa-phuong-2025", "cum-tham-muu-2025-excel",
          "phong-ban-huyen-2024-writer"]
TMP = tempfile.mkdtemp(prefix="td-form-corpus-")
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"
BLOC = ["--bloc", "Khối 6", "--year", "2024"]
SOFFICE = shutil.which("soffice")


def run(*args, check=True):
    r = subprocess.run([THIDUA, *args], capture_output=True, text=True, env=ENV)
    if check:
        assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


def hundredths(x):
    return int((Decimal(str(x)) * 100).to_integral_value())


def table_file(name):
    for ext in (".tsv", ".html"):
        if os.path.exists(os.path.join(CORPUS, name + ext)):
            return os.path.join(CORPUS, name + ext)
    raise AssertionError(name)


class Case:
    """One corpus table saved in a database of its own, with its two units."""

    def __init__(self, name, full):
        self.name, self.full = name, full
        with open(os.path.join(CORPUS, name + ".expect.json"), encoding="utf-8") as f:
            self.expect = json.load(f)
        self.rows = {r["line"]: r for r in self.expect["rows"]}
        self.dir = os.path.join(TMP, name + ("-full" if full else ""))
        os.makedirs(os.path.join(self.dir, "forms"))
        self.db = os.path.join(self.dir, "scores.db")
        shutil.copy(TEMPLATE, self.db)
        units = os.path.join(self.dir, "units.csv")
        with open(units, "w", encoding="utf-8") as f:
            f.writelines(u["name"] + "\n" for u in self.expect["units"])
        run("import-units", self.db, units, *BLOC)
        run("import-table", self.db, table_file(name), *BLOC, "--replace")
        con = sqlite3.connect(self.db)
        self.bloc_year = con.execute(
            "SELECT y.id FROM bloc_year y JOIN bloc b ON b.id = y.bloc_id"
            " WHERE y.year = 2024 AND b.name = 'Khối Thi đua số 6'").fetchone()[0]
        if full:
            # The bloc's rule, written as td_criteria_set_full_by_default
            # does (the window's Table Settings sets it; no command does).
            con.execute("UPDATE criteria_table SET full_by_default = 1 WHERE bloc_year_id = ?",
                        (self.bloc_year,))
            con.commit()
        # The criteria in pre-order are the corpus' criterion lines in order.
        nodes = con.execute(
            "SELECT c.id, coalesce(c.parent_id, 0), c.position FROM criterion c"
            " JOIN criteria_table t ON t.id = c.table_id"
            " WHERE t.bloc_year_id = ? AND c.deleted = 0", (self.bloc_year,)).fetchall()
        con.close()
        children = {}
        for cid, parent, position in nodes:
            children.setdefault(parent, []).append((position, cid))
        order = []

        def walk(parent):
            for _, cid in sorted(children.get(parent, [])):
                order.append(cid)
                walk(cid)
        walk(0)
        lines = [r["line"] for r in self.expect["rows"] if r["type"] == "criterion"]
        assert len(lines) == len(order), (name, len(lines), len(order))
        self.criterion = dict(zip(lines, order))

    def parts(self, line, roles):
        return [r for r in self.expect["rows"]
                if r["type"] == "part" and r["of_line"] == line and r["role"] in roles]

    def droppable(self, line, inputs):
        """With full_by_default an empty row gives its full standard points."""
        row = self.rows[line]
        if row["kind"] == "standard":
            return hundredths(inputs.get("points", -1)) == hundredths(row["standard"]) \
                and not inputs.get("bonus")
        if row["kind"] == "standard_less_each":
            return inputs.get("count") == 0
        if row["kind"] == "graded" and inputs.get("choice") is not None:
            grade = next(p for p in self.parts(line, ("grade",)) if p["line"] == inputs["choice"])
            return hundredths(grade["points"]) == hundredths(row["standard"])
        return False


def input_keys(wb):
    """The form's data sheet, meta and input rows {(criterion id, field): excel row}."""
    data, meta, rows = data_sheet(wb)
    keys = {}
    for row, key in rows.items():
        _, cid, field = key.split(":")
        keys[(int(cid), field)] = row
    return data, meta, keys


def in_range(rng):
    """A measured value inside a grade's range."""
    if "from" in rng:
        return rng["from"]
    return rng["below"] - 1


def fill(case, unit, path):
    """Types the unit's self inputs into the form at @path, as its member would."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    data, meta, keys = input_keys(wb)
    col = int(meta["col_input"]) + 1
    typed = 0

    def put(cid, field, value):
        assert (cid, field) in keys, (case.name, cid, field, sorted(k for k in keys if k[0] == cid))
        ws.cell(keys[(cid, field)], col).value = value

    for key, inputs in unit["self"].items():
        line = int(key)
        cid = case.criterion[line]
        if inputs.get("choice", 0) is None or inputs.get("value", 0) is None:
            continue  # "not applicable": nothing is typed
        if case.full and case.droppable(line, inputs):
            continue
        typed += 1
        if "points" in inputs:
            put(cid, "points", inputs["points"])
        if inputs.get("bonus"):
            put(cid, "bonus", inputs["bonus"])
        if "count" in inputs:
            put(cid, "count", inputs["count"])
        if "choice" in inputs:
            parts = case.parts(line, ("grade", "option"))
            index = [p["line"] for p in parts].index(inputs["choice"])
            for field in ("option", "grade"):
                if (cid, field) in keys:
                    cell = ws.cell(keys[(cid, field)], col)
                    put(cid, field, list_items(ws, data, cell.coordinate)[index])
                    break
            else:
                put(cid, "measured", in_range(parts[index]["range"]))
        if "value" in inputs:
            put(cid, "measured", inputs["value"])
        if "size" in inputs:
            if (cid, "files") in keys:
                put(cid, "files", inputs["size"])
            else:
                sizes = case.parts(line, ("size_class",))
                index = next(i for i, p in enumerate(sizes)
                             if inputs["size"] >= p["size"].get("from", 0)
                             and inputs["size"] < p["size"].get("below", 10 ** 9))
                cell = ws.cell(keys[(cid, "size_class")], col)
                put(cid, "size_class", list_items(ws, data, cell.coordinate)[index])
        if "applies" in inputs:
            put(cid, "flag", "Có" if inputs["applies"] else "Không")
        if inputs.get("exempt"):
            put(cid, "exempt", "Có")
    wb.save(path)
    return typed


def section_rows(case, ws, meta):
    """The form's row of every top-level criterion and of the total."""
    code_col = int(meta["col_code"]) + 1
    found, r = {}, int(meta["first_row"])
    for s in case.expect["units"][0]["expected"]["self"]["sections"]:
        title = case.rows[s["line"]]["title"].rstrip("…")
        while not (str(ws.cell(r, code_col).value) == str(s["code"])
                   and str(ws.cell(r, code_col + 1).value).startswith(title)):
            r += 1
            assert r <= ws.max_row, (case.name, s)
        found[s["line"]] = r
    while ws.cell(r, code_col).value != "Tổng cộng":
        r += 1
    found["total"] = r
    return found


def figures(expected):
    """{section line or "total": (standard, bonus, deduction, total)} in hundredths."""
    out = {s["line"]: tuple(hundredths(s[k]) for k in ("standard", "bonus", "deduction", "total"))
           for s in expected["sections"]}
    out["total"] = tuple(hundredths(expected[k])
                         for k in ("standard", "bonus", "deduction", "total"))
    return out


def form_figures(case, path, values=None):
    """The form's own figures, recomputed by the test evaluator (or read from
    @values: a workbook LibreOffice recalculated)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    _, meta, _ = data_sheet(wb)
    got = recompute(ws) if values is None else None
    shown = values.worksheets[0] if values is not None else None
    out, note = {}, None
    for key, r in section_rows(case, ws, meta).items():
        row = []
        for name in ("col_reached", "col_bonus", "col_deduction", "col_self"):
            c = int(meta[name]) + 1
            v = got.get((r, c)) if got is not None else shown.cell(r, c).value
            row.append(hundredths(round(v or 0, 2)))
        out[key] = tuple(row)
        if key == "total":
            c = int(meta["col_evidence"]) + 1
            note = got.get((r, c)) if got is not None else shown.cell(r, c).value
    return out, note == "Không xếp loại"


def expect_self(case, unit, got, disqualified):
    """@got (section figures) and @disqualified are the unit's expected self score."""
    want = figures(unit["expected"]["self"])
    assert got == want, (case.name, case.full, unit["name"], got, want)
    assert disqualified == unit["expected"]["self"]["disqualified"], (case.name, unit["name"])


def app_figures(case, unit_name):
    """The app's own totals of the unit after the import (td_scoring_compute)."""
    out = subprocess.run([MODEL, "model", case.db, str(case.bloc_year)], capture_output=True,
                         text=True, check=True, env=ENV).stdout
    model = json.loads(out)
    unit = next(u for u in model["units"] if u["name"] == unit_name)
    tops = [i for i, c in enumerate(model["criteria"]) if c["parent"] == -1]
    result = {}
    for s, index in zip(case.expect["units"][0]["expected"]["self"]["sections"], tops):
        self_total, standard, bonus, deduction, total = unit["nodes"][index]
        assert self_total == total  # nothing assessed: final is self
        result[s["line"]] = (standard, bonus, deduction, total)
    result["total"] = (sum(v[0] for v in result.values()), unit["bonus"], unit["deduction"],
                       unit["self"])
    return result, unit["grade"] == "Không xếp loại"


# --- the round trip --------------------------------------------------------------

TEMPLATE = os.path.join(TMP, "demo.db")
run("demo", TEMPLATE)
CASES = [Case(name, full) for name in TABLES for full in (False, True)]
FORMS = []  # (case, unit, path)
for case in CASES:
    for i, unit in enumerate(case.expect["units"]):
        path = os.path.join(case.dir, "forms", f"Phieu-{i + 1}.xlsx")
        run("export", "form", "--database", case.db, *BLOC, "--unit", unit["name"],
            "--output", path)
        unit["typed"] = fill(case, unit, path)
        FORMS.append((case, unit, path))
IMPORTS = {case.dir: run("import-forms", case.db, os.path.join(case.dir, "forms"), *BLOC,
                         check=False) for case in CASES}


@test
def every_table_and_unit_has_a_filled_form():
    assert len(FORMS) == 2 * 2 * len(TABLES)
    for case, unit, _ in FORMS:
        assert unit["typed"] > 5, (case.name, unit["name"])
    # Under full_by_default the rows met in full were left empty.
    for name in TABLES:
        plain = sum(u["typed"] for c, u, _ in FORMS if c.name == name and not c.full)
        full = sum(u["typed"] for c, u, _ in FORMS if c.name == name and c.full)
        assert full < plain, (name, full, plain)


@test
def the_forms_compute_the_expected_self_scores():
    for case, unit, path in FORMS:
        got, disqualified = form_figures(case, path)
        expect_self(case, unit, got, disqualified)


@test
def libreoffice_computes_the_same():
    if SOFFICE is None:
        return "SKIP LibreOffice (soffice) is not installed; td_xlsx_eval.py checked the formulas"
    out = os.path.join(TMP, "lo")
    # One file name per form, so that one conversion does them all.
    staged = os.path.join(TMP, "staged")
    os.makedirs(staged)
    names = {}
    for n, (case, unit, path) in enumerate(FORMS):
        names[n] = f"form-{n:02d}.xlsx"
        shutil.copy(path, os.path.join(staged, names[n]))
    libreoffice_recalc(SOFFICE, [os.path.join(staged, names[n]) for n in names], out, TMP)
    for n, (case, unit, path) in enumerate(FORMS):
        values = openpyxl.load_workbook(os.path.join(out, names[n]), data_only=True)
        got, disqualified = form_figures(case, path, values)
        expect_self(case, unit, got, disqualified)


@test
def a_blank_form_shows_blank_totals_in_libreoffice():
    """What LibreOffice prints of a blank form: its total row holds the
    standard points only, no 0 for what nobody has entered (as our PDF)."""
    if SOFFICE is None:
        return "SKIP LibreOffice (soffice) is not installed"
    case = CASES[0]
    blank = os.path.join(TMP, "blank", "Phieu-trong.xlsx")
    os.makedirs(os.path.dirname(blank))
    run("export", "form", "--database", case.db, *BLOC, "--unit", case.expect["units"][0]["name"],
        "--output", blank)
    pdf = libreoffice_convert(SOFFICE, [blank], "pdf", os.path.join(TMP, "blank-pdf"), TMP)[0]
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    total = [line.split() for line in text.splitlines() if line.strip().startswith("Tổng cộng")]
    # The table's standard points: its sections' as written.
    standard = sum(hundredths(case.rows[s["line"]]["standard"])
                   for s in case.expect["units"][0]["expected"]["self"]["sections"])
    assert len(total) == 1 and total[0][:2] == ["Tổng", "cộng"], total
    assert [hundredths(x) for x in total[0][2:]] == [standard], (total, standard)


@test
def every_form_is_imported_whole():
    for case in CASES:
        r = IMPORTS[case.dir]
        assert r.returncode == 0, (case.name, r.stdout, r.stderr)
        assert "2 forms imported" in r.stdout, (case.name, r.stdout)
        assert ", 0 refused, 0 cells refused." in r.stdout, (case.name, r.stdout)


@test
def the_app_computes_the_expected_self_scores_after_the_import():
    for case, unit, _ in FORMS:
        got, disqualified = app_figures(case, unit["name"])
        expect_self(case, unit, got, disqualified)


@test
def importing_again_changes_nothing():
    for case in CASES:
        r = run("import-forms", case.db, os.path.join(case.dir, "forms"), *BLOC, "--dry-run")
        assert "0 forms would be imported (0 rows)" in r.stdout, (case.name, r.stdout)


if __name__ == "__main__":
    main(cleanup=lambda: shutil.rmtree(TMP, ignore_errors=True))
