/*
 * test_designation.c
 *	  Unit tests for the designation vocabulary, reader, text and binary
 *	  forms: a corpus of list names as sources write them, every scheme and
 *	  level, the validity rules, and the refusals.
 */
#include "suites.h"
#include "designation.h"
#include "lexicon.h"
#include "stage.h"

#include <stdlib.h>

static InnoError last_err;
static InnoStatus last_st;

/* The canonical text of s, or "ERROR" (last_err holds why). */
static const char *
Read(const char *s)
{
	static char out[INNO_DESIG_TEXT_MAX];
	InnoDesignation d = 0;

	last_st = inno_desig_parse(s, strlen(s), &d, &last_err);
	if (last_st != INNO_OK)
		return "ERROR";
	inno_desig_format(d, out, sizeof(out));
	return out;
}

static InnoDesignation
Value(const char *s)
{
	InnoDesignation d = 0;
	InnoError	err;

	if (inno_desig_parse(s, strlen(s), &d, &err) != INNO_OK)
		return 0;
	return d;
}

/* list names as sources write them, and what they mean */
static const char *const corpus[][2] = {
	{"2024年省瞪羚企业", "provincial gazelle 2024"},
	{"省瞪羚企业", "provincial gazelle"},
	{"国家级专精特新\"小巨人\"企业（第五批，2023）", "national little_giant 2023 batch 5"},
	{"国家级专精特新“小巨人”企业(第五批, 2023)", "national little_giant 2023 batch 5"},
	{"第5批国家级专精特新小巨人企业 2023年", "national little_giant 2023 batch 5"},
	{"国家级專精特新「小巨人」企業", "national little_giant"},
	{"高新技术企业 2023–2025", "national high_tech 2023"},
	{"高新技术企业 2023-2024", "national high_tech 2023 until 2024"},
	{"2023年高企", "national high_tech 2023"},
	{"国家高新技术企业（2023年认定）", "national high_tech 2023"},
	{"高新技術企業 2023", "national high_tech 2023"},
	{"Jiangsu gazelle 2024", "provincial gazelle 2024"},
	{"江苏省瞪羚企业 2024年度", "provincial gazelle 2024"},
	{"苏州市瞪羚企业 2024", "municipal gazelle 2024"},
	{"2024年苏州工业园区瞪羚企业", "district gazelle 2024"},
	{"北京市潜在独角兽企业 2024", "provincial potential_unicorn 2024"},
	{"入选省独角兽企业", "provincial unicorn"},
	{"2024年度江苏省潜在独角兽企业名单", "provincial potential_unicorn 2024"},
	{"江苏省独角兽企业 2025（2025年版）", "provincial unicorn 2025 criteria 2025"},
	{"provincial unicorn 2025 criteria 2025", "provincial unicorn 2025 criteria 2025"},
	{"2024年常州市种子独角兽企业", "municipal seed_unicorn 2024"},
	{"创新型中小企业 2024", "provincial innovative_sme 2024"},
	{"2024年江苏省专精特新中小企业", "provincial specialized_sme 2024"},
	{"市级专精特新企业 2023", "municipal specialized_sme 2023"},
	{"专精特新", "specialized_sme"},
	{"第八批国家级制造业单项冠军企业 2023", "national single_champion 2023 batch 8"},
	{"制造业单项冠军示范企业（第十二批）", "single_champion batch 12"},
	{"2024年科技型中小企业", "national tech_sme 2024"},
	{"科小 2024", "national tech_sme 2024"},
	{"苏州市科技领军企业 2024", "municipal tech_leader 2024"},
	{"national high-tech enterprise 2023", "national high_tech 2023"},
	{"HNTE 2022-2024", "national high_tech 2022"},
	{"high_tech 2023 valid until 2026", "national high_tech 2023 until 2026"},
	{"高新技术企业 2023年 有效期至2025年", "national high_tech 2023"},
	{"高新技术企业 有效期2023-2025", "national high_tech 2023"},
	{"高新技术企业（2023年认定标准）", "national high_tech criteria 2023"},
	{"高新技术企业 2024（2023年认定标准）", "national high_tech 2024 criteria 2023"},
	{"高新技术企业（2023年认定）", "national high_tech 2023"},
	/* a range separator with spaces around it reads as without them */
	{"高新技术企业 2023 ~2025", "national high_tech 2023"},
	{"高新技术企业 2023 ~ 2025", "national high_tech 2023"},
	{"高新技术企业 2023 至 2025", "national high_tech 2023"},
	{"高新技术企业 2023年 到 2025年", "national high_tech 2023"},
	{"provincial gazelle 2023 ~ 2025", "provincial gazelle 2023 until 2025"},
	{"little giant, batch 5, 2023", "little_giant 2023 batch 5"},
	{"national little giant 5th batch 2023", "national little_giant 2023 batch 5"},
	{"city-level gazelle 2022", "municipal gazelle 2022"},
	{"district gazelle 2022", "district gazelle 2022"},
	{"江宁区瞪羚企业", "district gazelle"},
	{"China unicorn 2024", "national unicorn 2024"},
	{"gazelle", "gazelle"},
	{"  GAZELLE  ", "gazelle"},
	{"广西壮族自治区瞪羚企业 2023", "provincial gazelle 2023"},
	{"tech_leader 2024 until 2026", "tech_leader 2024 until 2026"},
	/* two batch words before the number, as two validity words may be (these looped forever) */
	{"小巨人 batch 第5批", "little_giant batch 5"},
	{"batch 第五批 小巨人", "little_giant batch 5"},
	{"小巨人 第第五批", "little_giant batch 5"},
	/* traditional characters of the designation words fold like the others */
	{"國家高新技術企業（2023年認定）", "national high_tech 2023"},
	{"製造業單項冠軍示範企業（第十二批）", "single_champion batch 12"},
	{"2024年江蘇省瞪羚企業", "provincial gazelle 2024"},
	{"蘇州市科技領軍企業 2024", "municipal tech_leader 2024"},
	{"入庫 科技型中小企業 2024", "national tech_sme 2024"},
	{"黑龍江省獨角獸企業", "provincial unicorn"},
	{"遼寧 瞪羚企業 2023", "provincial gazelle 2023"},
	{"內蒙古 瞪羚企業", "provincial gazelle"},
	{"寧夏回族自治區 瞪羚企業", "provincial gazelle"},
	{"新疆維吾爾自治區瞪羚企業", "provincial gazelle"},
	{"廣西壯族自治區瞪羚企業", "provincial gazelle"},
	{"重慶市種子獨角獸企業", "provincial seed_unicorn"},
	{"陝西省 瞪羚企業", "provincial gazelle"},
	{"貴州 潛在獨角獸企業", "provincial potential_unicorn"},
	{"甘肅 瞪羚企業", "provincial gazelle"},
};

