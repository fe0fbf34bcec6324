# SPDX-License-Identifier: GPL-3.0-or-later
# What the Python tests of the self-score forms share: the form's data
# sheet read as an importer reads it, the items of a list cell, and
# LibreOffice recalculating forms as Excel would (a throw-away profile that
# recalculates on load, see PLATFORM.md).
import os
import re
import subprocess


def data_sheet(wb):
    """The form's data sheet, its meta {key: value} and its input rows
    {excel row: "criterion:<id>:<field>"}."""
    data = next(ws for ws in wb.worksheets if ws.title.startswith("TD_DATA"))
    meta, rows, r = {}, {}, 1
    while data.cell(r, 1).value not in (None, "row"):
        meta[data.cell(r, 1).value] = data.cell(r, 2).value
        r += 1
    while data.cell(r, 1).value != "row":
        r += 1
    for r in range(r + 1, data.max_row + 1):
        if data.cell(r, 3).value:
            rows[int(data.cell(r, 2).value)] = data.cell(r, 3).value
    return data, meta, rows


def list_items(ws, data, coordinate):
    """The items of the list validation of the cell at @coordinate (kept on
    the data sheet), None when the cell has no list."""
    for dv in ws.data_validations.dataValidation:
        if coordinate in str(dv.sqref).split() and dv.type == "list":
            m = re.match(r"'?[^!']+'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", dv.formula1)
            return [c.value for row in data[f"{m.group(1)}{m.group(2)}:{m.group(3)}{m.group(4)}"]
                    for c in row]
    return None


def libreoffice_convert(soffice, paths, to, outdir, tmp):
    """Converts @paths to format @to ("xlsx", "pdf") in @outdir, every
    formula recalculated on load; returns the converted files' paths."""
    profile = os.path.join(tmp, "lo-profile")
    user = os.path.join(profile, "user")
    os.makedirs(user, exist_ok=True)
    with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?><oor:items '
                'xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>'
                '</oor:items>')
    subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + profile,
                    "--convert-to", to, "--outdir", outdir, *paths],
                   check=True, capture_output=True, timeout=280)
    return [os.path.join(outdir, os.path.splitext(os.path.basename(p))[0] + "." + to)
            for p in paths]


def libreoffice_recalc(soffice, paths, outdir, tmp):
    """Converts @paths to xlsx in @outdir with every formula recalculated."""
    libreoffice_convert(soffice, paths, "xlsx", outdir, tmp)
