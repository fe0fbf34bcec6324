# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers that write an unseen table and its .expect.json from one description.

Each table is a list of rows; a row is the cells as the copy gives them and what a careful clerk
means by it.  Meanings refer to other rows by a short id (not by line number), so a row can be
added without renumbering by hand; write() turns ids into the 1-based line numbers of the file
(the rows of an HTML table, the records of a CSV) and writes both files.  The .expect.json has the
shape of the corpus (../README.md of /work/shared/criteria-tables) plus one row type of its own:
`continuation` (a physical line that is the rest of the row at `of_line`, where Word broke a cell).
"""
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, "/work/shared/criteria-tables")
import reference_eval  # noqa: E402


class M(dict):
    """A row's meaning; `id` names it for other rows."""


def H(why="header", **kw):
    return M(type="skip", why=why, **kw)


def TOTAL(total):
    return M(type="skip", why="total", declared_total=total)


def GUIDE(of):
    return M(type="skip", why="guidance", _of=of)


def C(id, code, parent, kind, standard=None, **kw):
    return M(type="criterion", _id=id, code=code, _parent=parent, kind=kind, standard=standard, **kw)


def GRADE(id, of, points, rng=None, code=None, **kw):
    return M(type="part", _id=id, role="grade", _of=of, code=code, points=points, range=rng or {}, **kw)


def OPTION(id, of, bonus=None, deduction=None, code=None, **kw):
    m = M(type="part", _id=id, role="option", _of=of, code=code, range={}, **kw)
    if bonus is not None:
        m["bonus"] = bonus
    if deduction is not None:
        m["deduction"] = deduction
    return m


def NOTE(modifies, effect, **kw):
    return M(type="note", _modifies=modifies, effect=effect, **kw)


def CONT(of):
    return M(type="continuation", _of=of)


def padded(width):
    """A row maker that fills the row to `width` cells with empty ones (Word and Excel keep them)."""
    def row(*cells):
        return list(cells) + [""] * (width - len(cells))
    return row


def title_of(text, words=9):
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip(" -–+•")
    return " ".join(text.split(" ")[:words])


def resolve(rows, text_col=1):
    """Line numbers for ids; the expect rows in the corpus shape."""
    ids, codes = {}, {}
    for n, (cells, m, *_) in enumerate(rows, 1):
        if m.get("_id"):
            assert m["_id"] not in ids, m["_id"]
            ids[m["_id"]] = n
            codes[m["_id"]] = m.get("code")
    out = []
    for n, (cells, m, *_) in enumerate(rows, 1):
        r = {"line": n}
        for k, v in m.items():
            if not k.startswith("_"):
                r[k] = v
        t = m["type"]
        text = cells[text_col] if len(cells) > text_col else (cells[0] if cells else "")
        if t == "criterion":
            r["parent_line"] = ids[m["_parent"]] if m["_parent"] else None
            r["parent_code"] = codes[m["_parent"]] if m["_parent"] else None
            r.setdefault("title", title_of(text))
            order = ["line", "type", "code", "parent_line", "parent_code", "kind", "standard", "title"]
            r = {k: r[k] for k in order} | {k: v for k, v in r.items() if k not in order}
        elif t == "part":
            r["of_line"], r["of_code"] = ids[m["_of"]], codes[m["_of"]]
            r.setdefault("title", title_of(text))
        elif t == "note":
            r["modifies_lines"] = [ids[i] for i in m["_modifies"]]
            r["modifies_codes"] = [codes[i] for i in m["_modifies"]]
            r.setdefault("title", title_of(text, 14))
        elif t == "skip" and m.get("why") == "guidance":
            r["attaches_to_line"], r["attaches_to_code"] = ids[m["_of"]], codes[m["_of"]]
        elif t == "continuation":
            r["of_line"] = ids[m["_of"]]
        out.append(r)
    return out, ids


def inputs(spec, ids):
    """Unit inputs by id -> by line; a "choice" names a part id."""
    res = {}
    for key, x in spec.items():
        x = dict(x)
        if "choice" in x and x["choice"] is not None:
            x["choice"] = ids[x["choice"]]
        res[str(ids[key])] = x
    return res