TEST(corpus_reads)
{
	size_t		i;

	for (i = 0; i < sizeof(corpus) / sizeof(corpus[0]); i++)
	{
		const char *got = Read(corpus[i][0]);

		CHECK_MSG(strcmp(got, corpus[i][1]) == 0, "%s: got \"%s\" (%s), want \"%s\"", corpus[i][0], got,
				  last_err.detail, corpus[i][1]);
	}
}

/* texts that must be refused, and a word the detail or hint must hold */
static const char *const refused[][3] = {
	{"", "empty", NULL},
	{"2024年", "no designation scheme", NULL},
	{"瞪羚 独角兽", "two designations", "designation_set"},
	{"国家级省瞪羚企业", "two issuer levels", NULL},
	{"国家级瞪羚企业", "not issued at the national level", "瞪羚企业"},
	{"省级高新技术企业", "not issued at the provincial level", NULL},
	{"规上企业", "project stage", "statistical scope"},
	{"listed", "project stage", "project_stage"},
	{"Suzhou gazelle 2024", "\"Suzhou\"", NULL},
	{"苏州瞪羚企业", "\"苏州\"", "苏州市"},
	{"gazele 2024", "\"gazele\"", "gazelle"},
	{"高新技术企业 2023 2024", "two list years", NULL},
	{"有效期至2025年 高新技术企业", "no list year", NULL},
	{"高新技术企业 2025-2023", "out of range", NULL},
	{"高新技术企业 1899", "out of range", NULL},
	{"高新技术企业 24", "not a year", NULL},
	{"小巨人 第五", "not a batch", NULL},
	{"小巨人 batch", "not followed by its number", NULL},
	{"拟认定高新技术企业", "\"拟\"", NULL},
	{"gazelle 2024 $", "not part of a designation", NULL},
	{"unicorn 2024 criteria", "not followed by its number", NULL},
	{"江苏省苏州市瞪羚企业", "two issuer levels", NULL},
	{"苏南地区瞪羚企业 2024", "no issuer", "江苏省"},
	{"城市瞪羚企业", "no issuer", NULL},
	{"今年入选省独角兽企业", "\"今年\"", "2024"},
	{"unicorn this year", "\"this year\"", NULL},
	{"第第八va", "not a batch", NULL},
};

