#!/usr/bin/env bash
# make bench: compare the extension with the plain-SQL way of doing the same
# thing, in one run on one throwaway cluster, and print ratios (machines here
# are noisy: compare ratios, not absolute times).  BENCH_ROWS sets the size
# of the analytics and project_stage runs, BENCH_COPY_ROWS that of copy.sql.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$INNO_TOP"

inno_bootstrap
inno_build
inno_cluster_start bench
createdb bench
# copy.sql writes server-side files: a directory the server's OS user can write
copy_dir=$(mktemp -d /tmp/inno-bench-copy.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres "$copy_dir"
trap 'inno_cluster_stop; rm -rf "$copy_dir"' EXIT
for f in test/bench/*.sql; do
	echo "== $f"
	psql -X -q -d bench -v ON_ERROR_STOP=1 -v rows="${BENCH_ROWS:-1000000}" \
		-v copy_rows="${BENCH_COPY_ROWS:-2000000}" -v copy_dir="$copy_dir" -f "$f"
done
