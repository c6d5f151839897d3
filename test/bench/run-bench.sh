#!/usr/bin/env bash
# make bench: compare the extension with the plain-SQL way of doing the same
# thing, in one run on one throwaway cluster, and print ratios (machines here
# are noisy: compare ratios, not absolute times).  BENCH_ROWS sets the size.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$INNO_TOP"

inno_bootstrap
inno_build
inno_cluster_start bench
createdb bench
for f in test/bench/*.sql; do
	echo "== $f"
	psql -X -q -d bench -v ON_ERROR_STOP=1 -v rows="${BENCH_ROWS:-1000000}" -f "$f"
done
