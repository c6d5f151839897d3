# test/clients/lib.bash: sourced by the client-driver tests (psycopg.sh,
# jdbc.sh, odbc.sh); not a test itself (run-tests.sh runs only *.sh).
#
#   client_db NAME   create database NAME with the extension, export
#                    CLIENT_DB=NAME and drop it again when the script exits
#                    (pass or fail)
#   $PYTHON          Debian's interpreter, the one python3-psycopg and
#                    python3-pyodbc install into (a python3 earlier on PATH,
#                    e.g. from pyenv, would not see them)
#
# Connection: the PG* variables that `make test` exports (PGHOST is a unix
# socket directory; the server also listens on TCP 127.0.0.1:$PGPORT).

: "${PGHOST:?PGHOST is not set (make test exports it; or point it at your server)}"
: "${PGPORT:?PGPORT is not set}"
export PGHOST PGPORT
export PGUSER=${PGUSER:-postgres}
export PGDATABASE=${PGDATABASE:-postgres}

PYTHON=${CLIENT_PYTHON:-/usr/bin/python3}
# -B: no __pycache__ in the source tree
PYTHON_RUN=("$PYTHON" -B)

CLIENT_DB=

client_psql() {
	PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"
}

client_db_drop() {
	[ -n "$CLIENT_DB" ] || return 0
	client_psql -d postgres -c "DROP DATABASE IF EXISTS $CLIENT_DB WITH (FORCE)" >/dev/null ||
		echo "warning: could not drop database $CLIENT_DB" >&2
	CLIENT_DB=
}

client_db() {
	local name=$1
	client_psql -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" \
		-c "CREATE DATABASE $name" >/dev/null
	CLIENT_DB=$name
	export CLIENT_DB
	trap client_db_drop EXIT
	trap 'exit 130' INT TERM # so that the EXIT trap runs
	client_psql -d "$name" -c "CREATE EXTENSION innovation" >/dev/null
	echo "database $name on port $PGPORT, extension innovation $(client_psql -d "$name" -Atc \
		"SELECT extversion FROM pg_extension WHERE extname = 'innovation'")"
}

# client_need_packages PKG...: fail with a clear message when one is missing
# (make test installs test/clients/packages.txt before it runs the clients)
. test/lib.sh
client_need_packages() {
	local missing
	missing=$(inno_missing_packages "$@")
	if [ -n "$missing" ]; then
		echo "FAIL  missing Debian packages: $missing (see test/clients/packages.txt)" >&2
		return 1
	fi
}
