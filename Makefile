# innovation: a PostgreSQL extension for innovation-ecosystem analytics.
#
# The usual PGXS targets work against your own server:
#     make && make install && make installcheck
# and two project targets do everything on a fresh machine (see README.md):
#     make test     bootstrap, build with -Werror, install, run every test
#     make demo     bootstrap, build, install, load the demo, print the report
# Other targets: make unit (C unit tests, no server), make fuzz (libFuzzer,
# FUZZ_SECONDS per target, default 300), make bench (BENCH_ROWS, default
# 10000000; writes doc/performance.md), make reliability (random
# SQL with sqlsmith, RELIABILITY_QUERIES, default 100000, or RELIABILITY_SECONDS).

EXTENSION  = innovation
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(dir $(firstword $(MAKEFILE_LIST)))innovation.control)

MODULE_big = innovation
CORE_SRCS  = src/core/textnorm.c src/core/lexicon.c src/core/lexicon_fold.c \
             src/core/lexicon_suggest.c src/core/stage.c \
             src/core/calendar.c src/core/jsontext.c src/core/xsum.c src/core/qsketch.c \
             src/core/qsketch_io.c src/core/qsketch_pack.c src/core/qsketch_merge.c src/core/qsketch_dense.c \
             src/core/funstats_io.c src/core/funstats_sketch.c src/core/funnel.c src/core/history.c src/core/decimal.c \
             src/core/funding_vocab.c src/core/funding_number.c src/core/funding_amount.c \
             src/core/funding_date.c src/core/funding_canon.c src/core/funding_parse.c \
             src/core/funding_value.c src/core/funding_extract.c \
             src/core/frbox.c src/core/frkey.c src/core/frleaf.c src/core/frstats.c src/core/funstats.c src/core/funstats_bands.c \
             src/core/funstats_pack.c src/core/funstats_list.c src/core/survival.c src/core/survival_io.c \
             src/core/designation_vocab.c src/core/designation_parse.c src/core/designation_numbers.c \
             src/core/desigset.c src/core/desigset_io.c src/core/desigcounts.c src/core/desigcounts_io.c
OBJS       = src/innovation.o src/encoding.o src/project_stage.o src/stage_funnel.o src/stage_history.o \
             src/quantile_sketch.o src/quantile_sketch_agg.o src/funding_round.o src/funding_round_index.o \
             src/funding_round_gist.o src/funding_round_stats.o \
             src/funding_text.o src/funding_stats.o src/funding_stats_agg.o src/funding_stats_access.o \
             src/stage_survival.o src/round_kind.o \
             src/funding_stats_kinds.o src/funding_convert.o src/designation.o src/designation_set.o src/designation_counts.o \
             $(CORE_SRCS:.c=.o)

# The upgrade script to 0.2.0 is assembled: the changes to objects 0.1.0 has,
# then the parts of the install script that are new in 0.2.0, whole.
UPGRADE_PARTS_0.2.0 = src/sql/update/0.1.0--0.2.0-changes.sql \
                      src/sql/update/parts/range_members.sql src/sql/11_stage_range_constructors.sql \
                      src/sql/22_funding_round_gist.sql \
                      src/sql/25_funding_text.sql src/sql/26_funding_convert.sql src/sql/27_round_kind.sql \
                      src/sql/35_stage_survival.sql src/sql/55_funding_stats_kinds.sql \
                      src/sql/60_summary_order.sql src/sql/70_text_casts.sql src/sql/80_designation.sql \
                      src/sql/81_designation_summaries.sql
