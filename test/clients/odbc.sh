#!/usr/bin/env bash
# test/clients/odbc.sh: the extension's types through psqlODBC (Debian's
# odbc-postgresql, with unixODBC and python3-pyodbc): metadata, the size a
# column is described with, a tool that binds by that size, str parameters
# and fast_executemany, errors with SQLSTATE and detail (the driver drops the
# hint), summaries and their jsonb casts, and the BI view pattern, for every
# type in test/clients/cases.tsv, with psqlODBC's defaults and with the
# settings doc/bi-tools.md recommends. The checks are in odbc_test.py.
# The driver is named by its file in a DSN-less connection string; unixODBC
# reads its configuration from an empty temporary directory, not /etc.
# Needs the PG* variables (make test sets them); connects over TCP to
# 127.0.0.1:$PGPORT; creates and drops the database client_odbc. Exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
. test/clients/lib.bash

client_need_packages odbc-postgresql unixodbc python3-pyodbc
ODBC_DRIVER=$(dpkg-query -L odbc-postgresql | grep '/psqlodbcw\.so$' | head -1)
[ -n "$ODBC_DRIVER" ] || {
	echo "FAIL  psqlodbcw.so not found in odbc-postgresql" >&2
	exit 1
}
ODBCSYSINI=$(mktemp -d /tmp/inno-odbc.XXXXXX)
touch "$ODBCSYSINI/odbcinst.ini" "$ODBCSYSINI/odbc.ini"
export ODBC_DRIVER ODBCSYSINI ODBCINI=$ODBCSYSINI/odbc.ini

client_db client_odbc
status=0
"${PYTHON_RUN[@]}" test/clients/odbc_test.py || status=$?
rm -rf "$ODBCSYSINI"
exit $status
