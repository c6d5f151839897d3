/*
 * test_desigcounts.c
 *	  Unit tests for designation_counts: counts added and merged in random
 *	  splits (widening their year windows) against counts of all and against
 *	  counts made naively from the sets; the text and binary forms; what
 *	  inno_dcounts_check refuses; overflow.
 */
#include "suites.h"
#include "desigcounts.h"

#include <stdlib.h>

#include "desig_model.inc"

static InnoDesigCounts *
Widen(InnoDesigCounts *c, unsigned from, unsigned to)
{
	unsigned	lo,
				nyears;
	InnoDesigCounts *w;

	inno_dcounts_window(c, from, to, &lo, &nyears);
	if (nyears == c->nyears && (nyears == 0 || lo == c->base))
		return c;
	w = malloc(inno_dcounts_size(nyears));
	inno_dcounts_widen(c, w, lo, nyears);
	free(c);
	return w;
}

static InnoDesigCounts *
NewCounts(void)
{
	InnoDesigCounts *c = malloc(inno_dcounts_size(0));

	inno_dcounts_init(c);
	return c;
}

static InnoDesigCounts *
AddSet(InnoDesigCounts *c, const InnoDesigSet *s)
{
	unsigned	from = 0,
				to = 0;
	InnoError	err;

	(void) inno_dset_years(s, &from, &to);
	c = Widen(c, from, to);
	if (inno_dcounts_add(c, s, &err) != INNO_OK)
		abort();
	return c;
}

static InnoDesigCounts *
Merge(InnoDesigCounts *c, const InnoDesigCounts *d)
{
	unsigned	from = 0,
				to = 0;
	InnoError	err;

	(void) inno_dcounts_years(d, &from, &to);
	c = Widen(c, from, to);
	if (inno_dcounts_merge(c, d, &err) != INNO_OK)
		abort();
	return c;
}

static size_t
Size(const InnoDesigCounts *c)
{
	return inno_dcounts_size(c->nyears);
}

#define NSETS 200

/*
 * The counts of sets[0..n) computed naively, compared with c's, in the
 * years [lo, hi] (every year a set holds, and a year on either side).
 */
static int
NaiveDifferences(const InnoDesigCounts *c, const InnoDesigSet *sets, int n, unsigned lo, unsigned hi)
{
	int			bad = 0,
				i;
	unsigned	a,
				b,
				y;
	int			k;

	bad += c->projects != n;
	for (a = 1; a <= INNO_SCHEME_COUNT; a++)
	{
		int64_t		holders = 0,
					unknown = 0;

		for (i = 0; i < n; i++)
		{
			holders += inno_dset_holds_scheme(&sets[i], a);
			unknown += inno_dset_holds_scheme(&sets[i], a) && ((sets[i].unknown_valid >> (a - 1)) & 1);
		}
		bad += c->holders[a - 1] != holders;
		bad += c->unknown_valid[a - 1] != unknown;
		for (b = a + 1; b <= INNO_SCHEME_COUNT; b++)
		{
			int64_t		both = 0;

			for (i = 0; i < n; i++)
				both += inno_dset_holds_scheme(&sets[i], a) && inno_dset_holds_scheme(&sets[i], b);
			bad += c->pair[inno_dcounts_pair_index(a, b)] != both;
		}
		for (y = lo; y <= hi; y++)
		{
			int64_t		listed = 0,
						valid = 0;

			for (i = 0; i < n; i++)
			{
				listed += inno_dset_holds(&sets[i], inno_desig_make(a, 0, y, 0, 0, 0));
				valid += inno_dset_valid_in(&sets[i], a, (int) y) == 1;
			}
			bad += inno_dcounts_cell(c, inno_dcounts_by_year((InnoDesigCounts *) c, a), y) != listed;
			bad += inno_dcounts_cell(c, inno_dcounts_valid((InnoDesigCounts *) c, a), y) != valid;
		}
	}
	for (k = 0; k < INNO_DSET_SLOTS; k++)
	{
		int64_t		held = 0,
					undated = 0;

		for (i = 0; i < n; i++)
		{
			held += sets[i].listed[k] != 0 || ((sets[i].undated >> k) & 1);
			undated += (sets[i].undated >> k) & 1;
		}
		bad += c->slot_holders[k] != held;
		bad += c->undated[k] != undated;
		for (y = lo; y <= hi; y++)
		{
			int64_t		listed = 0;

			for (i = 0; i < n; i++)
				listed += inno_dset_listed(&sets[i], k, y);
			bad += inno_dcounts_cell(c, inno_dcounts_listed((InnoDesigCounts *) c, k), y) != listed;
		}
	}
	return bad;
}