TEST(refusals)
{
	size_t		i;

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
	{
		const char *got = Read(refused[i][0]);

		CHECK_MSG(strcmp(got, "ERROR") == 0, "%s: read as \"%s\"", refused[i][0], got);
		CHECK_MSG(strstr(last_err.detail, refused[i][1]) != NULL, "%s: detail \"%s\" lacks \"%s\"",
				  refused[i][0], last_err.detail, refused[i][1]);
		if (refused[i][2])
			CHECK_MSG(strstr(last_err.hint, refused[i][2]) != NULL, "%s: hint \"%s\" lacks \"%s\"",
					  refused[i][0], last_err.hint, refused[i][2]);
	}
	CHECK(strcmp(Read("高新技术企业 1899"), "ERROR") == 0 && last_st == INNO_ERR_RANGE);
}

/* every scheme's spellings read as the scheme; every output reads back as itself */
TEST(every_spelling_and_round_trip)
{
	int			n,
				i;
	const DesigWord *w = inno_desig_words(&n);

	for (i = 0; i < n; i++)
	{
		InnoDesignation d;
		char		text[INNO_DESIG_TEXT_MAX];
		unsigned	scheme = w[i].value & 0xFF;

		if (w[i].role != DW_SCHEME)
			continue;
		d = Value(w[i].text);
		CHECK_MSG(d != 0 && inno_desig_scheme(d) == scheme, "spelling %s", w[i].text);
		inno_desig_format(d, text, sizeof(text));
		CHECK_MSG(Value(text) == d, "%s -> %s does not read back", w[i].text, text);
	}
	for (i = 1; i <= INNO_SCHEME_COUNT; i++)
	{
		const InnoSchemeInfo *s = inno_scheme_by_code((unsigned) i);
		int			l;

		CHECK(s != NULL && s->code == i && inno_track_by_code(s->track) != NULL);
		CHECK(s->default_level == 0 || (s->levels & INNO_LEVEL_BIT(s->default_level)));
		/* the Chinese name reads as the scheme */
		CHECK_MSG(inno_desig_scheme(Value(s->name_zh)) == (unsigned) i, "name_zh of %s", s->label);
		for (l = 1; l <= INNO_LEVEL_COUNT; l++)
		{
			char		text[64];
			InnoDesignation d;

			snprintf(text, sizeof(text), "%s %s 2024", inno_level_by_code((unsigned) l)->label, s->label);
			d = Value(text);
			CHECK_MSG((d != 0) == ((s->levels & INNO_LEVEL_BIT(l)) != 0), "%s", text);
			if (d)
			{
				char		back[INNO_DESIG_TEXT_MAX];

				CHECK(inno_desig_level(d) == (unsigned) l && inno_desig_year(d) == 2024);
				CHECK_INT(inno_desig_term(d), s->term);
				inno_desig_format(d, back, sizeof(back));
				CHECK_MSG(strcmp(back, text) == 0, "%s printed as %s", text, back);
			}
		}
	}
}

TEST(reader_table_fits)
{
	CHECK(!inno_desig_words_overflowed());
	CHECK(strcmp(Read("   "), "ERROR") == 0 && strstr(last_err.detail, "empty") != NULL);
}

TEST(validity_rules)
{
	InnoDesignation ht = Value("高新技术企业 2023"),
				gz = Value("省瞪羚企业 2024"),
				tl = Value("科技领军企业 2024"),
				undated = Value("高新技术企业");

	CHECK_INT(inno_desig_valid_until(ht), 2025);
	CHECK_INT(inno_desig_valid_in(ht, 2022), 0);
	CHECK_INT(inno_desig_valid_in(ht, 2023), 1);
	CHECK_INT(inno_desig_valid_in(ht, 2025), 1);
	CHECK_INT(inno_desig_valid_in(ht, 2026), 0);
	CHECK_INT(inno_desig_valid_until(gz), 2024);
	CHECK_INT(inno_desig_valid_in(tl, 2024), -1);	/* no documented term */
	CHECK_INT(inno_desig_valid_in(undated, 2024), -1);
	CHECK_INT(inno_desig_valid_until(Value("科技领军企业 2024 until 2026")), 2026);
	CHECK(Value("高新技术企业 2023-2025") == ht);
}

