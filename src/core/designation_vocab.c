/*
 * designation_vocab.c
 *	  The designation tables -- schemes, tracks, levels and every word the
 *	  reader knows -- and the value's checks, order, text and binary forms.
 *
 * This file is the one place the vocabulary is defined: the reader
 * (designation_parse.c), the SQL listings (designation_schemes(),
 * designation_vocabulary()), the hints, the unit tests and the doc check
 * all read the tables below.  Sources for the schemes' issuers and terms
 * are in doc/designation.md.
 */
#include "designation.h"
#include "lexicon.h"
#include "pack.h"

#include <stdio.h>
#include <string.h>

#define L(x) INNO_LEVEL_BIT(INNO_LEVEL_##x)
#define ANY_LEVEL (L(NATIONAL) | L(PROVINCIAL) | L(MUNICIPAL) | L(DISTRICT))
#define LOCAL_LEVELS (L(PROVINCIAL) | L(MUNICIPAL) | L(DISTRICT))

static const InnoSchemeInfo schemes[INNO_SCHEME_COUNT] = {
	{INNO_SCHEME_TECH_SME, "tech_sme", "科技型中小企业", INNO_TRACK_TECH, 1,
		L(NATIONAL), INNO_LEVEL_NATIONAL, 1, "MOST (科技部) evaluation, a national database renewed every year",
	"Technology-based SME: entered in the national evaluation database of technology-based small and medium enterprises."},
	{INNO_SCHEME_HIGH_TECH, "high_tech", "高新技术企业", INNO_TRACK_TECH, 2,
		L(NATIONAL), INNO_LEVEL_NATIONAL, 3, "MOST, MOF and STA (科技部、财政部、税务总局); a certificate runs three years",
	"High- and New-Technology Enterprise: nationally certified (core IP, R&D intensity and technical staff thresholds)."},
	{INNO_SCHEME_INNOVATIVE_SME, "innovative_sme", "创新型中小企业", INNO_TRACK_MIIT, 1,
		L(PROVINCIAL), INNO_LEVEL_PROVINCIAL, 3, "provincial SME authorities, under MIIT's rules; valid three years",
	"Innovative SME: the first tier of MIIT's cultivation ladder, evaluated on innovation capacity and growth."},
	{INNO_SCHEME_SPECIALIZED_SME, "specialized_sme", "专精特新中小企业", INNO_TRACK_MIIT, 2,
		LOCAL_LEVELS, INNO_LEVEL_NONE, 3, "provincial SME authorities (cities keep lists of their own); valid three years",
	"Specialized, refined, distinctive and innovative SME (专精特新): the second tier of MIIT's ladder."},
	{INNO_SCHEME_LITTLE_GIANT, "little_giant", "专精特新\"小巨人\"企业", INNO_TRACK_MIIT, 3,
		L(NATIONAL) | L(PROVINCIAL), INNO_LEVEL_NONE, 3, "MIIT (工信部), in numbered batches; valid three years",
	"Specialized and sophisticated \"little giant\": the national tier of MIIT's ladder, chosen from 专精特新 SMEs."},
	{INNO_SCHEME_SINGLE_CHAMPION, "single_champion", "制造业单项冠军企业", INNO_TRACK_MIIT, 4,
		L(NATIONAL) | L(PROVINCIAL), INNO_LEVEL_NONE, 3, "MIIT and the China Federation of Industrial Economics; valid three years",
	"Manufacturing single champion: a firm leading the world or China in one narrow product market, the top of MIIT's ladder."},
	{INNO_SCHEME_GAZELLE, "gazelle", "瞪羚企业", INNO_TRACK_GROWTH, 1,
		LOCAL_LEVELS, INNO_LEVEL_NONE, 1, "provinces, cities and parks, on annual lists; no national definition",
	"Gazelle: designated high-growth firm (revenue growth of about 20% a year or more over three or four years)."},
	{INNO_SCHEME_SEED_UNICORN, "seed_unicorn", "种子独角兽企业", INNO_TRACK_VALUATION, 1,
		LOCAL_LEVELS, INNO_LEVEL_NONE, 1, "cities and provinces (Changzhou 2024), on annual lists",
	"Seed unicorn: a young firm valued at 100 million CNY or more, or growing fast without investment."},
	{INNO_SCHEME_POTENTIAL_UNICORN, "potential_unicorn", "潜在独角兽企业", INNO_TRACK_VALUATION, 2,
		ANY_LEVEL, INNO_LEVEL_NONE, 1, "provinces (Jiangsu's productivity centre), cities; national lists with the Torch Centre, on annual lists",
	"Potential unicorn: a young hard-technology firm valued at 50 million USD or more, on the way to unicorn status."},
	{INNO_SCHEME_UNICORN, "unicorn", "独角兽企业", INNO_TRACK_VALUATION, 3,
		ANY_LEVEL, INNO_LEVEL_NONE, 1, "provinces (Jiangsu), cities; national lists with the Torch Centre, on annual lists",
	"Unicorn: a privately held firm valued at 1 billion USD or more (criteria differ by list and edition)."},
	{INNO_SCHEME_TECH_LEADER, "tech_leader", "科技领军企业", INNO_TRACK_TECH, 3,
		ANY_LEVEL, INNO_LEVEL_NONE, 0, "provinces and cities (Suzhou's 成林计划); no documented term",
	"Technology leader: the top tier of local cultivation plans, above high-tech, gazelle, 专精特新 and unicorn firms."},
};

