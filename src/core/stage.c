/*
 * stage.c
 *	  The project_stage vocabulary table, parser and binary format.
 *
 * This file is the one place the ladder is defined: the SQL functions
 * (stage_ladder, stage_name_zh), the parser, the formatter, the unit tests
 * and the documentation check all read the tables below.
 */
#include "stage.h"
#include "designation.h"
#include "lexicon.h"
#include "textnorm.h"

#include <string.h>

/* The ladder, in rank order. */
static const InnoStageInfo stage_ladder[INNO_STAGE_COUNT] = {
	{INNO_STAGE_CONCEPT, "concept", "概念验证",
	"Proof of concept: testing whether the technology works and is worth pursuing, technically and commercially (about TRL 3)."},
	{INNO_STAGE_PILOT, "pilot", "中试",
	"Pilot production: the transitional trial that moves a product from trial manufacture into production (about TRL 6-7)."},
	{INNO_STAGE_INCUBATING, "incubating", "孵化",
	"In incubation: a team or young firm using an incubator's space, shared facilities and services."},
	{INNO_STAGE_REGISTERED, "registered", "落户/注册",
	"Registered: the project has incorporated a company in the city (it has \"landed\")."},
	{INNO_STAGE_PRODUCING, "producing", "投产",
	"Producing: production has started and the product is made at commercial scale."},
	{INNO_STAGE_TECH_SME, "tech_sme", "科技型中小企业",
	"Technology-based SME: entered in the national evaluation database of technology-based small and medium enterprises."},
	{INNO_STAGE_HIGH_TECH, "high_tech", "高新技术企业",
	"High- and New-Technology Enterprise: nationally certified (core IP, R&D intensity and technical staff thresholds)."},
	{INNO_STAGE_ABOVE_SCALE, "above_scale", "规模以上企业",
	"Above designated size: annual main-business revenue of at least 20 million CNY (the statistical scope of industry)."},
	{INNO_STAGE_GAZELLE, "gazelle", "瞪羚企业",
	"Gazelle: designated high-growth firm (sustained revenue growth of about 20% a year or more)."},
	{INNO_STAGE_POTENTIAL_UNICORN, "potential_unicorn", "潜在独角兽",
	"Potential unicorn: designated young hard-technology firm valued at 50 million USD or more, on the way to unicorn status."},
	{INNO_STAGE_UNICORN, "unicorn", "独角兽",
	"Unicorn: designated privately held firm valued at 1 billion USD or more."},
	{INNO_STAGE_LISTED, "listed", "上市",
	"Listed: the firm's shares trade on a stock exchange."},
};

/* rank of each code; 0 = not a stage */
const uint8_t inno_stage_rank_of_code[256] = {
	[INNO_STAGE_CONCEPT] = 1,
	[INNO_STAGE_PILOT] = 2,
	[INNO_STAGE_INCUBATING] = 3,
	[INNO_STAGE_REGISTERED] = 4,
	[INNO_STAGE_PRODUCING] = 5,
	[INNO_STAGE_TECH_SME] = 6,
	[INNO_STAGE_HIGH_TECH] = 7,
	[INNO_STAGE_ABOVE_SCALE] = 8,
	[INNO_STAGE_GAZELLE] = 9,
	[INNO_STAGE_POTENTIAL_UNICORN] = 10,
	[INNO_STAGE_UNICORN] = 11,
	[INNO_STAGE_LISTED] = 12,
};

/*
 * Every accepted spelling, folded (lower case, simplified characters; the
 * lexicon folds traditional ones), '_' for a gap (any run of spaces, '-'
 * and '_', possibly empty).  The unit tests check that no spelling maps to
 * two stages and that every entry is listed in doc/project_stage.md.
 */
