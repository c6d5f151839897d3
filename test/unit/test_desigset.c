/*
 * test_desigset.c
 *	  Unit tests for designation_set: the slot table, adding and uniting
 *	  sets against a naive model (random designations in random order and
 *	  random splits), the 64-year span, holds and valid_in, the text and
 *	  binary forms, and what inno_dset_check refuses.  designation_counts'
 *	  tests are in test_desigcounts.c.
 */
#include "suites.h"
#include "desigcounts.h"

#include <stdlib.h>

#include "desig_model.inc"

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
UNIT_SUITE(desigset_suite,
		   UNIT_CASE(slot_table),
		   UNIT_CASE(add_against_model),
		   UNIT_CASE(union_of_splits),
		   UNIT_CASE(rebase),
		   UNIT_CASE(span_limit),
		   UNIT_CASE(holds_and_valid_in),
		   UNIT_CASE(text_and_binary_round_trips),
		   UNIT_CASE(text_refusals),
		   UNIT_CASE(set_check_refusals));
