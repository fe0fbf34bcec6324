#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The benchmark's side-by-side writer: the same bloc-year workbook that
# td_xlsx_write () makes, written by Python's xlsxwriter from the same sheet
# models (dumped as JSON by td-bench), with the same layout, formats,
# formulas with cached values, row heights and print setup.  Prints one JSON
# line: {"median_ms": …, "min_ms": …, "max_ms": …, "reps": N}.
#
#   td-bench-xlsx.py SHEETS.json OUT.xlsx REPS [TMPDIR [C.xlsx]]
#
# TMPDIR is the folder td_xlsx_write () gives libxlsxwriter for its
# temporary files (a tmpfs when there is one); xlsxwriter gets the same
# folder through its own "tmpdir" option, so both sides pay the same.
#
# With C.xlsx (the workbook td_xlsx_write () made), it also times zlib alone
# on that workbook's parts, compressed as both writers do it (raw deflate,
# default level 6, and the CRC): "zlib_ms", the part of either writer's time
# that no change to the C code can remove.

import json
import statistics
import sys
import time
import zipfile
import zlib

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

FONT = "Times New Roman"
TABLE_SIZE = 12.0
LINE_HEIGHT = 16.5
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

BOLD, ITALIC, UNDERLINE, BORDER, WRAP, LEFT, RIGHT, CENTER, TOP, POINTS = (
    1 << i for i in range(10))


class Writer:
    def __init__(self, workbook):
        self.workbook = workbook
        self.formats = {}

    def fmt(self, flags, size):
        key = (flags, size)
        f = self.formats.get(key)
        if f is not None:
            return f
        props = {"font_name": FONT, "font_size": size,
                 "valign": "top" if flags & TOP else "vcenter"}
        if flags & BOLD:
            props["bold"] = True
        if flags & ITALIC:
            props["italic"] = True
        if flags & UNDERLINE:
            props["underline"] = 1
        if flags & BORDER:
            props["border"] = 1
        if flags & WRAP:
            props["text_wrap"] = True
        if flags & LEFT:
            props["align"] = "left"
        if flags & RIGHT:
            props["align"] = "right"
        if flags & CENTER:
            props["align"] = "center"
        if flags & POINTS:
            props["num_format"] = "General"
        f = self.workbook.add_format(props)
        self.formats[key] = f
        return f


def count_lines(text, chars):
    if not text:
        return 1
    fit = max(chars * 1.1 - 1, 1)
    return sum(max(1, int((len(p) + fit - 1) / fit)) for p in text.split("\n"))


def span_width(sheet, first, last):
    return sum(c["width"] for c in sheet["columns"][first:last + 1])


def split_column(sheet):
    cols = sheet["columns"]
    total = span_width(sheet, 0, len(cols) - 1)
    acc = 0
    for c in range(len(cols) - 1):
        acc += cols[c]["width"]
        if acc >= total * 0.38:
            return max(c + 1, 1)
    return len(cols) - 1


def merged(ws, row, first, last, text, f):
    if first == last:
        ws.write_string(row, first, text or "", f)
    else:
        ws.merge_range(row, first, row, last, text or "", f)


def set_height(ws, row, lines, line_height):
    ws.set_row(row, max(lines, 1) * line_height + 3)


def make_formula(cell, base):
    if cell["f"] == "rank":
        ref = xl_rowcol_to_cell(base + cell["ref"][0], cell["ref"][1])
        _, r1, c1, r2, c2 = cell["terms"][0]
        rng = (xl_rowcol_to_cell(base + r1, c1, True, True) + ":"
               + xl_rowcol_to_cell(base + r2, c2, True, True))
        return "=RANK(%s,%s,0)" % (ref, rng)
    out = "="
    for i, (sign, r1, c1, r2, c2) in enumerate(cell["terms"]):
        single = r1 == r2 and c1 == c2
        if sign < 0:
            out += "-"
        elif i > 0:
            out += "+"
        a = xl_rowcol_to_cell(base + r1, c1)
        if single:
            out += a
        else:
            out += "SUM(%s:%s)" % (a, xl_rowcol_to_cell(base + r2, c2))
    if not cell["terms"]:
        out += "0"
    return out


