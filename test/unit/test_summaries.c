/*
 * test_summaries.c
 *	  Unit tests for the calendar helpers, stage_funnel and stage_history.
 */
#include "suites.h"
#include "calendar.h"
#include "funnel.h"
#include "history.h"

static int32_t
Day(const char *ymd)
{
	int32_t		d = 0;

	if (!inno_parse_day(ymd, strlen(ymd), &d))
		return INT32_MIN;
	return d;
}

TEST(calendar)
{
	int32_t		x;
	char		buf[11];
	int			y,
				m,
				d;

	CHECK_INT(inno_days_from_ymd(2000, 1, 1), 0);
	CHECK_INT(inno_days_from_ymd(1999, 12, 31), -1);
	CHECK_INT(inno_days_from_ymd(2023, 6, 15), 8566);	/* '2023-06-15'::date - '2000-01-01' */
	CHECK_INT(Day("1900-01-01"), -36524);
	CHECK_INT(Day("2024-02-29"), inno_days_from_ymd(2024, 2, 29));
	CHECK_INT(Day("2023-02-29"), INT32_MIN);
	CHECK_INT(Day("2023-13-01"), INT32_MIN);
	CHECK_INT(Day("2023-6-01"), INT32_MIN);
	for (x = -800000; x < 800000; x += 7)
	{
		inno_ymd_from_days(x, &y, &m, &d);
		if (!inno_valid_ymd(y, m, d) || inno_days_from_ymd(y, m, d) != x)
		{
			CHECK_MSG(false, "day %d", x);
			break;
		}
	}
	inno_format_day(8566, buf);
	CHECK_STR(buf, "2023-06-15");
}

