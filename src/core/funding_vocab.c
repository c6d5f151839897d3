/*
 * funding_vocab.c
 *	  Every vocabulary of funding text, once, as data: round kinds with
 *	  their category and order, currencies with their symbols, codes and
 *	  words, amount qualifiers with their rules, magnitudes, filler words,
 *	  date words, and the cue words of the article extractor.
 *
 * The parser, the formatter, the SQL listings (round_kinds(),
 * funding_currencies(), funding_vocabulary()), the hints and the doc checks
 * all read these tables.  Phrases are written folded (lower case,
 * simplified characters; traditional ones are folded by the lexicon); a
 * space stands for any run, possibly empty, of spaces, '-' and '_'.
 */
#include "funding.h"
#include "lexicon.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Round kinds, in their documented order (rank = position + 1).  Codes are
 * the stored values and never change; a later version may insert a kind
 * anywhere in this table with a new code.
 * ------------------------------------------------------------------------
 */

#define MAX_KIND_PHRASES 16

typedef struct KindEntry
{
	InnoRoundKindInfo info;
	const char *phrases[MAX_KIND_PHRASES];
} KindEntry;

#define V INNO_ROUND_VENTURE
#define LETTER_ROUND(code, lbl, zh, L) \
	{{code, lbl, zh, V, true, false}, {L " 轮", "series " L, L " round", lbl}}
#define PLUS_ROUND(code, lbl, zh, L) \
	{{code, lbl, zh, V, true, false}, {L "+ 轮", "series " L "+", L "+ round", L "+", L " plus", lbl}}
#define PRE_ROUND(code, lbl, zh, L) \
	{{code, lbl, zh, V, true, false}, {"pre " L " 轮", "pre " L, "pre series " L, "pre " L " round", lbl}}

static const KindEntry kinds[] = {
	{{1, "pre_seed", "Pre-seed轮", V, true, false},
	{"pre seed 轮", "pre seed", "preseed", "pre seed round", "预种子 轮", "预种子"}},
	{{2, "seed", "种子轮", V, true, false},
	{"种子 轮", "种子", "seed round", "seed"}},
	{{3, "angel", "天使轮", V, true, false},
	{"天使 轮", "天使", "angel round", "angel"}},
	{{4, "angel_plus", "天使+轮", V, true, false},
	{"天使+ 轮", "天使+", "angel+", "angel plus", "angel_plus"}},
	PRE_ROUND(5, "pre_a", "Pre-A轮", "a"),
	LETTER_ROUND(6, "a", "A轮", "a"),
	PLUS_ROUND(7, "a_plus", "A+轮", "a"),
	PRE_ROUND(8, "pre_b", "Pre-B轮", "b"),
	LETTER_ROUND(9, "b", "B轮", "b"),
	PLUS_ROUND(10, "b_plus", "B+轮", "b"),
	PRE_ROUND(11, "pre_c", "Pre-C轮", "c"),
	LETTER_ROUND(12, "c", "C轮", "c"),
	PLUS_ROUND(13, "c_plus", "C+轮", "c"),
	LETTER_ROUND(14, "d", "D轮", "d"),
	PLUS_ROUND(15, "d_plus", "D+轮", "d"),
	LETTER_ROUND(16, "e", "E轮", "e"),
	LETTER_ROUND(17, "f", "F轮", "f"),
	LETTER_ROUND(18, "g", "G轮", "g"),
	LETTER_ROUND(19, "h", "H轮", "h"),
	{{20, "series_unknown", "VC轮(轮次未知)", V, true, false},
	{"series unknown", "venture round", "venture", "vc 轮", "轮次未知", "股权融资", "股权投资"}},
	{{21, "pre_ipo", "Pre-IPO轮", V, true, false},
	{"pre ipo 轮", "pre ipo", "pre ipo round", "pre_ipo", "上市前 轮", "上市前"}},
	{{22, "ipo", "IPO", INNO_ROUND_EXIT, false, true},
	{"ipo", "ipo 上市", "首次公开发行", "首发上市", "首发", "科创板上市", "科创板 ipo", "创业板上市",
	"创业板 ipo", "北交所上市", "港股上市", "主板上市"}},
	{{23, "post_ipo", "定向增发", INNO_ROUND_PUBLIC_EQUITY, true, false},
	{"post ipo", "post ipo equity", "post_ipo", "定向增发", "定增", "增发", "再融资", "新三板定增"}},
	{{24, "strategic", "战略投资", V, true, false},
	{"strategic", "strategic investment", "strategic round", "strategic financing", "corporate round",
	"战略投资", "战略融资", "战投", "战略 轮"}},
	{{25, "private_equity", "PE轮", V, true, false},
	{"private equity", "private_equity", "pe 轮", "pe", "私募股权 融资", "私募股权"}},
	{{26, "secondary", "老股转让", INNO_ROUND_EXIT, false, true},
	{"secondary", "secondary market", "secondary sale", "老股转让", "股权转让", "老股交易"}},
	{{27, "m_and_a", "并购", INNO_ROUND_EXIT, false, true},
	{"m&a", "m and a", "m_and_a", "acquisition", "acquired", "并购", "被收购", "收购", "合并"}},
	{{28, "buyout", "私有化", INNO_ROUND_EXIT, false, true},
	{"buyout", "management buyout", "mbo", "私有化"}},
	{{29, "grant", "立项拨款", INNO_ROUND_GRANT, false, false},
	{"grant", "grants", "立项拨款", "专项资助", "项目资助", "科技项目资助", "财政补助", "拨款", "资助"}},
	{{30, "grant_to_equity", "拨投结合", INNO_ROUND_HYBRID, false, false},
	{"grant to equity", "grant_to_equity", "拨投结合", "拨改投", "先投后股", "拨 投 股"}},
	{{31, "convertible", "可转债", INNO_ROUND_HYBRID, false, false},
	{"convertible", "convertible note", "convertible bond", "可转债", "可转换票据", "可转换债券", "safe"}},
	{{32, "loan", "科技贷款", INNO_ROUND_DEBT, false, false},
	{"loan", "bank loan", "科技贷款", "苏科贷", "通科贷", "贷款"}},
	{{33, "debt", "债权融资", INNO_ROUND_DEBT, false, false},
	{"debt", "debt financing", "债权融资", "债务融资", "发债"}},
	{{34, "undisclosed", "轮次未披露", INNO_ROUND_UNKNOWN, false, false},
	{"轮次未披露", "未披露轮次", "轮次不明", "轮次不详"}},
};

