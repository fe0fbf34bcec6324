#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Workbooks written by "thidua export … --example", read back with openpyxl:
# values, formulas and their cached values, merged title cells, fonts, print
# setup, frozen panes, sheet names, the form's protection, validations and
# hidden data sheet, and byte-identical output for a fixed creation date.
# Usage: test-xlsx.py THIDUA  (TAP on stdout)
import atexit
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from td_tap import main, test  # noqa: E402

THIDUA = sys.argv[1]
OUT = os.environ.get("TD_TEST_OUTPUT_DIR", tempfile.gettempdir())
EPOCH = "1735689600"  # 2025-01-01 00:00:00 UTC
TMP = tempfile.mkdtemp(prefix="td-xlsx-")
atexit.register(shutil.rmtree, TMP, ignore_errors=True)


def export(sheet, name, *extra):
    path = os.path.join(TMP, name)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    subprocess.run([THIDUA, "export", sheet, "--example", "--output", path, "--force", *extra],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return path


def competition_ranks(values):
    return [1 + sum(1 for w in values if w > v) for v in values]


RANKING = export("ranking", "Bang-xep-hang-Khoi-6-2024.xlsx")
FORM = export("form", "Phieu-tu-cham-Khoi-6-2024.xlsx")
MATRIX = export("matrix", "Bang-tieu-chi-theo-don-vi-Khoi-6-2024.xlsx")
CALENDAR = export("calendar", "Lich-ngay-le-va-thoi-han-Khoi-6-2024.xlsx")
os.makedirs(OUT, exist_ok=True)
for p in (RANKING, FORM, MATRIX, CALENDAR):
    with open(p, "rb") as src, open(os.path.join(OUT, os.path.basename(p)), "wb") as dst:
        dst.write(src.read())

wb = openpyxl.load_workbook(RANKING)
wbv = openpyxl.load_workbook(RANKING, data_only=True)
HEADER, FIRST, LAST = 8, 10, 69  # table header row, first and last unit rows


@test
def sheet_names():
    assert wb.sheetnames == ["Tổng hợp xếp hạng", "Trung tâm Kiểm soát bệnh tật và"], wb.sheetnames
    for name in wb.sheetnames:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


@test
def header_block_and_title():
    ws = wb.worksheets[0]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert ws["A1"].value == "SỞ Y TẾ TỈNH BÌNH PHƯỚC"
    assert ws["A2"].value == "KHỐI THI ĐUA SỐ 6" and ws["A2"].font.b
    assert ws["A3"].value == "Số: 01/BC-KTĐ6"
    assert ws["E1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and ws["E1"].font.b
    assert ws["E2"].value == "Độc lập - Tự do - Hạnh phúc" and ws["E2"].font.u == "single"
    assert ws["E3"].value == "Bình Phước, ngày 05 tháng 01 năm 2025" and ws["E3"].font.i
    assert {"A1:D1", "E1:J1", "A2:D2", "E2:J2", "A5:J5"} <= merged, merged
    title = ws["A5"]
    assert title.value == "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024"
    assert title.font.b and title.font.sz == 14 and title.font.name == "Times New Roman"
    assert title.alignment.horizontal == "center"


@test
def grouped_table_header():
    ws = wb.worksheets[0]
    merged = {str(r) for r in ws.merged_cells.ranges}
    row = [c.value for c in ws[HEADER]]
    assert row == ["STT", "Đơn vị", "Kết quả chấm điểm", None, None, None, None, "Xếp thứ",
                   "Xếp loại", "Đề nghị khen thưởng"], row
    assert [c.value for c in ws[HEADER + 1]][2:7] == ["Tự chấm", "Thẩm định", "Thưởng", "Trừ",
                                                      "Tổng điểm"]
    assert {"C8:G8", "A8:A9", "B8:B9", "H8:H9", "J8:J9"} <= merged, merged
    assert all(c.font.b for c in ws[HEADER] if c.value)


@test
def totals_and_ranks_are_formulas_with_cached_values():
    ws, wv = wb.worksheets[0], wbv.worksheets[0]
    totals = []
    for r in range(FIRST, LAST + 1):
        assert ws.cell(r, 7).value == f"=D{r}+E{r}-F{r}", ws.cell(r, 7).value
        assert ws.cell(r, 8).value == f"=RANK(G{r},$G${FIRST}:$G${LAST},0)"
        d, e, f, g = (wv.cell(r, c).value for c in (4, 5, 6, 7))
        assert round(d + e - f, 2) == round(g, 2), (r, d, e, f, g)
        totals.append(round(g, 2))
    ranks = [wv.cell(r, 8).value for r in range(FIRST, LAST + 1)]
    assert ranks == competition_ranks(totals), ranks
    assert totals == sorted(totals, reverse=True)
    assert len(set(totals)) < len(totals), "the example has a tie"
    assert wv.cell(FIRST, 7).value == 99.1 and wv.cell(FIRST, 8).value == 1


@test
def every_unit_once_with_grades_and_proposals():
    ws = wb.worksheets[0]
    names = [ws.cell(r, 2).value for r in range(FIRST, LAST + 1)]
    assert len(set(names)) == 60 and all(n for n in names)
    assert [ws.cell(r, 1).value for r in range(FIRST, LAST + 1)] == list(range(1, 61))
    # The official grade, as on a real bloc's table.
    assert ws.cell(FIRST, 9).value == "Hoàn thành xuất sắc nhiệm vụ"
    assert ws.cell(FIRST, 10).value == "Cờ thi đua của Ủy ban nhân dân tỉnh"
    assert ws.cell(LAST + 2, 1).value.startswith("Ghi chú:")


@test
def fonts_borders_and_sizes():
    ws = wb.worksheets[0]
    for r in range(HEADER, LAST + 1):
        for c in range(1, 11):
            cell = ws.cell(r, c)
            if isinstance(cell, openpyxl.cell.cell.MergedCell):
                continue  # openpyxl keeps only the first cell's style
            assert cell.font.name == "Times New Roman", (r, c, cell.font.name)
            assert cell.border.left.style == "thin", (r, c)
    assert ws.column_dimensions["B"].width > 25
    wrapped = [r for r in range(FIRST, LAST + 1) if len(ws.cell(r, 10).value or "") > 30]
    assert wrapped and all(ws.row_dimensions[r].height >= 30 for r in wrapped)
    assert ws.cell(FIRST, 2).alignment.wrap_text


@test
def signature_and_recipients():
    ws = wb.worksheets[0]
    col_a = [ws.cell(r, 1).value for r in range(LAST + 1, ws.max_row + 1)]
    col_d = [ws.cell(r, 5).value for r in range(LAST + 1, ws.max_row + 1)]
    assert "Nơi nhận:" in col_a and "- Lưu: VT." in col_a
    assert "TM. KHỐI THI ĐUA SỐ 6" in col_d and "KHỐI TRƯỞNG" in col_d
    assert "Nguyễn Thị Thanh Hương" in col_d
    assert col_d.index("Nguyễn Thị Thanh Hương") - col_d.index("KHỐI TRƯỞNG") >= 3


@test
def print_setup():
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert ps.paperSize == 9 and ps.orientation == "landscape", (ws.title, ps.paperSize)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ps.fitToHeight == 0 and ps.fitToWidth in (None, 1)
        assert abs(ws.page_margins.left - 30 / 25.4) < 1e-6
        assert abs(ws.page_margins.right - 15 / 25.4) < 1e-6
        assert abs(ws.page_margins.top - 20 / 25.4) < 1e-6
        assert "&P" in ws.oddHeader.center.text
        # Page numbers from page 2, as in the PDF (td-xlsx-zip.c).
        assert ws.HeaderFooter.differentFirst, ws.title
        assert not ws.firstHeader.center.text, ws.firstHeader.center.text
    ws = wb.worksheets[0]
    assert ws.print_title_rows == "$8:$9", ws.print_title_rows
    assert ws.freeze_panes == "C10", ws.freeze_panes
    assert ws.print_area[0].startswith("$A$1:$J$"), ws.print_area


@test
def scoring_sheet_subtotals():
    ws, wv = wb.worksheets[1], wbv.worksheets[1]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    r1, r2, r3 = rows["I"], rows["II"], rows["III"]
    assert ws.cell(r1, 3).value == f"=SUM(C{r1 + 1}:C{r1 + 3})"
    assert wv.cell(r1, 3).value == 25 and wv.cell(r1, 6).value == 23.5
    total = rows["Tổng cộng"]
    assert str(ws.merged_cells.ranges) and f"A{total}:B{total}" in {
        str(r) for r in ws.merged_cells.ranges}
    iv = rows["IV"]
    assert ws.cell(total, 6).value == f"=F{r1}+F{r2}+F{r3}+D{iv}-E{iv}", ws.cell(total, 6).value
    assert wv.cell(total, 3).value == 100 and wv.cell(total, 6).value == 98
    assert wv.cell(total, 7).value == 96.5
    assert ws.cell(total, 1).font.b and ws.cell(r1, 2).font.b and not ws.cell(r1 + 1, 2).font.b


@test
def form_protection_and_inputs():
    fb = openpyxl.load_workbook(FORM)
    ws = fb.worksheets[0]
    assert fb.sheetnames == ["Phiếu tự chấm", "TD_DATA"], fb.sheetnames
    assert ws.protection.sheet, "the form is protected"
    assert fb["TD_DATA"].sheet_state == "veryHidden" and fb.security.lockStructure
    rows = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value}
    r = rows["Hoàn thành các chỉ tiêu chuyên môn được giao trong năm"]
    assert ws.cell(r, 6).protection.locked is False  # Tự chấm
    assert ws.cell(r, 6).fill.fgColor.rgb.endswith("FFF2CC"), ws.cell(r, 6).fill.fgColor.rgb
    assert ws.cell(r, 3).fill.fill_type is None
    assert ws.cell(r, 8).protection.locked is False  # Ghi chú
    assert ws.cell(r, 3).protection.locked is not False  # Điểm chuẩn
    assert ws.cell(r, 7).protection.locked is not False  # Thẩm định
    assert ws["A5"].value == "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024"
    notes = [ws.cell(i, 1).value or "" for i in range(1, 12)]
    assert any(n.startswith("Hướng dẫn:") for n in notes), notes


@test
def form_validations():
    fb = openpyxl.load_workbook(FORM)
    ws = fb.worksheets[0]
    dvs = ws.data_validations.dataValidation
    decimals = [d for d in dvs if d.type == "decimal"]
    lists = [d for d in dvs if d.type == "list"]
    assert len(decimals) == 10, len(decimals)  # 8 criteria + bonus + penalty
    rows = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value}
    r = rows["Hoàn thành các chỉ tiêu chuyên môn được giao trong năm"]
    dv = [d for d in decimals if f"F{r}" in str(d.sqref)]
    assert len(dv) == 1, [str(d.sqref) for d in decimals]
    dv = dv[0]
    assert dv.operator in (None, "between") and float(dv.formula1) == 0 and float(dv.formula2) == 30
    assert dv.showErrorMessage and dv.errorStyle in (None, "stop")
    assert dv.error == "Nhập số điểm từ 0 đến 30 (dùng dấu phẩy cho phần thập phân, ví dụ 0,5)."
    assert dv.errorTitle == "Giá trị không hợp lệ"
    assert len(lists) == 1 and lists[0].formula1 == "'TD_DATA'!$H$1:$H$4", lists[0].formula1
    data = fb["TD_DATA"]
    assert [data.cell(i, 8).value for i in range(1, 5)] == [
        "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ"]