DATA_built = innovation--$(EXTVERSION).sql innovation--0.1.0--0.2.0.sql
# frozen install scripts of released versions
DATA      := $(wildcard src/sql/update/innovation--*.sql)
DOCS      := $(wildcard doc/*.md)

REGRESS      = project_stage_io project_stage_order project_stage_index round_kind \
               project_stage_copy stage_range funding_round funding_round_gist funding_convert funding_text stage_summaries quantile_sketch \
               funding_stats stage_survival text_casts designation designation_summaries demo \
               extension upgrade encodings
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION) --encoding=UTF8 --no-locale

# `make` builds everything: the rule below would otherwise be the first one
# make reads, and the default goal a single object (so that WERROR=1 covered
# one file, and `make install` built the rest without it)
all:

# PGXS tracks no header dependencies: every object depends on every header,
# so that a changed struct never leaves a stale object behind
$(OBJS): $(wildcard src/*.h src/core/*.h)

PG_CONFIG ?= pg_config
# The server's headers are included as system headers so that -Wextra
# judges our code, not theirs.
PG_CPPFLAGS = -I$(srcdir)/src -isystem $(includedir_server) -isystem $(includedir_internal)
# no fused multiply-add contraction: the sketch's bucket arithmetic must
# round the same way on every machine
PG_CFLAGS   = -Wall -Wextra -ffp-contract=off
ifdef WERROR
PG_CFLAGS  += -Werror
endif

EXTRA_CLEAN = build results regression.diffs regression.out

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
# The install script is assembled from src/sql/; parts under src/sql/pg14/
# use features of PostgreSQL 14 and later (multiranges, GiST sortsupport);
# those new in 0.2.0 go into the upgrade script too.
SQL_PARTS = $(sort $(wildcard src/sql/*.sql))
ifeq ($(shell test "$(MAJORVERSION)" -ge 14 2>/dev/null && echo yes),yes)
SQL_PARTS += $(sort $(wildcard src/sql/pg14/*.sql))
UPGRADE_PARTS_0.2.0 += src/sql/pg14/10_stage_multirange.sql src/sql/pg14/22_funding_round_gist_sort.sql \
                       src/sql/pg14/70_stage_multirange_casts.sql
endif
innovation--$(EXTVERSION).sql: $(SQL_PARTS) innovation.control
	cat $(SQL_PARTS) > $@
innovation--0.1.0--0.2.0.sql: $(UPGRADE_PARTS_0.2.0)
	cat $(UPGRADE_PARTS_0.2.0) > $@
else
srcdir = .
all install installcheck:
	@echo "pg_config ($(PG_CONFIG)) not found or has no PGXS: install postgresql-server-dev-NN," >&2
	@echo "or run 'make test' / 'make demo', which install what is missing." >&2
	@exit 1
endif

# ---------------------------------------------------------------------------
# Project targets (no PGXS needed: they bootstrap the machine themselves)

.PHONY: test demo unit doc-tables fuzz fuzz-smoke bench reliability

test:
	@test/run-tests.sh

demo:
	@test/demo/run-demo.sh

# C unit tests of the plain-C core, built with sanitizers
CORE_CC      ?= gcc
CORE_CFLAGS  = -std=c11 -O1 -g -Wall -Wextra -Werror -ffp-contract=off -fno-omit-frame-pointer \
               -fsanitize=address,undefined -fno-sanitize-recover=all
UNIT_SRCS    = $(wildcard test/unit/*.c)

build/unit_tests: $(CORE_SRCS) $(wildcard src/core/*.h) $(UNIT_SRCS) $(wildcard test/unit/*.h) $(wildcard test/unit/*.inc)
	@mkdir -p build
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/unit $(CORE_SRCS) $(UNIT_SRCS) -o $@ -lm

unit: build/unit_tests
	INNO_SOURCE_DIR=$(CURDIR) build/unit_tests

# rewrite the vocabulary tables of doc/funding_round.md and doc/designation.md from the data
doc-tables: build/unit_tests
	INNO_UPDATE_DOCS=1 INNO_SOURCE_DIR=$(CURDIR) build/unit_tests vocab_doc_suite

# libFuzzer targets: test/fuzz/fuzz_<name>.c with seeds in test/fuzz/corpus/<name>/
FUZZ_CC      ?= clang
FUZZ_CFLAGS  = -g -O1 -ffp-contract=off -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS = $(patsubst test/fuzz/fuzz_%.c,%,$(wildcard test/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 300

build/fuzz/fuzz_%: test/fuzz/fuzz_%.c $(CORE_SRCS) $(wildcard src/core/*.h) $(wildcard test/fuzz/*.h) test/unit/qs_state.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Isrc/core $< $(CORE_SRCS) -o $@ -lm

fuzz: $(addprefix build/fuzz/fuzz_,$(FUZZ_TARGETS))
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus-$$t; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			build/fuzz/corpus-$$t test/fuzz/corpus/$$t; \
	done

bench:
	@test/bench/run-bench.sh

# every reliability run at length: random SQL, round trip, differential,
# concurrency (test/reliability/run-long.sh says how long each)
reliability:
	@test/reliability/run-long.sh