def cell_number(cell):
    return cell["v"] / 100.0 if cell["t"] == "points" else float(cell["v"])


def cell_display(cell):
    if cell["t"] == "text":
        return cell["v"]
    if cell["t"] == "points":
        v = cell["v"]
        s = "%d,%02d" % (abs(v) // 100, abs(v) % 100)
        s = s.rstrip("0").rstrip(",")
        return ("-" if v < 0 else "") + s
    if cell["t"] == "int":
        return str(cell["v"])
    return ""


def write_sheet(w, sheet):
    cols = sheet["columns"]
    ncols = len(cols)
    groups = any(c.get("group") for c in cols)
    ws = w.workbook.add_worksheet(sheet["name"])
    split = split_column(sheet)
    total_width = span_width(sheet, 0, ncols - 1)
    for c, col in enumerate(cols):
        ws.set_column(c, c, col["width"])

    row = 0
    issuer = sheet.get("issuer") or []
    n_left = len(issuer) + (1 if sheet.get("number") else 0)
    date_line = sheet.get("date_line")
    n_right = 3 if date_line else 2
    for i in range(max(n_left, n_right)):
        left = issuer[i] if i < len(issuer) else (sheet.get("number") if i == len(issuer)
                                                  else None)
        left_flags = BOLD | CENTER if i + 1 == len(issuer) else CENTER
        right = NATION if i == 0 else MOTTO if i == 1 else date_line if i == 2 else None
        right_flags = (BOLD | CENTER if i == 0 else BOLD | CENTER | UNDERLINE if i == 1
                       else ITALIC | CENTER)
        merged(ws, row, 0, split - 1, left, w.fmt(left_flags, 12))
        merged(ws, row, split, ncols - 1, right, w.fmt(right_flags, 13 if i == 1 else 12))
        set_height(ws, row, 1, 17)
        row += 1
    row += 1
    merged(ws, row, 0, ncols - 1, sheet["title"], w.fmt(BOLD | CENTER | WRAP, 14))
    set_height(ws, row, count_lines(sheet["title"], total_width * 0.85), 19)
    row += 1
    for line in sheet.get("subtitles") or []:
        merged(ws, row, 0, ncols - 1, line, w.fmt(ITALIC | CENTER | WRAP, 13))
        set_height(ws, row, count_lines(line, total_width * 0.9), 17.5)
        row += 1
    for line in sheet.get("notes_before") or []:
        merged(ws, row, 0, ncols - 1, line, w.fmt(ITALIC | LEFT | WRAP | TOP, 12))
        set_height(ws, row, count_lines(line, total_width), LINE_HEIGHT)
        row += 1
    row += 1

    header_first = row
    header_rows = 2 if groups else 1
    hf = w.fmt(BOLD | CENTER | BORDER | WRAP, TABLE_SIZE)
    c = 0
    while c < ncols:
        col = cols[c]
        if not groups:
            ws.write_string(row, c, col["header"], hf)
        elif not col.get("group"):
            ws.merge_range(row, c, row + 1, c, col["header"], hf)
        else:
            last = c
            while last + 1 < ncols and cols[last + 1].get("group") == col["group"]:
                last += 1
            merged(ws, row, c, last, col["group"], hf)
            for k in range(c, last + 1):
                ws.write_string(row + 1, k, cols[k]["header"], hf)
            c = last
        c += 1
    lines = max(count_lines(col["header"], col["width"]) for col in cols)
    set_height(ws, row, 1 if groups else lines, LINE_HEIGHT)
    if groups:
        set_height(ws, row + 1, lines, LINE_HEIGHT)
    row += header_rows
    first_table = row

    align_flag = {"left": LEFT, "right": RIGHT, "center": CENTER}
    for srow in sheet["rows"]:
        bold = srow["level"] != "normal"
        span_first, span_last = srow.get("span", [-1, -1])
        lines = 1
        for c, cell in enumerate(srow["cells"]):
            col = cols[c]
            if span_first < c <= span_last:
                continue
            flags = BORDER | WRAP
            if bold:
                flags |= BOLD
            if col["kind"] == "points":
                flags |= POINTS
            flags |= CENTER if c == span_first else align_flag[col["align"]]
            f = w.fmt(flags, TABLE_SIZE)
            if c == span_first:
                text = cell_display(cell)
                ws.merge_range(row, c, row, span_last, text, f)
                lines = max(lines, count_lines(text, span_width(sheet, c, span_last)))
                continue
            if cell.get("f"):
                ws.write_formula(row, c, make_formula(cell, first_table), f, cell_number(cell))
            elif cell["t"] == "text":
                ws.write_string(row, c, cell["v"], f)
                lines = max(lines, count_lines(cell["v"], col["width"]))
            elif cell["t"] in ("points", "int"):
                ws.write_number(row, c, cell_number(cell), f)
            else:
                ws.write_blank(row, c, None, f)
        set_height(ws, row, lines, LINE_HEIGHT)
        row += 1

    if sheet.get("notes_after"):
        row += 1
    for line in sheet.get("notes_after") or []:
        merged(ws, row, 0, ncols - 1, line, w.fmt(ITALIC | LEFT | WRAP | TOP, 12))
        set_height(ws, row, count_lines(line, total_width), LINE_HEIGHT)
        row += 1
    row += 1
    left = []
    if sheet.get("recipients"):
        left = ["Nơi nhận:"] + sheet["recipients"]
    right = list(sheet.get("authority") or [])
    if sheet.get("position"):
        right.append(sheet["position"])
    if sheet.get("authority") or sheet.get("position"):
        right += ["", "", ""]
    if sheet.get("signer"):
        right.append(sheet["signer"])
    for i in range(max(len(left), len(right))):
        if i < len(left):
            merged(ws, row, 0, split - 1, left[i],
                   w.fmt(BOLD | ITALIC | LEFT if i == 0 else LEFT, 12 if i == 0 else 11))
        if i < len(right):
            merged(ws, row, split, ncols - 1, right[i], w.fmt(BOLD | CENTER, 12))
        row += 1

    ws.set_paper(9)
    if sheet["orientation"] == "landscape":
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_first, header_first + header_rows - 1)
    ws.print_area(0, 0, max(row - 1, 0), ncols - 1)
    ws.set_margins(30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4)
    ws.set_header('&C&"Times New Roman,Regular"&12&P')
    ws.freeze_panes(first_table, sheet.get("freeze_columns", 0))
    ws.hide_zero()


