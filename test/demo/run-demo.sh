#!/usr/bin/env bash
# make demo: install what is missing, build and install the extension, start a
# throwaway PostgreSQL cluster, load the demo data set (test/demo/data, the raw
# rows) and print the report: the seed article's figures computed by SQL, and
# cluster-level rollups.  The cluster is removed on exit.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$INNO_TOP"

start=$(date +%s)
inno_bootstrap
inno_build
inno_cluster_start demo
createdb demo
psql -X -q -d demo -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION innovation' >/dev/null
inno_log "loading the demo data set (test/demo/data/*.csv)"
psql -X -q -d demo -v ON_ERROR_STOP=1 -f test/demo/load.sql
psql -X -q -d demo -v ON_ERROR_STOP=1 -f test/demo/report.sql
cat <<MSG

The report's SQL is test/demo/report.sql (tables: test/demo/load.sql);
doc/tutorial.md walks through it query by query.  Done in $(($(date +%s) - start)) s.
MSG
