"""What a BI tool that binds result columns by their described size gets
from psqlODBC, used by odbc_test.py.

pyodbc reads every character column with SQLGetData in a loop, so it never
sees a truncated value. Tools written against the ODBC API (Excel, Power
BI's ODBC connector, many ETL tools) instead ask SQLDescribeCol for a
column's size, bind a buffer of that size with SQLBindCol and SQLFetch into
it: a longer value is cut to the buffer and the fetch returns
SQL_SUCCESS_WITH_INFO with SQLSTATE 01004 ("fetched item was truncated").
This module does exactly that through unixODBC's libodbc (ctypes; the
package is a dependency of python3-pyodbc), with the wide-character API
(SQLWCHAR is UTF-16 in unixODBC).
"""
import ctypes

SQL_HANDLE_ENV, SQL_HANDLE_DBC, SQL_HANDLE_STMT = 1, 2, 3
SQL_ATTR_ODBC_VERSION, SQL_OV_ODBC3 = 200, 3
SQL_DRIVER_NOPROMPT = 0
SQL_C_WCHAR = -8
SQL_NULL_DATA = -1
SQL_SUCCESS, SQL_SUCCESS_WITH_INFO, SQL_NO_DATA = 0, 1, 100

_odbc = None


def _lib():
    global _odbc
    if _odbc is None:
        _odbc = ctypes.CDLL("libodbc.so.2")
        _odbc.SQLSetEnvAttr.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
        _odbc.SQLBindCol.argtypes = [ctypes.c_void_p, ctypes.c_ushort, ctypes.c_short, ctypes.c_void_p,
                                     ctypes.c_long, ctypes.POINTER(ctypes.c_long)]
    return _odbc


def _wide(s):
    """A NUL-terminated UTF-16 string, as SQLWCHAR* arguments want it."""
    return ctypes.create_string_buffer(s.encode("utf-16-le") + b"\0\0")


class OdbcError(Exception):
    pass


class BoundFetch:
    """One connection; rows(sql) binds every column by its described size."""

    def __init__(self, conn_str):
        lib = _lib()
        self.env, self.dbc = ctypes.c_void_p(), ctypes.c_void_p()
        self._ok(lib.SQLAllocHandle(SQL_HANDLE_ENV, None, ctypes.byref(self.env)), "SQLAllocHandle(ENV)")
        self._ok(lib.SQLSetEnvAttr(self.env, SQL_ATTR_ODBC_VERSION, ctypes.c_void_p(SQL_OV_ODBC3), 0),
                 "SQLSetEnvAttr", SQL_HANDLE_ENV, self.env)
        self._ok(lib.SQLAllocHandle(SQL_HANDLE_DBC, self.env, ctypes.byref(self.dbc)), "SQLAllocHandle(DBC)")
        out_len = ctypes.c_short()
        self._ok(lib.SQLDriverConnectW(self.dbc, None, _wide(conn_str), -3, None, 0, ctypes.byref(out_len),
                                       SQL_DRIVER_NOPROMPT), "SQLDriverConnectW", SQL_HANDLE_DBC, self.dbc)

    def _ok(self, rc, what, htype=None, handle=None):
        if rc not in (SQL_SUCCESS, SQL_SUCCESS_WITH_INFO):
            states = diagnostics(htype, handle) if handle is not None else []
            raise OdbcError(f"{what} returned {rc}: {states}")
        return rc

    def rows(self, sql):
        """Run sql; return (columns, rows): columns as (name, sql_type,
        size) from SQLDescribeColW, rows as [(value, truncated, states)] per
        column, each value read from a buffer of (size + 1) characters."""
        lib = _lib()
        stmt = ctypes.c_void_p()
        self._ok(lib.SQLAllocHandle(SQL_HANDLE_STMT, self.dbc, ctypes.byref(stmt)), "SQLAllocHandle(STMT)")
        try:
            self._ok(lib.SQLExecDirectW(stmt, _wide(sql), -3), "SQLExecDirectW", SQL_HANDLE_STMT, stmt)
            ncols = ctypes.c_short()
            lib.SQLNumResultCols(stmt, ctypes.byref(ncols))
            columns, buffers = [], []
            for i in range(1, ncols.value + 1):
                name = ctypes.create_string_buffer(512)
                name_len, sql_type, digits, nullable = (ctypes.c_short() for _ in range(4))
                size = ctypes.c_ulong()
                self._ok(lib.SQLDescribeColW(stmt, i, name, 255, ctypes.byref(name_len), ctypes.byref(sql_type),
                                             ctypes.byref(size), ctypes.byref(digits), ctypes.byref(nullable)),
                         "SQLDescribeColW", SQL_HANDLE_STMT, stmt)
                columns.append((name.raw[:2 * name_len.value].decode("utf-16-le"), sql_type.value, size.value))
                buf = ctypes.create_string_buffer(2 * (size.value + 1))
                ind = ctypes.c_long()
                self._ok(lib.SQLBindCol(stmt, i, SQL_C_WCHAR, buf, len(buf), ctypes.byref(ind)),
                         "SQLBindCol", SQL_HANDLE_STMT, stmt)
                buffers.append((buf, ind))
            rows = []
            while True:
                rc = lib.SQLFetch(stmt)
                if rc == SQL_NO_DATA:
                    break
                self._ok(rc, "SQLFetch", SQL_HANDLE_STMT, stmt)
                states = diagnostics(SQL_HANDLE_STMT, stmt) if rc == SQL_SUCCESS_WITH_INFO else []
                row = []
                for buf, ind in buffers:
                    if ind.value == SQL_NULL_DATA:
                        row.append((None, False, states))
                        continue
                    text = buf.raw.decode("utf-16-le").split("\0", 1)[0]
                    # the indicator says how many bytes there were in all
                    row.append((text, ind.value < 0 or ind.value > 2 * len(text), states))
                rows.append(row)
            return columns, rows
        finally:
            lib.SQLFreeHandle(SQL_HANDLE_STMT, stmt)

    def close(self):
        lib = _lib()
        lib.SQLDisconnect(self.dbc)
        lib.SQLFreeHandle(SQL_HANDLE_DBC, self.dbc)
        lib.SQLFreeHandle(SQL_HANDLE_ENV, self.env)


def diagnostics(htype, handle):
    """The SQLSTATEs of a handle's diagnostic records."""
    lib = _lib()
    states = []
    for rec in range(1, 20):
        state = ctypes.create_string_buffer(12)
        native, msg_len = ctypes.c_int(), ctypes.c_short()
        msg = ctypes.create_string_buffer(2048)
        if lib.SQLGetDiagRecW(htype, handle, rec, state, ctypes.byref(native), msg, 1000,
                              ctypes.byref(msg_len)) not in (SQL_SUCCESS, SQL_SUCCESS_WITH_INFO):
            break
        states.append(state.raw[:10].decode("utf-16-le"))
    return states
