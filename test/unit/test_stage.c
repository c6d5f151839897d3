/*
 * test_stage.c
 *	  Unit tests for the project_stage vocabulary, parser and binary format.
 */
#include "suites.h"
#include "stage.h"
#include "textnorm.h"
#include "lexicon.h"

#include <stdlib.h>

static InnoStage
Parse(const char *s)
{
	InnoStage	code = INNO_STAGE_INVALID;
	InnoError	err;

	if (inno_stage_parse(s, strlen(s), &code, &err) != INNO_OK)
		return INNO_STAGE_INVALID;
	return code;
}

static const char *
HintFor(const char *s)
{
	static InnoError err;
	InnoStage	code;

	if (inno_stage_parse(s, strlen(s), &code, &err) == INNO_OK)
		return "<parsed>";
	return err.hint;
}

TEST(ladder_is_consistent)
{
	int			r;
	int			seen[256] = {0};

	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		const InnoStageInfo *info = inno_stage_by_rank(r);

		CHECK(info != NULL);
		CHECK(info->code != INNO_STAGE_INVALID);
		CHECK_INT(inno_stage_rank(info->code), r);
		CHECK(inno_stage_by_code(info->code) == info);
		CHECK_INT(inno_stage_at_rank(r), info->code);
		CHECK_MSG(seen[info->code]++ == 0, "code %d used twice", info->code);
		CHECK(info->name_zh[0] != '\0' && info->definition[0] != '\0');
	}
	CHECK(inno_stage_by_rank(0) == NULL);
	CHECK(inno_stage_by_rank(INNO_STAGE_COUNT + 1) == NULL);
	CHECK_INT(inno_stage_at_rank(0), INNO_STAGE_INVALID);
	/* no code outside the ladder has a rank */
	for (r = 0; r < 256; r++)
		CHECK(seen[r] ? inno_stage_rank((InnoStage) r) > 0 : inno_stage_rank((InnoStage) r) == 0);
}

TEST(aliases_are_folded_and_unique)
{
	size_t		n,
				i,
				j;
	const InnoStageAlias *a = inno_stage_aliases(&n);

	CHECK(n > 2 * INNO_STAGE_COUNT);
	for (i = 0; i < n; i++)
	{
		size_t		pos = 0,
					len = strlen(a[i].alias);
		uint32_t	c;

		/* written folded: no capitals, no traditional characters */
		while (pos < len && inno_utf8_next(a[i].alias, len, &pos, &c))
			CHECK_MSG(inno_lx_fold(c) == c, "alias \"%s\" is not folded", a[i].alias);
		CHECK(inno_stage_by_code(a[i].code) != NULL);
		for (j = i + 1; j < n; j++)
			CHECK_MSG(strcmp(a[i].alias, a[j].alias) != 0, "alias \"%s\" listed twice", a[i].alias);
	}
}

TEST(every_label_parses_to_itself)
{
	int			r;

	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		const InnoStageInfo *info = inno_stage_by_rank(r);

		CHECK_INT(Parse(info->label), info->code);
		CHECK_INT(Parse(info->name_zh), info->code);
	}
}

TEST(every_alias_parses)
{
	size_t		n,
				i;
	const InnoStageAlias *a = inno_stage_aliases(&n);

	for (i = 0; i < n; i++)
		CHECK_MSG(Parse(a[i].alias) == a[i].code, "alias \"%s\"", a[i].alias);
}

