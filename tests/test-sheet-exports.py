#!/usr/bin/python3
# The official sheets of the demo database, exported by the real command line
# ("thidua export … --database demo.db"), read back: xlsx with openpyxl
# (every formula recomputes to its cached value, totals agree across the
# summary, the matrix and each unit's sheet, merged title, header block,
# print setup, the form's validations, protection and data sheet) and PDF
# with poppler (A4, fonts embedded, title, every unit, decimal commas,
# signature block, page numbers from page 2).  Every error of the command
# line is checked too.  Pages are rendered to TD_TEST_OUTPUT_DIR to look at.
# Usage: test-sheet-exports.py THIDUA  (TAP on stdout)
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

import openpyxl
from openpyxl.utils import column_index_from_string

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from td_xlsx_eval import Evaluator  # noqa: E402

THIDUA = sys.argv[1]
OUT = os.environ.get("TD_TEST_OUTPUT_DIR", tempfile.gettempdir())
TMP = tempfile.mkdtemp(prefix="td-sheets-")
atexit.register(shutil.rmtree, TMP, ignore_errors=True)
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["LC_ALL"] = "C.UTF-8"  # English messages; vi.po is checked elsewhere
ENV["SOURCE_DATE_EPOCH"] = "1736035200"  # issued on 05/01/2025
DB = os.path.join(TMP, "demo.db")
BLOC = ["--database", DB, "--bloc", "Khối 6", "--year", "2024"]
UNITS = ["Sở Y tế", "Sở Thông tin và Truyền thông", "Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính",
         "Sở Kế hoạch và Đầu tư", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch",
         "Sở Lao động - Thương binh và Xã hội", "Sở Khoa học và Công nghệ", "Thanh tra tỉnh",
         "Ban Dân tộc tỉnh"]
# Worksheet tabs: the name, or the short name when longer than Excel allows.
TABS = {n: n if len(n) <= 31 else "SLĐTBXH" for n in UNITS}
tests = []


def test(fn):
    tests.append(fn)
    return fn


def thidua(*args):
    r = subprocess.run([THIDUA, *args], capture_output=True, text=True, env=ENV)
    return r.returncode, r.stdout, r.stderr


def export(sheet, name, *extra):
    path = os.path.join(TMP, name)
    rc, _, err = thidua("export", sheet, *BLOC, *extra, "--output", path, "--force")
    assert rc == 0, (sheet, err)
    return path


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


rc, _, err = thidua("demo", DB)
assert rc == 0, err
WORKBOOK = export("workbook", "Ket-qua-thi-dua-Khoi-6-2024.xlsx")
RANKING = export("ranking", "Bang-xep-hang-Khoi-6-2024.xlsx")
MATRIX = export("matrix", "Bang-tieu-chi-theo-don-vi-Khoi-6-2024.xlsx")
SCORES = export("scores", "Bang-cham-diem-STP-Khoi-6-2024.xlsx", "--unit", "Sở Tư pháp")
FORM = export("form", "Phieu-tu-cham-STP-Khoi-6-2024.xlsx", "--unit", "STP")
FORMS = export("form", "Phieu-tu-cham-Khoi-6-2024.xlsx")
CALENDAR = export("calendar", "Lich-Khoi-6-2024.xlsx")
PDFS = {sheet: export(sheet, f"{sheet}.pdf", *(["--unit", "STP"] if sheet == "scores" else []))
        for sheet in ("ranking", "matrix", "scores", "form", "calendar", "workbook")}
os.makedirs(OUT, exist_ok=True)
for sheet, path in PDFS.items():
    if sheet != "workbook":
        run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", path,
            os.path.join(OUT, f"sheet-{sheet}"))


def load(path):
    return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


# --- a small evaluator for the formulas the sheets use --------------------

TERM = re.compile(r"([+-]?)(SUM\(([$A-Z0-9]+):([$A-Z0-9]+)\)|RANK\(([$A-Z0-9]+),([$A-Z0-9]+):"
                  r"([$A-Z0-9]+),0\)|([$A-Z]+[$0-9]+))")


def ref(text):
    m = re.match(r"\$?([A-Z]+)\$?(\d+)$", text)
    return int(m.group(2)), column_index_from_string(m.group(1))


