#!/usr/bin/env bash
# Releases, tested as a DBA meets them (make test; issue 13): a database on
# 0.1.0 with every type, every index kind, summaries in materialized views
# and values as 0.1.0's own code stored them (fill.sql, v010-images.sql),
#   (a) ALTER EXTENSION innovation UPDATE: every value reads the same, the
#       indexes check (amcheck, index scans against sequential scans:
#       checks.sql), the views refresh to the same summaries, and the
#       extension's member objects equal a fresh install's, fact by fact
#       (member_facts.sql);
#   (b) pg_upgrade 15 -> 15 of that cluster (binary-upgrade mode): the
#       members it drops (the objects CREATE TYPE ... AS RANGE makes besides
#       the range type) are exactly the documented ones; then the update
#       makes them members again, and everything in (a) holds; a database
#       already on 0.2.0 is repaired with doc/administration.md's statements;
#   (c) pg_dump of the updated database, plus the types and indexes new in
#       0.2.0 (fill-020.sql), restored from a plain and a custom-format dump
#       (parallel) into fresh databases: the same values, checks and facts.
# Two throwaway clusters under /tmp, stopped and removed whatever happens.
# Needs the extension installed (make test installs it first) and the
# server's contrib modules (amcheck, pageinspect: part of postgresql-15).
# Ends with "upgrade-dump: N passed, N failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
here=$INNO_TOP/test/release
cd "$here" || exit 1

base=$(mktemp -d /tmp/inno-release.XXXXXX)
chmod 755 "$base"
[ "$(id -u)" -eq 0 ] && chown postgres "$base"
out=$base/out
mkdir -p "$out"
passed=0
failed=0
ok() {
	passed=$((passed + 1))
	echo "ok: $*"
}
bad() {
	failed=$((failed + 1))
	echo "FAILED: $*"
}

stop_cluster() {	# stop_cluster DATADIR
	[ -f "$1/postmaster.pid" ] &&
		inno_runas "$INNO_PGBIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1
	return 0
}
cleanup() {
	stop_cluster "$base/old"
	stop_cluster "$base/new"
	rm -rf "$base"
}
trap cleanup EXIT

init_cluster() {	# init_cluster DATADIR
	inno_runas "$INNO_PGBIN/initdb" -D "$1" -U postgres -E UTF8 --no-locale -A trust \
		>"$1.initdb.log" 2>&1 || { cat "$1.initdb.log" >&2; return 1; }
}
start_cluster() {	# start_cluster DATADIR PORT
	inno_runas "$INNO_PGBIN/pg_ctl" -D "$1" -l "$1.log" -w \
		-o "-p $2 -k $base -c listen_addresses='' -c fsync=off -c max_parallel_workers_per_gather=0" \
		start >/dev/null || { cat "$1.log" >&2; return 1; }
}

port=
sql() {	# sql DB [psql args...]: psql on the running cluster, stop at the first error
	local db=$1
	shift
	"$INNO_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$base" -p "$port" -U postgres -d "$db" "$@"
}
# facts DB FILE: the extension's member facts, sorted (the view is created
# and dropped in one transaction, so the database is left as it was)
facts() {
	sql "$1" -At >"$2" <<-'EOF'
		BEGIN;
		\i member_facts.sql
		COPY (SELECT * FROM member_facts ORDER BY 1, 2, 3) TO STDOUT;
		ROLLBACK;
	EOF
}
snapshot() {	# snapshot DB FILE
	sql "$1" -f snapshot.sql >"$2"
}
same() {	# same WHAT FILE1 FILE2
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		bad "$1 ($(diff "$2" "$3" | grep -c '^[<>]') lines differ; first ones:)"
		diff "$2" "$3" | head -20 | cut -c1-300
	fi
}
run_checks() {	# run_checks DB LABEL: checks.sql, every line "ok ..."
	local log=$out/checks-$1-$2.txt
	if ! sql "$1" -f checks.sql >"$log" 2>&1; then
		bad "$2: checks.sql stopped (see below)"
		tail -20 "$log"
	elif grep -qv '^ok ' "$log"; then
		bad "$2: $(grep -cv '^ok ' "$log") of $(wc -l <"$log") checks failed:"
		grep -v '^ok ' "$log" | head -20 | cut -c1-300
	else
		ok "$2: $(wc -l <"$log") checks (amvalidate, amcheck, index probes, 0.1.0's values)"
	fi
}
refresh() {	# refresh DB: the materialized views, in dependency order
	sql "$1" <<-'EOF'
		REFRESH MATERIALIZED VIEW project_histories;
		REFRESH MATERIALIZED VIEW park_summaries;
		SELECT to_regclass('survival_020') IS NOT NULL AS has_020 \gset
		\if :has_020
		REFRESH MATERIALIZED VIEW survival_020;
		\endif
	EOF
}
# objects: the distinct member objects named in a facts file
objects() { cut -f1 "$1" | grep -v '^extension innovation$' | sort -u; }

