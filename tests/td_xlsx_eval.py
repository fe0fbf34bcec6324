# SPDX-License-Identifier: GPL-3.0-or-later
# A small evaluator of the Excel formulas Thi Đua's sheets write, for tests
# that check formulas without LibreOffice: numbers, strings, cell references
# and ranges of the same sheet, + - * / & comparisons, and IF, AND, OR,
# MIN, MAX, SUM, COUNTA, ROUND (half away from zero), INT, ABS, RANK.  Empty
# cells read as "" against a string and as 0 in arithmetic, as in Excel.
import decimal
import math
import re

from openpyxl.utils import column_index_from_string

TOKEN = re.compile(r"""\s*(?:
    (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
  | (?P<string>"(?:[^"]|"")*")
  | (?P<range>\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+)
  | (?P<ref>\$?[A-Z]{1,3}\$?\d+)(?![A-Z(])
  | (?P<name>[A-Z][A-Z0-9.]*)(?=\s*\()
  | (?P<bool>TRUE|FALSE)
  | (?P<op><>|<=|>=|[-+*/&=<>(),])
)""", re.VERBOSE)


def parse_ref(text):
    m = re.match(r"\$?([A-Z]+)\$?(\d+)$", text)
    return int(m.group(2)), column_index_from_string(m.group(1))


def tokenize(body):
    pos, out = 0, []
    while pos < len(body):
        if body[pos:].strip() == "":
            break
        m = TOKEN.match(body, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot read formula at {body[pos:]!r}")
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def num(v):
    if v is None or v == "":
        return 0
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, (int, float)):
        return v
    raise ValueError(f"#VALUE! ({v!r} is not a number)")


def excel_round(x, digits):
    q = decimal.Decimal(1).scaleb(-int(digits))
    return float(decimal.Decimal(repr(num(x))).quantize(q, rounding=decimal.ROUND_HALF_UP))


def compare(a, b, op):
    if a is None:
        a = "" if isinstance(b, str) else 0
    if b is None:
        b = "" if isinstance(a, str) else 0
    if isinstance(a, str) != isinstance(b, str):
        # Excel: text is never equal to a number and sorts after it.
        if op in ("=", "<>"):
            return op == "<>"
        a, b = (1, 0) if isinstance(a, str) else (0, 1)
    elif isinstance(a, str):
        a, b = a.casefold(), b.casefold()
    return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]


class Evaluator:
    """get(row, col) gives a cell's value (None when empty)."""

    def __init__(self, get):
        self.get = get

    def evaluate(self, formula):
        self.tokens = tokenize(formula[1:] if formula.startswith("=") else formula)
        self.i = 0
        value = self.comparison()
        if self.i != len(self.tokens):
            raise ValueError(f"unread tokens in {formula}")
        return value

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, text=None):
        kind, value = self.peek()
        if text is not None and value != text:
            raise ValueError(f"expected {text}, got {value}")
        self.i += 1
        return kind, value

    def comparison(self):
        left = self.concat()
        while self.peek()[1] in ("=", "<>", "<", ">", "<=", ">="):
            op = self.take()[1]
            left = compare(left, self.concat(), op)
        return left

    def concat(self):
        left = self.additive()
        while self.peek()[1] == "&":
            self.take()
            right = self.additive()
            left = ("" if left is None else str(left)) + ("" if right is None else str(right))
        return left

    def additive(self):
        left = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            right = self.term()
            left = num(left) + num(right) if op == "+" else num(left) - num(right)
        return left

    def term(self):
        left = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            right = self.unary()
            left = num(left) * num(right) if op == "*" else num(left) / num(right)
        return left

    def unary(self):
        if self.peek()[1] in ("-", "+"):
            op = self.take()[1]
            value = num(self.unary())
            return -value if op == "-" else value
        return self.primary()

    def primary(self):
        kind, value = self.take()
        if kind == "number":
            return float(value)
        if kind == "string":
            return value[1:-1].replace('""', '"')
        if kind == "bool":
            return value == "TRUE"
        if kind == "ref":
            return self.get(*parse_ref(value))
        if kind == "range":
            a, b = value.split(":")
            (r1, c1), (r2, c2) = parse_ref(a), parse_ref(b)
            return [self.get(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        if value == "(":
            inner = self.comparison()
            self.take(")")
            return inner
        if kind == "name":
            return self.call(value)
        raise ValueError(f"unexpected {value}")

    def arguments(self):
        self.take("(")
        args = []
        if self.peek()[1] == ")":
            self.take()
            return args
        while True:
            args.append(self.comparison())
            if self.take()[1] == ")":
                return args

    def call(self, name):
        if name == "IF":
            # Both branches are computed; the sheets' branches never fail.
            cond, yes, no = (self.arguments() + [False])[:3]
            return yes if cond else no
        args = self.arguments()
        flat = []
        for a in args:
            flat.extend(a if isinstance(a, list) else [a])
        if name in ("MIN", "MAX", "SUM"):
            values = [num(v) for v in flat if v not in (None, "") and not isinstance(v, str)]
            if name == "SUM":
                return sum(values)
            return (min if name == "MIN" else max)(values) if values else 0
        if name == "COUNTA":
            return sum(1 for v in flat if v is not None and v != "")
        if name == "AND":
            return all(bool(v) for v in flat)
        if name == "OR":
            return any(bool(v) for v in flat)
        if name == "ROUND":
            return excel_round(args[0], num(args[1]))
        if name == "INT":
            return math.floor(num(args[0]))
        if name == "ABS":
            return abs(num(args[0]))
        if name == "RANK":
            me = num(args[0])
            return 1 + sum(1 for v in args[1] if num(v) > me)
        raise ValueError(f"function {name} is not known to the test evaluator")


def recompute(ws):
    """The value of every formula of @ws recomputed from its input cells
    (openpyxl, formulas not data_only): {(row, col): value}."""
    memo = {}

    def get(r, c):
        if (r, c) in memo:
            return memo[(r, c)]
        v = ws.cell(r, c).value
        if isinstance(v, str) and v.startswith("="):
            memo[(r, c)] = None  # a cycle reads as empty
            v = Evaluator(get).evaluate(v)
        memo[(r, c)] = v
        return v

    out = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                out[(cell.row, cell.column)] = get(cell.row, cell.column)
    return out
