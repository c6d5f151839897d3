#!/usr/bin/env bash
# make demo: install what is missing, build and install the extension, start a
# throwaway PostgreSQL cluster, load the demo data and print the report.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$INNO_TOP"

inno_bootstrap
inno_build
inno_cluster_start demo
createdb demo
psql -X -q -d demo -v ON_ERROR_STOP=1 -f test/demo/demo.sql
echo
echo "The SQL this report ran is in test/demo/demo.sql."
