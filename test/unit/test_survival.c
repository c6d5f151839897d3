/*
 * test_survival.c
 *	  Unit tests for stage_survival: buckets, classification, merging, the
 *	  Kaplan-Meier answers, and the text and binary forms.
 */
#include "suites.h"
#include "calendar.h"
#include "survival.h"

#include <math.h>
#include <stdlib.h>

TEST(survival_buckets)
{
	int32_t		t,
				prev = -1;

	/* every day maps to a bucket whose first day is at or before it, and buckets rise */
	for (t = 0; t <= INNO_SV_MAX_DAYS; t++)
	{
		int32_t		b = inno_sv_bucket(t);

		CHECK_MSG(b >= 0 && b < INNO_SV_BUCKETS, "day %d", t);
		CHECK_MSG(inno_sv_bucket_day(b) <= t, "day %d", t);
		CHECK_MSG(b == prev || b == prev + 1, "day %d", t);
		/* exact below 4096 days, then within 1/128 of the time */
		CHECK_MSG(t < INNO_SV_EXACT_DAYS ? inno_sv_bucket_day(b) == t :
				  (t - inno_sv_bucket_day(b)) * INNO_SV_SUB < t, "day %d", t);
		prev = b;
	}
	CHECK_INT(prev, INNO_SV_BUCKETS - 1);
	CHECK_INT(inno_sv_bucket_day(inno_sv_bucket(4096 + 31)), 4096);
	CHECK_INT(inno_sv_bucket_day(inno_sv_bucket(4096 + 32)), 4128);
	/* the longest time stage_history allows fits */
	CHECK(inno_days_from_ymd(2199, 12, 31) - inno_days_from_ymd(1900, 1, 1) <= INNO_SV_MAX_DAYS);
}

static InnoHistory
History(int32_t reg, int32_t ht)	/* INT32_MIN: not reached, INT32_MAX: undated */
{
	InnoHistory h;

	inno_history_init(&h);
	if (reg != INT32_MIN)
		(void) inno_history_add(&h, INNO_STAGE_REGISTERED, reg != INT32_MAX, reg == INT32_MAX ? 0 : reg);
	if (ht != INT32_MIN)
		(void) inno_history_add(&h, INNO_STAGE_HIGH_TECH, ht != INT32_MAX, ht == INT32_MAX ? 0 : ht);
	return h;
}

#define CAP 64

