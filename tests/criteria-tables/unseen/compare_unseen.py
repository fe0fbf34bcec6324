#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare how `thidua import-table --dry-run --json` reads each unseen table with what the clerk
means (NAME.expect.json), and what the reading would do to the units' totals.

    compare_unseen.py THIDUA DATABASE [NAME…]     (DATABASE: a demo database, `thidua demo FILE`)

For every row it prints what differs (kind, code, parent, figures, note targets), every row the
reader marks to check or in error with its reasons, and the figures of the clerk's reading that
appear nowhere in the reader's reading of that row while the row is not marked ("lost silently").
Then it evaluates the reader's reading with the reference evaluator, the units typing their real
figures into the form the reading gives (see app_inputs), and prints the totals beside the clerk's.
Exit status 0; this is a report, not a test.
"""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, "/work/shared/criteria-tables")
import reference_eval  # noqa: E402

FIGURES = ("standard", "rate", "bonus_cap", "deduction_cap", "bonus_max", "deduction_max", "threshold", "step")
POINT_KINDS = ("standard", "bonus_points", "deduction_points")
COUNT_KINDS = ("bonus_each", "deduction_each", "standard_less_each", "heading")


def dec(x):
    if x is None or x == "":
        return None
    return Decimal(str(x).replace("\u2212", "-").replace(".", "").replace(",", ".")) if isinstance(x, str) \
        else Decimal(str(x))


def fmt(x):
    return "–" if x is None else f"{x.normalize():f}".replace(".", ",")


def read(thidua, db, path):
    r = subprocess.run([thidua, "import-table", db, str(path), "--bloc", "Khối Thi đua số 6", "--year", "2024",
                        "--dry-run", "--json"], capture_output=True, env={"LC_ALL": "C.UTF-8"})
    err = r.stderr.decode("utf-8", "replace").strip()
    try:
        out = r.stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        print(f"  INVALID UTF-8 in the reader's output at byte {exc.start}: "
              f"{r.stdout[max(0, exc.start - 40):exc.start + 8]!r}")
        out = r.stdout.decode("utf-8", "replace")
    if not out.strip():
        return None, err
    return json.loads(out), err


def reader_figures(g):
    out = set()
    for k in FIGURES + ("points",):
        v = dec(g.get(k))
        if v is not None:
            out.add(abs(v))
    for o in g.get("options") or []:
        if dec(o.get("points")) is not None:
            out.add(abs(dec(o["points"])))
    return out


def expect_figures(e):
    out = {}
    for k in FIGURES + ("points", "bonus", "deduction"):
        v = e.get(k)
        if v is not None and not isinstance(v, dict):
            out[k] = abs(Decimal(str(v)))
    for k, v in (e.get("effect") or {}).items():
        if k.endswith("_cap"):
            out[k] = Decimal(str(v))
    return out


def same_range(gr, er):
    """Ranges equal, "above X" also written "from X + 0,01" and "to X" "below X + 0,01" (the reader's
    hundredths for "trên X%" and "X%" exactly)."""
    er = dict(er)
    if "above" in er:
        er["from"] = er.pop("above") + Decimal("0.01")
    if "to" in er:
        er["below"] = er.pop("to") + Decimal("0.01")
    return gr == er


def compare_row(e, g, note_caps=None):
    """What differs between the clerk's row e and the reader's row g, as short phrases."""
    diffs = []
    t = e["type"]
    if g is None:
        return ["no row in the reading"]
    kind = g["kind"]
    if t == "skip":
        want = {"header": ("header", "skipped", "empty"), "empty": ("empty", "skipped", "header"),
                "total": ("total",), "guidance": ("guidance",)}[e["why"]]
        if kind not in want:
            diffs.append(f"read as {kind}, is {e['why']}")
        return diffs
    if t == "continuation":
        if kind != "continuation":
            diffs.append(f"read as its own row ({kind}), is the rest of line {e['of_line']}")
        elif g.get("parent_line") != e["of_line"]:
            diffs.append(f"the rest of line {g.get('parent_line')}, should be of line {e['of_line']}")
        return diffs
    if t == "note":
        if kind != "note":
            diffs.append(f"read as {kind}, is a note")
        elif g.get("modifies") != e["modifies_lines"]:
            diffs.append(f"note for lines {g.get('modifies')}, should be {e['modifies_lines']}")
        for cap in ("bonus_cap", "deduction_cap"):
            if kind == "note" and dec(g.get(cap)) != (Decimal(str(e["effect"][cap])) if cap in e["effect"] else None):
                diffs.append(f"{cap} {fmt(dec(g.get(cap)))}, should be {fmt(e['effect'].get(cap) and Decimal(str(e['effect'][cap])))}")
        return diffs
    if t == "part":
        if kind != e["role"]:
            diffs.append(f"read as {kind}, is a {e['role']} of line {e['of_line']}")
        elif g.get("parent_line") != e["of_line"]:
            diffs.append(f"{kind} of line {g.get('parent_line')}, should be of line {e['of_line']}")
        want = e.get("points", e.get("bonus", e.get("deduction")))
        got = dec(g.get("points")) if kind in ("grade", "option") else dec(g.get("standard"))
        if want is not None and (got is None or abs(got) != Decimal(str(want))):
            diffs.append(f"points {fmt(got)}, should be {fmt(Decimal(str(want)))}")
        if kind == "grade" and e.get("range") is not None:
            gr = {k: dec(v) for k, v in (g.get("range") or {}).items()}
            er = {k: Decimal(str(v)) for k, v in e["range"].items()}
            if not same_range(gr, er):
                diffs.append(f"range {({k: fmt(v) for k, v in gr.items()})}, should be "
                             f"{({k: fmt(v) for k, v in er.items()})}")
        return diffs
    # criterion
    if kind != e["kind"]:
        diffs.append(f"read as {kind}, is {e['kind']}")
    if (g.get("code") or None) != e["code"]:
        diffs.append(f"code {g.get('code')!r}, should be {e['code']!r}")
    if g.get("parent_line") != e["parent_line"]:
        diffs.append(f"under line {g.get('parent_line')}, should be under {e['parent_line']}")
    for k in FIGURES:
        want = e.get(k)
        if k in ("bonus_cap", "deduction_cap") and (note_caps or {}).get(k) is not None:
            want = min(x for x in (want, note_caps[k]) if x is not None)
        got = dec(g.get(k))
        if want is None and got is None:
            continue
        if want is None and k == "standard" and got == 0:
            continue
        if want is None or got is None or got != Decimal(str(want)):
            diffs.append(f"{k} {fmt(got)}, should be {fmt(None if want is None else Decimal(str(want)))}")
    return diffs


def lost(e, g):
    """The clerk's figures of row e found nowhere in the reader's reading g (the row not flagged)."""
    if g is None or g["status"] != "ok":
        return []
    have = reader_figures(g)
    return [f"{k} {fmt(v)}" for k, v in expect_figures(e).items() if v not in have]


# The units on the reader's reading.

def reader_table(data, expect):
    rows, extra = [], 10000
    parts_of = {}
    for g in data["rows"]:
        if g["kind"] in ("grade", "option") and g.get("parent_line"):
            parts_of.setdefault(g["parent_line"], []).append(g)
    for g in data["rows"]:
        k = g["kind"]
        if k == "note":
            eff = {c: dec(g.get(c)) for c in ("bonus_cap", "deduction_cap") if dec(g.get(c)) is not None}
            if g.get("exemption"):
                eff["exemption"] = g["exemption"]
            rows.append({"line": g["line"], "type": "note", "modifies_lines": g.get("modifies") or [], "effect": eff})
        elif "rate" in g or k in ("heading", "disqualifier"):
            r = {"line": g["line"], "type": "criterion", "kind": k, "parent_line": g.get("parent_line"),
                 "code": g.get("code") or "", "title": g.get("title") or ""}
            for f in FIGURES:
                if dec(g.get(f)) is not None:
                    r[f] = dec(g[f])
            if r.get("exemption") or g.get("exemption"):
                r["exemption"] = g["exemption"]
            rows.append(r)
            if k in ("graded", "options"):
                # The parts as the reader lists them on the item (its grade rows or its own text).
                for i, o in enumerate(g.get("options") or []):
                    p = {"line": extra, "type": "part", "role": "grade" if k == "graded" else "option",
                         "of_line": g["line"], "label": o.get("label"), "range": {}}
                    pts = dec(o.get("points"))
                    if k == "graded":
                        p["points"] = pts
                    elif pts is not None and pts < 0:
                        p["deduction"] = -pts
                    else:
                        p["bonus"] = pts
                    rows.append(p)
                    extra += 1
    data2 = {"declared_total": dec(data.get("stated_total")) or expect["declared_total"], "rows": rows}
    return reference_eval.Table(data2)


def app_inputs(t_expect, t_app, x_in, reader_rows):
    """The unit's inputs as the clerk would type them into the reader's form: the same figure where the
    row means the same, the row's own result otherwise (a grade row read as a criterion gets its points
    when it is the chosen grade, 0 otherwise); rows the clerk has no figure for keep the form's default
    (a standard row full, everything else nothing)."""
    out, dropped = {}, []
    chosen = {}
    for line, x in x_in.items():
        if x.get("choice") is not None:
            chosen[x["choice"]] = int(line)
    for line, r in t_app.rows.items():
        if r["type"] != "criterion":
            continue
        k = r["kind"]
        e = t_expect.rows.get(line)
        x = x_in.get(str(line))
        if e is not None and e["type"] == "part":
            # A grade or option read as a criterion of its own.
            share = Decimal(str(e.get("points") or e.get("bonus") or e.get("deduction") or 0)) \
                if line in chosen else Decimal(0)
            if k in POINT_KINDS:
                out[str(line)] = {"points": min(share, r.get("standard") or r.get("bonus_max")
                                                or r.get("deduction_max") or share)}
            continue
        if x is None:
            if k == "standard":
                out[str(line)] = {"points": r.get("standard") or Decimal(0)}
            continue
        if e is not None and e["type"] == "criterion":
            s, b, d, _ = t_expect.own(e, x)
        else:
            s = b = d = Decimal(0)
        parts_read_as_criteria = e is not None and e["type"] == "criterion" and any(
            p["of_line"] == line and t_app.rows.get(p["line"], {}).get("kind") in POINT_KINDS
            for p in t_expect.rows.values() if p["type"] == "part")
        if k in POINT_KINDS and parts_read_as_criteria:
            out[str(line)] = {"points": Decimal(0)}   # the clerk scores the grade rows instead
            continue
        if k == "standard":
            if e is not None and e["kind"] == "standard":
                y = {"points": min(dec(x.get("points", e.get("standard"))), r.get("standard") or Decimal(0))}
            else:
                y = {"points": min(s, r.get("standard") or Decimal(0))}
            if r.get("bonus_max") is not None:
                y["bonus"] = min(b, r["bonus_max"])
            elif b:
                dropped.append(f"line {line}: bonus {fmt(b)} has no place")
            out[str(line)] = y
        elif k == "bonus_points":
            out[str(line)] = {"points": min(b or dec(x.get("points")) or Decimal(0), r.get("bonus_max") or Decimal(0))}
        elif k == "deduction_points":
            out[str(line)] = {"points": min(d or Decimal(0), r.get("deduction_max") or Decimal(0))}
        elif k in COUNT_KINDS:
            if "count" in x:
                out[str(line)] = {"count": x["count"]}
            elif r.get("rate") and (b or d):
                # A one-off bonus or deduction read as "per case": the clerk types how many times.
                out[str(line)] = {"count": int((b or d) / abs(r["rate"]))}
            elif k == "standard_less_each" and r.get("rate"):
                out[str(line)] = {"count": 0}
        elif k in ("graded", "options"):
            want = None
            if x.get("choice") is not None:
                ep = t_expect.rows[x["choice"]]
                want = Decimal(str(ep.get("points", ep.get("bonus", ep.get("deduction", 0)))))
            elif "points" in x:
                want = dec(x["points"])
            pick = None
            for p in t_app.parts.get(line, []):
                v = p.get("points", p.get("bonus", -(p.get("deduction") or 0)))
                if want is not None and v is not None and abs(v) == abs(want):
                    pick = p["line"]
                    break
            out[str(line)] = {"choice": pick}
            if want is not None and pick is None:
                dropped.append(f"line {line}: no grade worth {fmt(want)}")
        elif k.startswith("linear"):
            out[str(line)] = {"value": x.get("value")}
        elif k == "disqualifier":
            out[str(line)] = {"applies": bool(x.get("applies"))}
        if x.get("exempt") and line in t_app.exemptions:
            out[str(line)]["exempt"] = True
    for line, x in x_in.items():
        if int(line) not in t_app.rows or t_app.rows[int(line)]["type"] != "criterion":
            e = t_expect.rows[int(line)]
            if e["type"] == "criterion" and e["kind"] not in ("heading",):
                s, b, d, dq = t_expect.own(e, x)
                if s or b or d or dq:
                    g = reader_rows.get(int(line))
                    dropped.append(f"line {line}: {e['kind']} ({fmt(s)} + {fmt(b)} − {fmt(d)}) is read as "
                                   f"{g['kind'] if g else 'nothing'}")
    return out, dropped


def app_totals(t_app, inputs):
    """Like reference_eval.Table.totals, but tolerant of a reading whose graded rows have no parts."""
    try:
        return t_app.totals(inputs)
    except (AssertionError, StopIteration, KeyError, TypeError) as exc:
        return {"error": str(exc)}


def report(thidua, db, name):
    expect_path = HERE / f"{name}.expect.json"
    expect = json.loads(expect_path.read_text(encoding="utf-8"), parse_float=Decimal)
    path = HERE / expect["file"]
    data, err = read(thidua, db, path)
    print(f"=== {expect['file']}")
    if data is None:
        print(f"  REFUSED: {err}")
        return
    got = {g["line"]: g for g in data["rows"]}
    n_rows = len(expect["rows"])
    note_caps = {}
    for e in expect["rows"]:
        if e["type"] == "note":
            for line in e["modifies_lines"]:
                for cap, v in e["effect"].items():
                    if cap.endswith("_cap"):
                        caps = note_caps.setdefault(line, {})
                        caps[cap] = min(Decimal(str(v)), caps.get(cap, Decimal(str(v))))
    wrong = 0
    for e in expect["rows"]:
        g = got.get(e["line"])
        diffs = compare_row(e, g, note_caps.get(e["line"]))
        silent = lost(e, g)
        flag = "" if g is None else {"ok": "", "check": " [to check]", "error": " [ERROR]"}.get(g["status"], f" [{g['status']}]")
        if diffs or silent or (g is not None and g["status"] != "ok"):
            wrong += bool(diffs)
            print(f"  line {e['line']:>2}{flag}: " + "; ".join(diffs + [f"LOST SILENTLY {s}" for s in silent])
                  if diffs or silent else f"  line {e['line']:>2}{flag}: read as meant")
            if g is not None:
                print(f"      reader: {g['kind']} · {g.get('interpretation', '')}")
                for p in g.get("problems") or []:
                    print(f"      problem: {p}")
    extra = sorted(set(got) - {e["line"] for e in expect["rows"]})
    if extra:
        print(f"  reader rows with no line in the file: {extra}")
    marks = [g["status"] for g in data["rows"]]
    print(f"  rows read differently: {wrong} of {n_rows}; reader's standard total {data.get('standard_total')} "
          f"(stated {data.get('stated_total')}), the clerk's {expect['declared_total']}; rows to check "
          f"{marks.count('warning')}, in error {marks.count('error')} "
          f"({'import-table refuses to save it' if 'error' in marks else 'import-table would save it'})")
    t_expect = reference_eval.Table(expect)
    t_app = reader_table(data, expect)
    for u in expect["units"]:
        for src in ("self", "assessed"):
            inputs, dropped = app_inputs(t_expect, t_app, u[src], got)
            res = app_totals(t_app, inputs)
            want = u["expected"][src]["total"]
            if "error" in res:
                print(f"  {u['name']} ({src}): the clerk {fmt(Decimal(str(want)))}, the reading cannot be scored "
                      f"({res['error']})")
                continue
            gotv = res["total"]
            diff = gotv - Decimal(str(want))
            dq = " · not graded" if res["disqualified"] else ""
            wdq = " · not graded" if u["expected"][src]["disqualified"] else ""
            print(f"  {u['name']} ({src}): the clerk {fmt(Decimal(str(want)))}{wdq}, the reading {fmt(gotv)}{dq}"
                  + (f"  (difference {'+' if diff > 0 else ''}{fmt(diff)})" if diff else "")
                  + (f"  [{'; '.join(dropped)}]" if dropped else ""))


def main():
    thidua, db, *names = sys.argv[1:]
    if not names:
        names = sorted(p.name[:-len(".expect.json")] for p in HERE.glob("*.expect.json"))
    for name in names:
        report(thidua, db, name)
        print()


if __name__ == "__main__":
    main()