def number(wv, r, c):
    v = wv.cell(r, c).value
    return v if isinstance(v, (int, float)) else 0


def cells(a, b):
    (r1, c1), (r2, c2) = ref(a), ref(b)
    return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def evaluate(formula, wv):
    body = formula[1:]
    pos, total = 0, 0
    while pos < len(body):
        m = TERM.match(body, pos)
        if not m:  # the form's rules: IF, MIN, ROUND … (td_xlsx_eval.py)
            return Evaluator(lambda r, c: wv.cell(r, c).value).evaluate(formula)
        sign = -1 if m.group(1) == "-" else 1
        if m.group(3):
            value = sum(number(wv, r, c) for r, c in cells(m.group(3), m.group(4)))
        elif m.group(5):
            me = number(wv, *ref(m.group(5)))
            value = 1 + sum(1 for r, c in cells(m.group(6), m.group(7)) if number(wv, r, c) > me)
        else:
            value = number(wv, *ref(m.group(8)))
        total += sign * value
        pos = m.end()
    return total


def check_formulas(path):
    wb, wv = load(path)
    n = 0
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden":
            continue
        cached = wv[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    got = evaluate(cell.value, cached)
                    want = cached.cell(cell.row, cell.column).value
                    if isinstance(got, str):  # a text result: "" caches as empty
                        assert got == (want or ""), (ws.title, cell.coordinate, got, want)
                        n += 1
                        continue
                    assert want is not None, (ws.title, cell.coordinate, "no cached value")
                    assert abs(got - want) < 1e-9, (ws.title, cell.coordinate, cell.value, got,
                                                    want)
                    n += 1
    return n


def rows_by(ws, col, start=1):
    return {ws.cell(r, col).value: r for r in range(start, ws.max_row + 1)
            if ws.cell(r, col).value is not None}


def header_row(ws):
    return next(r for r in range(1, 20) if ws.cell(r, 1).value == "STT")


# --- xlsx ------------------------------------------------------------------

@test
def workbook_has_summary_matrix_and_every_unit():
    wb, _ = load(WORKBOOK)
    names = wb.sheetnames
    assert names[:2] == ["Tổng hợp xếp hạng", "Tiêu chí × đơn vị"], names
    assert sorted(names[2:]) == sorted(TABS.values()), names
    assert "Sở Văn hóa, Thể thao và Du lịch" in names  # 31 characters: it fits
    folded = [n.casefold() for n in names]
    assert len(set(folded)) == len(folded)
    for n in names:
        assert len(n) <= 31 and not set(n) & set("[]:*?/\\"), n


@test
def every_formula_recomputes_to_its_cached_value():
    counts = {path: check_formulas(path) for path in (WORKBOOK, MATRIX, SCORES, FORM, FORMS)}
    assert counts[WORKBOOK] > 12 * 40, counts
    assert counts[SCORES] > 30 and counts[FORM] > 10, counts


@test
def totals_agree_across_summary_matrix_and_unit_sheets():
    wb, wv = load(WORKBOOK)
    summary, cached = wb.worksheets[0], wv.worksheets[0]
    head = header_row(summary) + 1  # two header rows: the group over the results
    totals, ranks = {}, {}
    for r in range(head + 1, head + 1 + len(UNITS)):
        name = cached.cell(r, 2).value
        totals[name] = cached.cell(r, 7).value
        ranks[name] = cached.cell(r, 8).value
        assert summary.cell(r, 7).value == f"=D{r}+E{r}-F{r}", summary.cell(r, 7).value
    assert sorted(totals) == sorted(UNITS)
    # The demo's result as the ranking page shows it.
    assert totals["Sở Tư pháp"] == 96.5 and ranks["Sở Tư pháp"] == 2, (totals, ranks)
    assert cached.cell(head + 12, 9).value == "Không xếp loại"
    assert cached.cell(head + 12, 10).value.startswith("Lý do: tiêu chí V.5")
    assert cached.cell(head + 12, 8).value is None
    ranked = [totals[n] for n in totals if ranks[n] is not None]
    assert ranked == sorted(ranked, reverse=True) or len(ranked) == 11
    for name in UNITS:
        ws = wv[TABS[name]]
        # The totals row: Tổng điểm (column H) = Thẩm định + Thưởng − Trừ.
        total = rows_by(ws, 1)["Tổng cộng"]
        assert ws.cell(total, 8).value == totals[name], (name, ws.cell(total, 8).value)
        assert abs(ws.cell(total, 5).value + ws.cell(total, 6).value - ws.cell(total, 7).value
                   - totals[name]) < 1e-9, name
        assert ws.cell(total, 3).value == 100
    matrix, mcached = wb.worksheets[1], wv.worksheets[1]
    legend = {}
    # Notes stand over the last band of columns (a merged cell never
    # crosses a printed page).
    for r, c in ((r, c) for r in range(1, matrix.max_row + 1) for c in range(1, 16)):
        text = str(mcached.cell(r, c).value or "")
        if text.startswith("Tên viết tắt: "):
            for item in text[len("Tên viết tắt: "):-1].split("; "):
                short, name = item.split(" — ")
                legend[short] = name
    assert sorted(legend.values()) == sorted(UNITS), legend
    trow = rows_by(mcached, 1)["Tổng điểm"]
    rrow = rows_by(mcached, 1)["Xếp thứ"]
    hrow = header_row(matrix) + 1
    for c in range(4, 16):
        name = legend[mcached.cell(hrow, c).value]
        assert mcached.cell(trow, c).value == totals[name], name
        assert mcached.cell(rrow, c).value == (ranks[name] or "KXL"), name
        assert matrix.cell(trow, c).value.startswith("="), matrix.cell(trow, c).value


@test
def header_block_title_and_signature():
    wb, _ = load(RANKING)
    ws = wb.worksheets[0]
    assert ws["A1"].value == "SỞ Y TẾ" and not ws["A1"].font.b
    assert ws["A2"].value == "KHỐI THI ĐUA SỐ 6" and ws["A2"].font.b
    assert ws["A3"].value == "Số: ……/……"
    right = [ws.cell(r, c).value for r in range(1, 4) for c in range(3, 8)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Bình Phước, ngày 05 tháng 01 năm 2025" in right
    title = "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024"
    r = rows_by(ws, 1)[title]
    assert ws.cell(r, 1).font.b and ws.cell(r, 1).font.name == "Times New Roman"
    assert f"A{r}:J{r}" in {str(m) for m in ws.merged_cells.ranges}
    values = [ws.cell(r, c).value for r in range(1, ws.max_row + 1) for c in range(1, 11)]
    for text in ("Nơi nhận:", "- Lưu: VT.", "TM. KHỐI THI ĐUA SỐ 6", "KHỐI TRƯỞNG",
                 "Nguyễn Văn An"):
        assert text in values, text
    heads = [ws.cell(header_row(ws), c).value for c in range(1, 11)]
    assert heads[:2] == ["STT", "Đơn vị"] and heads[7:] == ["Xếp thứ", "Xếp loại",
                                                              "Đề nghị khen thưởng"], heads
    sub = [ws.cell(header_row(ws) + 1, c).value for c in range(3, 8)]
    assert sub == ["Tự chấm", "Thẩm định", "Thưởng", "Trừ", "Tổng điểm"], sub


@test
def print_setup():
    for path, orientation in ((WORKBOOK, "landscape"), (CALENDAR, "portrait"),
                              (FORM, "landscape")):
        wb, _ = load(path)
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            ps = ws.page_setup
            assert ps.paperSize == 9 and ps.orientation == orientation, (ws.title, ps.orientation)
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            assert abs(ws.page_margins.left - 30 / 25.4) < 1e-6
            assert ws.print_title_rows and ws.print_area, ws.title
            assert ws.freeze_panes, ws.title
            assert "&P" in ws.oddHeader.center.text


@test
def scoring_sheet_levels_and_subtotals():
    wb, wv = load(SCORES)
    ws, cached = wb.worksheets[0], wv.worksheets[0]
    assert ws.title == "Sở Tư pháp"
    rows = rows_by(ws, 1)
    h = header_row(ws)
    heads = [ws.cell(h, c).value for c in range(1, 4)] + [ws.cell(h + 1, c).value
                                                         for c in range(4, 9)]
    # The columns of the ranking table, in its order (one vocabulary).
    assert heads == ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Tự chấm", "Thẩm định", "Thưởng",
                     "Trừ", "Tổng điểm"], heads
    assert ws.cell(h, 9).value == "Ghi chú / minh chứng"
    for code, standard in (("I", 40), ("II", 20), ("III", 15), ("IV", 15), ("V", 10)):
        r = rows[code]
        assert ws.cell(r, 2).font.b and cached.cell(r, 3).value == standard, code
        assert ws.cell(r, 4).value.startswith(f"=D{r + 1}+"), ws.cell(r, 4).value
    total = rows["Tổng cộng"]
    assert ws.cell(total, 4).value == "=D{}+D{}+D{}+D{}+D{}".format(
        *(rows[c] for c in ("I", "II", "III", "IV", "V")))
    assert cached.cell(total, 3).value == 100
    assert f"A{total}:B{total}" in {str(m) for m in ws.merged_cells.ranges}
    assert not ws.cell(rows["I"] + 1, 2).font.b


@test
def form_protection_validations_and_data_sheet():
    wb, wv = load(FORM)
    ws = wb.worksheets[0]
    assert wb.sheetnames == ["Sở Tư pháp", "TD_DATA"], wb.sheetnames
    assert ws.protection.sheet
    # Out of sight (not even in Excel's Unhide list) and out of reach.
    data = wb["TD_DATA"]
    assert data.sheet_state == "veryHidden"
    assert data.protection.sheet
    assert wb.security is not None and wb.security.lockStructure
    kv = {}
    r = 1
    while data.cell(r, 1).value not in (None, "row"):
        kv[data.cell(r, 1).value] = data.cell(r, 2).value
        r += 1
    assert kv["thidua-sheet"] == 1 and kv["worksheet"] == "Sở Tư pháp"
    assert kv["sheet"] == "form" and kv["form_layout"] == "3" and kv["year"] == "2024"
    assert kv["unit"] == "Sở Tư pháp" and kv["bloc"] == "Khối Thi đua số 6"
    assert len(kv["table_fingerprint"]) == 32 and len(kv["seal"]) == 32
    cols = {k: int(kv[k]) + 1 for k in ("col_input", "col_self", "col_evidence")}
    assert cols == {"col_input": 4, "col_self": 9, "col_evidence": 11}, cols
    head = next(i for i in range(1, 40) if data.cell(i, 1).value == "row")
    keys = {}
    i = head + 1
    while data.cell(i, 3).value:
        keys[data.cell(i, 3).value] = data.cell(i, 2).value
        i += 1
    # The demo table's criteria with a rule, the size class and the exemption.
    assert len(keys) == 30, len(keys)
    plan = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 2).value).startswith(
        "Hoàn thành các chỉ tiêu, nhiệm vụ kế hoạch năm 2024"))
    assert plan in keys.values()
    assert ws.cell(plan, 4).protection.locked is False
    assert ws.cell(plan, 11).protection.locked is False
    assert ws.cell(plan, 3).protection.locked is not False
    assert ws.cell(plan, 9).protection.locked is not False  # Tự chấm: a formula
    assert ws.cell(plan, 10).protection.locked is not False  # Thẩm định: the bloc's
    dvs = ws.data_validations.dataValidation
    dv = next(d for d in dvs if f"D{plan}" in str(d.sqref).split())
    assert dv.type == "decimal" and float(dv.formula1) == 0 and float(dv.formula2) == 20
    assert dv.error == ("Nhập số điểm từ 0 đến 20 (dùng dấu phẩy cho phần thập phân, ví "
                        "dụ 0,5)."), dv.error
    assert dv.showErrorMessage and dv.errorStyle in (None, "stop")
    lists = [d for d in dvs if d.type == "list"]
    assert len(lists) == 5 and all(d.formula1.startswith("'TD_DATA'!") for d in lists), lists
    wholes = [d for d in dvs if d.type == "whole"]
    assert len(wholes) == 6, len(wholes)  # the counts
    notes = [ws.cell(r, 1).value or "" for r in range(1, 12)]
    assert any(n.startswith("Hướng dẫn:") for n in notes)
    total = rows_by(ws, 1)["Tổng cộng"]
    assert ws.cell(total, 9).value.startswith("=ROUND(F")
    assert wv.worksheets[0].cell(total, 9).value == 0
    assert wv.worksheets[0].cell(total, 3).value == 100
    # Empty, not 0, in Excel and LibreOffice: the zero section of the format.
    assert ws.cell(total, 9).number_format == "0.##;-0.##;;@", ws.cell(total, 9).number_format


