# test/lib.sh: shell functions shared by `make test`, `make demo` and
# `make bench` (sourced, not run).
#
#   inno_bootstrap PKG...   install the Debian packages that are missing
#   inno_build [WERROR=1]   build and install the extension
#   inno_cluster_start NAME start a throwaway cluster; sets PGHOST, PGPORT...
#   inno_cluster_stop       stop it and remove it (also run on exit)
#
# PostgreSQL refuses to run as root, so when we are root the server runs as
# the unprivileged "postgres" OS user (created by Debian's packages).

INNO_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INNO_PGMAJOR=${INNO_PGMAJOR:-15}
INNO_PGBIN=${INNO_PGBIN:-/usr/lib/postgresql/$INNO_PGMAJOR/bin}
export PG_CONFIG=${PG_CONFIG:-$INNO_PGBIN/pg_config}

# Packages every target needs; callers add their own.
INNO_BASE_PACKAGES="postgresql-$INNO_PGMAJOR postgresql-server-dev-$INNO_PGMAJOR gcc make python3"

inno_log() { printf '== %s\n' "$*" >&2; }

inno_missing_packages() {
	local p missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	echo "${missing[*]}"
}

inno_bootstrap() {
	local missing
	missing=$(inno_missing_packages $INNO_BASE_PACKAGES "$@")
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing Debian packages: $missing" >&2
		echo "run as root (or install them) and try again" >&2
		return 1
	fi
	inno_log "installing: $missing"
	# A throwaway machine needs no "main" cluster: tell postgresql-common not
	# to create one, unless PostgreSQL is already set up here.
	if ! dpkg-query -W -f='${Status}' postgresql-common 2>/dev/null | grep -q 'install ok installed' &&
		[ ! -e /etc/postgresql-common/createcluster.conf ]; then
		mkdir -p /etc/postgresql-common
		echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
	fi
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	if ! apt-get install -y -q --no-install-recommends $missing >/tmp/inno-apt.log 2>&1; then
		apt-get update -q >>/tmp/inno-apt.log 2>&1 || true
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $missing >>/tmp/inno-apt.log 2>&1 || {
			tail -20 /tmp/inno-apt.log >&2
			return 1
		}
	fi
}

# Build and install; extra arguments go to make (e.g. WERROR=1).
inno_build() {
	inno_log "building and installing the extension"
	make -C "$INNO_TOP" -s clean >/dev/null
	make -C "$INNO_TOP" -s "$@" >/dev/null
	make -C "$INNO_TOP" -s install >/dev/null
}

inno_runas() {
	if [ "$(id -u)" -eq 0 ]; then
		# from /, since the caller's directory may be closed to that user
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# A TCP port on 127.0.0.1 that nothing listens on.
inno_free_port() {
	local p
	for p in $(seq 54320 54420); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

INNO_CLUSTER_DIR=
INNO_SOCK_DIR=

inno_cluster_stop() {
	[ -n "$INNO_CLUSTER_DIR" ] || return 0
	if [ -f "$INNO_CLUSTER_DIR/data/postmaster.pid" ]; then
		inno_runas "$INNO_PGBIN/pg_ctl" -D "$INNO_CLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$INNO_CLUSTER_DIR" "$INNO_SOCK_DIR"
	INNO_CLUSTER_DIR=
	INNO_SOCK_DIR=
}

# Start a throwaway cluster and export PGHOST/PGPORT/PGUSER for clients.
# It lives under build/ when the server's OS user can reach that directory,
# otherwise under /tmp; sockets always go under /tmp (path length limit).
inno_cluster_start() {
	local name=$1 port dir
	mkdir -p "$INNO_TOP/build"
	dir="$INNO_TOP/build/cluster-$name"
	rm -rf "$dir"
	mkdir -p "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres "$dir"
		if ! runuser -u postgres -- test -w "$dir"; then
			rm -rf "$dir"
			dir=$(mktemp -d "/tmp/innovation-$name.XXXXXX")
			chown postgres "$dir"
		fi
	fi
	INNO_CLUSTER_DIR=$dir
	# the socket path must stay short (about 100 bytes): keep it under /tmp
	INNO_SOCK_DIR=$(mktemp -d /tmp/inno-sock.XXXXXX)
	[ "$(id -u)" -eq 0 ] && chown postgres "$INNO_SOCK_DIR"
	trap inno_cluster_stop EXIT
	inno_runas "$INNO_PGBIN/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale \
		-A trust >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		return 1
	}
	# Every line of the server log names its SQLSTATE and every error where
	# it was raised, so that a check can tell an internal error (XX000) from
	# the errors tests provoke (test/reliability/check-server-log.sh); the
	# log entry of a crashed backend quotes its whole statement (up to 64 kB,
	# not the first 1 kB), so that the crash can be reproduced.
	cat >>"$dir/data/postgresql.conf" <<-'CONF'
		log_line_prefix = '%m [%p] sqlstate=%e %q%u@%d '
		log_error_verbosity = verbose
		track_activity_query_size = 65536
	CONF
	port=$(inno_free_port)
	inno_runas "$INNO_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w \
		-o "-p $port -k $INNO_SOCK_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null || {
		cat "$dir/data/server.log" >&2
		return 1
	}
	export PGHOST=$INNO_SOCK_DIR PGPORT=$port PGUSER=postgres PGDATABASE=postgres
	inno_log "cluster '$name' running on port $port (data in $dir/data)"
}
