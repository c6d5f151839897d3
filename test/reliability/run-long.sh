#!/usr/bin/env bash
# make reliability: every reliability run at length, on throwaway clusters.
#   random SQL      test/reliability/sqlsmith.sh --long (RELIABILITY_QUERIES, ...)
#   round trip      ROUNDTRIP_SECONDS (default 900)
#   differential    INNO_DIFF_LONG=1 (50,000 data sets, about 20 minutes)
#   concurrency     CONCURRENCY_SECONDS (default 300)
# Ends with one line "N passed, N failed" like make test.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$INNO_TOP" || exit 1
mkdir -p build
passed=0
failed=0

run() {
	local name=$1
	shift
	inno_log "$name"
	if "$@" >"build/long-$name.log" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "failed: $name (see build/long-$name.log)" >&2
		tail -30 "build/long-$name.log" >&2
	fi
	tail -3 "build/long-$name.log"
}

run sqlsmith test/reliability/sqlsmith.sh --long
# the others run on one throwaway cluster (the extension is installed by sqlsmith.sh's build)
if ! inno_cluster_start long; then
	echo "0 passed, 1 failed"
	exit 1
fi
run roundtrip env ROUNDTRIP_SECONDS="${ROUNDTRIP_SECONDS:-900}" bash test/reliability/roundtrip.sh
run differential env INNO_DIFF_LONG="${INNO_DIFF_LONG:-1}" bash test/reliability/differential.sh
run concurrency env CONCURRENCY_SECONDS="${CONCURRENCY_SECONDS:-300}" bash test/reliability/concurrency.sh
run server-log test/reliability/check-server-log.sh "$INNO_CLUSTER_DIR/data/server.log"
inno_cluster_stop
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
