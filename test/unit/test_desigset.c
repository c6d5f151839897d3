/*
 * test_desigset.c
 *	  Unit tests for designation_set and designation_counts: the slot table,
 *	  adding and uniting sets against a naive model (random designations in
 *	  random order and random splits), the 64-year span, holds and valid_in,
 *	  the text and binary forms, and what inno_dset_check and
 *	  inno_dcounts_check refuse; counts added and merged in random splits
 *	  (widening their year windows) against counts of all, and against
 *	  counts made naively from the sets.
 */
#include "suites.h"
#include "desigcounts.h"

#include <stdlib.h>

/* ---- a deterministic generator (splitmix64) ---- */

static uint64_t rng_state;

static uint64_t
Next(void)
{
	uint64_t	z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static unsigned
Below(unsigned n)
{
	return (unsigned) (Next() % n);
}

/* ---- the naive model: plain arrays of years ---- */

#define NYEARS (INNO_DESIG_YEAR_MAX - INNO_DESIG_YEAR_MIN + 1)

typedef struct Model
{
	bool		listed[INNO_DSET_SLOTS][NYEARS];
	bool		undated[INNO_DSET_SLOTS];
	bool		valid[INNO_SCHEME_COUNT][NYEARS];
	bool		unknown[INNO_SCHEME_COUNT];
} Model;

static void
ModelAdd(Model *m, InnoDesignation d)
{
	unsigned	scheme = inno_desig_scheme(d),
				y = inno_desig_year(d),
				until = inno_desig_valid_until(d),
				v;
	int			slot = inno_dset_slot(scheme, inno_desig_level(d));

	if (y == 0)
	{
		m->undated[slot] = true;
		m->unknown[scheme - 1] = true;
		return;
	}
	m->listed[slot][y - INNO_DESIG_YEAR_MIN] = true;
	if (until == 0)
		m->unknown[scheme - 1] = true;
	for (v = y; until && v <= until; v++)
		m->valid[scheme - 1][v - INNO_DESIG_YEAR_MIN] = true;
}

/* The set the model describes, built bit by bit. */
static void
ModelSet(const Model *m, InnoDesigSet *s)
{
	int			k,
				y,
				lo = -1;

	inno_dset_init(s);
	for (y = 0; y < NYEARS && lo < 0; y++)
	{
		for (k = 0; k < INNO_DSET_SLOTS; k++)
			lo = m->listed[k][y] ? y : lo;
		for (k = 0; k < INNO_SCHEME_COUNT; k++)
			lo = m->valid[k][y] ? y : lo;
	}
	if (lo >= 0)
		s->base = (uint16_t) (INNO_DESIG_YEAR_MIN + lo);
	for (y = lo < 0 ? NYEARS : lo; y < NYEARS; y++)
	{
		for (k = 0; k < INNO_DSET_SLOTS; k++)
			if (m->listed[k][y])
				s->listed[k] |= UINT64_C(1) << (y - lo);
		for (k = 0; k < INNO_SCHEME_COUNT; k++)
			if (m->valid[k][y])
				s->valid[k] |= UINT64_C(1) << (y - lo);
	}
	for (k = 0; k < INNO_DSET_SLOTS; k++)
		if (m->undated[k])
			s->undated |= UINT64_C(1) << k;
	for (k = 0; k < INNO_SCHEME_COUNT; k++)
		if (m->unknown[k])
			s->unknown_valid |= (uint16_t) (1u << k);
}

/*
 * A random valid designation with its list year in [lo, lo + width) (or
 * none), of a random slot, with the scheme's term, an explicit one, or
 * (as a binary designation may have) none.
 */
static InnoDesignation
RandomDesig(unsigned lo, unsigned width)
{
	int			slot = (int) Below(INNO_DSET_SLOTS);
	unsigned	scheme,
				level,
				y = 0,
				term = 0;
	InnoDesignation d;
	InnoError	err;

	inno_dset_slot_parts(slot, &scheme, &level);
	if (Below(8) != 0)
		y = lo + Below(width);
	if (y)
	{
		switch (Below(4))
		{
			case 0:
				term = 1 + Below(5);
				break;
			case 1:
				/* unknown validity: only a scheme with no documented term has it dated */
				term = inno_scheme_by_code(scheme)->term == 0 ? 0 : 1 + Below(5);
				break;
			default:
				term = inno_scheme_by_code(scheme)->term;
		}
		if (term && y + term - 1 > INNO_DESIG_YEAR_MAX)
			term = INNO_DESIG_YEAR_MAX - y + 1;
	}
	d = inno_desig_make(scheme, level, y, term, Below(3), Below(2) ? 0 : 2019);
	if (inno_desig_check(d, &err) != INNO_OK)
		abort();
	return d;
}

/* a set of n random designations in a 40-year window, and its model */
static void
RandomSet(InnoDesigSet *s, Model *m, int n, unsigned lo)
{
	InnoError	err;
	int			i;

	inno_dset_init(s);
	memset(m, 0, sizeof(*m));
	for (i = 0; i < n; i++)
	{
		InnoDesignation d = RandomDesig(lo, 40);

		ModelAdd(m, d);
		if (inno_dset_add(s, d, &err) != INNO_OK)
			abort();
	}
}

TEST(slot_table)
{
	unsigned	scheme,
				level;
	int			k,
				covered = 0;

	CHECK_INT(inno_dset_slot_count(), INNO_DSET_SLOTS);
	for (k = 0; k < INNO_DSET_SLOTS; k++)
	{
		inno_dset_slot_parts(k, &scheme, &level);
		CHECK_INT(inno_dset_slot(scheme, level), k);
	}
	for (scheme = 1; scheme <= INNO_SCHEME_COUNT; scheme++)
	{
		const InnoSchemeInfo *info = inno_scheme_by_code(scheme);
		int			first,
					n = inno_dset_scheme_slots(scheme, &first);

		CHECK_INT(first, covered);
		covered += n;
		for (level = 0; level <= INNO_LEVEL_COUNT; level++)
		{
			bool		issued = level == 0 ? info->default_level == 0 : (info->levels & INNO_LEVEL_BIT(level)) != 0;
			int			slot = inno_dset_slot(scheme, level);

			CHECK(issued == (slot >= 0));
			CHECK(slot < 0 || (slot >= first && slot < first + n));
		}
	}
	CHECK_INT(covered, INNO_DSET_SLOTS);
	CHECK_INT(inno_dset_slot(0, 0), -1);
	CHECK_INT(inno_dset_slot(INNO_SCHEME_COUNT + 1, 0), -1);
	CHECK_INT(inno_dset_slot(INNO_SCHEME_HIGH_TECH, 0), -1);	/* high_tech is always national */
	CHECK_INT(inno_dset_scheme_slots(0, &k), 0);
}

/* adding in random order (earlier years arriving late) gives the model's set */
TEST(add_against_model)
{
	int			round;

	rng_state = 1;
	for (round = 0; round < 2000; round++)
	{
		InnoDesigSet s,
					want;
		Model		m;
		InnoError	err;

		RandomSet(&s, &m, 1 + (int) Below(12), INNO_DESIG_YEAR_MIN + Below(NYEARS - 60));
		ModelSet(&m, &want);
		CHECK(inno_dset_check(&s, &err) == INNO_OK);
		CHECK(inno_dset_check(&want, &err) == INNO_OK);
		if (memcmp(&s, &want, sizeof(s)) != 0)
		{
			CHECK_MSG(false, "round %d: the set differs from the model's", round);
			break;
		}
	}
}

/* a union of random splits of the designations is the set of all of them */
TEST(union_of_splits)
{
	int			round;

	rng_state = 2;
	for (round = 0; round < 1000; round++)
	{
		InnoDesigSet all,
					part[4],
					u;
		InnoError	err;
		int			n = (int) Below(16),
					i,
					k;
		unsigned	lo = INNO_DESIG_YEAR_MIN + Below(NYEARS - 60);

		inno_dset_init(&all);
		for (k = 0; k < 4; k++)
			inno_dset_init(&part[k]);
		for (i = 0; i < n; i++)
		{
			InnoDesignation d = RandomDesig(lo, 40);

			CHECK(inno_dset_add(&all, d, &err) == INNO_OK);
			CHECK(inno_dset_add(&part[Below(4)], d, &err) == INNO_OK);
		}
		/* in a random order, into an empty set or into a part */
		k = (int) Below(4);
		u = part[k];
		for (i = 1; i < 4; i++)
			CHECK(inno_dset_union(&u, &part[(k + i) % 4], &err) == INNO_OK);
		CHECK(memcmp(&u, &all, sizeof(u)) == 0);
		CHECK(inno_dset_check(&u, &err) == INNO_OK);
		/* with itself: the same */
		CHECK(inno_dset_union(&u, &all, &err) == INNO_OK);
		CHECK(memcmp(&u, &all, sizeof(u)) == 0);
	}
}

/* when an earlier year arrives the base moves down and every mask shifts */
TEST(rebase)
{
	InnoDesigSet s;
	InnoError	err;

	inno_dset_init(&s);
	CHECK(inno_dset_add(&s, inno_desig_make(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL, 2020, 3, 0, 0), &err) == INNO_OK);
	CHECK_INT(s.base, 2020);
	CHECK(inno_dset_add(&s, inno_desig_make(INNO_SCHEME_GAZELLE, INNO_LEVEL_PROVINCIAL, 2011, 1, 0, 0), &err) == INNO_OK);
	CHECK_INT(s.base, 2011);
	CHECK(inno_dset_listed(&s, inno_dset_slot(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL), 2020));
	CHECK(!inno_dset_listed(&s, inno_dset_slot(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL), 2011));
	CHECK_INT(inno_dset_valid_in(&s, INNO_SCHEME_HIGH_TECH, 2022), 1);
	CHECK_INT(inno_dset_valid_in(&s, INNO_SCHEME_HIGH_TECH, 2023), 0);
	CHECK_INT(inno_dset_valid_in(&s, INNO_SCHEME_GAZELLE, 2011), 1);
	CHECK(inno_dset_check(&s, &err) == INNO_OK);
}

/* more than 64 years is INNO_ERR_RANGE, and the set is left as it was */
TEST(span_limit)
{
	InnoDesigSet s,
				before,
				t;
	InnoError	err;
	InnoDesignation a = inno_desig_make(INNO_SCHEME_GAZELLE, 0, 1990, 1, 0, 0),
				b = inno_desig_make(INNO_SCHEME_GAZELLE, 0, 2053, 1, 0, 0),
				c = inno_desig_make(INNO_SCHEME_GAZELLE, 0, 2054, 1, 0, 0),
				early = inno_desig_make(INNO_SCHEME_GAZELLE, 0, 1989, 1, 0, 0),
				longterm = inno_desig_make(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL, 2040, 20, 0, 0),
				undated = inno_desig_make(INNO_SCHEME_UNICORN, 0, 0, 0, 0, 0);

	inno_dset_init(&s);
	CHECK(inno_dset_add(&s, a, &err) == INNO_OK);
	CHECK(inno_dset_add(&s, b, &err) == INNO_OK);	/* 1990 .. 2053: 64 years */
	before = s;
	CHECK(inno_dset_add(&s, c, &err) == INNO_ERR_RANGE);
	CHECK(strstr(err.detail, "1990 to 2054") != NULL);
	CHECK(memcmp(&s, &before, sizeof(s)) == 0);
	CHECK(inno_dset_add(&s, early, &err) == INNO_ERR_RANGE);	/* the rebase would not fit */
	CHECK(memcmp(&s, &before, sizeof(s)) == 0);
	/* years of validity count too: a list year of 2040 valid until 2059 */
	inno_dset_init(&s);
	CHECK(inno_dset_add(&s, a, &err) == INNO_OK);
	CHECK(inno_dset_add(&s, longterm, &err) == INNO_ERR_RANGE);
	/* a union that would not fit leaves the set as it was, undated parts too */
	inno_dset_init(&t);
	CHECK(inno_dset_add(&t, c, &err) == INNO_OK);
	CHECK(inno_dset_add(&t, undated, &err) == INNO_OK);
	inno_dset_init(&s);
	CHECK(inno_dset_add(&s, a, &err) == INNO_OK);
	before = s;
	CHECK(inno_dset_union(&s, &t, &err) == INNO_ERR_RANGE);
	CHECK(memcmp(&s, &before, sizeof(s)) == 0);
	/* and the other way round (the base would move down) */
	CHECK(inno_dset_union(&t, &s, &err) == INNO_ERR_RANGE);
	/* a designation with no year fits any set */
	s = before;
	CHECK(inno_dset_add(&s, undated, &err) == INNO_OK);
}

/* holds and valid_in against the model, for every slot, level and year */
TEST(holds_and_valid_in)
{
	int			round;

	rng_state = 3;
	for (round = 0; round < 300; round++)
	{
		InnoDesigSet s;
		Model		m;
		unsigned	lo = INNO_DESIG_YEAR_MIN + Below(NYEARS - 60),
					scheme,
					level;
		int			y,
					bad = 0;

		RandomSet(&s, &m, (int) Below(10), lo);
		for (scheme = 1; scheme <= INNO_SCHEME_COUNT; scheme++)
		{
			bool		undated = false;
			int			first_year = 0;
			int			first,
						n = inno_dset_scheme_slots(scheme, &first),
						k;

			for (y = NYEARS - 1; y >= 0; y--)
				for (k = first; k < first + n; k++)
					if (m.listed[k][y])
						first_year = INNO_DESIG_YEAR_MIN + y;
			for (k = first; k < first + n; k++)
				undated |= m.undated[k];
			for (y = INNO_DESIG_YEAR_MIN - 2; y <= INNO_DESIG_YEAR_MAX + 2; y++)
			{
				bool		in = y >= INNO_DESIG_YEAR_MIN && y <= INNO_DESIG_YEAR_MAX &&
					m.valid[scheme - 1][y - INNO_DESIG_YEAR_MIN];
				int			want = in ? 1 : !m.unknown[scheme - 1] ? 0 :
					!undated && (first_year == 0 || y < first_year) ? 0 : -1;

				bad += inno_dset_valid_in(&s, scheme, y) != want;
			}
			for (level = 0; level <= INNO_LEVEL_COUNT; level++)
			{
				int			slot = inno_dset_slot(scheme, level);

				if (slot < 0)
					continue;
				for (y = -1; y < NYEARS; y++)
				{
					bool		want = false;
					int			l;

					/* the pattern: this level (any, when it states none), this year (any, or none) */
					for (l = first; l < first + n; l++)
					{
						unsigned	ls,
									ll;
						int			z;

						inno_dset_slot_parts(l, &ls, &ll);
						if (level != 0 && ll != level)
							continue;
						if (y < 0)
						{
							want |= m.undated[l];
							for (z = 0; z < NYEARS; z++)
								want |= m.listed[l][z];
						}
						else
							want |= m.listed[l][y];
					}
					bad += inno_dset_holds(&s, inno_desig_make(scheme, level, y < 0 ? 0 : INNO_DESIG_YEAR_MIN + (unsigned) y,
															   0, 0, 0)) != want;
				}
			}
			bad += inno_dset_holds_scheme(&s, scheme) !=
				inno_dset_holds(&s, inno_desig_make(scheme, 0, 0, 0, 0, 0));
		}
		CHECK_MSG(bad == 0, "round %d: %d answers differ from the model's", round, bad);
		if (bad)
			break;
	}
}

/* The set with the longest text: every slot in 64 years and undated, 32 runs, all unknown. */
static void
LongestSet(InnoDesigSet *s)
{
	int			k;

	inno_dset_init(s);
	s->base = 2000;
	for (k = 0; k < INNO_DSET_SLOTS; k++)
		s->listed[k] = ~UINT64_C(0);
	for (k = 0; k < INNO_SCHEME_COUNT; k++)
		s->valid[k] = UINT64_C(0x5555555555555555);
	s->undated = (UINT64_C(1) << INNO_DSET_SLOTS) - 1;
	s->unknown_valid = (uint16_t) ((1u << INNO_SCHEME_COUNT) - 1);
}

TEST(text_and_binary_round_trips)
{
	static char buf[INNO_DSET_TEXT_MAX];
	uint8_t		bin[INNO_DSET_BINARY_LEN];
	int			round;
	InnoDesigSet s,
				back;
	InnoError	err;

	rng_state = 4;
	for (round = 0; round < 2000; round++)
	{
		Model		m;

		RandomSet(&s, &m, (int) Below(14), INNO_DESIG_YEAR_MIN + Below(NYEARS - 60));
		inno_dset_format(&s, buf, sizeof(buf));
		CHECK(inno_dset_parse(buf, strlen(buf), &back, &err) == INNO_OK);
		CHECK(memcmp(&s, &back, sizeof(s)) == 0);
		inno_dset_encode_binary(&s, bin);
		CHECK(inno_dset_decode_binary(bin, sizeof(bin), &back, &err) == INNO_OK);
		CHECK(memcmp(&s, &back, sizeof(s)) == 0);
	}
	/* the empty set */
	inno_dset_init(&s);
	CHECK_STR(inno_dset_format(&s, buf, sizeof(buf)), "{}");
	/* the longest text fits (0.2.0's 16 KiB did not), and reads back */
	LongestSet(&s);
	CHECK(inno_dset_check(&s, &err) == INNO_OK);
	inno_dset_format(&s, buf, sizeof(buf));
	CHECK_MSG(strlen(buf) > 16384 && strlen(buf) + 1 < sizeof(buf), "the longest text is %zu bytes", strlen(buf));
	CHECK(inno_dset_parse(buf, strlen(buf), &back, &err) == INNO_OK);
	CHECK(memcmp(&s, &back, sizeof(s)) == 0);
	/* a known text */
	inno_dset_init(&s);
	CHECK(inno_dset_add(&s, inno_desig_make(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL, 2017, 3, 0, 0), &err) == INNO_OK);
	CHECK(inno_dset_add(&s, inno_desig_make(INNO_SCHEME_GAZELLE, 0, 0, 0, 0, 0), &err) == INNO_OK);
	CHECK(inno_dset_add(&s, inno_desig_make(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL, 2020, 3, 0, 0), &err) == INNO_OK);
	CHECK_STR(inno_dset_format(&s, buf, sizeof(buf)),
			  "{\"held\": {\"national high_tech\": [2017, 2020], \"gazelle\": [null]}, "
			  "\"valid\": {\"high_tech\": [[2017, 2022]]}, \"validity_unknown\": [\"gazelle\"]}");
}

/* what the text reader refuses, besides what the check refuses */
TEST(text_refusals)
{
	static const char *const bad[] = {
		"", "{", "[]", "{} x", "{\"held\": []}", "{\"held\": {\"gazelle\": [2020]}, \"held\": {}}",
		"{\"held\": {\"gazelle\": [2020], \"gazelle\": [2021]}, \"valid\": {\"gazelle\": [[2020, 2021]]}}",
		"{\"held\": {\"gazelle\": [2020, 2020]}, \"valid\": {\"gazelle\": [[2020, 2020]]}}",
		"{\"held\": {\"gazelle\": [null, null]}, \"validity_unknown\": [\"gazelle\"]}",
		"{\"held\": {\"gazelle\": [null]}, \"validity_unknown\": [\"gazelle\", \"gazelle\"]}",
		"{\"held\": {\"gazelle\": [2020, 2021]}, \"valid\": {\"gazelle\": [[2020, 2021], [2021, 2021]]}}",
		"{\"held\": {\"national gazelle\": [2020]}}", "{\"valid\": {\"zebra\": [[2020, 2020]]}}",
		"{\"held\": {\"gazelle\": [1979]}}", "{\"held\": {\"gazelle\": [2101]}}",
		"{\"held\": {\"gazelle\": [2020]}, \"valid\": {\"gazelle\": [[2021, 2020]]}}",
		"{\"held\": {\"gazelle\": [1990, 2054]}, \"valid\": {\"gazelle\": [[1990, 1990], [2054, 2054]]}}",
	};
	static const char *const good[] = {
		"{}", " { } ", "{\"held\": {}}", "{\"held\": {\"gazelle\": []}}", "{\"valid\": {}, \"validity_unknown\": []}",
		"{\"validity_unknown\": [\"gazelle\"], \"held\": {\"gazelle\": [2021, null, 2020]},"
		" \"valid\": {\"gazelle\": [[2021, 2021], [2020, 2020]]}}",
	};
	InnoDesigSet s;
	InnoError	err;
	unsigned	i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		InnoStatus	st = inno_dset_parse(bad[i], strlen(bad[i]), &s, &err);

		CHECK_MSG(st == INNO_ERR_SYNTAX || st == INNO_ERR_RANGE, "accepted: %s", bad[i]);
		CHECK_MSG(err.detail[0] != '\0', "no detail: %s", bad[i]);
	}
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		CHECK_MSG(inno_dset_parse(good[i], strlen(good[i]), &s, &err) == INNO_OK, "refused: %s (%s)", good[i], err.detail);
}