@test
def forms_of_every_member_each_with_its_data_sheet():
    wb, _ = load(FORMS)
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in wb.worksheets if ws.sheet_state == "veryHidden"]
    assert sorted(visible) == sorted(TABS.values()), visible
    assert len(hidden) == 12 and "TD_DATA" in hidden and "TD_DATA12" in hidden, hidden
    for name in hidden:
        data = wb[name]
        kv = {data.cell(r, 1).value: data.cell(r, 2).value for r in range(1, 20)}
        assert kv["unit"] in UNITS and kv["worksheet"] == TABS[kv["unit"]], kv


@test
def calendar_sheet():
    wb, _ = load(CALENDAR)
    ws = wb.worksheets[0]
    assert wb.sheetnames == ["Lịch năm"]
    titles = [ws.cell(r, 1).value for r in range(1, 10)]
    assert "DANH SÁCH CÁC NGÀY LỄ LỚN, SỰ KIỆN\nVÀ THỜI HẠN NĂM 2024" in titles, titles
    text = [str(ws.cell(r, 3).value) for r in range(1, ws.max_row + 1)]
    assert any("Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)" in t
               for t in text), text
    dates = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1)]
    assert "07/05/2024" in dates and "10/02/2024" in dates  # Tết Giáp Thìn
    sections = [ws.cell(r, 3).value for r in range(1, ws.max_row + 1)
                if ws.cell(r, 1).value in ("I", "II", "III")]
    assert sections == ["Các ngày lễ lớn", "Các ngày kỷ niệm, sự kiện và đợt thi đua",
                        "Thời hạn thực hiện nhiệm vụ của Khối"], sections
    # The issuer block is two narrow columns on a portrait page: where it
    # must wrap it breaks before "SỐ 6", not before "6" alone.
    issuer = [ws.cell(r, 1).value for r in range(1, 4)]
    assert "KHỐI THI ĐUA SỐ\u00a06" in issuer, issuer
    assert "A2:B2" in {str(m) for m in ws.merged_cells.ranges}
    # "Nơi nhận" has the same two columns: a long recipient wraps, whole.
    rows = [r for r in range(1, ws.max_row + 1)
            if str(ws.cell(r, 1).value).startswith("- Ban Thi đua")]
    assert rows, "no recipients"
    assert ws.cell(rows[0], 1).alignment.wrap_text
    assert ws.row_dimensions[rows[0]].height >= 28, ws.row_dimensions[rows[0]].height


