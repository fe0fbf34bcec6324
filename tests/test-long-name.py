#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# A unit named with 2,000 characters (issue 15, finding 9): in the ranking
# table's PDF every word of the name is printed, in order, inside the page
# (the row goes on to the next page rather than being cut), every other
# unit is still there; in the workbook the cell holds the whole name and
# the row is as tall as Excel allows (409 pt), not taller, while the other
# rows keep their height.  Pages are rendered to TD_TEST_OUTPUT_DIR.
# Usage: test-long-name.py THIDUA CROSSCHECK_MODEL  (TAP on stdout)
import html
import json
import os
import re
import shutil
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from td_tap import main, run, test  # noqa: E402

THIDUA, MODEL = sys.argv[1], sys.argv[2]
OUT = os.environ.get("TD_TEST_OUTPUT_DIR", tempfile.gettempdir())
TMP = tempfile.mkdtemp(prefix="td-long-name-")


DB = os.path.join(TMP, "long.db")
run(THIDUA, "demo", DB)
NAME = run(MODEL, "long-name", DB, "2", "2000")
COMMON = ["--database", DB, "--bloc", "Khối Thi đua số 6", "--year", "2024"]
PDF = os.path.join(TMP, "ranking.pdf")
XLSX = os.path.join(TMP, "ranking.xlsx")
run(THIDUA, "export", "ranking", *COMMON, "--format", "pdf", "--output", PDF)
run(THIDUA, "export", "ranking", *COMMON, "--output", XLSX)
os.makedirs(OUT, exist_ok=True)
run("pdftoppm", "-r", "50", "-png", PDF, os.path.join(OUT, "pdf-long-name"))


def pages():
    """[(width, height, [(xmin, ymin, xmax, ymax, word)])] from pdftotext -bbox."""
    text = run("pdftotext", "-bbox", PDF, "-")
    out = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(w))
                 for a, b, c, d, w in re.findall(
                     r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                     r'(.*?)</word>', page.group(3))]
        out.append((float(page.group(1)), float(page.group(2)), words))
    return out


PAGES = pages()


def table_words():
    """The words of the table, page after page: what comes before the notes."""
    words = []
    for _, _, ws in PAGES:
        notes = [w for w in ws if w[4] == "Ghi"]
        limit = min((w[1] for w in notes), default=None)
        words += [w for w in ws if limit is None or w[1] < limit - 1]
        if limit is not None:
            break
    return words


@test
def name_is_long_and_numbered():
    assert len(NAME) == 2000, len(NAME)
    assert NAME.split()[0] == "Sở0" and NAME.split()[-1].startswith(("qu", "q"))


@test
def every_word_inside_the_page():
    assert len(PAGES) >= 3, len(PAGES)
    for n, (width, height, words) in enumerate(PAGES, 1):
        assert words, f"page {n} is empty"
        for x0, y0, x1, y1, w in words:
            # Within the paper, clear of its edges (margins are 15 mm and more).
            assert 20 <= x0 and x1 <= width - 20, (n, w, x0, x1, width)
            assert 20 <= y0 and y1 <= height - 20, (n, w, y0, y1, height)


@test
def whole_name_in_order_in_the_table():
    want = NAME.split()
    got = [w[4] for w in table_words()]
    k = 0
    for w in got:
        if k < len(want) and w == want[k]:
            k += 1
    assert k == len(want), f"the table stops at word {k} of {len(want)}: {want[k:k + 3]}"
    # Nowhere in the table twice: a row continued, not repeated.
    assert got.count("Sở0") == 1, got.count("Sở0")


@test
def the_row_continues_on_the_next_pages_with_its_header():
    first = next(i for i, (_, _, ws) in enumerate(PAGES) if any(w[4] == "Sở0" for w in ws))
    last_word = NAME.split()[-1]
    last = next(i for i, (_, _, ws) in enumerate(PAGES) if any(w[4] == last_word for w in ws))
    assert last > first, (first, last)
    for i in range(first + 1, last + 1):
        texts = [w[4] for w in PAGES[i][2]]
        assert "Xếp" in texts and "Tổng" in texts, f"page {i + 1} lacks the table header"
        assert str(i + 1) in texts, f"page {i + 1} lacks its number"


@test
def every_other_unit_is_printed():
    text = re.sub(r"\s+", "", run("pdftotext", "-raw", PDF, "-"))
    units = [u["name"] for u in json.loads(run(MODEL, "model", DB, "2"))["units"]]
    assert len(units) == 12 and NAME in units, units
    for unit in units:
        if unit == NAME:
            continue  # split over pages: whole_name_in_order_in_the_table
        assert re.sub(r"\s+", "", unit) in text, unit
    assert "NguyễnVănAn" in text  # the signature


@test
def workbook_cell_whole_and_row_height_sane():
    wb = openpyxl.load_workbook(XLSX)
    ws = wb.worksheets[0]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == NAME]
    assert len(rows) == 1, rows
    row = rows[0]
    height = ws.row_dimensions[row].height
    # Excel's largest row: 409 pt.  Taller is refused or silently cut.
    assert height is not None and 200 < height <= 409, height
    assert ws.cell(row, 2).alignment.wrap_text
    others = [ws.row_dimensions[r].height for r in range(row + 1, row + 10)
              if ws.cell(r, 1).value and str(ws.cell(r, 1).value).isdigit()]
    assert others and all(h is not None and h < 80 for h in others), others


main(cleanup=lambda: shutil.rmtree(TMP, ignore_errors=True))
