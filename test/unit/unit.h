/*
 * unit.h
 *	  A minimal test harness for the plain-C core.
 *
 * Each TEST(name) is one test case; CHECK()s inside it record failures
 * without stopping the case.  The runner prints one TAP-style line per case
 * ("ok N - name" or "not ok N - name") and, last, "unit: P passed, F failed".
 * The exit status is non-zero when any case failed.
 */
#ifndef INNO_UNIT_H
#define INNO_UNIT_H

#include <stdio.h>
#include <string.h>

typedef void (*UnitFn) (void);

typedef struct UnitCase
{
	const char *name;
	UnitFn		fn;
} UnitCase;

extern int	unit_failures_in_case;

#define CHECK(cond) \
	do { \
		if (!(cond)) \
		{ \
			unit_failures_in_case++; \
			fprintf(stderr, "# %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

#define CHECK_MSG(cond, ...) \
	do { \
		if (!(cond)) \
		{ \
			unit_failures_in_case++; \
			fprintf(stderr, "# %s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
		} \
	} while (0)

#define CHECK_STR(got, want) \
	CHECK_MSG(strcmp((got), (want)) == 0, "got \"%s\", want \"%s\"", (got), (want))

#define CHECK_INT(got, want) \
	CHECK_MSG((long long) (got) == (long long) (want), "got %lld, want %lld", \
			  (long long) (got), (long long) (want))

/* Test files declare their cases with TEST() and list them in a suite. */
#define TEST(name) static void name(void)
#define UNIT_CASE(name) { #name, name }

typedef struct UnitSuite
{
	const char *name;
	const UnitCase *cases;
	int			ncases;
} UnitSuite;

#define UNIT_SUITE(var, ...) \
	static const UnitCase var##_cases[] = { __VA_ARGS__ }; \
	const UnitSuite var = { #var, var##_cases, (int) (sizeof(var##_cases) / sizeof(UnitCase)) }

#endif							/* INNO_UNIT_H */