def plain_json(x):
    if isinstance(x, dict):
        return {k: plain_json(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain_json(v) for v in x]
    if isinstance(x, Decimal):
        x = x.quantize(Decimal("0.01")).normalize()
        return int(x) if x == x.to_integral_value() else float(x)
    return x


def write(name, ext, rows, about, columns, declared_total, units, encode, patterns=None, text_col=1,
          header_lines=None):
    """Write NAME.EXT (encode(rows) gives its bytes) and NAME.expect.json with computed totals."""
    expect_rows, ids = resolve(rows, text_col)
    data = {
        "file": f"{name}.{ext}",
        "about": about,
        "columns": columns,
        "header_lines": header_lines if header_lines is not None else
        [r["line"] for r in expect_rows if r["type"] == "skip" and r["why"] == "header"],
        "declared_total": declared_total,
        "patterns": {k: [ids[i] if isinstance(i, str) else i for i in v] for k, v in (patterns or {}).items()},
        "rows": expect_rows,
        "units": [],
    }
    # Decimals for the evaluator, as json.load(parse_float=Decimal) would give.
    data = json.loads(json.dumps(data, ensure_ascii=False), parse_float=Decimal)
    table = reference_eval.Table(data)
    problems = table.structure_problems()
    assert not problems, (name, problems)
    for u in units:
        unit = {"name": u["name"], "about": u["about"], "differences": [], "self": inputs(u["self"], ids),
                "assessed": inputs(u["assessed"], ids)}
        for why_id, why in u.get("differences", []):
            unit["differences"].append({"line": ids[why_id], "why": why})
        unit = json.loads(json.dumps(unit, ensure_ascii=False), parse_float=Decimal)
        unit["expected"] = {src: reference_eval.plain(table.totals(unit[src])) for src in ("self", "assessed")}
        data["units"].append(unit)
    (HERE / f"{name}.{ext}").write_bytes(encode(rows))
    (HERE / f"{name}.expect.json").write_text(
        json.dumps(plain_json(data), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return data


# Encoders: the bytes each kind of copy gives.

def tsv(rows, eol="\n"):
    return "".join("\t".join(cells) + eol for cells, *_ in rows).encode("utf-8")


def physical(rows, eol="\r\n"):
    """Word's copy where a cell's line break splits the row: rows already are physical lines."""
    return "".join("\t".join(cells) + eol for cells, *_ in rows).encode("utf-8")


def quote(cell, specials):
    if any(ch in cell for ch in specials):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_semicolon(rows):
    """Excel's "CSV UTF-8" where the list separator is ';' (decimal comma): BOM, CRLF, padded rows."""
    width = max(len(r[0]) for r in rows)
    text = "".join(";".join(quote(c, ';"\n') for c in cells + [""] * (width - len(cells))) + "\r\n"
                   for cells, *_ in rows)
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def excel_unicode(rows):
    """Excel's "Unicode Text": UTF-16LE with a BOM, tabs, CRLF, quotes around cells with line breaks
    or quotes, a lone LF inside a cell."""
    width = max(len(r[0]) for r in rows)
    text = "".join("\t".join(quote(c, '"\n\t') for c in cells + [""] * (width - len(cells))) + "\r\n"
                   for cells, *_ in rows)
    return b"\xff\xfe" + text.encode("utf-16-le")


def _cells(row):
    """The HTML cells of a row: (text, attrs) pairs, from its html layout or its plain cells."""
    cells, _m, *rest = row
    layout = rest[0] if rest else cells
    return [c if isinstance(c, tuple) else (c, {}) for c in layout]


def _esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap(text, width=78):
    """LibreOffice breaks long source lines of its HTML at spaces."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "\n".join(out)


def writer_html(widths, header_count):
    """LibreOffice Writer's clipboard HTML (as its 7.x writes it): a paragraph per cell line, <br/>
    for a line break inside a paragraph, '¶' in a cell text starts a new paragraph, an empty cell is
    a paragraph holding only <br/>, long source lines broken at spaces."""
    def encode(rows):
        out = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">',
               '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/>'
               '<title></title>',
               '<meta name="generator" content="LibreOffice 7.5.9.2 (Linux)"/><style type="text/css">'
               'p { line-height: 115%; margin-bottom: 0.25cm; background: transparent }</style></head>',
               f'<body lang="vi-VN" dir="ltr"><table width="{sum(widths) + 14 * len(widths)}" '
               'cellpadding="7" cellspacing="0">',
               "<col " + "/><col ".join(f'width="{w}"' for w in widths) + "/>"]
        for n, row in enumerate(rows):
            out.append('\t<tr valign="top">')
            for text, attrs in _cells(row):
                span = "".join(f' {k}="{v}"' for k, v in attrs.items())
                align = "center" if n < header_count else "justify"
                paras = []
                for para in text.split("¶"):
                    inner = "<br/>\n".join(_wrap(_esc(part)) for part in para.split("\n")) if para else "<br/>\n"
                    if n < header_count and para:
                        inner = f"<b>{inner}</b>"
                    paras.append(f'<p align="{align}">{inner}</p>')
                out.append(f'\t\t<td{span} style="border: 1px solid #000000; padding: 0.05cm 0.12cm">'
                           + "\n".join(paras) + "\n\t\t</td>")
            out.append("\t</tr>")
        out.append("</table>\n<p style=\"line-height: 100%; margin-bottom: 0cm\"><br/>\n\n</p>\n</body>\n</html>\n")
        return "\n".join(out).encode("utf-8")
    return encode


GD_TD = ("border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;"
         "border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;"
         "overflow-wrap:break-word;")
GD_SPAN = ("font-size:12pt;font-family:'Times New Roman',serif;color:#000000;background-color:transparent;"
           "font-weight:{w};font-style:{s};font-variant:normal;text-decoration:none;vertical-align:baseline;"
           "white-space:pre;white-space:pre-wrap;")


def gdocs_html(widths, header_count, guid="docs-internal-guid-3f9c2a1e-7fff-4b2d-8e51-6a0c9d4e2b17"):
    """Google Docs' clipboard HTML: one line, the table inside <b style="font-weight:normal;">, every
    text run a <span> with its whole style, '**' in a cell text switches bold runs on and off, '_'…'_'
    italic, '¶' a new paragraph, an empty cell is <br />."""
    def runs(text, bold):
        parts, out = text.split("**"), []
        for i, part in enumerate(parts):
            b = bold or i % 2 == 1
            for j, sub in enumerate(part.split("_")):
                if sub:
                    out.append(f'<span style="{GD_SPAN.format(w=700 if b else 400, s="italic" if j % 2 else "normal")}">'
                               f"{_esc(sub)}</span>")
        return "".join(out)

    def encode(rows):
        out = [f'<meta charset="utf-8"><b style="font-weight:normal;" id="{guid}">'
               '<div dir="ltr" style="margin-left:0pt;" align="left">'
               '<table style="border:none;border-collapse:collapse;"><colgroup>'
               + "".join(f'<col width="{w}" />' for w in widths) + "</colgroup><tbody>"]
        for n, row in enumerate(rows):
            out.append('<tr style="height:0pt">')
            for text, attrs in _cells(row):
                span = "".join(f' {k}="{v}"' for k, v in attrs.items())
                if not text:
                    out.append(f'<td style="{GD_TD}"{span}><br /></td>')
                    continue
                align = "center" if n < header_count else "justify"
                paras = "".join(f'<p dir="ltr" style="line-height:1.2;text-align: {align};margin-top:0pt;'
                                f'margin-bottom:0pt;">{runs(p, n < header_count)}</p>' for p in text.split("¶"))
                out.append(f'<td style="{GD_TD}"{span}>{paras}</td>')
            out.append("</tr>")
        out.append("</tbody></table></div></b>")
        return "".join(out).encode("utf-8")
    return encode