# --- PDF -------------------------------------------------------------------

def page_texts(path):
    return run("pdftotext", "-layout", path, "-").split("\f")[:-1]


def top_line(page):
    return next(line.strip() for line in page.splitlines() if line.strip())


@test
def pdf_pages_and_fonts():
    for sheet, path in PDFS.items():
        info = run("pdfinfo", path)
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        w, h = float(size.group(1)), float(size.group(2))
        if sheet == "calendar":
            assert (round(w), round(h)) == (595, 842), (sheet, w, h)
        else:
            assert (round(w), round(h)) == (842, 595), (sheet, w, h)
        fonts = run("pdffonts", path)
        serif = [line for line in fonts.splitlines() if "Serif" in line or "Times" in line]
        assert serif and all(" yes " in line for line in serif), fonts


@test
def pdf_text_title_units_commas_signature():
    pages = page_texts(PDFS["ranking"])
    text = "\n".join(pages)
    flat = re.sub(r"\s+", " ", text)
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024" in flat
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    assert "Bình Phước, ngày 05 tháng 01 năm 2025" in flat
    raw = re.sub(r"\s+", " ", run("pdftotext", "-raw", PDFS["ranking"], "-"))
    for name in UNITS:
        assert name in raw, name
    assert "96,5" in text and "98,25" in text
    assert not re.search(r"\b\d+\.\d+\b", text), re.findall(r"\b\d+\.\d+\b", text)[:5]
    for line in ("TM. KHỐI THI ĐUA SỐ 6", "KHỐI TRƯỞNG", "Nguyễn Văn An", "Nơi nhận:"):
        assert line in pages[-1], line
    assert "Không xếp loại" in text