static const InnoTrackInfo tracks[INNO_TRACK_COUNT] = {
	{INNO_TRACK_TECH, "tech", "科技企业", true,
	"The technology-enterprise funnel: tech_sme -> high_tech -> tech_leader (an ordered funnel, not a prerequisite chain)."},
	{INNO_TRACK_MIIT, "miit", "专精特新梯度培育", true,
	"MIIT's strict cultivation ladder: innovative_sme -> specialized_sme -> little_giant -> single_champion."},
	{INNO_TRACK_VALUATION, "valuation", "独角兽", true,
	"Valuation bands: seed_unicorn -> potential_unicorn -> unicorn (mutually exclusive bands of valuation and age)."},
	{INNO_TRACK_GROWTH, "growth", "瞪羚", false,
	"Revenue growth: gazelle, awarded on growth rather than valuation or technology."},
};

static const InnoLevelInfo levels[INNO_LEVEL_COUNT] = {
	{INNO_LEVEL_NATIONAL, "national", "国家级"},
	{INNO_LEVEL_PROVINCIAL, "provincial", "省级"},
	{INNO_LEVEL_MUNICIPAL, "municipal", "市级"},
	{INNO_LEVEL_DISTRICT, "district", "区县级"},
};

#define S(code, lvl) ((uint16_t) ((code) | ((lvl) << 8)))
#define SCHEME(text, code) {text, DW_SCHEME, 0, S(INNO_SCHEME_##code, 0)}
#define SCHEME_AT(text, code, lvl) {text, DW_SCHEME, 0, S(INNO_SCHEME_##code, INNO_LEVEL_##lvl)}
#define LEVEL(text, lvl, fl) {text, DW_LEVEL, fl, INNO_LEVEL_##lvl}
#define PLACE(text) {text, DW_PLACE, 0, INNO_LEVEL_PROVINCIAL}
#define WORD(text, role, fl) {text, role, fl, 0}

/*
 * Every word the reader knows, folded (lower case, simplified characters;
 * the lexicon folds traditional ones).  Scheme spellings go into the
 * lexicon, where '_' is a gap (any run of spaces, '-' and '_'); a scheme
 * spelling that names a level ("省瞪羚企业") carries it.  Spellings shared
 * with project_stage are the same phrases there.  The other words are
 * matched by the reader itself: Chinese ones anywhere, English ones as
 * whole words.
 */