#undef V
#undef LETTER_ROUND
#undef PLUS_ROUND
#undef PRE_ROUND

#define N_KINDS ((int) (sizeof(kinds) / sizeof(kinds[0])))

/* rank of each code (0 = not a kind), and each label's length */
static uint8_t kind_rank[256];
static size_t label_len[N_KINDS];
static bool kind_rank_ready;

static void
KindRanks(void)
{
	int			i;

	for (i = 0; i < N_KINDS; i++)
	{
		kind_rank[kinds[i].info.code] = (uint8_t) (i + 1);
		label_len[i] = strlen(kinds[i].info.label);
	}
	kind_rank_ready = true;
}

/* the round families (categories), by InnoRoundCategory */
static const char *const category_names[INNO_ROUND_NCATEGORIES] = {
	[INNO_ROUND_VENTURE] = "venture",
	[INNO_ROUND_PUBLIC_EQUITY] = "public_equity",
	[INNO_ROUND_EXIT] = "exit",
	[INNO_ROUND_HYBRID] = "hybrid",
	[INNO_ROUND_DEBT] = "debt",
	[INNO_ROUND_GRANT] = "grant",
	[INNO_ROUND_UNKNOWN] = "unknown",
};

const char *
inno_round_category_name(InnoRoundCategory c)
{
	return (unsigned) c < INNO_ROUND_NCATEGORIES ? category_names[c] : NULL;
}

bool
inno_round_category_parse(const char *s, size_t len, InnoRoundCategory *c)
{
	int			i;

	for (i = 0; i < INNO_ROUND_NCATEGORIES; i++)
		if (strlen(category_names[i]) == len && memcmp(category_names[i], s, len) == 0)
		{
			*c = (InnoRoundCategory) i;
			return true;
		}
	return false;
}

void
inno_round_category_list(char *buf, size_t buflen)
{
	size_t		o = 0;
	int			i;

	buf[0] = '\0';
	for (i = 0; i < INNO_ROUND_NCATEGORIES && o < buflen; i++)
		o += (size_t) snprintf(buf + o, buflen - o, "%s%s", i == 0 ? "" : i == INNO_ROUND_NCATEGORIES - 1 ? " or " : ", ",
							   category_names[i]);
}