@test
def pdf_page_numbers_from_page_two():
    for sheet in ("ranking", "matrix", "scores", "calendar", "form"):
        pages = page_texts(PDFS[sheet])
        assert len(pages) >= 2, sheet
        assert not re.match(r"^\d+$", top_line(pages[0])), (sheet, top_line(pages[0]))
        if sheet != "form":
            for i in range(1, len(pages)):
                assert top_line(pages[i]) == str(i + 1), (sheet, i, top_line(pages[i]))
    # The workbook: each sheet numbers its own pages; one signature each.
    pages = page_texts(PDFS["workbook"])
    firsts = [i for i, p in enumerate(pages) if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in p]
    assert len(firsts) == 14, len(firsts)
    for i in firsts:
        assert not re.match(r"^\d+$", top_line(pages[i]))
    assert sum("TM. KHỐI THI ĐUA SỐ 6" in p for p in pages) == 14


@test
def pdf_scoring_sheet_of_a_unit():
    text = "\n".join(page_texts(PDFS["scores"]))
    flat = re.sub(r"\s+", " ", text)
    assert "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024" in flat and "Đơn vị: Sở Tư pháp" in flat
    assert "Tổng cộng 100 96,25 92,75 3,75 0 96,5" in flat, flat[-1500:]
    assert "xếp thứ 2/12" in flat


