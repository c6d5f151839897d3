#!/usr/bin/env bash
# test/reliability/sqlsmith.sh: random SQL against the extension, with
# sqlsmith (Debian package sqlsmith).
#
#   test/reliability/sqlsmith.sh          the short run, a step of make test
#   test/reliability/sqlsmith.sh --long   make reliability: many more queries
#
# It starts a throwaway cluster of its own, so that the server log holds this
# run only and can be configured to show every SQLSTATE; loads the database
# of schema.sql (every type of the extension, every index kind, a few hundred
# rows each); runs sqlsmith as "smith", a role that may only read those
# tables (and, in every other session of the long run, as "smith_parallel",
# which plans in parallel); and then fails if
#   - a backend crashed (the server log shows "terminated by signal", an
#     assertion failure or a restart; sqlsmith saw its connection break),
#   - the server no longer accepts connections,
#   - a query raised an internal error, SQLSTATE XX000 (bar those listed in
#     known-internal-errors.txt: PostgreSQL's own, reached through built-ins),
#   - a query ran on for a minute past sqlsmith's 1 s statement_timeout (a
#     loop that never checks for interrupts), or sqlsmith itself failed.
# It prints the queries run and the errors by SQLSTATE.  Everything lands in
# build/reliability/: sqlsmith's output, summary.txt, problems.txt (the log
# entries that failed the run, with their statements) and, after a failure,
# run.log, the server log of the run.
#
# Environment (the short run sends the same queries every time; the long run
# new ones, and prints its seed):
#   SQLSMITH_QUERIES     short run: queries (default 18000, 60 to 90 s on 2 cores)
#   SQLSMITH_SEED        short run: seed (default 1)
#   RELIABILITY_QUERIES  long run: queries in all (default 100000)
#   RELIABILITY_SECONDS  long run: stop after this many seconds (default 0: no limit)
#   RELIABILITY_JOBS     long run: concurrent sqlsmith sessions (default: CPUs)
#   RELIABILITY_SEED     long run: seed of the first session (default: the clock)
#   RELIABILITY_BUILD    long run: 0 to use the installed extension as it is
#                        instead of building and installing first (default 1)
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../lib.sh"
cd "$INNO_TOP" || exit 1

mode=short
[ "${1:-}" = --long ] && mode=long
if [ "$mode" = long ]; then
	queries=${RELIABILITY_QUERIES:-100000}
	seconds=${RELIABILITY_SECONDS:-0}
	jobs=${RELIABILITY_JOBS:-$(nproc)}
	seed=${RELIABILITY_SEED:-$(date +%s)}
	# like make bench: a target of its own bootstraps and builds
	inno_bootstrap $(grep -v '^#' test/reliability/packages.txt) || exit 1
	if [ "${RELIABILITY_BUILD:-1}" != 0 ]; then
		inno_build || exit 1
	fi
else
	queries=${SQLSMITH_QUERIES:-18000}
	seconds=0
	jobs=1
	seed=${SQLSMITH_SEED:-1}
fi
command -v sqlsmith >/dev/null || {
	echo "sqlsmith is not installed (Debian package sqlsmith)" >&2
	exit 1
}

out=build/reliability
rm -rf "$out"
mkdir -p "$out"

inno_cluster_start smith >/dev/null || exit 1
log=$INNO_CLUSTER_DIR/data/server.log
watchdog=
cleanup() {
	[ -n "$watchdog" ] && kill "$watchdog" 2>/dev/null
	inno_cluster_stop
}
trap cleanup EXIT

# The log shows the SQLSTATE and the user of every message (which the
# summary and check-server-log.sh read; test/lib.sh sets the same prefix),
# where in the source an error was raised (LOCATION, which tells our code
# from PostgreSQL's) and the statement of every error.  Warnings are left
# out (one a query: sqlsmith's ROLLBACK outside a transaction); crashes are
# logged at level LOG, which log_min_messages = error keeps.
psql -X -q -v ON_ERROR_STOP=1 <<'SQL' >/dev/null || exit 1
ALTER SYSTEM SET log_line_prefix = '%m [%p] sqlstate=%e %q%u@%d ';
ALTER SYSTEM SET log_error_verbosity = verbose;
ALTER SYSTEM SET log_min_messages = error;
ALTER SYSTEM SET log_min_error_statement = error;
SELECT pg_reload_conf();
SQL
createdb smith || exit 1
if ! psql -X -q -d smith -f test/reliability/schema.sql >"$out/schema.log" 2>&1; then
	echo "loading test/reliability/schema.sql failed:" >&2
	cat "$out/schema.log" >&2
	exit 1
fi
setup_lines=$(wc -l <"$log")

# A statement still running a minute after sqlsmith's statement_timeout
# (1 s) would have cancelled it is stuck where it never checks for
# interrupts; sqlsmith would wait for it for ever.
(
	while sleep 10; do
		psql -X -At -d smith -c "SELECT pid, now() - query_start, query FROM pg_stat_activity
			WHERE usename LIKE 'smith%' AND state = 'active' AND now() - query_start > interval '60 s'" \
			>>"$out/stuck.txt" 2>/dev/null
	done
) &
watchdog=$!

# The extension the backends load.  Should it be reinstalled during the run
# (by a build elsewhere on the machine), backends started afterwards load
# the new build: a parallel worker and its leader, or a stored value and the
# code reading it, then disagree on the layout of the summaries, and what
# follows (wrong merges, crashes) is no finding.
so="$("$PG_CONFIG" --pkglibdir)/innovation.so"
so_before=$(md5sum <"$so")