const InnoRoundKindInfo *
inno_round_kind_by_label(const char *s, size_t len)
{
	int			i;

	if (!kind_rank_ready)
		KindRanks();
	for (i = 0; i < N_KINDS; i++)
		if (len == label_len[i] && memcmp(s, kinds[i].info.label, len) == 0)
			return &kinds[i].info;
	return NULL;
}

int
inno_round_kind_count(void)
{
	return N_KINDS;
}

const InnoRoundKindInfo *
inno_round_kind_by_rank(int rank)
{
	return rank >= 1 && rank <= N_KINDS ? &kinds[rank - 1].info : NULL;
}

int
inno_round_kind_rank(uint8_t code)
{
	if (!kind_rank_ready)
		KindRanks();
	return kind_rank[code];
}

const InnoRoundKindInfo *
inno_round_kind_by_code(uint8_t code)
{
	return inno_round_kind_by_rank(inno_round_kind_rank(code));
}

const char *const *
inno_round_kind_phrases(int rank, int *count)
{
	int			n = 0;

	if (rank < 1 || rank > N_KINDS)
	{
		*count = 0;
		return NULL;
	}
	while (n < MAX_KIND_PHRASES && kinds[rank - 1].phrases[n])
		n++;
	*count = n;
	return kinds[rank - 1].phrases;
}

/* ------------------------------------------------------------------------
 * Currencies (ISO 4217) and the ways text names them
 * ------------------------------------------------------------------------
 */

typedef struct CurrencyEntry
{
	InnoCurrencyInfo info;
	const char *symbols[3];		/* before the number only: "$", "us$" */
	const char *codes[2];		/* like the ISO code, before or after: "rmb" */
	const char *words[6];		/* words, before or after the number: "美元", "dollars" */
} CurrencyEntry;

static const CurrencyEntry currencies[] = {
	{{156, "CNY", 2}, {"¥"}, {"rmb"}, {"人民币", "yuan", "renminbi"}},
	{{840, "USD", 2}, {"us$", "$"}, {NULL}, {"美元", "美金", "us dollars", "dollars", "dollar"}},
	{{344, "HKD", 2}, {"hk$"}, {NULL}, {"港元", "港币", "hong kong dollars"}},
	{{901, "TWD", 2}, {"nt$"}, {NULL}, {"新台币"}},
	{{978, "EUR", 2}, {"€"}, {NULL}, {"欧元", "euros", "euro"}},
	{{392, "JPY", 0}, {NULL}, {NULL}, {"日元", "日圆", "yen"}},
	{{826, "GBP", 2}, {"£"}, {NULL}, {"英镑", "pounds sterling"}},
	{{702, "SGD", 2}, {"s$"}, {NULL}, {"新加坡元", "新元"}},
	{{410, "KRW", 0}, {"₩"}, {NULL}, {"韩元"}},
	{{756, "CHF", 2}, {NULL}, {NULL}, {"瑞士法郎", "swiss francs"}},
	{{36, "AUD", 2}, {"a$"}, {NULL}, {"澳元"}},
	{{124, "CAD", 2}, {"c$"}, {NULL}, {"加元"}},
};

#define N_CURRENCIES ((int) (sizeof(currencies) / sizeof(currencies[0])))

int
inno_currency_count(void)
{
	return N_CURRENCIES;
}

const InnoCurrencyInfo *
inno_currency_by_index(int i)
{
	return i >= 0 && i < N_CURRENCIES ? &currencies[i].info : NULL;
}

const InnoCurrencyInfo *
inno_currency_by_numeric(uint16_t numeric)
{
	int			i;

	for (i = 0; i < N_CURRENCIES; i++)
		if (currencies[i].info.numeric == numeric)
			return &currencies[i].info;
	return NULL;
}

const InnoCurrencyInfo *
inno_currency_by_alpha(const char *alpha)
{
	int			i;

	if (strlen(alpha) != 3)
		return NULL;
	for (i = 0; i < N_CURRENCIES; i++)
	{
		const char *a = currencies[i].info.alpha;
		int			k;

		for (k = 0; k < 3; k++)
		{
			char		c = alpha[k];

			if (c >= 'a' && c <= 'z')
				c = (char) (c - 'a' + 'A');
			if (c != a[k])
				break;
		}
		if (k == 3)
			return &currencies[i].info;
	}
	return NULL;
}

