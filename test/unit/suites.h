/*
 * suites.h
 *	  The list of unit-test suites; each test_<x>.c file defines one.
 *	  Add a line here when adding a file.
 */
#ifndef INNO_UNIT_SUITES_H
#define INNO_UNIT_SUITES_H

#include "unit.h"

#define UNIT_SUITES \
	SUITE(lexicon_suite) \
	SUITE(stage_suite) \
	SUITE(xsum_suite) \
	SUITE(qsketch_suite) \
	SUITE(qsbucket_suite) \
	SUITE(qsdense_suite) \
	SUITE(summaries_suite) \
	SUITE(funding_suite) \
	SUITE(frbox_suite) \
	SUITE(frkey_suite) \
	SUITE(frstats_suite) \
	SUITE(funstats_suite) \
	SUITE(pack_suite) \
	SUITE(survival_suite) \
	SUITE(designation_suite) \
	SUITE(desigset_suite) \
	SUITE(desigcounts_suite) \
	SUITE(vocab_doc_suite)

#define SUITE(name) extern const UnitSuite name;
UNIT_SUITES
#undef SUITE

/* Read a whole file (for doc checks); returns malloc'd NUL-terminated text or NULL. */
extern char *unit_read_source_file(const char *relpath);

#endif							/* INNO_UNIT_SUITES_H */