/* counts added in random splits and merged in random order equal the counts of all */
TEST(counts_add_merge_widen)
{
	static InnoDesigSet sets[NSETS];
	int			round;

	rng_state = 5;
	for (round = 0; round < 40; round++)
	{
		InnoDesigCounts *all = NewCounts(),
				   *part[5],
				   *m;
		InnoError	err;
		int			n = 1 + (int) Below(NSETS),
					i,
					k;
		unsigned	lo = INNO_DESIG_YEAR_MIN + Below(NYEARS - 70),
					from,
					to,
					first = INNO_DESIG_YEAR_MAX,
					last = INNO_DESIG_YEAR_MIN;

		for (k = 0; k < 5; k++)
			part[k] = NewCounts();
		for (i = 0; i < n; i++)
		{
			Model		model;

			/* each firm in its own window: the summaries' windows differ */
			RandomSet(&sets[i], &model, (int) Below(6), lo + Below(20));
			if (inno_dset_years(&sets[i], &from, &to))
			{
				first = from < first ? from : first;
				last = to > last ? to : last;
			}
			all = AddSet(all, &sets[i]);
			k = (int) Below(5);
			part[k] = AddSet(part[k], &sets[i]);
		}
		CHECK(inno_dcounts_check(all, Size(all), &err) == INNO_OK);
		CHECK_INT(NaiveDifferences(all, sets, n, first - 1, last + 1), 0);
		k = (int) Below(5);
		m = NewCounts();
		for (i = 0; i < 5; i++)
		{
			CHECK(inno_dcounts_check(part[(k + i) % 5], Size(part[(k + i) % 5]), &err) == INNO_OK);
			m = Merge(m, part[(k + i) % 5]);
			CHECK(inno_dcounts_check(m, Size(m), &err) == INNO_OK);
		}
		CHECK(Size(m) == Size(all) && memcmp((char *) m + 4, (char *) all + 4, Size(m) - 4) == 0);
		/* merged with itself, every count doubles and the value still checks */
		{
			InnoDesigCounts *twice = Merge(m, all);

			CHECK(inno_dcounts_check(twice, Size(twice), &err) == INNO_OK);
			CHECK(twice->projects == 2 * all->projects);
			free(twice);
		}
		free(all);
		for (k = 0; k < 5; k++)
			free(part[k]);
	}
}

static void *
Malloc(size_t n)
{
	return malloc(n);
}

TEST(counts_text_and_binary)
{
	static InnoDesigSet sets[NSETS];
	int			round;

	rng_state = 6;
	for (round = 0; round < 40; round++)
	{
		InnoDesigCounts *c = NewCounts(),
				   *back = NULL;
		InnoError	err;
		size_t		need,
					size = 0;
		char	   *text;
		uint8_t    *bin;
		int			n = (int) Below(NSETS),
					i;

		for (i = 0; i < n; i++)
		{
			Model		model;

			RandomSet(&sets[i], &model, (int) Below(6), 2000 + Below(30));
			c = AddSet(c, &sets[i]);
		}
		need = inno_dcounts_format(c, NULL, 0);
		text = malloc(need);
		CHECK(inno_dcounts_format(c, text, need) == need);
		CHECK(strlen(text) + 1 == need);
		CHECK(inno_dcounts_parse(text, strlen(text), Malloc, &back, &size, &err) == INNO_OK);
		CHECK(size == Size(c) && memcmp((char *) back + 4, (char *) c + 4, size - 4) == 0);
		free(back);
		/* too small a buffer: cut, NUL-terminated, and the size needed returned */
		if (need > 10)
		{
			char		small[10];

			CHECK(inno_dcounts_format(c, small, sizeof(small)) == need);
			CHECK(strlen(small) == sizeof(small) - 1);
		}
		bin = malloc(inno_dcounts_binary_len(c->nyears));
		inno_dcounts_encode_binary(c, bin);
		back = NULL;
		CHECK(inno_dcounts_decode_binary(bin, inno_dcounts_binary_len(c->nyears), Malloc, &back, &size, &err) == INNO_OK);
		CHECK(back != NULL && size == Size(c) && memcmp((char *) back + 4, (char *) c + 4, size - 4) == 0);
		free(back);
		free(bin);
		free(text);
		free(c);
	}
	{
		InnoDesigCounts *c = NewCounts();
		char		buf[64];

		inno_dcounts_format(c, buf, sizeof(buf));
		CHECK_STR(buf, "{\"projects\": 0}");
		free(c);
	}
}