const char *const *
inno_currency_words(int i, InnoCurrencyForm form, int *count)
{
	const char *const *list;
	int			n = 0,
				max;

	*count = 0;
	if (i < 0 || i >= N_CURRENCIES)
		return NULL;
	switch (form)
	{
		case INNO_CUR_SYMBOL:
			list = currencies[i].symbols;
			max = 3;
			break;
		case INNO_CUR_CODE:
			list = currencies[i].codes;
			max = 2;
			break;
		default:
			list = currencies[i].words;
			max = 6;
			break;
	}
	while (n < max && list[n])
		n++;
	*count = n;
	return list;
}

/* The ISO code in lower case, as the lexicon matches it. */
const char *
inno_currency_code_folded(int i)
{
	static char codes[N_CURRENCIES][4];
	int			k;

	if (i < 0 || i >= N_CURRENCIES)
		return "";
	for (k = 0; k < 3; k++)
		codes[i][k] = (char) (currencies[i].info.alpha[k] - 'A' + 'a');
	codes[i][3] = '\0';
	return codes[i];
}

/* ------------------------------------------------------------------------
 * Amount qualifiers: the rules, then the words that name them
 * ------------------------------------------------------------------------
 */

static const InnoQualifierRule qualifier_rules[INNO_Q_COUNT] = {
	{INNO_Q_EXACT, "exact", {1, 0, 1}, {1, 0, 1}, {1, 0, 1}, false, false, "-"},
	{INNO_Q_NEARLY, "nearly", {8, 0, 10}, {9, 0, 10}, {1, 0, 1}, false, false,
	"direction: JioNLP blur-; width: proposal"},
	{INNO_Q_ABOUT, "about", {9, 0, 10}, {1, 0, 1}, {11, 0, 10}, false, false,
	"direction: JioNLP blur; width ±10%: proposal"},
	{INNO_Q_OVER, "over", {1, 0, 1}, {2, 1, 2}, {1, 1, 1}, false, true,
	"proposal; matches practitioners' 超千万 = [1000万, 2000万] and 超亿 = [1亿, 2亿]"},
	{INNO_Q_SOME, "and some", {1, 0, 1}, {2, 1, 2}, {1, 1, 1}, false, true, "JioNLP"},
	{INNO_Q_SEVERAL, "several / order of", {1, 0, 1}, {3, 0, 1}, {10, 0, 1}, false, false,
	"range: JioNLP and the Wind-style digit-count rule (数千万 = [1000万, 1亿)); point: proposal"},
	{INNO_Q_OPEN, "at least", {1, 0, 1}, {1, 0, 1}, {0, 0, 1}, true, false,
	"IT桔子's vendor bucket (亿元及以上) uses X as a floor"},
	{INNO_Q_RANGE, "range", {1, 0, 1}, {1, 1, 2}, {0, 1, 1}, false, false, "-"},
};

const InnoQualifierRule *
inno_qualifier_rule(InnoQualifier q)
{
	return (int) q >= 0 && q < INNO_Q_COUNT ? &qualifier_rules[q] : NULL;
}

typedef struct Word
{
	const char *text;
	uint8_t		cls;
	uint16_t	value;
	uint16_t	flags;
} Word;