TEST(spelling_variants)
{
	CHECK_INT(Parse("High-Tech"), INNO_STAGE_HIGH_TECH);
	CHECK_INT(Parse("high tech"), INNO_STAGE_HIGH_TECH);
	CHECK_INT(Parse("HIGH_TECH"), INNO_STAGE_HIGH_TECH);
	CHECK_INT(Parse("  high-tech \n"), INNO_STAGE_HIGH_TECH);
	CHECK_INT(Parse("高新技術企業"), INNO_STAGE_HIGH_TECH);
	CHECK_INT(Parse("\xE3\x80\x80高企"), INNO_STAGE_HIGH_TECH);
	CHECK_INT(Parse("Proof of Concept"), INNO_STAGE_CONCEPT);
	CHECK_INT(Parse("POC"), INNO_STAGE_CONCEPT);
	CHECK_INT(Parse("ＰＯＣ"), INNO_STAGE_CONCEPT);
	CHECK_INT(Parse("中试"), INNO_STAGE_PILOT);
	CHECK_INT(Parse("工程化"), INNO_STAGE_PILOT);
	CHECK_INT(Parse("在孵"), INNO_STAGE_INCUBATING);
	CHECK_INT(Parse("设立"), INNO_STAGE_REGISTERED);
	CHECK_INT(Parse("落户"), INNO_STAGE_REGISTERED);
	CHECK_INT(Parse("量产"), INNO_STAGE_PRODUCING);
	CHECK_INT(Parse("产业化"), INNO_STAGE_PRODUCING);
	CHECK_INT(Parse("Potential Unicorn"), INNO_STAGE_POTENTIAL_UNICORN);
	CHECK_INT(Parse("Above-Scale"), INNO_STAGE_ABOVE_SCALE);
	CHECK_INT(Parse("规上"), INNO_STAGE_ABOVE_SCALE);
	CHECK_INT(Parse("Tech SME"), INNO_STAGE_TECH_SME);
}

TEST(rejects_and_hints)
{
	CHECK_INT(Parse("hightec"), INNO_STAGE_INVALID);
	CHECK_STR(HintFor("hightec"), "Perhaps you meant \"high_tech\".");
	CHECK_STR(HintFor("unicron"), "Perhaps you meant \"unicorn\".");
	CHECK_STR(HintFor("高新技术"), "Perhaps you meant \"high_tech\".");
	CHECK_STR(HintFor("gazele"), "Perhaps you meant \"gazelle\".");
	CHECK(strncmp(HintFor("xyz"), "Valid stages, in order: concept, pilot,", 39) == 0);
	CHECK(strstr(HintFor("xyz"), "unicorn, listed.") != NULL);
	CHECK(strncmp(HintFor(""), "Valid stages", 12) == 0);
	CHECK_INT(Parse(""), INNO_STAGE_INVALID);
	CHECK_INT(Parse("   "), INNO_STAGE_INVALID);
	CHECK_INT(Parse("high tech x"), INNO_STAGE_INVALID);
	CHECK_INT(Parse("high\xfftech"), INNO_STAGE_INVALID);
	{
		char		big[4096];

		memset(big, 'a', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		CHECK_INT(Parse(big), INNO_STAGE_INVALID);
	}
}

TEST(order_by_rank)
{
	CHECK(inno_stage_cmp(INNO_STAGE_CONCEPT, INNO_STAGE_PILOT) < 0);
	CHECK(inno_stage_cmp(INNO_STAGE_LISTED, INNO_STAGE_UNICORN) > 0);
	CHECK(inno_stage_cmp(INNO_STAGE_HIGH_TECH, INNO_STAGE_HIGH_TECH) == 0);
	CHECK(inno_stage_cmp(INNO_STAGE_REGISTERED, INNO_STAGE_HIGH_TECH) < 0);
}

TEST(binary_round_trip)
{
	int			r;

	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		uint8_t		buf[INNO_STAGE_BINARY_LEN];
		InnoStage	back = INNO_STAGE_INVALID;
		InnoStage	code = inno_stage_at_rank(r);

		inno_stage_encode_binary(code, buf);
		CHECK_INT(buf[0], INNO_STAGE_BINARY_VERSION);
		CHECK(inno_stage_decode_binary(buf, sizeof(buf), &back, NULL) == INNO_OK);
		CHECK_INT(back, code);
	}
}