@test
def form_data_sheet_layout():
    fb = openpyxl.load_workbook(FORM)
    ws, data = fb.worksheets[0], fb["TD_DATA"]
    kv = {data.cell(i, 1).value: data.cell(i, 2).value for i in range(1, 12)}
    assert kv["thidua-sheet"] == 1 and kv["worksheet"] == "Phiếu tự chấm"
    assert kv["worksheet"] == ws.title and kv["sheet"] == "form" and kv["year"] == "2024" and kv["unit"] == "3"
    first = kv["first_row"]
    assert ws.cell(first - 1, 2).value == "Nội dung tiêu chí"
    head = [i for i in range(1, 30) if data.cell(i, 1).value == "row"][0]
    keys = {}
    i = head + 1
    while data.cell(i, 3).value:
        keys[data.cell(i, 3).value] = data.cell(i, 2).value
        i += 1
    assert len([k for k in keys if k.startswith("criterion:")]) == 8
    assert ws.cell(keys["criterion:2.1"], 2).value.startswith("Hoàn thành các chỉ tiêu")
    assert "self-rating" in keys


@test
def form_totals_are_formulas_with_zero_cache():
    fb = openpyxl.load_workbook(FORM)
    fv = openpyxl.load_workbook(FORM, data_only=True)
    ws, wv = fb.worksheets[0], fv.worksheets[0]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    total = rows["Tổng cộng"]
    assert str(ws.cell(total, 6).value).startswith("=F")
    assert wv.cell(total, 6).value == 0 and wv.cell(total, 3).value == 100
    # A blank form shows empty totals, not zeros, in Excel and LibreOffice
    # alike (a number format whose zero section is empty); a 0 the member
    # types stays; the ranking shows its zeros.
    assert ws.cell(total, 6).number_format == "0.##;-0.##;;@", ws.cell(total, 6).number_format
    inputs = [c for row in ws.iter_rows(max_row=total) for c in row
              if c.protection.locked is False and c.number_format.startswith("0")]
    assert inputs and all(c.number_format == "0.##;-0.##;0;@" for c in inputs), inputs
    assert ";;" not in wb.worksheets[0].cell(total, 6).number_format
    assert ws["C3"].value == "……………, ngày …… tháng …… năm 2025", ws["C3"].value
    col_d = [ws.cell(r, 3).value for r in range(total, ws.max_row + 1)]
    assert "THỦ TRƯỞNG ĐƠN VỊ" in col_d and "(Ký, ghi rõ họ tên và đóng dấu)" in col_d
    assert "Nơi nhận:" not in [ws.cell(r, 1).value for r in range(total, ws.max_row + 1)]