/* Every other word of funding text, by class. */
static const Word words[] = {
	/* qualifiers written before the number */
	{"近", LX_QUAL_PRE, INNO_Q_NEARLY, 0}, {"将近", LX_QUAL_PRE, INNO_Q_NEARLY, 0},
	{"接近", LX_QUAL_PRE, INNO_Q_NEARLY, 0}, {"nearly", LX_QUAL_PRE, INNO_Q_NEARLY, 0},
	{"almost", LX_QUAL_PRE, INNO_Q_NEARLY, 0}, {"close to", LX_QUAL_PRE, INNO_Q_NEARLY, 0},
	{"约", LX_QUAL_PRE, INNO_Q_ABOUT, 0}, {"大约", LX_QUAL_PRE, INNO_Q_ABOUT, 0},
	{"about", LX_QUAL_PRE, INNO_Q_ABOUT, 0}, {"around", LX_QUAL_PRE, INNO_Q_ABOUT, 0},
	{"approximately", LX_QUAL_PRE, INNO_Q_ABOUT, 0}, {"approx.", LX_QUAL_PRE, INNO_Q_ABOUT, 0},
	{"approx", LX_QUAL_PRE, INNO_Q_ABOUT, 0}, {"~", LX_QUAL_PRE, INNO_Q_ABOUT, 0},
	{"≈", LX_QUAL_PRE, INNO_Q_ABOUT, 0},
	{"超", LX_QUAL_PRE, INNO_Q_OVER, 0}, {"超过", LX_QUAL_PRE, INNO_Q_OVER, 0},
	{"逾", LX_QUAL_PRE, INNO_Q_OVER, 0}, {"过", LX_QUAL_PRE, INNO_Q_OVER, 0},
	{"上", LX_QUAL_PRE, INNO_Q_OVER, 0}, {"over", LX_QUAL_PRE, INNO_Q_OVER, 0},
	{"more than", LX_QUAL_PRE, INNO_Q_OVER, 0}, {"above", LX_QUAL_PRE, INNO_Q_OVER, 0},
	{"数", LX_QUAL_PRE, INNO_Q_SEVERAL, 0}, {"几", LX_QUAL_PRE, INNO_Q_SEVERAL, 0},
	{"several", LX_QUAL_PRE, INNO_Q_SEVERAL, 0},
	/* qualifiers written after the number or unit */
	{"多", LX_QUAL_POST, INNO_Q_SOME, 0}, {"余", LX_QUAL_POST, INNO_Q_SOME, 0},
	{"左右", LX_QUAL_POST, INNO_Q_ABOUT, 0}, {"上下", LX_QUAL_POST, INNO_Q_ABOUT, 0},
	{"以上", LX_QUAL_POST, INNO_Q_OVER, 0},
	{"及以上", LX_QUAL_POST, INNO_Q_OPEN, 0}, {"或以上", LX_QUAL_POST, INNO_Q_OPEN, 0},
	{"+", LX_QUAL_POST, INNO_Q_OPEN, 0}, {"or more", LX_QUAL_POST, INNO_Q_OPEN, 0},
	{"and above", LX_QUAL_POST, INNO_Q_OPEN, 0},
	{"级", LX_QUAL_POST, INNO_Q_SEVERAL, 0},
	/* magnitudes */
	{"十", LX_MAGNITUDE, 1, LXF_CJK}, {"百", LX_MAGNITUDE, 2, LXF_CJK},
	{"千", LX_MAGNITUDE, 3, LXF_CJK}, {"万", LX_MAGNITUDE, 4, LXF_CJK},
	{"亿", LX_MAGNITUDE, 8, LXF_CJK},
	{"k", LX_MAGNITUDE, 3, LXF_ATTACHED}, {"m", LX_MAGNITUDE, 6, LXF_ATTACHED},
	{"mm", LX_MAGNITUDE, 6, LXF_ATTACHED}, {"mn", LX_MAGNITUDE, 6, LXF_ATTACHED},
	{"b", LX_MAGNITUDE, 9, LXF_ATTACHED}, {"bn", LX_MAGNITUDE, 9, LXF_ATTACHED},
	{"thousand", LX_MAGNITUDE, 3, LXF_WORD}, {"million", LX_MAGNITUDE, 6, LXF_WORD},
	{"millions", LX_MAGNITUDE, 6, LXF_WORD}, {"billion", LX_MAGNITUDE, 9, LXF_WORD},
	{"billions", LX_MAGNITUDE, 9, LXF_WORD}, {"hundred", LX_MAGNITUDE, 2, LXF_WORD},
	{"tens of millions", LX_MAGNITUDE, 7, LXF_SEVERAL},
	{"figures", LX_MAGNITUDE, 0, LXF_FIGURES}, {"figure", LX_MAGNITUDE, 0, LXF_FIGURES},
	/* Chinese digits */
	{"零", LX_CN_DIGIT, 0, 0}, {"〇", LX_CN_DIGIT, 0, 0}, {"一", LX_CN_DIGIT, 1, 0},
	{"二", LX_CN_DIGIT, 2, 0}, {"两", LX_CN_DIGIT, 2, 0}, {"三", LX_CN_DIGIT, 3, 0},
	{"四", LX_CN_DIGIT, 4, 0}, {"五", LX_CN_DIGIT, 5, 0}, {"六", LX_CN_DIGIT, 6, 0},
	{"七", LX_CN_DIGIT, 7, 0}, {"八", LX_CN_DIGIT, 8, 0}, {"九", LX_CN_DIGIT, 9, 0},
	/* no amount disclosed */
	{"未披露", LX_UNDISCLOSED, 0, 0}, {"未透露", LX_UNDISCLOSED, 0, 0}, {"未公开", LX_UNDISCLOSED, 0, 0},
	{"不详", LX_UNDISCLOSED, 0, 0}, {"金额未知", LX_UNDISCLOSED, 0, 0}, {"金额未披露", LX_UNDISCLOSED, 0, 0},
	{"金额不详", LX_UNDISCLOSED, 0, 0}, {"金额未透露", LX_UNDISCLOSED, 0, 0}, {"undisclosed", LX_UNDISCLOSED, 0, 0},
	{"not disclosed", LX_UNDISCLOSED, 0, 0},
	/* counts of rounds: a text about several rounds is not one round */
	{"两轮", LX_ROUND_COUNT, 0, 0}, {"三轮", LX_ROUND_COUNT, 0, 0}, {"四轮", LX_ROUND_COUNT, 0, 0},
	{"五轮", LX_ROUND_COUNT, 0, 0}, {"多轮", LX_ROUND_COUNT, 0, 0}, {"几轮", LX_ROUND_COUNT, 0, 0},
	{"数轮", LX_ROUND_COUNT, 0, 0}, {"rounds", LX_ROUND_COUNT, 0, 0},
	{"one", LX_NUMBER_WORD, 1, 0}, {"two", LX_NUMBER_WORD, 2, 0}, {"three", LX_NUMBER_WORD, 3, 0},
	{"four", LX_NUMBER_WORD, 4, 0}, {"five", LX_NUMBER_WORD, 5, 0}, {"six", LX_NUMBER_WORD, 6, 0},
	{"seven", LX_NUMBER_WORD, 7, 0}, {"eight", LX_NUMBER_WORD, 8, 0}, {"nine", LX_NUMBER_WORD, 9, 0},
	{"ten", LX_NUMBER_WORD, 10, 0},
	/* ranges */
	{"至", LX_RANGE_SEP, 0, 0}, {"到", LX_RANGE_SEP, 0, 0}, {"to", LX_RANGE_SEP, 0, 0}, {"~", LX_RANGE_SEP, 0, 0},
	/* dates */
	{"年", LX_DATE_UNIT, 1, 0}, {"月", LX_DATE_UNIT, 2, 0}, {"日", LX_DATE_UNIT, 3, 0}, {"号", LX_DATE_UNIT, 3, 0},
	{"january", LX_MONTH, 1, 0}, {"jan", LX_MONTH, 1, 0}, {"february", LX_MONTH, 2, 0}, {"feb", LX_MONTH, 2, 0},
	{"march", LX_MONTH, 3, 0}, {"mar", LX_MONTH, 3, 0}, {"april", LX_MONTH, 4, 0}, {"apr", LX_MONTH, 4, 0},
	{"may", LX_MONTH, 5, 0}, {"june", LX_MONTH, 6, 0}, {"jun", LX_MONTH, 6, 0}, {"july", LX_MONTH, 7, 0},
	{"jul", LX_MONTH, 7, 0}, {"august", LX_MONTH, 8, 0}, {"aug", LX_MONTH, 8, 0},
	{"september", LX_MONTH, 9, 0}, {"sep", LX_MONTH, 9, 0}, {"sept", LX_MONTH, 9, 0},
	{"october", LX_MONTH, 10, 0}, {"oct", LX_MONTH, 10, 0}, {"november", LX_MONTH, 11, 0},
	{"nov", LX_MONTH, 11, 0}, {"december", LX_MONTH, 12, 0}, {"dec", LX_MONTH, 12, 0},
	/* filler words: carry no information (LXF_PROSE: an English sentence) */
	{"融资", LX_FILLER, 0, 0}, {"获得", LX_FILLER, 0, 0}, {"获", LX_FILLER, 0, 0}, {"完成", LX_FILLER, 0, 0},
	{"宣布", LX_FILLER, 0, 0}, {"的", LX_FILLER, 0, 0}, {"金额", LX_FILLER, 0, 0}, {"为", LX_FILLER, 0, 0},
	{"投资", LX_FILLER, 0, 0}, {"轮", LX_FILLER, 0, 0}, {"已", LX_FILLER, 0, 0}, {"已经", LX_FILLER, 0, 0},
	{"目前", LX_FILLER, 0, 0}, {"新一轮", LX_FILLER, 0, 0}, {"本轮", LX_FILLER, 0, 0}, {"共计", LX_FILLER, 0, 0},
	{"达", LX_FILLER, 0, 0}, {"募资", LX_FILLER, 0, 0}, {"资金支持", LX_FILLER, 0, 0}, {"成功", LX_FILLER, 0, 0},
	{"顺利", LX_FILLER, 0, 0}, {"近日", LX_FILLER, 0, 0}, {"日前", LX_FILLER, 0, 0}, {"正式", LX_FILLER, 0, 0},
	{"拿到", LX_FILLER, 0, 0}, {"获投", LX_FILLER, 0, 0}, {"再获", LX_FILLER, 0, 0},
	{"funding", LX_FILLER, 0, 0}, {"financing", LX_FILLER, 0, 0}, {"round", LX_FILLER, 0, 0},
	{"investment", LX_FILLER, 0, 0}, {"amount", LX_FILLER, 0, 0},
	{"raises", LX_FILLER, 0, LXF_PROSE}, {"raised", LX_FILLER, 0, LXF_PROSE},
	{"raise", LX_FILLER, 0, LXF_PROSE}, {"closes", LX_FILLER, 0, LXF_PROSE},
	{"closed", LX_FILLER, 0, LXF_PROSE}, {"secures", LX_FILLER, 0, LXF_PROSE},
	{"secured", LX_FILLER, 0, LXF_PROSE}, {"completes", LX_FILLER, 0, LXF_PROSE},
	{"completed", LX_FILLER, 0, LXF_PROSE}, {"announces", LX_FILLER, 0, LXF_PROSE},
	{"announced", LX_FILLER, 0, LXF_PROSE}, {"lands", LX_FILLER, 0, LXF_PROSE},
	{"landed", LX_FILLER, 0, LXF_PROSE}, {"receives", LX_FILLER, 0, LXF_PROSE},
	{"received", LX_FILLER, 0, LXF_PROSE}, {"has", LX_FILLER, 0, LXF_PROSE},
	{"the", LX_FILLER, 0, LXF_PROSE}, {"of", LX_FILLER, 0, LXF_PROSE},
	{"in", LX_FILLER, 0, LXF_PROSE}, {"its", LX_FILLER, 0, LXF_PROSE},
	{"a", LX_ARTICLE, 0, 0}, {"an", LX_ARTICLE, 0, 0},
	/* extraction: words that announce a round */
	{"融资", LX_CUE, 0, 0}, {"投资", LX_CUE, 0, 0}, {"募资", LX_CUE, 0, 0}, {"资金", LX_CUE, 0, 0}, {"资金支持", LX_CUE, 0, 0},
	{"注资", LX_CUE, 0, 0}, {"增资", LX_CUE, 0, 0}, {"获投", LX_CUE, 0, 0}, {"领投", LX_CUE, 0, 0}, {"跟投", LX_CUE, 0, 0},
	{"raises", LX_CUE, 0, 0}, {"raised", LX_CUE, 0, 0}, {"raise", LX_CUE, 0, 0}, {"secures", LX_CUE, 0, 0},
	{"secured", LX_CUE, 0, 0}, {"closes", LX_CUE, 0, 0}, {"closed", LX_CUE, 0, 0}, {"funding", LX_CUE, 0, 0},
	{"financing", LX_CUE, 0, 0}, {"round", LX_CUE, 0, 0}, {"investment", LX_CUE, 0, 0},
	/* extraction: the amount belongs to something else than a round */
	{"总投资", LX_NOT_ROUND, 0, 0}, {"投资额", LX_NOT_ROUND, 0, 0}, {"基金", LX_NOT_ROUND, 0, 0},
	{"规模", LX_NOT_ROUND, 0, 0}, {"销售", LX_NOT_ROUND, 0, 0}, {"销售额", LX_NOT_ROUND, 0, 0},
	{"营业额", LX_NOT_ROUND, 0, 0}, {"营收", LX_NOT_ROUND, 0, 0}, {"收入", LX_NOT_ROUND, 0, 0},
	{"产值", LX_NOT_ROUND, 0, 0}, {"利润", LX_NOT_ROUND, 0, 0}, {"估值", LX_NOT_ROUND, 0, 0},
	{"市值", LX_NOT_ROUND, 0, 0}, {"授信", LX_NOT_ROUND, 0, 0}, {"订单", LX_NOT_ROUND, 0, 0},
	{"合同", LX_NOT_ROUND, 0, 0}, {"税收", LX_NOT_ROUND, 0, 0}, {"纳税", LX_NOT_ROUND, 0, 0},
	{"出口", LX_NOT_ROUND, 0, 0}, {"预算", LX_NOT_ROUND, 0, 0},
	{"fund", LX_NOT_ROUND, 0, 0}, {"funds", LX_NOT_ROUND, 0, 0}, {"valuation", LX_NOT_ROUND, 0, 0},
	{"valued", LX_NOT_ROUND, 0, 0}, {"revenue", LX_NOT_ROUND, 0, 0}, {"revenues", LX_NOT_ROUND, 0, 0},
	{"sales", LX_NOT_ROUND, 0, 0}, {"turnover", LX_NOT_ROUND, 0, 0}, {"profit", LX_NOT_ROUND, 0, 0},
	{"budget", LX_NOT_ROUND, 0, 0}, {"total investment", LX_NOT_ROUND, 0, 0},
	/* extraction: counted subjects ("66个项目", "12 startups"): a total, not a round */
	{"个", LX_SUBJECT, 0, 0}, {"家", LX_SUBJECT, 0, 0}, {"项", LX_SUBJECT, 0, 0}, {"位", LX_SUBJECT, 0, 0},
	{"companies", LX_SUBJECT, 0, 0}, {"startups", LX_SUBJECT, 0, 0}, {"projects", LX_SUBJECT, 0, 0},
	{"firms", LX_SUBJECT, 0, 0}, {"deals", LX_SUBJECT, 0, 0},
};

