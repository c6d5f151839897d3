"""Shared by the Python client tests (psycopg_test.py, odbc_test.py): read
test/clients/cases.tsv (see its header for the row kinds) and count checks.

JdbcTest.java reads the same file with its own small parser.
"""
import os
import sys
from collections import namedtuple

Value = namedtuple("Value", "type input canonical binary key")  # binary, key: None if not given
Summary = namedtuple("Summary", "type query canonical")
Error = namedtuple("Error", "type input sqlstate detail hint")  # detail, hint: None if not checked
BinError = namedtuple("BinError", "type binary sqlstate")
Enumerate = namedtuple("Enumerate", "type query")
View = namedtuple("View", "type select_list columns")  # columns: [(name, kind)]

CASES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.tsv")

# how many fields each kind of row has after the kind itself
_FIELDS = {"value": 5, "summary": 3, "error": 5, "binerror": 3, "enumerate": 2, "view": 3}


class Cases:
    """All rows of cases.tsv, grouped by type name (in file order)."""

    def __init__(self, path=CASES_FILE):
        self.types = []  # type names in the order they first appear
        self.values, self.errors, self.binerrors = {}, {}, {}
        self.summaries, self.enumerates, self.views = {}, {}, {}
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                # only the line end goes: fields may start or end with blanks
                line = line.rstrip("\r\n")
                if not line.strip() or line.startswith("#"):
                    continue
                kind, *fields = line.split("\t")
                if kind not in _FIELDS or len(fields) != _FIELDS[kind]:
                    raise SystemExit(f"{path}:{lineno}: bad row (kind {kind!r}, "
                                     f"{len(fields)} fields): {line!r}")
                t = fields[0]
                if t not in self.types:
                    self.types.append(t)
                if kind == "value":
                    v = Value(t, fields[1], fields[2],
                              None if fields[3] == "-" else bytes.fromhex(fields[3]),
                              int(fields[4]))
                    self.values.setdefault(t, []).append(v)
                elif kind == "summary":
                    self.summaries.setdefault(t, []).append(Summary(t, fields[1], fields[2]))
                    # and a value like any other, read from its text form
                    self.values.setdefault(t, []).append(Value(t, fields[2], fields[2], None, None))
                elif kind == "error":
                    self.errors.setdefault(t, []).append(
                        Error(t, fields[1], fields[2], *(None if f == "-" else f for f in fields[3:5])))
                elif kind == "binerror":
                    self.binerrors.setdefault(t, []).append(
                        BinError(t, bytes.fromhex(fields[1]), fields[2]))
                elif kind == "enumerate":
                    self.enumerates.setdefault(t, []).append(Enumerate(t, fields[1]))
                else:
                    cols = [tuple(c.split(":", 1)) for c in fields[2].split()]
                    self.views.setdefault(t, []).append(View(t, fields[1], cols))

    def ordered(self, t):
        """Does type t have a documented order (a KEY on every value)?"""
        return all(v.key is not None for v in self.values.get(t, []))

    def ordered_canonicals(self, t):
        """The distinct canonical values of type t, in key order, with their binary form."""
        seen = {}
        for v in sorted(self.values.get(t, []), key=lambda v: v.key):
            seen.setdefault(v.canonical, v.binary)
        return list(seen.items())

    def key_of(self, t):
        """canonical text -> sort key, for type t."""
        return {v.canonical: v.key for v in self.values.get(t, [])}


def table_name(t):
    """The test table for type t (type names are plain identifiers)."""
    return "client_" + t


class Checker:
    """Prints one line per check and counts the failures."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def ok(self, what):
        self.passed += 1
        print(f"ok    {what}")

    def fail(self, what, detail):
        self.failed += 1
        print(f"FAIL  {what}\n      {detail}")

    def equal(self, what, expected, actual):
        if expected == actual:
            self.ok(what)
        else:
            self.fail(what, f"expected {expected!r}\n      got      {actual!r}")
        return expected == actual

    def check(self, what, cond, detail=""):
        if cond:
            self.ok(what)
        else:
            self.fail(what, detail)
        return cond

    def info(self, what):
        print(f"info  {what}")

    def run(self, what, fn):
        """Run fn(); an unexpected exception fails the check named what."""
        try:
            fn()
        except Exception as e:  # report and go on with the next check
            self.fail(what, f"unexpected {type(e).__module__}.{type(e).__name__}: {e}")

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def ensure_modules(*names):
    """Fail clearly when a Debian package is missing."""
    for n in names:
        try:
            __import__(n)
        except ImportError as e:
            sys.exit(f"cannot import {n} ({e}) with {sys.executable}: install the "
                     "packages listed in test/clients/packages.txt")