static const DesigWord words[] = {
	/* schemes */
	SCHEME("tech_sme", TECH_SME), SCHEME("technology_based_sme", TECH_SME),
	SCHEME("tech_based_sme", TECH_SME), SCHEME("科技型中小企业", TECH_SME), SCHEME("科小", TECH_SME),

	SCHEME("high_tech", HIGH_TECH), SCHEME("hightech", HIGH_TECH), SCHEME("high_tech_enterprise", HIGH_TECH),
	SCHEME("high_and_new_technology_enterprise", HIGH_TECH), SCHEME("hnte", HIGH_TECH),
	SCHEME("高新技术企业", HIGH_TECH), SCHEME_AT("国家高新技术企业", HIGH_TECH, NATIONAL),
	SCHEME("高新企业", HIGH_TECH), SCHEME("高企", HIGH_TECH),

	SCHEME("innovative_sme", INNOVATIVE_SME), SCHEME("创新型中小企业", INNOVATIVE_SME),

	SCHEME("specialized_sme", SPECIALIZED_SME), SCHEME("specialised_sme", SPECIALIZED_SME),
	SCHEME("srdi_sme", SPECIALIZED_SME), SCHEME("专精特新中小企业", SPECIALIZED_SME),
	SCHEME("专精特新企业", SPECIALIZED_SME), SCHEME("专精特新", SPECIALIZED_SME),

	SCHEME("little_giant", LITTLE_GIANT), SCHEME("srdi_little_giant", LITTLE_GIANT),
	SCHEME("专精特新小巨人", LITTLE_GIANT), SCHEME("专精特新小巨人企业", LITTLE_GIANT),
	SCHEME("小巨人", LITTLE_GIANT), SCHEME("小巨人企业", LITTLE_GIANT),

	SCHEME("single_champion", SINGLE_CHAMPION), SCHEME("manufacturing_single_champion", SINGLE_CHAMPION),
	SCHEME("制造业单项冠军", SINGLE_CHAMPION), SCHEME("制造业单项冠军企业", SINGLE_CHAMPION),
	SCHEME("单项冠军", SINGLE_CHAMPION), SCHEME("单项冠军企业", SINGLE_CHAMPION),
	SCHEME("制造业单项冠军示范企业", SINGLE_CHAMPION), SCHEME("单项冠军示范企业", SINGLE_CHAMPION),

	SCHEME("gazelle", GAZELLE), SCHEME("gazelle_enterprise", GAZELLE), SCHEME("gazelle_firm", GAZELLE),
	SCHEME("瞪羚企业", GAZELLE), SCHEME("瞪羚", GAZELLE), SCHEME_AT("省瞪羚企业", GAZELLE, PROVINCIAL),

	SCHEME("seed_unicorn", SEED_UNICORN), SCHEME("种子独角兽", SEED_UNICORN),
	SCHEME("种子独角兽企业", SEED_UNICORN),

	SCHEME("potential_unicorn", POTENTIAL_UNICORN), SCHEME("潜在独角兽", POTENTIAL_UNICORN),
	SCHEME("潜在独角兽企业", POTENTIAL_UNICORN), SCHEME_AT("省潜在独角兽企业", POTENTIAL_UNICORN, PROVINCIAL),

	SCHEME("unicorn", UNICORN), SCHEME("独角兽", UNICORN), SCHEME("独角兽企业", UNICORN),
	SCHEME_AT("省独角兽企业", UNICORN, PROVINCIAL),

	SCHEME("tech_leader", TECH_LEADER), SCHEME("technology_leader", TECH_LEADER),
	SCHEME("leading_tech_enterprise", TECH_LEADER), SCHEME("科技领军企业", TECH_LEADER),
	SCHEME("领军企业", TECH_LEADER),

	/* issuer levels; a suffix may end a place's name (苏州市, 江宁区) */
	LEVEL("国家级", NATIONAL, 0), LEVEL("国家", NATIONAL, 0), LEVEL("全国", NATIONAL, 0),
	LEVEL("中国", NATIONAL, 0), LEVEL("national", NATIONAL, 0), LEVEL("china", NATIONAL, 0),
	LEVEL("省级", PROVINCIAL, 0), LEVEL("省", PROVINCIAL, DWF_SUFFIX), LEVEL("自治区", PROVINCIAL, DWF_SUFFIX),
	LEVEL("provincial", PROVINCIAL, 0), LEVEL("province", PROVINCIAL, 0),
	LEVEL("市级", MUNICIPAL, 0), LEVEL("市", MUNICIPAL, DWF_SUFFIX), LEVEL("自治州", MUNICIPAL, DWF_SUFFIX),
	LEVEL("municipal", MUNICIPAL, 0), LEVEL("city", MUNICIPAL, 0),
	LEVEL("区级", DISTRICT, 0), LEVEL("县级", DISTRICT, 0), LEVEL("区县级", DISTRICT, 0),
	LEVEL("区", DISTRICT, DWF_SUFFIX), LEVEL("县", DISTRICT, DWF_SUFFIX),
	LEVEL("district", DISTRICT, 0), LEVEL("county", DISTRICT, 0),

	/* province-level regions: their lists are provincial */
	PLACE("北京"), PLACE("天津"), PLACE("上海"), PLACE("重庆"), PLACE("河北"), PLACE("山西"),
	PLACE("辽宁"), PLACE("吉林"), PLACE("黑龙江"), PLACE("江苏"), PLACE("浙江"), PLACE("安徽"),
	PLACE("福建"), PLACE("江西"), PLACE("山东"), PLACE("河南"), PLACE("湖北"), PLACE("湖南"),
	PLACE("广东"), PLACE("海南"), PLACE("四川"), PLACE("贵州"), PLACE("云南"), PLACE("陕西"),
	PLACE("甘肃"), PLACE("青海"), PLACE("内蒙古"), PLACE("广西"), PLACE("西藏"), PLACE("宁夏"),
	PLACE("新疆"), PLACE("广西壮族"), PLACE("宁夏回族"), PLACE("新疆维吾尔"),
	PLACE("beijing"), PLACE("tianjin"), PLACE("shanghai"), PLACE("chongqing"), PLACE("hebei"),
	PLACE("shanxi"), PLACE("liaoning"), PLACE("jilin"), PLACE("heilongjiang"), PLACE("jiangsu"),
	PLACE("zhejiang"), PLACE("anhui"), PLACE("fujian"), PLACE("jiangxi"), PLACE("shandong"),
	PLACE("henan"), PLACE("hubei"), PLACE("hunan"), PLACE("guangdong"), PLACE("hainan"),
	PLACE("sichuan"), PLACE("guizhou"), PLACE("yunnan"), PLACE("shaanxi"), PLACE("gansu"),
	PLACE("qinghai"), PLACE("inner_mongolia"), PLACE("guangxi"), PLACE("tibet"), PLACE("ningxia"),
	PLACE("xinjiang"),

	/* words that carry nothing */
	WORD("企业", DW_FILLER, 0), WORD("名单", DW_FILLER, 0), WORD("入选", DW_FILLER, 0),
	WORD("认定", DW_FILLER, 0), WORD("榜单", DW_FILLER, 0), WORD("入库", DW_FILLER, 0),
	WORD("称号", DW_FILLER, 0), WORD("年度", DW_FILLER, 0), WORD("年", DW_FILLER, 0),
	WORD("级", DW_FILLER, 0), WORD("的", DW_FILLER, 0),
	WORD("enterprise", DW_FILLER, 0), WORD("enterprises", DW_FILLER, 0), WORD("firm", DW_FILLER, 0),
	WORD("company", DW_FILLER, 0), WORD("list", DW_FILLER, 0), WORD("level", DW_FILLER, 0),
	WORD("designated", DW_FILLER, 0), WORD("certified", DW_FILLER, 0), WORD("selected", DW_FILLER, 0),
	WORD("recognized", DW_FILLER, 0), WORD("of", DW_FILLER, 0), WORD("the", DW_FILLER, 0),
	WORD("in", DW_FILLER, 0), WORD("year", DW_FILLER, 0),

	/* the list batch: 第五批, 第5批, batch 5, 5th batch */
	WORD("第", DW_BATCH, DWF_OPEN), WORD("批", DW_BATCH, DWF_CLOSE), WORD("batch", DW_BATCH, DWF_OPEN),

	/* validity: 有效期2023-2025, 有效期至2025年, valid until 2025 */
	WORD("有效期", DW_VALIDITY, DWF_OPEN), WORD("有效期至", DW_VALIDITY, DWF_OPEN),
	WORD("valid", DW_VALIDITY, DWF_OPEN), WORD("validity", DW_VALIDITY, DWF_OPEN),
	WORD("until", DW_VALIDITY, DWF_OPEN), WORD("through", DW_VALIDITY, DWF_OPEN),

	/* the criteria edition: 2025版, 2025年标准, criteria 2025 */
	WORD("版", DW_EDITION, DWF_CLOSE), WORD("年版", DW_EDITION, DWF_CLOSE), WORD("标准", DW_EDITION, DWF_CLOSE),
	WORD("年标准", DW_EDITION, DWF_CLOSE), WORD("认定标准", DW_EDITION, DWF_CLOSE),
	WORD("年认定标准", DW_EDITION, DWF_CLOSE),
	WORD("criteria", DW_EDITION, DWF_OPEN), WORD("edition", DW_EDITION, DWF_OPEN),

	/* years relative to when the text was written: the reader cannot know them */
	WORD("今年", DW_RELATIVE, 0), WORD("去年", DW_RELATIVE, 0), WORD("明年", DW_RELATIVE, 0),
	WORD("本年度", DW_RELATIVE, 0), WORD("上年度", DW_RELATIVE, 0), WORD("this year", DW_RELATIVE, 0),
	WORD("last year", DW_RELATIVE, 0), WORD("next year", DW_RELATIVE, 0),
};