/* inno_dset_check refuses each thing inno_dset_add cannot make */
TEST(set_check_refusals)
{
	InnoDesigSet good,
				s;
	InnoError	err;
	int			gz = inno_dset_slot(INNO_SCHEME_GAZELLE, INNO_LEVEL_PROVINCIAL),
				tl = inno_dset_slot(INNO_SCHEME_TECH_LEADER, 0);

	inno_dset_init(&good);
	CHECK(inno_dset_add(&good, inno_desig_make(INNO_SCHEME_GAZELLE, INNO_LEVEL_PROVINCIAL, 2020, 1, 0, 0), &err) == INNO_OK);
	CHECK(inno_dset_add(&good, inno_desig_make(INNO_SCHEME_GAZELLE, INNO_LEVEL_PROVINCIAL, 2022, 1, 0, 0), &err) == INNO_OK);
	CHECK(inno_dset_add(&good, inno_desig_make(INNO_SCHEME_TECH_LEADER, 0, 2021, 0, 0, 0), &err) == INNO_OK);
	CHECK(inno_dset_check(&good, &err) == INNO_OK);

#define REFUSED(mutation) \
	do { \
		s = good; \
		mutation; \
		inno_error_clear(&err); \
		CHECK_MSG(inno_dset_check(&s, &err) == INNO_ERR_CORRUPT && err.detail[0], "accepted: %s", #mutation); \
	} while (0)

	REFUSED(s.reserved = 1);
	REFUSED(s.undated |= UINT64_C(1) << INNO_DSET_SLOTS);
	REFUSED(s.unknown_valid |= 1u << INNO_SCHEME_COUNT);
	REFUSED(s.base = 0);							/* years held, no base */
	REFUSED(s.base = 1979);							/* before the first year */
	REFUSED(s.base = 2099);							/* its years run to 2101 */
	REFUSED((s.listed[gz] <<= 1, s.valid[INNO_SCHEME_GAZELLE - 1] <<= 1, s.listed[tl] <<= 1));	/* bit 0 empty */
	REFUSED(s.valid[INNO_SCHEME_GAZELLE - 1] |= UINT64_C(1) << 4);	/* a run from 2024, not listed */
	REFUSED(s.valid[INNO_SCHEME_GAZELLE - 1] |= ~UINT64_C(0) << 2);	/* from a list year, but for 62 years */
	REFUSED(s.undated |= UINT64_C(1) << gz);		/* undated, validity not unknown */
	REFUSED(s.valid[INNO_SCHEME_GAZELLE - 1] &= ~UINT64_C(1));	/* listed in 2020, valid never, not unknown */
	REFUSED(s.unknown_valid |= 1u << (INNO_SCHEME_UNICORN - 1));	/* unknown, not held */
	REFUSED(s.unknown_valid &= (uint16_t) ~(1u << (INNO_SCHEME_TECH_LEADER - 1)));	/* 2021 no validity */
	REFUSED((s.base = 0, memset(s.listed, 0, sizeof(s.listed)), memset(s.valid, 0, sizeof(s.valid))));	/* unknown, not held */
#undef REFUSED

	/* what the check accepts, the text and binary readers accept too, and vice versa */
	s = good;
	s.valid[INNO_SCHEME_TECH_LEADER - 1] |= UINT64_C(3) << 1;	/* tech_leader 2021 valid to 2022 */
	CHECK(inno_dset_check(&s, &err) == INNO_OK);
	{
		uint8_t		bin[INNO_DSET_BINARY_LEN];
		InnoDesigSet back;

		s = good;
		s.reserved = 7;
		inno_dset_encode_binary(&s, bin);
		/* the binary form has no reserved field: it decodes as the good set */
		CHECK(inno_dset_decode_binary(bin, sizeof(bin), &back, &err) == INNO_OK);
		CHECK(memcmp(&back, &good, sizeof(back)) == 0);
		bin[0] = 2;
		CHECK(inno_dset_decode_binary(bin, sizeof(bin), &back, &err) == INNO_ERR_CORRUPT);
		bin[0] = 1;
		CHECK(inno_dset_decode_binary(bin, sizeof(bin) - 1, &back, &err) == INNO_ERR_CORRUPT);
		bin[3] = 0x80;				/* unknown validity of scheme 16 */
		CHECK(inno_dset_decode_binary(bin, sizeof(bin), &back, &err) == INNO_ERR_CORRUPT);
	}
}

/* ---- designation_counts ---- */

/* Widen c (malloc'd) to hold [from, to], as the glue does. */
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

UNIT_SUITE(desigset_suite,
		   UNIT_CASE(slot_table),
		   UNIT_CASE(add_against_model),
		   UNIT_CASE(union_of_splits),
		   UNIT_CASE(rebase),
		   UNIT_CASE(span_limit),
		   UNIT_CASE(holds_and_valid_in),
		   UNIT_CASE(text_and_binary_round_trips),
		   UNIT_CASE(text_refusals),
		   UNIT_CASE(set_check_refusals),
		   UNIT_CASE(counts_add_merge_widen),
		   UNIT_CASE(counts_text_and_binary),
		   UNIT_CASE(counts_check_refusals),
		   UNIT_CASE(counts_overflow));
