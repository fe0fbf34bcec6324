#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the small workbooks test-xlsx-reader reads, as three writers save
# them: openpyxl (inline strings, no cached formula values), LibreOffice
# (re-saved from the openpyxl file: shared strings, cached values, its own
# styles), and a hand-written file with what Excel and WPS write that the
# others do not (shared and inline strings, rich-text runs, string/boolean/error formula results,
# _x000D_ escapes, a 1904 date system, absolute and prefixed part names).
# Run it from this folder; it needs soffice for the LibreOffice file.
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def openpyxl_file(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phiếu"
    ws["A1"] = "Sở Tư pháp"
    ws["B1"] = 2.5
    ws["C1"] = "2,5"          # a number typed as text
    ws["D1"] = 7
    ws["E1"] = "=B1+D1"       # openpyxl writes no cached value
    ws["A2"] = datetime.date(2024, 12, 30)
    ws["A2"].number_format = "dd/mm/yyyy"
    ws["B2"] = True
    ws["A3"] = "Có"
    ws["C5"] = "  lề  "
    data = wb.create_sheet("TD_DATA")
    data["A1"] = "thidua-sheet"
    data["B1"] = 1
    data.sheet_state = "veryHidden"
    wb.save(path)


def libreoffice_file(source, path):
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + profile,
                        "--convert-to", "xlsx", "--outdir", out, source],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(out, os.path.basename(source)), path)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""

# Absolute targets, as some writers use.
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/" TargetMode="External"/></Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><workbookProtection lockStructure="1"/><bookViews><workbookView/></bookViews><sheets><sheet name="Phiếu tự chấm" sheetId="1" r:id="rId1"/><sheet name="TD_DATA" sheetId="2" state="veryHidden" r:id="rId2"/></sheets></workbook>"""

SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>Nội dung</t></si><si><r><rPr><b/></rPr><t>Công văn </t></r><r><t xml:space="preserve">số 15 </t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>dòng 1_x000D_
dòng 2</t></si></sst>"""

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="2"/><xf numFmtId="14"/></cellXfs></styleSheet>"""

# The x: prefix on every element, as the OpenXML SDK writes; cells without
# r in the second row.
SHEET1 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Đạt</x:t></x:is></x:c><x:c r="D1" s="2"><x:v>3.5</x:v></x:c><x:c r="E1"><x:f>D1*2</x:f><x:v>7</x:v></x:c><x:c r="F1" t="str"><x:f>C1&amp;"!"</x:f><x:v>Đạt!</x:v></x:c><x:c r="G1" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="H1" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c></x:row><x:row><x:c s="1"><x:v>44559</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c s="3"/><x:c><x:v> 12 </x:v></x:c></x:row><x:row r="10"><x:c r="AB10" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:is></x:c></x:row></x:sheetData></x:worksheet>"""

SHEET2 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>thidua-sheet</t></is></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>"""


def excel_like_file(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", SHARED)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/worksheets/sheet1.xml", SHEET1)
        z.writestr("xl/worksheets/sheet2.xml", SHEET2)


if __name__ == "__main__":
    openpyxl_file(os.path.join(HERE, "openpyxl.xlsx"))
    libreoffice_file(os.path.join(HERE, "openpyxl.xlsx"), os.path.join(HERE, "libreoffice.xlsx"))
    excel_like_file(os.path.join(HERE, "excel-wps.xlsx"))