#define N_WORDS ((int) (sizeof(words) / sizeof(words[0])))

const DesigWord *
inno_desig_words(int *count)
{
	*count = N_WORDS;
	return words;
}

const char *
inno_desig_role_name(DesigWordRole role)
{
	static const char *const names[DW_NROLES] = {
		[DW_SCHEME] = "scheme",
		[DW_LEVEL] = "level",
		[DW_PLACE] = "place",
		[DW_FILLER] = "filler",
		[DW_BATCH] = "batch",
		[DW_VALIDITY] = "validity",
		[DW_EDITION] = "edition",
		[DW_RELATIVE] = "relative_year",
	};

	return (int) role > 0 && role < DW_NROLES ? names[role] : "?";
}

void
inno_desig_register_vocabulary(void)
{
	int			i;

	for (i = 0; i < N_WORDS; i++)
		if (words[i].role == DW_SCHEME)
			inno_lx_add(words[i].text, LX_SCHEME, words[i].value, 0);
}

const InnoSchemeInfo *
inno_scheme_by_code(unsigned code)
{
	return code >= 1 && code <= INNO_SCHEME_COUNT ? &schemes[code - 1] : NULL;
}

const InnoTrackInfo *
inno_track_by_code(unsigned code)
{
	return code >= 1 && code <= INNO_TRACK_COUNT ? &tracks[code - 1] : NULL;
}

