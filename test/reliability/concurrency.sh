#!/usr/bin/env bash
# test/reliability/concurrency.sh: several pgbench clients at once, for a
# fixed time, on one database. Some insert raw rows (milestones, and funding
# rounds parsed from text), merging each into a stored summary with rollup()
# in the same statement; others refresh stored per-park rollups (INSERT ...
# ON CONFLICT into a table, REFRESH MATERIALIZED VIEW CONCURRENTLY) and read
# district and city answers rolled up from them, checking on the way what
# must hold in any snapshot. The scripts are in test/reliability/concurrency/
# (setup.sql says what each table is). Passes when pgbench reports no failed
# transaction and no aborted client, the database saw no deadlock, and, after
# one more refresh, every stored rollup equals the aggregates of the rows and
# a recount of them in plain SQL (verify.sql).
#
# Uses the server in the PG* variables (make test sets them), or starts a
# throwaway cluster when PGHOST is not set; creates and drops the database
# reliability_concurrency. Environment: CONCURRENCY_SECONDS (default 30),
# CONCURRENCY_CLIENTS (default 6). pgbench's report: build/concurrency-pgbench.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh

seconds=${CONCURRENCY_SECONDS:-30}
clients=${CONCURRENCY_CLIENTS:-6}
dir=test/reliability/concurrency
db=reliability_concurrency
log=build/concurrency-pgbench.log
mkdir -p build

if [ -z "${PGHOST:-}" ]; then
	inno_cluster_start concurrency
fi
export PGUSER=${PGUSER:-postgres}
psql_() { "$INNO_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

drop_db() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; }
drop_db
psql_ -d postgres -c "CREATE DATABASE $db"
trap 'drop_db; inno_cluster_stop' EXIT
trap 'exit 130' INT TERM # so that the EXIT trap runs
PGOPTIONS='-c client_min_messages=warning' psql_ -d "$db" -f "$dir/setup.sql"

scripts=(insert_milestone@10 insert_round@10 refresh_park@4 refresh_mv@1 read_rollup@4 read_rows@2)
args=()
for s in "${scripts[@]}"; do
	args+=(-f "$dir/${s%@*}.sql@${s#*@}")
done
echo "pgbench: $clients clients for $seconds s: ${scripts[*]}"
status=0
"$INNO_PGBIN/pgbench" -n -c "$clients" -j 2 -T "$seconds" --failures-detailed \
	"${args[@]}" "$db" >"$log" 2>&1 || status=$?
cat "$log"

problems=()
[ "$status" -eq 0 ] || problems+=("pgbench exited with status $status (a client aborted: an error or a failed check)")
grep -q '^number of failed transactions: 0 ' "$log" || problems+=("pgbench reports failed transactions")
# transactions per script, in the order of $scripts
mapfile -t counts < <(sed -n 's/^ - \([0-9]*\) transactions (.*/\1/p' "$log")
if [ "${#counts[@]}" -ne "${#scripts[@]}" ]; then
	problems+=("cannot read the transactions per script from $log")
	counts=(0 0 0)
fi
for c in "${counts[@]}"; do
	[ "$c" -gt 0 ] || problems+=("a script ran no transaction")
done

# the last refresh and the checks, also after a failed run (to diagnose it)
psql_ -d "$db" -v milestone_tx="${counts[0]}" -v round_tx="${counts[1]}" -v refresh_tx="${counts[2]}" \
	-v clients="$clients" -f "$dir/verify.sql" || problems+=("the stored rollups do not match the rows (see above)")

deadlocks=$(psql_ -d "$db" -Atc "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
[ "$deadlocks" = 0 ] || problems+=("$deadlocks deadlocks detected")

if [ ${#problems[@]} -gt 0 ]; then
	printf 'FAIL  %s\n' "${problems[@]}" >&2
	exit 1
fi
echo "PASS  concurrency: $(sed -n 's/^number of transactions actually processed: //p' "$log") transactions, no failures, no deadlocks, rollups = rows"