static const InnoStageAlias stage_aliases[] = {
	/* concept */
	{"concept", INNO_STAGE_CONCEPT},
	{"proof_of_concept", INNO_STAGE_CONCEPT},
	{"poc", INNO_STAGE_CONCEPT},
	{"概念验证", INNO_STAGE_CONCEPT},
	{"原理验证", INNO_STAGE_CONCEPT},
	{"概念", INNO_STAGE_CONCEPT},
	/* pilot */
	{"pilot", INNO_STAGE_PILOT},
	{"pilot_production", INNO_STAGE_PILOT},
	{"pilot_scale", INNO_STAGE_PILOT},
	{"中试", INNO_STAGE_PILOT},
	{"中试验证", INNO_STAGE_PILOT},
	{"中试放大", INNO_STAGE_PILOT},
	{"工程化", INNO_STAGE_PILOT},
	{"熟化", INNO_STAGE_PILOT},
	/* incubating */
	{"incubating", INNO_STAGE_INCUBATING},
	{"incubation", INNO_STAGE_INCUBATING},
	{"incubated", INNO_STAGE_INCUBATING},
	{"孵化", INNO_STAGE_INCUBATING},
	{"在孵", INNO_STAGE_INCUBATING},
	{"孵化中", INNO_STAGE_INCUBATING},
	/* registered */
	{"registered", INNO_STAGE_REGISTERED},
	{"registration", INNO_STAGE_REGISTERED},
	{"incorporated", INNO_STAGE_REGISTERED},
	{"landed", INNO_STAGE_REGISTERED},
	{"落户/注册", INNO_STAGE_REGISTERED},
	{"落户", INNO_STAGE_REGISTERED},
	{"注册", INNO_STAGE_REGISTERED},
	{"落户注册", INNO_STAGE_REGISTERED},
	{"注册落户", INNO_STAGE_REGISTERED},
	{"设立", INNO_STAGE_REGISTERED},
	/* producing */
	{"producing", INNO_STAGE_PRODUCING},
	{"production", INNO_STAGE_PRODUCING},
	{"in_production", INNO_STAGE_PRODUCING},
	{"mass_production", INNO_STAGE_PRODUCING},
	{"投产", INNO_STAGE_PRODUCING},
	{"量产", INNO_STAGE_PRODUCING},
	{"产业化", INNO_STAGE_PRODUCING},
	/* tech_sme */
	{"tech_sme", INNO_STAGE_TECH_SME},
	{"technology_based_sme", INNO_STAGE_TECH_SME},
	{"tech_based_sme", INNO_STAGE_TECH_SME},
	{"科技型中小企业", INNO_STAGE_TECH_SME},
	{"科小", INNO_STAGE_TECH_SME},
	/* high_tech */
	{"high_tech", INNO_STAGE_HIGH_TECH},
	{"hightech", INNO_STAGE_HIGH_TECH},
	{"high_tech_enterprise", INNO_STAGE_HIGH_TECH},
	{"high_and_new_technology_enterprise", INNO_STAGE_HIGH_TECH},
	{"hnte", INNO_STAGE_HIGH_TECH},
	{"高新技术企业", INNO_STAGE_HIGH_TECH},
	{"国家高新技术企业", INNO_STAGE_HIGH_TECH},
	{"高新企业", INNO_STAGE_HIGH_TECH},
	{"高企", INNO_STAGE_HIGH_TECH},
	/* above_scale */
	{"above_scale", INNO_STAGE_ABOVE_SCALE},
	{"above_designated_size", INNO_STAGE_ABOVE_SCALE},
	{"规模以上企业", INNO_STAGE_ABOVE_SCALE},
	{"规模以上", INNO_STAGE_ABOVE_SCALE},
	{"规上企业", INNO_STAGE_ABOVE_SCALE},
	{"规上", INNO_STAGE_ABOVE_SCALE},
	/* gazelle */
	{"gazelle", INNO_STAGE_GAZELLE},
	{"瞪羚企业", INNO_STAGE_GAZELLE},
	{"瞪羚", INNO_STAGE_GAZELLE},
	{"省瞪羚企业", INNO_STAGE_GAZELLE},
	/* potential_unicorn */
	{"potential_unicorn", INNO_STAGE_POTENTIAL_UNICORN},
	{"潜在独角兽", INNO_STAGE_POTENTIAL_UNICORN},
	{"潜在独角兽企业", INNO_STAGE_POTENTIAL_UNICORN},
	{"省潜在独角兽企业", INNO_STAGE_POTENTIAL_UNICORN},
	/* unicorn */
	{"unicorn", INNO_STAGE_UNICORN},
	{"独角兽", INNO_STAGE_UNICORN},
	{"独角兽企业", INNO_STAGE_UNICORN},
	{"省独角兽企业", INNO_STAGE_UNICORN},
	/* listed */
	{"listed", INNO_STAGE_LISTED},
	{"listed_company", INNO_STAGE_LISTED},
	{"上市", INNO_STAGE_LISTED},
	{"上市企业", INNO_STAGE_LISTED},
	{"上市公司", INNO_STAGE_LISTED},
};

#define N_STAGE_ALIASES (sizeof(stage_aliases) / sizeof(stage_aliases[0]))

const InnoStageInfo *
inno_stage_by_rank(int rank)
{
	if (rank < 1 || rank > INNO_STAGE_COUNT)
		return NULL;
	return &stage_ladder[rank - 1];
}

const InnoStageInfo *
inno_stage_by_code(InnoStage code)
{
	return inno_stage_by_rank(inno_stage_rank(code));
}

InnoStage
inno_stage_at_rank(int rank)
{
	const InnoStageInfo *info = inno_stage_by_rank(rank);

	return info ? info->code : INNO_STAGE_INVALID;
}

