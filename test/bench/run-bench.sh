#!/usr/bin/env bash
# make bench: the extension against the plain-SQL way of doing the same work,
# in one session on one throwaway cluster (test/bench/bench.sql), and the
# result tables written into doc/performance.md between its bench markers
# (test/bench/update-doc.py).  Machines here are noisy: compare ratios.
#
#   BENCH_ROWS       projects, rounds and milestones (default 10,000,000)
#   BENCH_PASSES     timed passes after the warm-up (default 7)
#   BENCH_COPY_ROWS  rows of the COPY pairs, copy.sql (default 2,000,000)
#   BENCH_DOC=0      print the tables only, leave doc/performance.md alone
#
# With PG_CONFIG pointing at another PostgreSQL installation (a relocated copy,
# say), the extension is installed there and the cluster runs its binaries.
set -euo pipefail
if [ -n "${PG_CONFIG:-}" ] && [ -z "${INNO_PGBIN:-}" ]; then
	INNO_PGBIN=$("$PG_CONFIG" --bindir)
fi
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$INNO_TOP"
started=$(date +%s)

rows=${BENCH_ROWS:-10000000}
passes=${BENCH_PASSES:-7}
copy_rows=${BENCH_COPY_ROWS:-2000000}
tdigest_pkg=postgresql-$INNO_PGMAJOR-tdigest

inno_bootstrap "$tdigest_pkg"

# Debian's package installs t-digest into the system PostgreSQL; a PG_CONFIG
# elsewhere gets a copy of the package's files in its own directories.
bench_tdigest_files() {
	local pkglib share sys_lib=/usr/lib/postgresql/$INNO_PGMAJOR/lib
	local sys_share=/usr/share/postgresql/$INNO_PGMAJOR/extension f dest
	pkglib=$("$PG_CONFIG" --pkglibdir)
	share=$("$PG_CONFIG" --sharedir)/extension
	[ -e "$pkglib/tdigest.so" ] && [ -e "$share/tdigest.control" ] && return 0
	inno_log "copying $tdigest_pkg's files into $pkglib and $share"
	dpkg -L "$tdigest_pkg" | while read -r f; do
		[ -f "$f" ] || continue
		case $f in
		"$sys_lib"/*) dest=$pkglib/${f#"$sys_lib"/} ;;
		"$sys_share"/*) dest=$share/${f#"$sys_share"/} ;;
		*) continue ;;
		esac
		mkdir -p "$(dirname "$dest")"
		cp "$f" "$dest"
		chmod a+r "$dest"
	done
}
bench_tdigest_files

inno_build
inno_cluster_start bench
createdb bench
# copy.sql writes server-side files: a directory the server's OS user can
# write; the result tables go to out_dir as CSV
copy_dir=$(mktemp -d /tmp/inno-bench-copy.XXXXXX)
out_dir=$(mktemp -d /tmp/inno-bench-out.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres "$copy_dir"
trap 'inno_cluster_stop; rm -rf "$copy_dir" "$out_dir"' EXIT

# the machine's facts, for the doc
csv_row() { printf '"%s","%s"\n' "${1//\"/\"\"}" "${2//\"/\"\"}"; }
{
	csv_row CPU "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
	csv_row cores "$(nproc)"
	csv_row memory "$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	csv_row system "$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
	csv_row commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(
		[ -n "$(git status --porcelain --untracked-files=no -- . ':!doc/performance.md' 2>/dev/null)" ] &&
			echo ' with local changes')"
	csv_row date "$(date -u '+%Y-%m-%d %H:%M UTC')"
	csv_row size "$rows projects, $rows rounds, $rows milestones; $passes timed passes after a warm-up; COPY $copy_rows rows"
	csv_row "server binaries" "$INNO_PGBIN"
	csv_row "load at the start" "$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out_dir/machine.csv"

inno_log "bench: $rows rows, $passes passes, COPY $copy_rows rows"
psql -X -q -d bench -v ON_ERROR_STOP=1 -v rows="$rows" -v passes="$passes" \
	-v copy_rows="$copy_rows" -v copy_dir="$copy_dir" -v out_dir="$out_dir" \
	-f test/bench/bench.sql

elapsed=$(($(date +%s) - started))
inno_log "make bench took $((elapsed / 60)) min $((elapsed % 60)) s"
{
	csv_row "wall time" "$((elapsed / 60)) min $((elapsed % 60)) s, the whole make bench (build, data, timing, checks, COPY)"
	csv_row "load at the end" "$(cut -d' ' -f1-3 /proc/loadavg)"
} >>"$out_dir/machine.csv"
if [ "${BENCH_DOC:-1}" != 0 ]; then
	python3 test/bench/update-doc.py "$out_dir" doc/performance.md
	inno_log "doc/performance.md: results written between the bench markers"
fi