const InnoLevelInfo *
inno_level_by_code(unsigned code)
{
	return code >= 1 && code <= INNO_LEVEL_COUNT ? &levels[code - 1] : NULL;
}

static bool
YearOk(unsigned y)
{
	return y >= INNO_DESIG_YEAR_MIN && y <= INNO_DESIG_YEAR_MAX;
}

InnoStatus
inno_desig_check(InnoDesignation d, InnoError *err)
{
	const InnoSchemeInfo *s = inno_scheme_by_code(inno_desig_scheme(d));
	unsigned	level = inno_desig_level(d),
				year = inno_desig_year(d),
				term = inno_desig_term(d),
				batch = inno_desig_batch(d),
				edition = inno_desig_edition(d);

	if (s == NULL)
		inno_set_detail(err, "Byte %u is not a designation scheme code.", inno_desig_scheme(d));
	else if (level > INNO_LEVEL_COUNT || (level == 0 && s->default_level != 0) ||
			 (level != 0 && !(s->levels & INNO_LEVEL_BIT(level))))
		inno_set_detail(err, "Level code %u is not a level of scheme %s.", level, s->label);
	else if (year != 0 && !YearOk(year))
		inno_set_detail(err, "List year %u is out of range.", year);
	else if (year == 0 && term != 0)
		inno_set_detail(err, "A validity of %u year(s) is given without a list year.", term);
	else if (term > INNO_DESIG_TERM_MAX || (term != 0 && year + term - 1 > INNO_DESIG_YEAR_MAX))
		inno_set_detail(err, "A validity of %u years from %u is out of range.", term, year);
	/* the reader gives a dated value of a scheme with a documented term a validity */
	else if (year != 0 && term == 0 && s->term != 0)
		inno_set_detail(err, "A %s of %u has no validity, though the scheme's term is %u years.",
						s->label, year, s->term);
	else if (batch > INNO_DESIG_BATCH_MAX)
		inno_set_detail(err, "Batch %u is out of range.", batch);
	else if (edition != 0 && !YearOk(edition))
		inno_set_detail(err, "Criteria edition %u is out of range.", edition);
	else
		return INNO_OK;
	return INNO_ERR_CORRUPT;
}