const InnoStageAlias *
inno_stage_aliases(size_t *count)
{
	*count = N_STAGE_ALIASES;
	return stage_aliases;
}

void
inno_stage_register_vocabulary(void)
{
	size_t		i;

	for (i = 0; i < N_STAGE_ALIASES; i++)
		inno_lx_add(stage_aliases[i].alias, LX_STAGE, stage_aliases[i].code, 0);
}

/* The hint for a label that matched nothing: the closest stage, else the ladder. */
static void
SuggestStage(const LxText *t, int from, int to, InnoError *err)
{
	int			d;
	const LxPhrase *p = to > from ? inno_lx_suggest(&t->cp[from], to - from, LX_STAGE, &d) : NULL;
	char		list[INNO_MSG_LEN];
	size_t		off = 0;
	int			r;

	if (p != NULL)
	{
		inno_set_hint(err, "Perhaps you meant \"%s\".", inno_stage_by_code((InnoStage) p->entry.value)->label);
		return;
	}
	list[0] = '\0';
	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		size_t		l = strlen(stage_ladder[r - 1].label);

		if (off + l + 3 >= sizeof(list))
			break;
		if (r > 1)
		{
			memcpy(list + off, ", ", 2);
			off += 2;
		}
		memcpy(list + off, stage_ladder[r - 1].label, l);
		off += l;
		list[off] = '\0';
	}
	inno_set_hint(err, "Valid stages, in order: %s.", list);
}

static bool
Blank(const LxText *t, const LxLexeme *l)
{
	return l->type == LXT_GAP || (l->type == LXT_SEP && t->cp[l->start] == '\n');
}

InnoStatus
inno_stage_parse(const char *s, size_t len, InnoStage *code, InnoError *err)
{
	uint32_t	cp[INNO_LABEL_MAX];
	uint32_t	off[INNO_LABEL_MAX + 1];
	LxLexeme	lx[INNO_LABEL_MAX];
	LxText		t;
	bool		too_long;
	int			n,
				a,
				b;
	size_t		i;

	/* fast path: the canonical label exactly, as machine-written data has it */
	for (i = 0; i < INNO_STAGE_COUNT; i++)
	{
		const char *label = stage_ladder[i].label;

		if (strlen(label) == len && memcmp(label, s, len) == 0)
		{
			*code = stage_ladder[i].code;
			return INNO_OK;
		}
	}

	inno_error_clear(err);
	if (!inno_lx_load(s, len, cp, off, INNO_LABEL_MAX, &t, &too_long))
	{
		inno_set_detail(err, "The input is not a stage label (too long, or not valid text).");
		SuggestStage(&t, 0, 0, err);
		return INNO_ERR_SYNTAX;
	}
	n = inno_lx_lex(&t, lx, INNO_LABEL_MAX);
	for (a = 0; a < n && Blank(&t, &lx[a]); a++)
		;
	for (b = n; b > a && Blank(&t, &lx[b - 1]); b--)
		;
	if (a == b)
	{
		inno_set_detail(err, "The stage label is empty.");
		SuggestStage(&t, 0, 0, err);
		return INNO_ERR_SYNTAX;
	}
	if (b == a + 1 && lx[a].type == LXT_VOCAB)
	{
		const LxEntry *e = inno_lx_find(lx[a].ent, lx[a].nent, LX_STAGE);

		if (e != NULL)
		{
			*code = (InnoStage) e->value;
			return INNO_OK;
		}
	}
	SuggestStage(&t, lx[a].start, lx[b - 1].end, err);
	/* an honour, not a rung: point to the designation type */
	{
		InnoDesignation d;
		InnoError	derr;

		if (inno_desig_parse(s, len, &d, &derr) == INNO_OK)
			inno_set_hint(err, "The text names a designation (%s), not a stage: designations are their own type, "
						  "designation.", inno_scheme_by_code(inno_desig_scheme(d))->label);
	}
	return INNO_ERR_SYNTAX;
}

void
inno_stage_encode_binary(InnoStage code, uint8_t *buf)
{
	buf[0] = INNO_STAGE_BINARY_VERSION;
	buf[1] = code;
}

InnoStatus
inno_stage_decode_binary(const uint8_t *buf, size_t len, InnoStage *code, InnoError *err)
{
	inno_error_clear(err);
	if (inno_binary_check(buf, len, "project_stage", INNO_STAGE_BINARY_VERSION,
						  INNO_STAGE_BINARY_LEN, false, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	if (inno_stage_rank(buf[1]) == 0)
	{
		inno_set_detail(err, "Byte %u is not a stage code.", (unsigned) buf[1]);
		return INNO_ERR_CORRUPT;
	}
	*code = buf[1];
	return INNO_OK;
}
