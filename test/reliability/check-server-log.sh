#!/usr/bin/env bash
# test/reliability/check-server-log.sh LOG [ALLOWED]: fail if a PostgreSQL
# server log shows a crash or an internal error.
#
# Tests provoke errors on purpose, so an ERROR in the log is no news; these
# are:
#   - an internal error, SQLSTATE XX000: elog(ERROR) or a failed "can't
#     happen" check; the extension reports every error a user can cause with
#     a proper SQLSTATE, so XX000 is a bug wherever it comes from;
#   - a backend "terminated by signal" (a crash) or that exited with an
#     exit code other than 0 or 1, an assertion failure ("TRAP:", in builds with
#     assertions), a PANIC, or the server restarting all its processes.
# The SQLSTATE is read from log_line_prefix's "sqlstate=%e" (test/lib.sh sets
# it) or, with log_error_verbosity = verbose, from "ERROR:  XX000: ...".
#
# ALLOWED, optional, is a file of extended regular expressions, one a line
# ('#' starts a comment): internal errors whose message matches one are
# PostgreSQL's own, reached through a built-in function; they are counted and
# shown but do not fail.  Only the random-SQL run needs one; crashes are never
# allowed.
#
# Prints each offending log entry (with its DETAIL, STATEMENT, ... lines) and
# exits 1 if there is one; prints nothing and exits 0 otherwise.
set -uo pipefail

log=${1:?usage: check-server-log.sh LOG [ALLOWED]}
allowed=${2:-}
[ -r "$log" ] || {
	echo "check-server-log: cannot read $log" >&2
	exit 2
}
patterns=
if [ -n "$allowed" ]; then
	# one alternation of every pattern, so awk matches each message once
	patterns=$(grep -vE '^[[:space:]]*(#|$)' "$allowed" | paste -sd '|' -)
fi

# A log entry starts with a line carrying the prefix (a timestamp); the
# lines that follow it and belong to it are continuation lines (a statement
# over several lines, indented) and the DETAIL/HINT/CONTEXT/STATEMENT/
# LOCATION lines of the same process.  Entries are judged whole and printed
# whole, at most 40 lines each and 30 entries in all.
awk -v allowed="$patterns" '
function flush() {
	if (n == 0)
		return
	if (bad) {
		shown++
		if (shown <= 30) {
			for (i = 1; i <= n && i <= 40; i++)
				print entry[i]
			if (n > 40)
				print "\t... (" n - 40 " more lines)"
			print "--"
		}
	}
	n = 0
	bad = 0
}
function judge(line) {
	# exit code 1 is how a backend or a parallel worker leaves after a FATAL
	# or an ERROR; anything else, or a signal, is a crash
	if (line ~ /TRAP:|terminated by signal|exited with exit code ([2-9]|[1-9][0-9]+)([^0-9]|$)|was terminated by exception|PANIC:|server processes terminated; reinitializing/) {
		crashes++
		return 1
	}
	if (line ~ /sqlstate=XX000 .*(ERROR|FATAL|PANIC):/ || line ~ /(ERROR|FATAL|PANIC):  XX000:/) {
		if (allowed != "" && line ~ allowed) {
			known++
			return 1
		}
		internal++
		return 1
	}
	return 0
}
BEGIN { n = 0; bad = 0; shown = 0; crashes = 0; internal = 0; known = 0 }
{
	if ($0 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] /) {
		# the same process going on with the details of its last message?
		pid = $0
		sub(/^[^[]*\[/, "", pid)
		sub(/\].*/, "", pid)
		if (n > 0 && pid == lastpid && $0 ~ /(DETAIL|HINT|CONTEXT|STATEMENT|LOCATION|QUERY):  /) {
			entry[++n] = $0
			next
		}
		flush()
		lastpid = pid
		entry[++n] = $0
		bad = judge($0)
	} else if ($0 ~ /^TRAP:/) {
		# written straight to stderr by a failed assertion, without a prefix
		flush()
		entry[++n] = $0
		bad = judge($0)
		flush()
	} else if (n > 0) {
		entry[++n] = $0
	} else {
		entry[++n] = $0
		bad = judge($0)
	}
}
END {
	flush()
	if (shown > 30)
		print "... " shown - 30 " more entries"
	if (crashes + internal + known > 0)
		printf "server log %s: %d crash entries, %d internal errors (XX000)%s\n", FILENAME, crashes, internal, \
			(allowed != "" ? sprintf(", %d internal errors of PostgreSQL itself (allowed)", known) : "")
	exit (crashes + internal > 0) ? 1 : 0
}' "$log"