/* The sort key: the scheme code's place replaced by track and rung. */
static uint64_t
SortKey(InnoDesignation d)
{
	const InnoSchemeInfo *s = inno_scheme_by_code(inno_desig_scheme(d));
	uint64_t	top = s ? (uint64_t) (s->track * 16 + s->rung) : 0xFF;

	return (top << 56) | (d & ((UINT64_C(1) << 56) - 1));
}

int
inno_desig_cmp(InnoDesignation a, InnoDesignation b)
{
	uint64_t	ka = SortKey(a),
				kb = SortKey(b);

	return (ka > kb) - (ka < kb);
}

int
inno_desig_ladder_cmp(InnoDesignation a, InnoDesignation b)
{
	const InnoSchemeInfo *x = inno_scheme_by_code(inno_desig_scheme(a));
	const InnoSchemeInfo *y = inno_scheme_by_code(inno_desig_scheme(b));

	if (x == NULL || y == NULL || x->track != y->track)
		return INNO_DESIG_UNORDERED;
	return (x->rung > y->rung) - (x->rung < y->rung);
}

void
inno_desig_format(InnoDesignation d, char *buf, size_t buflen)
{
	const InnoSchemeInfo *s = inno_scheme_by_code(inno_desig_scheme(d));
	const InnoLevelInfo *l = inno_level_by_code(inno_desig_level(d));
	size_t		n;

	n = (size_t) snprintf(buf, buflen, "%s%s%s", l ? l->label : "", l ? " " : "", s ? s->label : "?");
	if (inno_desig_year(d) && n < buflen)
		n += (size_t) snprintf(buf + n, buflen - n, " %u", inno_desig_year(d));
	if (s && inno_desig_term(d) && inno_desig_term(d) != s->term && n < buflen)
		n += (size_t) snprintf(buf + n, buflen - n, " until %u", inno_desig_valid_until(d));
	if (inno_desig_batch(d) && n < buflen)
		n += (size_t) snprintf(buf + n, buflen - n, " batch %u", inno_desig_batch(d));
	if (inno_desig_edition(d) && n < buflen)
		(void) snprintf(buf + n, buflen - n, " criteria %u", inno_desig_edition(d));
}

void
inno_desig_encode_binary(InnoDesignation d, uint8_t *buf)
{
	buf[0] = INNO_DESIG_BINARY_VERSION;
	inno_put_be(buf + 1, d, 8);
}

InnoStatus
inno_desig_decode_binary(const uint8_t *buf, size_t len, InnoDesignation *d, InnoError *err)
{
	InnoDesignation v;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "designation", INNO_DESIG_BINARY_VERSION,
						  INNO_DESIG_BINARY_LEN, false, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	v = inno_get_be(buf + 1, 8);
	if (inno_desig_check(v, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	*d = v;
	return INNO_OK;
}