TEST(order_and_ladder)
{
	InnoDesignation a = Value("创新型中小企业 2024"),
				b = Value("省级专精特新 2024"),
				c = Value("national little_giant 2023"),
				g = Value("省瞪羚企业 2024"),
				h = Value("高企 2020");

	CHECK_INT(inno_desig_ladder_cmp(a, b), -1);
	CHECK_INT(inno_desig_ladder_cmp(c, b), 1);
	CHECK_INT(inno_desig_ladder_cmp(b, Value("市级专精特新 2020")), 0);
	CHECK_INT(inno_desig_ladder_cmp(g, h), INNO_DESIG_UNORDERED);
	CHECK_INT(inno_desig_ladder_cmp(Value("科小"), h), -1);
	/* the storage order is total and agrees with equality */
	CHECK(inno_desig_cmp(h, a) < 0);
	CHECK(inno_desig_cmp(a, b) < 0);
	CHECK_INT(inno_desig_cmp(g, g), 0);
	CHECK(inno_desig_cmp(Value("省瞪羚企业 2023"), g) < 0);
}

TEST(binary_form)
{
	InnoDesignation d = Value("国家级专精特新小巨人企业（第五批，2023）"),
				back = 0;
	uint8_t		buf[INNO_DESIG_BINARY_LEN];
	InnoError	err;

	inno_desig_encode_binary(d, buf);
	CHECK(inno_desig_decode_binary(buf, sizeof(buf), &back, &err) == INNO_OK && back == d);
	CHECK(inno_desig_decode_binary(buf, sizeof(buf) - 1, &back, &err) == INNO_ERR_CORRUPT);
	buf[1] = 99;				/* no such scheme */
	CHECK(inno_desig_decode_binary(buf, sizeof(buf), &back, &err) == INNO_ERR_CORRUPT);
	inno_desig_encode_binary(inno_desig_make(INNO_SCHEME_GAZELLE, INNO_LEVEL_NATIONAL, 2024, 1, 0, 0), buf);
	CHECK(inno_desig_decode_binary(buf, sizeof(buf), &back, &err) == INNO_ERR_CORRUPT);
	inno_desig_encode_binary(inno_desig_make(INNO_SCHEME_HIGH_TECH, 0, 2024, 3, 0, 0), buf);
	CHECK(inno_desig_decode_binary(buf, sizeof(buf), &back, &err) == INNO_ERR_CORRUPT);
	inno_desig_encode_binary(inno_desig_make(INNO_SCHEME_GAZELLE, 0, 0, 1, 0, 0), buf);
	CHECK(inno_desig_decode_binary(buf, sizeof(buf), &back, &err) == INNO_ERR_CORRUPT);
	/* a dated high_tech without a validity: its text would read back with the 3-year term */
	inno_desig_encode_binary(inno_desig_make(INNO_SCHEME_HIGH_TECH, INNO_LEVEL_NATIONAL, 2023, 0, 0, 0), buf);
	CHECK(inno_desig_decode_binary(buf, sizeof(buf), &back, &err) == INNO_ERR_CORRUPT);
	CHECK_MSG(strstr(err.detail, "no validity") != NULL, "detail: %s", err.detail);
	/* ... while a dated tech_leader has none to give */
	inno_desig_encode_binary(inno_desig_make(INNO_SCHEME_TECH_LEADER, 0, 2024, 0, 0, 0), buf);
	CHECK(inno_desig_decode_binary(buf, sizeof(buf), &back, &err) == INNO_OK && back == Value("tech_leader 2024"));
}

/* stage words and designation words: each type points to the other */
TEST(stage_and_designation_hints)
{
	InnoStage	s;
	InnoError	err;

	CHECK(inno_stage_parse("小巨人", strlen("小巨人"), &s, &err) == INNO_ERR_SYNTAX);
	CHECK_MSG(strstr(err.hint, "designation") != NULL, "hint: %s", err.hint);
	CHECK(inno_stage_parse("2024年省瞪羚企业", strlen("2024年省瞪羚企业"), &s, &err) == INNO_ERR_SYNTAX);
	CHECK_MSG(strstr(err.hint, "designation") != NULL, "hint: %s", err.hint);
	/* the released stage spellings still read as stages */
	CHECK(inno_stage_parse("省瞪羚企业", strlen("省瞪羚企业"), &s, &err) == INNO_OK && s == INNO_STAGE_GAZELLE);
	CHECK(inno_stage_parse("高企", strlen("高企"), &s, &err) == INNO_OK && s == INNO_STAGE_HIGH_TECH);
}

UNIT_SUITE(designation_suite,
		   UNIT_CASE(corpus_reads),
		   UNIT_CASE(refusals),
		   UNIT_CASE(every_spelling_and_round_trip),
		   UNIT_CASE(reader_table_fits),
		   UNIT_CASE(validity_rules),
		   UNIT_CASE(order_and_ladder),
		   UNIT_CASE(binary_form),
		   UNIT_CASE(stage_and_designation_hints));