TEST(survival_classifies_and_estimates)
{
	union
	{
		InnoSurvival s;
		char		bytes[INNO_SV_SIZE(CAP)];
	}			u,
				v,
				w;
	InnoError	err;
	InnoHistory h;
	bool		full;
	int32_t		as_of = inno_days_from_ymd(2025, 12, 31),
				day;
	double		share;
	InnoSvWalk	walk;
	InnoSvStep	step;

	CHECK(inno_sv_init(&u.s, INNO_STAGE_HIGH_TECH, INNO_STAGE_REGISTERED, as_of, &err) == INNO_ERR_PARAM);
	CHECK(inno_sv_init(&u.s, INNO_STAGE_REGISTERED, INNO_STAGE_HIGH_TECH, inno_days_from_ymd(1899, 12, 31), &err) == INNO_ERR_PARAM);
	CHECK(inno_sv_init(&u.s, INNO_STAGE_REGISTERED, INNO_STAGE_HIGH_TECH, as_of, &err) == INNO_OK);
	h = History(100, 200);		/* event after 100 days */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK && !full);
	h = History(100, 150);		/* event after 50 days */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK && !full);
	h = History(as_of - 80, INT32_MIN);	/* censored at 80 days */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK);
	h = History(as_of - 10, as_of + 5);	/* reached after as_of: censored at 10 */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK);
	h = History(INT32_MAX, 10);	/* undated */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK);
	h = History(100, 90);		/* contradicting */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK);
	h = History(as_of + 1, INT32_MIN);	/* not yet a subject */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK);
	h = History(INT32_MIN, 10);	/* never registered */
	CHECK(inno_sv_add_history(&u.s, CAP, &h, &full) == INNO_OK);
	CHECK(inno_sv_validate(&u.s, INNO_SV_SIZE(u.s.nentries), &err) == INNO_OK);
	CHECK_INT(u.s.nentries, 4);
	CHECK_INT(inno_sv_events(&u.s), 2);
	CHECK_INT(inno_sv_censored(&u.s), 2);
	CHECK_INT(u.s.undated, 1);
	CHECK_INT(u.s.contradicting, 1);
	CHECK_INT(u.s.total, 6);
	/* times 10 (c), 50 (e), 80 (c), 100 (e): S = 1, 2/3, 2/3, 0 */
	CHECK(inno_sv_quantile(&u.s, 0.3, &day) && day == 50);
	CHECK(inno_sv_quantile(&u.s, 1.0 / 3.0, &day) && day == 50);
	CHECK(inno_sv_quantile(&u.s, 0.5, &day) && day == 100);
	CHECK(inno_sv_quantile(&u.s, 1.0, &day) && day == 100);
	CHECK(inno_sv_reached_within(&u.s, 49, &share) && share == 0.0);
	CHECK(inno_sv_reached_within(&u.s, 99, &share) && fabs(share - 1.0 / 3.0) < 1e-15);
	CHECK(inno_sv_reached_within(&u.s, 100, &share) && share == 1.0);
	inno_sv_walk_init(&u.s, &walk);
	CHECK(inno_sv_walk_next(&u.s, &walk, &step) && step.day == 10 && step.at_risk == 4 && !step.has_band);
	CHECK(inno_sv_walk_next(&u.s, &walk, &step) && step.day == 50 && step.at_risk == 3 && step.has_band &&
		  step.lower < step.survival && step.survival < step.upper);
	CHECK(inno_sv_walk_next(&u.s, &walk, &step) && step.day == 80);
	CHECK(inno_sv_walk_next(&u.s, &walk, &step) && step.day == 100 && step.survival == 0.0 && !step.has_band);
	CHECK(!inno_sv_walk_next(&u.s, &walk, &step));

	/* merging: same parameters only, counts add, the result validates */
	memcpy(&v, &u, sizeof(u));
	CHECK(inno_sv_merge(&v.s, CAP, &u.s, &full, &err) == INNO_OK && !full);
	CHECK(inno_sv_validate(&v.s, INNO_SV_SIZE(v.s.nentries), &err) == INNO_OK);
	CHECK_INT(v.s.nentries, 4);
	CHECK_INT(v.s.total, 12);
	CHECK(inno_sv_merge(&v.s, 3, &u.s, &full, &err) == INNO_OK && full);	/* no room: unchanged */
	CHECK_INT(v.s.total, 12);
	CHECK(inno_sv_init(&w.s, INNO_STAGE_REGISTERED, INNO_STAGE_HIGH_TECH, as_of - 1, &err) == INNO_OK);
	CHECK(inno_sv_merge(&v.s, CAP, &w.s, &full, &err) == INNO_ERR_PARAM);
	w.s.as_of = as_of;
	w.s.undated = INT64_MAX - 12;
	w.s.total = INT64_MAX - 12;
	CHECK(inno_sv_merge(&v.s, CAP, &w.s, &full, &err) == INNO_OK);
	CHECK(inno_sv_merge(&v.s, CAP, &u.s, &full, &err) == INNO_ERR_RANGE);
	h = History(100, 200);
	CHECK(inno_sv_add_history(&v.s, CAP, &h, &full) == INNO_ERR_RANGE);
	/* a full state reports it and changes nothing */
	h = History(100, 100 + 3000);
	CHECK(inno_sv_add_history(&u.s, 4, &h, &full) == INNO_OK && full && u.s.total == 6);
}