TEST(binary_rejects)
{
	InnoStage	code;
	InnoError	err;
	uint8_t		bad_code[] = {1, 0};
	uint8_t		bad_code2[] = {1, 13};
	uint8_t		bad_code3[] = {1, 255};
	uint8_t		bad_version[] = {2, 7};
	uint8_t		too_long[] = {1, 7, 0};

	CHECK(inno_stage_decode_binary(bad_code, 2, &code, &err) == INNO_ERR_CORRUPT);
	CHECK(strstr(err.detail, "Byte 0") != NULL);
	CHECK(inno_stage_decode_binary(bad_code2, 2, &code, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_stage_decode_binary(bad_code3, 2, &code, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_stage_decode_binary(bad_version, 2, &code, &err) == INNO_ERR_CORRUPT);
	CHECK(strstr(err.detail, "version 2") != NULL);
	CHECK(inno_stage_decode_binary(too_long, 3, &code, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_stage_decode_binary(too_long, 1, &code, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_stage_decode_binary(too_long, 0, &code, &err) == INNO_ERR_CORRUPT);
}

/* doc/project_stage.md must list every accepted spelling, in backticks. */
TEST(doc_lists_every_alias)
{
	char	   *doc = unit_read_source_file("doc/project_stage.md");
	size_t		n,
				i;
	const InnoStageAlias *a = inno_stage_aliases(&n);

	CHECK_MSG(doc != NULL, "cannot read doc/project_stage.md (set INNO_SOURCE_DIR)");
	if (doc == NULL)
		return;
	for (i = 0; i < n; i++)
	{
		char		quoted[INNO_LABEL_MAX + 2];

		snprintf(quoted, sizeof(quoted), "`%s`", a[i].alias);
		CHECK_MSG(strstr(doc, quoted) != NULL, "doc/project_stage.md does not list %s", quoted);
	}
	free(doc);
}

/* every spelling the page's table lists reads as the stage of its row */
TEST(doc_spellings_read_as_their_stage)
{
	char	   *doc = unit_read_source_file("doc/project_stage.md");
	const char *line;
	int			rows = 0;

	CHECK(doc != NULL);
	if (doc == NULL)
		return;
	for (line = strstr(doc, "\n| `"); line != NULL; line = strstr(line + 1, "\n| `"))
	{
		const char *end = strchr(line + 1, '\n');
		const char *p = line + 3;
		const char *q = strchr(p + 1, '`');
		char		label[64],
					sp[128];
		InnoStage	want,
					got;

		if (end == NULL || q == NULL || q > end || (size_t) (q - p - 1) >= sizeof(label))
			break;
		memcpy(label, p + 1, (size_t) (q - p - 1));
		label[q - p - 1] = '\0';
		want = Parse(label);
		if (want == INNO_STAGE_INVALID)
			continue;			/* another table of the page */
		rows++;
		for (p = strchr(q + 1, '`'); p != NULL && p < end; p = strchr(q + 1, '`'))
		{
			q = strchr(p + 1, '`');
			if (q == NULL || q > end || (size_t) (q - p - 1) >= sizeof(sp))
				break;
			memcpy(sp, p + 1, (size_t) (q - p - 1));
			sp[q - p - 1] = '\0';
			got = Parse(sp);
			CHECK_MSG(got == want, "doc spelling \"%s\" reads as %d, not %s", sp, got, label);
		}
	}
	CHECK(rows >= INNO_STAGE_COUNT);
	free(doc);
}

UNIT_SUITE(stage_suite,
		   UNIT_CASE(ladder_is_consistent),
		   UNIT_CASE(aliases_are_folded_and_unique),
		   UNIT_CASE(every_label_parses_to_itself),
		   UNIT_CASE(every_alias_parses),
		   UNIT_CASE(spelling_variants),
		   UNIT_CASE(rejects_and_hints),
		   UNIT_CASE(order_by_rank),
		   UNIT_CASE(binary_round_trip),
		   UNIT_CASE(binary_rejects),
		   UNIT_CASE(doc_lists_every_alias),
		   UNIT_CASE(doc_spellings_read_as_their_stage));