@test
def matrix_ranks_across_the_row_of_totals():
    mb = openpyxl.load_workbook(MATRIX)
    mv = openpyxl.load_workbook(MATRIX, data_only=True)
    ws, wv = mb.worksheets[0], mv.worksheets[0]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    total, rank = rows["Tổng điểm"], rows["Xếp thứ"]
    assert ws.cell(total, 4).value.startswith(f"=D{rows['I']}+D{rows['II']}")
    units = range(4, 14)  # D..M: ten units
    totals = [wv.cell(total, c).value for c in units]
    for c in units:
        col = openpyxl.utils.get_column_letter(c)
        assert ws.cell(rank, c).value == f"=RANK({col}{total},$D${total}:$M${total},0)"
    assert [wv.cell(rank, c).value for c in units] == competition_ranks(totals)
    assert wv.cell(total, 3).value == 100
    assert ws.freeze_panes == f"D{rows['I']}", ws.freeze_panes
    assert "C8:M8" not in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(8, 4).value == "Điểm thẩm định của các đơn vị"


@test
def calendar_is_portrait():
    cb = openpyxl.load_workbook(CALENDAR)
    ws = cb.worksheets[0]
    assert cb.sheetnames == ["Lịch năm"]
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize == 9
    assert ws["A5"].value == "DANH SÁCH CÁC NGÀY LỄ LỚN, SỰ KIỆN VÀ THỜI HẠN NĂM 2024"
    dates = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1)]
    assert "11/06/2024" in dates and "01/01/2024" in dates


@test
def reproducible_bytes_and_creation_date():
    again = export("ranking", "again.xlsx")
    with open(RANKING, "rb") as a, open(again, "rb") as b:
        assert a.read() == b.read()
    created = wb.properties.created
    assert created == datetime.datetime(2025, 1, 1, 0, 0), created


main()
