/*
 * main.c
 *	  Runs every unit-test suite of the plain-C core.
 *
 * Usage: unit_tests [suite-name ...]   (no argument: every suite)
 * Environment: INNO_SOURCE_DIR, the top of the source tree (for the tests
 * that read doc/ pages); defaults to ".".
 */
#include "unit.h"
#include "suites.h"

#include <stdlib.h>

int			unit_failures_in_case = 0;

static const UnitSuite *const all_suites[] = {
#define SUITE(name) &name,
	UNIT_SUITES
#undef SUITE
};

char *
unit_read_source_file(const char *relpath)
{
	const char *top = getenv("INNO_SOURCE_DIR");
	char		path[4096];
	FILE	   *f;
	long		size;
	char	   *buf;

	snprintf(path, sizeof(path), "%s/%s", top ? top : ".", relpath);
	f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
	{
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t) size + 1);
	if (buf && fread(buf, 1, (size_t) size, f) != (size_t) size)
	{
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[size] = '\0';
	fclose(f);
	return buf;
}

static int
Wanted(const char *name, int argc, char **argv)
{
	int			i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	int			passed = 0;
	int			failed = 0;
	size_t		s;

	for (s = 0; s < sizeof(all_suites) / sizeof(all_suites[0]); s++)
	{
		const UnitSuite *suite = all_suites[s];
		int			c;

		if (!Wanted(suite->name, argc, argv))
			continue;
		for (c = 0; c < suite->ncases; c++)
		{
			unit_failures_in_case = 0;
			suite->cases[c].fn();
			if (unit_failures_in_case == 0)
			{
				passed++;
				printf("ok %d - %s.%s\n", passed + failed, suite->name, suite->cases[c].name);
			}
			else
			{
				failed++;
				printf("not ok %d - %s.%s\n", passed + failed, suite->name, suite->cases[c].name);
			}
			fflush(stdout);
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