bound=
[ "$seconds" -gt 0 ] && bound=", at most $seconds s"
inno_log "sqlsmith: $queries queries, $jobs session(s), seed $seed$bound"
start=$(date +%s)
pids=()
per_job=$(((queries + jobs - 1) / jobs))
for ((j = 0; j < jobs; j++)); do
	# a bound on time: the long run's RELIABILITY_SECONDS, or, for make
	# test, one that only a hang reaches
	limit=$seconds
	[ "$limit" -gt 0 ] || limit=$((900 + queries / 20))
	# every other session of the long run with parallel plans (schema.sql);
	# they take about twice as long a query, too long for make test
	role=smith
	[ $((j % 2)) -eq 1 ] && role=smith_parallel
	timeout --signal=INT --kill-after=30 "$limit" \
		sqlsmith --target="host=$PGHOST port=$PGPORT dbname=smith user=$role" --exclude-catalog --verbose \
		--seed=$((seed + j)) --max-queries="$per_job" >"$out/sqlsmith-$j.out" 2>&1 &
	pids+=($!)
done
status=0
timed_out=0
for p in "${pids[@]}"; do
	wait "$p"
	rc=$?
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		timed_out=1
	elif [ "$rc" -ne 0 ]; then
		status=1
	fi
done
elapsed=$(($(date +%s) - start))
kill "$watchdog" 2>/dev/null
wait "$watchdog" 2>/dev/null
watchdog=

failures=()
if [ "$(md5sum <"$so")" != "$so_before" ]; then
	failures+=("$so was reinstalled during the run ($(date -r "$so" '+%H:%M:%S')): the run is void, run it again")
fi
if [ "$status" -ne 0 ]; then
	failures+=("sqlsmith failed (see $out/sqlsmith-*.out)")
fi
if [ "$timed_out" -eq 1 ] && [ "$seconds" -eq 0 ]; then
	failures+=("sqlsmith did not finish (see $out/stuck.txt)")
fi
if [ -s "$out/stuck.txt" ]; then
	failures+=("a statement ran on past statement_timeout (see $out/stuck.txt)")
fi

# The server must still take connections (after a crash it restarts, which
# takes a moment).
ok=0
for _ in $(seq 1 30); do
	if psql -X -At -d smith -U smith -c 'SELECT 1' >/dev/null 2>&1; then
		ok=1
		break
	fi
	sleep 1
done
[ "$ok" -eq 1 ] || failures+=("the server no longer accepts connections")

# sqlsmith's progress: one character per query -- "." done, "e" an error,
# "t" a timeout, "S" a syntax error (sqlsmith's own mistake) and "C" a
# connection that broke under the query.  Counted here rather than read from
# sqlsmith's final report, which a time bound cuts off.
progress=$(cat "$out"/sqlsmith-*.out | grep -E '^[.etSC]+$' | tr -d '\n')
count() { printf '%s' "$progress" | tr -cd "$1" | wc -c; }
run=${#progress}
broken=$(count C)
[ "$broken" -eq 0 ] || failures+=("$broken queries lost their connection (a crash)")
[ "$run" -gt 0 ] || failures+=("sqlsmith ran no queries (see $out/sqlsmith-*.out)")

# the log entries of this run only, not those of loading the schema
tail -n +"$((setup_lines + 1))" "$log" >"$out/run.log"
if ! test/reliability/check-server-log.sh "$out/run.log" test/reliability/known-internal-errors.txt \
	>"$out/problems.txt" 2>&1; then
	failures+=("the server log shows a crash or an internal error (see $out/problems.txt)")
fi

{
	echo "sqlsmith: $run queries in $elapsed s ($((run / (elapsed > 0 ? elapsed : 1)))/s), $jobs session(s), seed $seed"
	echo "  succeeded $(count .), failed $(count etS) (sqlsmith's own syntax errors: $(count S)), connection lost $broken"
	echo "  errors of sqlsmith's queries by SQLSTATE (server log), with the most frequent message:"
	grep -E 'sqlstate=[0-9A-Z]{5} smith(_parallel)?@[^ ]+ ERROR:' "$out/run.log" |
		sed -E 's/.*sqlstate=([0-9A-Z]{5}) [^ ]+ ERROR:  ([0-9A-Z]{5}: )?/\1 /; s/ at character [0-9]+$//' |
		awk '{ code = $1; n[code]++; $1 = ""; m[code, substr($0, 2, 70)]++ }
			END {
				for (k in m) { split(k, p, SUBSEP); if (m[k] > best[p[1]]) { best[p[1]] = m[k]; msg[p[1]] = p[2] } }
				for (c in n) printf "    %s %7d  %s\n", c, n[c], msg[c]
			}' | sort -k2,2nr
	tail -1 "$out/problems.txt" | grep '^server log' | sed 's/^/  /'
} | tee "$out/summary.txt"

if [ ${#failures[@]} -gt 0 ]; then
	printf 'FAILED: %s\n' "${failures[@]}" | tee -a "$out/summary.txt"
	[ -s "$out/problems.txt" ] && head -200 "$out/problems.txt"
	[ -s "$out/stuck.txt" ] && cat "$out/stuck.txt"
	# keep the run's log for a closer look; the cluster goes away on exit
	exit 1
fi
rm -f "$out/run.log"
exit 0