#define N_WORDS ((int) (sizeof(words) / sizeof(words[0])))

void
inno_funding_register_vocabulary(void)
{
	int			i,
				k;

	for (i = 0; i < N_KINDS; i++)
		for (k = 0; k < MAX_KIND_PHRASES && kinds[i].phrases[k]; k++)
		{
			const char *p = kinds[i].phrases[k];
			/* "a" and "a round" may also be the English article */
			uint16_t	flags = kinds[i].info.code == 6 &&
				(strcmp(p, "a") == 0 || strcmp(p, "a round") == 0) ? LXF_BARE : 0;

			/* a bare letter ("b") is a kind in a field list, not in a sentence */
			if (p[0] >= 'a' && p[0] <= 'z' && p[1] == '\0')
				flags |= LXF_LETTER;

			inno_lx_add(p, LX_KIND, kinds[i].info.code, flags);
		}
	inno_lx_add("undisclosed", LX_KIND, INNO_KIND_UNDISCLOSED, 0);
	for (i = 0; i < N_CURRENCIES; i++)
	{
		const CurrencyEntry *c = &currencies[i];
		const char *iso = inno_currency_code_folded(i);

		for (k = 0; k < 3 && c->symbols[k]; k++)
			inno_lx_add(c->symbols[k], LX_CUR_PREFIX, c->info.numeric, LXF_SYMBOL);
		inno_lx_add(iso, LX_CUR_PREFIX, c->info.numeric, LXF_ISO);
		inno_lx_add(iso, LX_CUR_WORD, c->info.numeric, LXF_ISO);
		for (k = 0; k < 2 && c->codes[k]; k++)
		{
			inno_lx_add(c->codes[k], LX_CUR_PREFIX, c->info.numeric, LXF_ISO);
			inno_lx_add(c->codes[k], LX_CUR_WORD, c->info.numeric, LXF_ISO);
		}
		for (k = 0; k < 6 && c->words[k]; k++)
			inno_lx_add(c->words[k], LX_CUR_WORD, c->info.numeric, 0);
	}
	inno_lx_add("元", LX_YUAN, 156, 0);
	for (i = 0; i < N_WORDS; i++)
		inno_lx_add(words[i].text, words[i].cls, words[i].value, words[i].flags);
}

/* Every word of the tables above, for funding_vocabulary() and the docs. */
int
inno_funding_word_count(void)
{
	return N_WORDS;
}

void
inno_funding_word(int i, const char **text, int *cls, int *value, int *flags)
{
	*text = words[i].text;
	*cls = words[i].cls;
	*value = words[i].value;
	*flags = words[i].flags;
}
