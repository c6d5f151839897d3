#!/usr/bin/env bash
# Scale-out over postgres_fdw, tested: three local PostgreSQL instances on
# loopback (a coordinator and two shards), the extension on each, a table
# spread over the shards as foreign partitions.  Checks
#   (a) with the foreign servers' `extensions 'innovation'` and partitionwise
#       aggregation, a per-partition-key aggregate runs on the shards
#       (EXPLAIN VERBOSE shows it in the remote SQL);
#   (b) a summary view on each shard, rolled up on the coordinator, gives the
#       single-server answer for every summary type, byte for byte.
# The instances are stopped whatever happens.  Needs the extension installed
# (make test installs it first).  Prints "scale-out: ok" or what failed.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$INNO_TOP" || exit 1

base=$(mktemp -d /tmp/inno-scaleout.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres "$base"
ports=()
stop_all() {
	local d
	for d in "$base"/node*; do
		[ -f "$d/data/postmaster.pid" ] &&
			inno_runas "$INNO_PGBIN/pg_ctl" -D "$d/data" -m immediate -w stop >/dev/null 2>&1
	done
	rm -rf "$base"
}
trap stop_all EXIT

# node N: a throwaway instance on 127.0.0.1 (trust auth: loopback only)
start_node() {
	local n=$1 dir="$base/node$1" port
	mkdir -p "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
	inno_runas "$INNO_PGBIN/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale -A trust \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
	port=$(inno_free_port) || return 1
	inno_runas "$INNO_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_parallel_workers_per_gather=0" \
		start >/dev/null || { cat "$dir/data/server.log" >&2; return 1; }
	ports[$n]=$port
}

sql() {	# sql NODE [psql args...]: run psql on a node, stop at the first error
	local n=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${ports[$n]}" -U postgres -d postgres "$@"
}

for n in 0 1 2; do
	start_node $n || { echo "scale-out: could not start instance $n" >&2; exit 1; }
done

# the same deterministic rows everywhere: each shard keeps its parks' rows,
# the coordinator a local copy of all of them for the single-server answer
for n in 0 1 2; do
	sql $n -f test/scaleout/rows.sql -v node=$n >/dev/null || exit 1
done
sql 0 -f test/scaleout/coordinator.sql -v p1="${ports[1]}" -v p2="${ports[2]}" >/dev/null || exit 1

out=$(sql 0 -At -f test/scaleout/checks.sql) || { echo "$out"; exit 1; }
echo "$out"
if echo "$out" | grep -q '|f$\|| *f$\|false'; then
	echo "scale-out: FAILED" >&2
	exit 1
fi
echo "scale-out: ok"