# --- the command line's errors ----------------------------------------------

def export_error(*args, output=None):
    target = output or os.path.join(TMP, "refused.xlsx")
    rc, out, err = thidua("export", *args, "--output", target)
    return rc, err


@test
def unknown_bloc_lists_the_blocs():
    rc, err = export_error("ranking", "--database", DB, "--bloc", "Khối 9", "--year", "2024")
    assert rc == 1 and "There is no bloc “Khối 9”" in err and "Khối Thi đua số 6" in err, err
    assert not os.path.exists(os.path.join(TMP, "refused.xlsx"))


@test
def missing_year_lists_the_years():
    rc, err = export_error("ranking", "--database", DB, "--bloc", "1", "--year", "2019")
    assert rc == 1 and "has no year 2019" in err and "2024, 2023" in err, err


@test
def unknown_unit_lists_the_members():
    rc, err = export_error("scores", *BLOC, "--unit", "Sở Ngoại vụ")
    assert rc == 1 and "There is no unit “Sở Ngoại vụ”" in err, err
    for name in UNITS:
        assert name in err, name
    rc, err = export_error("scores", *BLOC)
    assert rc == 2 and "--unit" in err, err


@test
def unwritable_path_and_existing_file():
    rc, err = export_error("ranking", *BLOC, output=os.path.join(TMP, "nope", "x.xlsx"))
    assert rc == 1 and "does not exist" in err, err
    target = os.path.join(TMP, "keep.pdf")
    with open(target, "w") as f:
        f.write("keep me")
    rc, err = export_error("ranking", *BLOC, output=target)
    assert rc == 1 and "already exists" in err and "--force" in err, err
    with open(target) as f:
        assert f.read() == "keep me"


@test
def missing_database_and_year_without_criteria():
    rc, err = export_error("ranking", "--database", os.path.join(TMP, "none.db"), "--bloc", "1",
                           "--year", "2024")
    assert rc == 1 and err.strip(), err
    # 2023 has the table copied and no scores: nothing sent, nothing made up
    # (blank and "Chưa gửi", never 0).
    path = os.path.join(TMP, "ranking-2023.xlsx")
    rc, _, err = thidua("export", "ranking", "--database", DB, "--bloc", "Khối 6", "--year",
                        "2023", "--output", path)
    assert rc == 0, err
    _, wv = load(path)
    ws = wv.worksheets[0]
    head = header_row(ws) + 1
    assert [ws.cell(r, 7).value for r in range(head + 1, head + 13)] == [None] * 12
    assert [ws.cell(r, 3).value for r in range(head + 1, head + 13)] == ["Chưa gửi"] * 12


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