# the objects PostgreSQL's binary-upgrade dump does not add to the
# extension (doc/administration.md, "pg_upgrade")
lost_by_pg_upgrade='cast from stage_range to stage_multirange
function stage_multirange()
function stage_multirange(stage_range)
function stage_multirange(stage_range[])
function stage_range(project_stage,project_stage)
function stage_range(project_stage,project_stage,text)
type stage_multirange'

summary() {
	echo "upgrade-dump: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# ---- the old cluster: 0.1.0 --------------------------------------------
init_cluster "$base/old" || exit 1
port=$(inno_free_port) || exit 1
start_cluster "$base/old" "$port" || exit 1
sql postgres -c 'CREATE DATABASE rel' || exit 1
if ! sql rel -f fill.sql >"$out/fill.log" 2>&1; then
	bad "filling a 0.1.0 database (fill.sql)"
	cat "$out/fill.log"
	summary
	exit 1
fi
snapshot rel "$out/values-0.1.0.txt" || exit 1
facts rel "$out/facts-0.1.0.txt" || exit 1
sql postgres -c 'CREATE DATABASE fresh' && sql fresh -c 'CREATE EXTENSION innovation' &&
	facts fresh "$out/facts-fresh.txt" || exit 1
echo "0.1.0: $(objects "$out/facts-0.1.0.txt" | wc -l) member objects; 0.2.0 fresh: $(objects "$out/facts-fresh.txt" | wc -l)"

# ---- (a) ALTER EXTENSION UPDATE ------------------------------------------
sql postgres -c 'CREATE DATABASE rel_a TEMPLATE rel' || exit 1
if sql rel_a -c 'ALTER EXTENSION innovation UPDATE'; then
	ok "(a) ALTER EXTENSION innovation UPDATE"
	snapshot rel_a "$out/values-a.txt"
	same "(a) every value reads the same after the update" "$out/values-0.1.0.txt" "$out/values-a.txt"
	facts rel_a "$out/facts-a.txt"
	same "(a) member objects and facts equal a fresh install's" "$out/facts-fresh.txt" "$out/facts-a.txt"
	run_checks rel_a "(a) updated"
	refresh rel_a && snapshot rel_a "$out/values-a-refreshed.txt"
	same "(a) the materialized views refresh to the same summaries" "$out/values-0.1.0.txt" "$out/values-a-refreshed.txt"
else
	bad "(a) ALTER EXTENSION innovation UPDATE"
fi
stop_cluster "$base/old"

# ---- (b) pg_upgrade 15 -> 15 ---------------------------------------------
init_cluster "$base/new" || exit 1
oldport=$port
port=$(inno_free_port) || exit 1
mkdir -p "$base/pg_upgrade"
[ "$(id -u)" -eq 0 ] && chown postgres "$base/pg_upgrade"
if (cd "$base/pg_upgrade" && inno_runas sh -c "cd '$base/pg_upgrade' && '$INNO_PGBIN/pg_upgrade' \
		-b '$INNO_PGBIN' -B '$INNO_PGBIN' -d '$base/old' -D '$base/new' \
		-p $oldport -P $port -s '$base'") >"$out/pg_upgrade.log" 2>&1; then
	ok "(b) pg_upgrade of the 0.1.0 cluster"
else
	bad "(b) pg_upgrade of the 0.1.0 cluster"
	tail -30 "$out/pg_upgrade.log"
	find "$base/pg_upgrade" "$base/new" -name '*.log' -newer "$base/old.log" -exec tail -20 {} \; 2>/dev/null
	summary
	exit 1
fi
start_cluster "$base/new" "$port" || exit 1

# what pg_upgrade dropped from the extension: exactly the documented objects
facts rel "$out/facts-b-0.1.0.txt"
lost=$(comm -23 <(objects "$out/facts-0.1.0.txt") <(objects "$out/facts-b-0.1.0.txt"))
gained=$(comm -13 <(objects "$out/facts-0.1.0.txt") <(objects "$out/facts-b-0.1.0.txt"))
if [ "$lost" = "$lost_by_pg_upgrade" ] && [ -z "$gained" ]; then
	ok "(b) pg_upgrade drops exactly the $(echo "$lost" | wc -l) documented objects from the extension"
else
	bad "(b) members after pg_upgrade differ from the documented loss; lost: [$lost] gained: [$gained]"
fi
snapshot rel "$out/values-b-0.1.0.txt"
same "(b) every value reads the same after pg_upgrade" "$out/values-0.1.0.txt" "$out/values-b-0.1.0.txt"
sql postgres -c 'CREATE DATABASE fresh_b' && sql fresh_b -c 'CREATE EXTENSION innovation' &&
	facts fresh_b "$out/facts-fresh-b.txt"
if sql rel -c 'ALTER EXTENSION innovation UPDATE'; then
	ok "(b) ALTER EXTENSION innovation UPDATE after pg_upgrade"
	facts rel "$out/facts-b.txt"
	same "(b) member objects and facts equal a fresh install's" "$out/facts-fresh-b.txt" "$out/facts-b.txt"
	snapshot rel "$out/values-b.txt"
	same "(b) every value reads the same after the update" "$out/values-0.1.0.txt" "$out/values-b.txt"
	run_checks rel "(b) upgraded and updated"
	refresh rel && snapshot rel "$out/values-b-refreshed.txt"
	same "(b) the materialized views refresh to the same summaries" "$out/values-0.1.0.txt" "$out/values-b-refreshed.txt"
else
	bad "(b) ALTER EXTENSION innovation UPDATE after pg_upgrade"
fi
# a database that was already on 0.2.0 has lost the same members; the
# statements doc/administration.md gives put them back
awk '/<!-- repair after pg_upgrade -->/ { on = 1; next } on && /^```postgresql/ { inblock = 1; next }
     inblock && /^```/ { exit } inblock' "$INNO_TOP/doc/administration.md" >"$out/repair.sql"
facts rel_a "$out/facts-b-a.txt"
lost=$(comm -23 <(objects "$out/facts-fresh-b.txt") <(objects "$out/facts-b-a.txt"))
if [ "$lost" = "$lost_by_pg_upgrade" ]; then
	ok "(b) on 0.2.0 too, pg_upgrade drops exactly the documented objects"
else
	bad "(b) members of a 0.2.0 database after pg_upgrade; lost: [$lost]"
fi
if [ -s "$out/repair.sql" ] && sql rel_a -f "$out/repair.sql" >/dev/null; then
	facts rel_a "$out/facts-b-a-repaired.txt"
	same "(b) doc/administration.md's repair after pg_upgrade gives a fresh install's facts" \
		"$out/facts-fresh-b.txt" "$out/facts-b-a-repaired.txt"
else
	bad "(b) doc/administration.md's repair statements ($(wc -l <"$out/repair.sql") lines) did not run"
fi

# ---- (c) pg_dump and pg_restore ------------------------------------------
if sql rel -f fill-020.sql >"$out/fill-020.log" 2>&1; then
	snapshot rel "$out/values-c.txt"
	facts rel "$out/facts-c.txt"
	run_checks rel "(c) with 0.2.0's types and indexes"
else
	bad "(c) adding 0.2.0's types and indexes (fill-020.sql)"
	cat "$out/fill-020.log"
fi
dump() {	# dump FORMAT TARGETDB RESTORE-COMMAND...
	local format=$1 db=$2
	shift 2
	sql postgres -c "CREATE DATABASE $db" || return 1
	if ! "$@" >"$out/restore-$db.log" 2>&1; then
		bad "(c) $format dump restored without an error"
		grep -m 10 -i 'error' "$out/restore-$db.log"
		return 1
	fi
	ok "(c) $format dump restored without an error"
	snapshot "$db" "$out/values-$db.txt"
	same "(c) $format dump: every value, and the views refreshed at restore" "$out/values-c.txt" "$out/values-$db.txt"
	facts "$db" "$out/facts-$db.txt"
	same "(c) $format dump: member objects and facts equal a fresh install's" "$out/facts-fresh-b.txt" "$out/facts-$db.txt"
	run_checks "$db" "(c) restored from the $format dump"
}
pgdump() { "$INNO_PGBIN/pg_dump" -h "$base" -p "$port" -U postgres "$@"; }
if pgdump -Fp -f "$out/rel.sql" rel && pgdump -Fc -f "$out/rel.dump" rel; then
	dump plain rel_plain "$INNO_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$base" -p "$port" -U postgres \
		-d rel_plain -f "$out/rel.sql"
	dump custom rel_custom "$INNO_PGBIN/pg_restore" --exit-on-error -j 2 -h "$base" -p "$port" -U postgres \
		-d rel_custom "$out/rel.dump"
else
	bad "(c) pg_dump of the updated database"
fi

summary