/* inno_dcounts_check refuses each inconsistency, one at a time */
TEST(counts_check_refusals)
{
	InnoDesigSet a,
				b;
	InnoDesigCounts *good = NewCounts(),
			   *c;
	InnoError	err;
	int			gz = inno_dset_slot(INNO_SCHEME_GAZELLE, INNO_LEVEL_PROVINCIAL),
				gz0 = inno_dset_slot(INNO_SCHEME_GAZELLE, 0),
				ht = inno_dset_slot(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL);
	size_t		size;
	unsigned	G = INNO_SCHEME_GAZELLE,
				H = INNO_SCHEME_HIGH_TECH;

	/* firm a: high_tech 2019 and provincial gazelle 2020; firm b: gazelle with no year */
	inno_dset_init(&a);
	inno_dset_init(&b);
	CHECK(inno_dset_add(&a, inno_desig_make(H, INNO_LEVEL_NATIONAL, 2019, 3, 0, 0), &err) == INNO_OK);
	CHECK(inno_dset_add(&a, inno_desig_make(G, INNO_LEVEL_PROVINCIAL, 2020, 1, 0, 0), &err) == INNO_OK);
	CHECK(inno_dset_add(&b, inno_desig_make(G, 0, 0, 0, 0, 0), &err) == INNO_OK);
	good = AddSet(good, &a);
	good = AddSet(good, &b);
	size = Size(good);
	CHECK(inno_dcounts_check(good, size, &err) == INNO_OK);
	CHECK_INT(good->base, 2019);
	CHECK_INT(good->nyears, 3);
	c = malloc(size);

#define Y(row, year) ((row)[(year) - 2019])
#define REFUSED(mutation) \
	do { \
		memcpy(c, good, size); \
		mutation; \
		inno_error_clear(&err); \
		CHECK_MSG(inno_dcounts_check(c, size, &err) == INNO_ERR_CORRUPT && err.detail[0], "accepted: %s", #mutation); \
	} while (0)

	REFUSED(c->version = 2);
	REFUSED(c->pad = 1);
	REFUSED(c->pad2 = 1);
	REFUSED(c->pad3 = 1);
	REFUSED(c->nyears = 2);							/* the size does not match */
	REFUSED(c->base = 0);
	REFUSED(c->base = 1979);
	REFUSED(c->base = 2099);						/* 2099 + 3 years > 2100 */
	REFUSED(c->projects = -1);
	REFUSED(c->projects = 1);						/* holders of gazelle are 2 */
	REFUSED(c->holders[G - 1] = 3);
	REFUSED(c->holders[H - 1] = -1);
	REFUSED(c->unknown_valid[G - 1] = 3);
	REFUSED(c->pair[inno_dcounts_pair_index(H, G)] = 2);	/* more than high_tech's holders */
	REFUSED(c->pair[inno_dcounts_pair_index(H, G)] = 0);	/* 1 + 2 - 0 holders of 2 projects */
	REFUSED(c->slot_holders[gz] = 3);				/* more than gazelle's holders */
	REFUSED((c->slot_holders[gz] = 0, Y(inno_dcounts_listed(c, gz), 2020) = 0));	/* a holder at no level */
	REFUSED(c->undated[gz0] = 2);					/* more than the slot's holders */
	REFUSED(c->unknown_valid[G - 1] = 0);			/* fewer than the undated */
	REFUSED((c->slot_holders[gz] = 2, c->holders[G - 1] = 2));	/* provincial: 1 listed, none undated */
	REFUSED(Y(inno_dcounts_listed(c, ht), 2019) = 2);	/* more than the slot's holders */
	REFUSED(Y(inno_dcounts_by_year(c, G), 2020) = 0);	/* fewer than listed */
	REFUSED((Y(inno_dcounts_by_year(c, G), 2021) = 1, Y(inno_dcounts_valid(c, G), 2021) = 1));	/* more than listed */
	REFUSED(Y(inno_dcounts_valid(c, H), 2019) = 0);	/* listed, neither valid nor unknown */
	REFUSED(Y(inno_dcounts_valid(c, G), 2019) = 1);	/* valid before any list */
	REFUSED(Y(inno_dcounts_valid(c, H), 2021) = 2);	/* more than the holders */
	REFUSED((Y(inno_dcounts_by_year(c, H), 2019) = 0, Y(inno_dcounts_listed(c, ht), 2019) = 0,
			 c->slot_holders[ht] = 0, c->holders[H - 1] = 0, c->pair[inno_dcounts_pair_index(H, G)] = 0,
			 Y(inno_dcounts_valid(c, H), 2019) = 0, Y(inno_dcounts_valid(c, H), 2020) = 0,
			 Y(inno_dcounts_valid(c, H), 2021) = 0));	/* 2019 counts nothing: the window is too wide */
#undef REFUSED
#undef Y
	/* a size that is not the window's */
	memcpy(c, good, size);
	CHECK(inno_dcounts_check(c, size - 8, &err) == INNO_ERR_CORRUPT);
	/* one firm holding gazelle at two levels (and high_tech), one holding nothing: consistent */
	memcpy(c, good, size);
	c->holders[G - 1] = 1;
	CHECK(inno_dcounts_check(c, size, &err) == INNO_OK);
	free(c);
	free(good);
}

/* a summary of 2^63 - 1 projects takes no more; merges check the sum */
TEST(counts_overflow)
{
	InnoDesigCounts *a = NewCounts(),
			   *b = NewCounts();
	InnoDesigSet s;
	InnoError	err;

	inno_dset_init(&s);
	a->projects = INT64_MAX;
	b->projects = 1;
	CHECK(inno_dcounts_merge(a, b, &err) == INNO_ERR_RANGE);
	CHECK(inno_dcounts_add(a, &s, &err) == INNO_ERR_RANGE);
	CHECK(a->projects == INT64_MAX);
	CHECK(inno_dcounts_check(a, Size(a), &err) == INNO_OK);
	free(a);
	free(b);
}

UNIT_SUITE(desigcounts_suite,
		   UNIT_CASE(counts_add_merge_widen),
		   UNIT_CASE(counts_text_and_binary),
		   UNIT_CASE(counts_check_refusals),
		   UNIT_CASE(counts_overflow));
