#!/usr/bin/env bash
# test/reliability/roundtrip.sh: the round-trip property test of every type of
# the extension (checks in roundtrip.py: text, binary and jsonb round trips,
# rollup(), every accessor, mutated text and binary forms). Needs the PG*
# variables (make test sets them); creates and drops the database
# reliability_roundtrip. ROUNDTRIP_SEED (default 20240610), ROUNDTRIP_ROUNDS
# (default 4000 random values) and ROUNDTRIP_SECONDS (a time budget instead)
# pass through. Exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
. test/clients/lib.bash

client_need_packages python3-psycopg
client_db reliability_roundtrip
"${PYTHON_RUN[@]}" test/reliability/roundtrip.py
