/*
 * test_textnorm.c
 *	  Unit tests for UTF-8 decoding, label normalization and edit distance.
 */
#include "suites.h"
#include "textnorm.h"

static const char *
Norm(const char *in)
{
	static char out[INNO_LABEL_MAX];

	if (!inno_normalize_label(in, strlen(in), out, sizeof(out)))
		return "<fail>";
	return out;
}

TEST(normalize_ascii)
{
	CHECK_STR(Norm("High-Tech"), "high_tech");
	CHECK_STR(Norm("high tech"), "high_tech");
	CHECK_STR(Norm("  HIGH__--  tech\t"), "high_tech");
	CHECK_STR(Norm("Proof of Concept"), "proof_of_concept");
	CHECK_STR(Norm(""), "");
	CHECK_STR(Norm(" - _ "), "");
	CHECK_STR(Norm("a"), "a");
}

TEST(normalize_wide)
{
	/* full-width letters and the ideographic space fold to ASCII */
	CHECK_STR(Norm("ＰＯＣ"), "poc");
	CHECK_STR(Norm("\xE3\x80\x80高企\xE3\x80\x80"), "高企");
	CHECK_STR(Norm("Ｈｉｇｈ－Ｔｅｃｈ"), "high_tech");
	CHECK_STR(Norm("落户/注册"), "落户/注册");
}

TEST(normalize_rejects)
{
	char		out[8];

	CHECK(!inno_normalize_label("\xff", 1, out, sizeof(out)));
	CHECK(!inno_normalize_label("\xC0\xAF", 2, out, sizeof(out)));	/* overlong '/' */
	CHECK(!inno_normalize_label("\xED\xA0\x80", 3, out, sizeof(out)));	/* surrogate */
	CHECK(!inno_normalize_label("\xE4\xB8", 2, out, sizeof(out)));	/* truncated */
	CHECK(!inno_normalize_label("a\0b", 3, out, sizeof(out)));
	CHECK(!inno_normalize_label("a\x01", 2, out, sizeof(out)));
	CHECK(!inno_normalize_label("abcdefgh", 8, out, sizeof(out)));	/* no room */
	CHECK(inno_normalize_label("abcdefg", 7, out, sizeof(out)));
	CHECK(!inno_normalize_label("abc", 3, out, 0));
}

TEST(utf8_round_trip)
{
	uint32_t	cps[] = {0x24, 0xA2, 0x20AC, 0x10348, 0x4E2D, 0x10FFFF};
	size_t		i;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++)
	{
		char		buf[4];
		size_t		n = inno_utf8_put(cps[i], buf);
		size_t		pos = 0;
		uint32_t	back = 0;

		CHECK(inno_utf8_next(buf, n, &pos, &back));
		CHECK_INT(back, cps[i]);
		CHECK_INT(pos, n);
	}
}

TEST(edit_distance)
{
	CHECK_INT(inno_edit_distance("hightec", "high_tech", 3), 2);
	CHECK_INT(inno_edit_distance("abc", "abc", 0), 0);
	CHECK_INT(inno_edit_distance("", "abc", 5), 3);
	CHECK_INT(inno_edit_distance("kitten", "sitting", 5), 3);
	CHECK_INT(inno_edit_distance("kitten", "sitting", 2), 3);	/* max + 1 */
	CHECK_INT(inno_edit_distance("高新技术", "高新技术企业", 3), 2);
	CHECK_INT(inno_edit_distance("\xff", "a", 3), 4);
}

UNIT_SUITE(textnorm_suite,
		   UNIT_CASE(normalize_ascii),
		   UNIT_CASE(normalize_wide),
		   UNIT_CASE(normalize_rejects),
		   UNIT_CASE(utf8_round_trip),
		   UNIT_CASE(edit_distance));