TEST(funnel_counts_and_merges)
{
	InnoFunnel	f,
				g,
				back;
	InnoError	err;
	char		text[INNO_FUNNEL_TEXT_MAX];
	uint8_t		bin[INNO_FUNNEL_BINARY_LEN];

	inno_funnel_init(&f);
	inno_funnel_init(&g);
	CHECK(inno_funnel_add(&f, INNO_STAGE_REGISTERED, 3142) == INNO_OK);
	CHECK(inno_funnel_add(&f, INNO_STAGE_HIGH_TECH, 143) == INNO_OK);
	CHECK(inno_funnel_add(&g, INNO_STAGE_ABOVE_SCALE, 66) == INNO_OK);
	CHECK(inno_funnel_add(&g, INNO_STAGE_REGISTERED, 60) == INNO_OK);
	CHECK(inno_funnel_merge(&f, &g) == INNO_OK);
	CHECK_INT(inno_funnel_total(&f), 3411);
	CHECK_INT(inno_funnel_reached(&f, INNO_STAGE_HIGH_TECH), 209);
	CHECK_INT(inno_funnel_reached(&f, INNO_STAGE_ABOVE_SCALE), 66);
	CHECK_INT(inno_funnel_at(&f, INNO_STAGE_REGISTERED), 3202);
	CHECK(inno_funnel_add(&f, 13, 1) == INNO_ERR_PARAM);
	/* the total must stay within an int64, not only each count */
	CHECK(inno_funnel_add(&f, INNO_STAGE_PILOT, INT64_MAX - 3411) == INNO_OK);
	CHECK_INT(inno_funnel_total(&f), INT64_MAX);
	CHECK(inno_funnel_add(&f, INNO_STAGE_CONCEPT, 1) == INNO_ERR_RANGE);
	CHECK(inno_funnel_merge(&f, &f) == INNO_ERR_RANGE);
	inno_funnel_init(&g);
	CHECK(inno_funnel_add(&g, INNO_STAGE_CONCEPT, 1) == INNO_OK);
	CHECK(inno_funnel_merge(&f, &g) == INNO_ERR_RANGE);
	CHECK_INT(inno_funnel_total(&f), INT64_MAX);	/* unchanged */
	CHECK(inno_funnel_merge(&g, &f) == INNO_ERR_RANGE);

	inno_funnel_init(&f);
	inno_funnel_add(&f, INNO_STAGE_CONCEPT, 3);
	inno_funnel_add(&f, INNO_STAGE_HIGH_TECH, 1);
	inno_funnel_format(&f, text, sizeof(text));
	CHECK_STR(text, "{\"concept\": 3, \"high_tech\": 1}");
	CHECK(inno_funnel_parse(text, strlen(text), &back, &err) == INNO_OK);
	CHECK(memcmp(&f, &back, sizeof(f)) == 0);
	{
		const char *spaced = " { \"high_tech\" :1,\"concept\":3 } ";

		CHECK(inno_funnel_parse(spaced, strlen(spaced), &back, &err) == INNO_OK);
	}
	CHECK(memcmp(&f, &back, sizeof(f)) == 0);
	inno_funnel_init(&g);
	inno_funnel_format(&g, text, sizeof(text));
	CHECK_STR(text, "{}");
	inno_funnel_encode_binary(&f, bin);
	CHECK(inno_funnel_decode_binary(bin, sizeof(bin), &back, &err) == INNO_OK);
	CHECK(memcmp(&f, &back, sizeof(f)) == 0);
	bin[0] = 2;
	CHECK(inno_funnel_decode_binary(bin, sizeof(bin), &back, &err) == INNO_ERR_CORRUPT);
	bin[0] = 1;
	bin[8] = 1;					/* a count at code 0 */
	CHECK(inno_funnel_decode_binary(bin, sizeof(bin), &back, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_funnel_decode_binary(bin, 5, &back, &err) == INNO_ERR_CORRUPT);
	{
		const char *bad[] = {"", "{", "{\"hightec\": 1}", "{\"concept\": -1}", "{\"concept\": 1, \"concept\": 2}",
			"{\"concept\": 1,}", "{\"concept\": 01}", "{\"poc\": 1}", "{\"concept\": 99999999999999999999}",
		"{\"concept\": 9223372036854775807, \"pilot\": 1}", "[]", "{} x"};
		size_t		i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			CHECK_MSG(inno_funnel_parse(bad[i], strlen(bad[i]), &back, &err) != INNO_OK, "%s", bad[i]);
	}
}

TEST(history_dates_and_contradictions)
{
	InnoHistory h,
				g,
				back;
	InnoError	err;
	char		text[INNO_HISTORY_TEXT_MAX];
	uint8_t		bin[INNO_HISTORY_BINARY_LEN];
	int32_t		d;

	/* Qingyun: registered 2021, production 2022, high-tech 2023 */
	inno_history_init(&h);
	inno_history_add(&h, INNO_STAGE_REGISTERED, true, Day("2021-05-10"));
	inno_history_add(&h, INNO_STAGE_PRODUCING, true, Day("2022-03-01"));
	inno_history_init(&g);
	inno_history_add(&g, INNO_STAGE_HIGH_TECH, true, Day("2023-11-20"));
	inno_history_add(&g, INNO_STAGE_REGISTERED, true, Day("2021-06-01"));	/* a later duplicate */
	inno_history_merge(&h, &g);
	CHECK(inno_history_first(&h, INNO_STAGE_REGISTERED, &d) && d == Day("2021-05-10"));
	CHECK_INT(inno_history_current(&h), INNO_STAGE_HIGH_TECH);
	CHECK_INT(inno_history_on(&h, Day("2022-12-31")), INNO_STAGE_PRODUCING);
	CHECK_INT(inno_history_on(&h, Day("2020-01-01")), INNO_STAGE_INVALID);
	CHECK(inno_history_consistent(&h));
	inno_history_format(&h, text, sizeof(text));
	CHECK_STR(text, "{\"registered\": \"2021-05-10\", \"producing\": \"2022-03-01\", \"high_tech\": \"2023-11-20\"}");
	CHECK(inno_history_parse(text, strlen(text), &back, &err) == INNO_OK);
	CHECK(memcmp(&h, &back, sizeof(h)) == 0);

	/* reached without a date; and a contradiction is kept, not reordered */
	inno_history_add(&h, INNO_STAGE_GAZELLE, false, 0);
	inno_history_add(&h, INNO_STAGE_TECH_SME, true, Day("2024-01-01"));
	CHECK_INT(inno_history_current(&h), INNO_STAGE_GAZELLE);
	CHECK(!inno_history_consistent(&h));
	inno_history_format(&h, text, sizeof(text));
	CHECK(strstr(text, "\"gazelle\": null") != NULL);
	CHECK(inno_history_parse(text, strlen(text), &back, &err) == INNO_OK);
	CHECK(memcmp(&h, &back, sizeof(h)) == 0);
	inno_history_encode_binary(&h, bin);
	CHECK(inno_history_decode_binary(bin, sizeof(bin), &back, &err) == INNO_OK);
	CHECK(memcmp(&h, &back, sizeof(h)) == 0);
	bin[1] = 0x80;				/* a stage bit beyond the ladder */
	CHECK(inno_history_decode_binary(bin, sizeof(bin), &back, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_history_add(&h, INNO_STAGE_LISTED, true, Day("1899-12-31") + 0) == INNO_ERR_RANGE ||
		  Day("1899-12-31") == INT32_MIN);
	{
		const char *bad[] = {"{\"registered\": \"2021-02-30\"}", "{\"registered\": 5}",
			"{\"registered\": null, \"registered\": null}", "{\"x\": null}",
		"{\"registered\": \"1800-01-01\"}"};
		size_t		i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			CHECK_MSG(inno_history_parse(bad[i], strlen(bad[i]), &back, &err) != INNO_OK, "%s", bad[i]);
	}
}

UNIT_SUITE(summaries_suite,
		   UNIT_CASE(calendar),
		   UNIT_CASE(funnel_counts_and_merges),
		   UNIT_CASE(history_dates_and_contradictions));