TEST(survival_text_and_binary)
{
	union
	{
		InnoSurvival s;
		char		bytes[INNO_SV_SIZE(8)];
	}			u,
				back;
	const char *text = "{\"version\": 1, \"from\": \"registered\", \"to\": \"high_tech\", \"as_of\": \"2025-12-31\", "
		"\"undated\": 2, \"contradicting\": 1, \"times\": [[0, 3, 0], [412, 1, 2], [4128, 0, 1]]}";
	char		buf[1024];
	uint8_t		bin[INNO_SV_BINARY_SIZE(8)];
	uint32_t	n = 0;
	InnoError	err;

	CHECK(inno_sv_parse(text, strlen(text), NULL, &n, &err) == INNO_OK && n == 3);
	CHECK(inno_sv_parse(text, strlen(text), &u.s, &n, &err) == INNO_OK);
	CHECK_INT(u.s.total, 10);
	CHECK(inno_sv_format(&u.s, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, text);
	inno_sv_encode_binary(&u.s, bin);
	n = 0;
	CHECK(inno_sv_decode_binary(bin, INNO_SV_BINARY_SIZE(3), NULL, &n, &err) == INNO_OK && n == 3);
	CHECK(inno_sv_decode_binary(bin, INNO_SV_BINARY_SIZE(3), &back.s, &n, &err) == INNO_OK);
	CHECK(memcmp(&u.s, &back.s, INNO_SV_SIZE(3)) == 0);
	CHECK(inno_sv_decode_binary(bin, INNO_SV_BINARY_SIZE(3) - 1, NULL, &n, &err) == INNO_ERR_CORRUPT);
	bin[2] = INNO_STAGE_CONCEPT;	/* to before from */
	n = 3;
	CHECK(inno_sv_decode_binary(bin, INNO_SV_BINARY_SIZE(3), &back.s, &n, &err) == INNO_ERR_CORRUPT);
	{
		const char *bad[] = {
			"{\"version\": 1, \"from\": \"registered\", \"to\": \"high_tech\", \"as_of\": \"2025-12-31\", \"undated\": 0, \"contradicting\": 0, \"times\": [[4097, 1, 0]]}",
			"{\"version\": 1, \"from\": \"registered\", \"to\": \"high_tech\", \"as_of\": \"2025-12-31\", \"undated\": 0, \"contradicting\": 0, \"times\": [[7, 1, 0], [7, 1, 0]]}",
			"{\"version\": 1, \"from\": \"registered\", \"to\": \"high_tech\", \"as_of\": \"2025-12-31\", \"undated\": -1, \"contradicting\": 0, \"times\": []}",
			"{\"version\": 1, \"from\": \"registered\", \"to\": \"high_tech\", \"as_of\": \"2025-12-31\", \"undated\": 0, \"contradicting\": 0, \"times\": [[1, 9223372036854775807, 1]]}",
			"{\"version\": 1, \"from\": \"registered\", \"to\": \"nowhere\", \"as_of\": \"2025-12-31\", \"undated\": 0, \"contradicting\": 0, \"times\": []}",
			"{\"version\": 1, \"from\": \"registered\", \"to\": \"high_tech\", \"as_of\": \"2025-12-31\", \"undated\": 0, \"contradicting\": 0, \"times\": [[1, 1]]}",
			"{\"version\": 1, \"from\": \"registered\", \"to\": \"high_tech\", \"as_of\": \"2025-02-30\", \"undated\": 0, \"contradicting\": 0, \"times\": []}",
		};
		size_t		i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		{
			n = 0;
			if (inno_sv_parse(bad[i], strlen(bad[i]), NULL, &n, &err) == INNO_OK)
			{
				CHECK_MSG(n <= 8, "%s", bad[i]);
				CHECK_MSG(inno_sv_parse(bad[i], strlen(bad[i]), &back.s, &n, &err) != INNO_OK, "%s", bad[i]);
			}
		}
	}
}

UNIT_SUITE(survival_suite,
		   UNIT_CASE(survival_buckets),
		   UNIT_CASE(survival_classifies_and_estimates),
		   UNIT_CASE(survival_text_and_binary));