def write_workbook(sheets, path, tmpdir=None):
    options = {"tmpdir": tmpdir} if tmpdir else {}
    workbook = xlsxwriter.Workbook(path, options)
    workbook.set_properties({"title": sheets[0]["title"], "author": "Thi Đua"})
    w = Writer(workbook)
    for sheet in sheets:
        write_sheet(w, sheet)
    workbook.close()


def zlib_ms(path, reps):
    with zipfile.ZipFile(path) as z:
        parts = [z.read(name) for name in z.namelist()]
    times = []
    for _ in range(max(reps, 5)):
        start = time.perf_counter()
        for part in parts:
            c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            c.compress(part)
            c.flush()
            zlib.crc32(part)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), sum(len(p) for p in parts)


def main():
    src, out, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    tmpdir = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
    with open(src, encoding="utf-8") as f:
        sheets = json.load(f)["sheets"]
    # One untimed run, as the C side does, then the timed ones.
    write_workbook(sheets, out, tmpdir)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        write_workbook(sheets, out, tmpdir)
        times.append((time.perf_counter() - start) * 1000)
    result = {"median_ms": statistics.median(times), "min_ms": min(times),
              "max_ms": max(times), "reps": reps}
    if len(sys.argv) > 5:
        result["zlib_ms"], result["xml_bytes"] = zlib_ms(sys.argv[5], reps)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
