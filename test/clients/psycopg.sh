#!/usr/bin/env bash
# test/clients/psycopg.sh: the extension's types through psycopg 3 (Debian's
# python3-psycopg): text and binary fetch, str / typed / binary parameters,
# binary COPY out and in, errors with SQLSTATE and hint, NULLs, ORDER BY and
# the BI view pattern, for every type in test/clients/cases.tsv.
# The checks are in psycopg_test.py. Needs the PG* variables (make test sets
# them); creates and drops the database client_psycopg. Exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
. test/clients/lib.bash

client_need_packages python3-psycopg
client_db client_psycopg
"${PYTHON_RUN[@]}" test/clients/psycopg_test.py
