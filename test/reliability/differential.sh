#!/usr/bin/env bash
# test/reliability/differential.sh: randomized differential tests of every
# aggregate and accessor against plain SQL, serially, in forced parallel plans
# and rolled up from stored summaries (the checks are in differential.py).
#
# With the PG* variables set (make test exports them) it uses that server and
# starts nothing; without PGHOST it starts a throwaway cluster of its own
# (the extension must be installed). Creates and drops the database
# reliability_differential. Exit 0 = pass.
#
# Environment (see differential.py): INNO_DIFF_SEED (default 20240611),
# INNO_DIFF_DATASETS, INNO_DIFF_ROUNDS, INNO_DIFF_LONG=1 for the long mode.
set -euo pipefail
cd "$(dirname "$0")/../.."

own_cluster=
if [ -z "${PGHOST:-}" ]; then
	. test/lib.sh
	inno_cluster_start differential
	own_cluster=$INNO_CLUSTER_DIR own_sock=$INNO_SOCK_DIR
fi
. test/clients/lib.bash
# lib.bash sources test/lib.sh again, which forgets the cluster
[ -n "$own_cluster" ] && INNO_CLUSTER_DIR=$own_cluster INNO_SOCK_DIR=$own_sock

client_need_packages python3-psycopg
client_db reliability_differential
# client_db's EXIT trap replaces the cluster's: run both
[ -n "$own_cluster" ] && trap 'client_db_drop; inno_cluster_stop' EXIT
PGDATABASE=$CLIENT_DB "${PYTHON_RUN[@]}" test/reliability/differential.py
