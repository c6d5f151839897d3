/*
 * funding.c
 *	  funding_round: vocabularies, the free-text parser, the canonical
 *	  formatter, validation, ordering and the binary format.
 *
 * Parsing works on a folded copy of the input (full-width forms to ASCII,
 * ASCII to lower case, the traditional characters of our vocabulary to
 * simplified ones) with a longest-match lexer.  At each position it tries
 * every kind of part -- a date, an amount phrase, a round kind, a currency
 * word, a filler word -- and takes the longest match.  Each part may occur
 * once: two amounts, two kinds, two dates or two different currencies are
 * an error, never a guess.  Text that is none of these is an error naming
 * it.  All amounts are exact integers in the currency's minor unit.
 */
#include "funding.h"
#include "decimal.h"
#include "textnorm.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Vocabularies
 * ------------------------------------------------------------------------
 */

/*
 * Round kinds, in their documented order (rank = position + 1).  Codes are
 * the stored values and never change; a later version may insert a kind
 * anywhere in this table with a new code.
 *
 * phrases: what the parser accepts, after folding (lower case, simplified
 * characters).  A space in a phrase matches any run (possibly empty) of
 * spaces, '-' and '_'.  ASCII phrases must stand as whole words.
 */
typedef struct KindEntry
{
	InnoRoundKindInfo info;
	const char *phrases[14];
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
	{"series unknown", "venture round", "venture", "vc 轮", "轮次未知"}},
	{{21, "pre_ipo", "Pre-IPO轮", V, true, false},
	{"pre ipo 轮", "pre ipo", "pre ipo round", "pre_ipo", "上市前 轮", "上市前"}},
	{{22, "ipo", "IPO", INNO_ROUND_EXIT, false, true},
	{"ipo", "ipo 上市", "首次公开发行", "首发上市", "首发"}},
	{{23, "post_ipo", "定向增发", INNO_ROUND_PUBLIC_EQUITY, true, false},
	{"post ipo", "post ipo equity", "post_ipo", "定向增发", "定增", "增发", "再融资"}},
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
#define KIND_UNDISCLOSED 34

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
	int			i;

	for (i = 0; i < N_KINDS; i++)
		if (kinds[i].info.code == code)
			return i + 1;
	return 0;
}

const InnoRoundKindInfo *
inno_round_kind_by_code(uint8_t code)
{
	return inno_round_kind_by_rank(inno_round_kind_rank(code));
}

/* ISO 4217; the words that name each currency, after folding */
typedef struct CurrencyEntry
{
	InnoCurrencyInfo info;
	const char *prefixes[6];	/* written before the number: "$", "us$" */
	const char *words[8];		/* words anywhere: "美元", "usd" */
} CurrencyEntry;

static const CurrencyEntry currencies[] = {
	{{156, "CNY", 2}, {"¥", "cny", "rmb"}, {"人民币", "cny", "rmb", "yuan", "renminbi"}},
	{{840, "USD", 2}, {"us$", "$", "usd"}, {"美元", "美金", "usd", "us dollars", "dollars"}},
	{{344, "HKD", 2}, {"hk$", "hkd"}, {"港元", "港币", "hkd"}},
	{{901, "TWD", 2}, {"nt$", "twd"}, {"新台币", "twd"}},
	{{978, "EUR", 2}, {"€", "eur"}, {"欧元", "eur", "euros", "euro"}},
	{{392, "JPY", 0}, {"jpy"}, {"日元", "jpy"}},
	{{826, "GBP", 2}, {"£", "gbp"}, {"英镑", "gbp"}},
	{{702, "SGD", 2}, {"s$", "sgd"}, {"新加坡元", "新元", "sgd"}},
	{{410, "KRW", 0}, {"₩", "krw"}, {"韩元", "krw"}},
	{{756, "CHF", 2}, {"chf"}, {"瑞士法郎", "chf"}},
	{{36, "AUD", 2}, {"a$", "aud"}, {"澳元", "aud"}},
	{{124, "CAD", 2}, {"c$", "cad"}, {"加元", "cad"}},
};

#define N_CURRENCIES ((int) (sizeof(currencies) / sizeof(currencies[0])))
#define CNY 156

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

/*
 * Amount qualifiers.  Each maps the stated amount X (or, for "several" and
 * "order of", the unit X named) to [low, high] and a point; see
 * doc/funding_round.md for the table and its sources.
 */
typedef enum Qualifier
{
	Q_EXACT,
	Q_NEARLY,					/* 近 X: [0.8X, X], point 0.9X */
	Q_OVER,						/* 超 X: [X, X + u], point midpoint (u: unit of X's leading digit) */
	Q_SOME,						/* X多 / X余: [X, X + u], point midpoint */
	Q_ABOUT,					/* 约 X / X左右: [0.9X, 1.1X], point X */
	Q_SEVERAL,					/* 数X / X级 / several: [X, 10X], point 3X */
	Q_OPEN,						/* X及以上 / X+: [X, open), point X */
	Q_RANGE						/* A-B: [A, B], point midpoint */
} Qualifier;

typedef struct QualifierWord
{
	const char *word;
	Qualifier	q;
} QualifierWord;

/* written before the number */
static const QualifierWord prefix_qualifiers[] = {
	{"近", Q_NEARLY}, {"将近", Q_NEARLY}, {"接近", Q_NEARLY}, {"nearly", Q_NEARLY},
	{"almost", Q_NEARLY}, {"close to", Q_NEARLY},
	{"超", Q_OVER}, {"超过", Q_OVER}, {"逾", Q_OVER}, {"过", Q_OVER}, {"上", Q_OVER},
	{"over", Q_OVER}, {"more than", Q_OVER}, {"above", Q_OVER},
	{"约", Q_ABOUT}, {"大约", Q_ABOUT}, {"about", Q_ABOUT}, {"around", Q_ABOUT},
	{"approximately", Q_ABOUT}, {"approx.", Q_ABOUT}, {"approx", Q_ABOUT}, {"~", Q_ABOUT}, {"≈", Q_ABOUT},
	{"数", Q_SEVERAL}, {"几", Q_SEVERAL}, {"several", Q_SEVERAL},
};

/* written after the number or unit */
static const QualifierWord suffix_qualifiers[] = {
	{"多", Q_SOME}, {"余", Q_SOME},
	{"左右", Q_ABOUT}, {"上下", Q_ABOUT},
	{"以上", Q_OVER},
	{"及以上", Q_OPEN}, {"或以上", Q_OPEN}, {"+", Q_OPEN}, {"or more", Q_OPEN}, {"and above", Q_OPEN},
	{"级", Q_SEVERAL},
};

/* words meaning "no amount disclosed" */
static const char *const undisclosed_words[] = {
	"未披露", "未透露", "未公开", "不详", "金额未知", "金额未披露", "金额不详", "金额未透露", "undisclosed",
};

/* words that carry no information */
static const char *const fillers[] = {
	"融资", "获得", "获", "完成", "宣布", "的", "金额", "为", "投资", "轮",
	"funding", "financing", "raised", "raises", "raise", "closed", "round", "investment", "announced",
};

/* ------------------------------------------------------------------------
 * Folding and matching
 * ------------------------------------------------------------------------
 */

#define MAX_INPUT 1000			/* bytes */
#define MAX_CPS 1000

/* traditional -> simplified, for the characters of the vocabularies above */
static const uint32_t trad_fold[][2] = {
	{0x8F2A, 0x8F6E},			/* 輪 轮 */
	{0x842C, 0x4E07},			/* 萬 万 */
	{0x5104, 0x4EBF},			/* 億 亿 */
	{0x5E63, 0x5E01},			/* 幣 币 */
	{0x7A2E, 0x79CD},			/* 種 种 */
	{0x6230, 0x6218},			/* 戰 战 */
	{0x7565, 0x7565},			/* 略 */
	{0x8CC7, 0x8D44},			/* 資 资 */
	{0x4F75, 0x5E76},			/* 併 并 */
	{0x8CFC, 0x8D2D},			/* 購 购 */
	{0x6A5F, 0x673A},			/* 機 机 */
	{0x64A5, 0x62E8},			/* 撥 拨 */
	{0x7D50, 0x7ED3},			/* 結 结 */
	{0x8CB8, 0x8D37},			/* 貸 贷 */
	{0x50B5, 0x503A},			/* 債 债 */
	{0x8F49, 0x8F6C},			/* 轉 转 */
	{0x8B93, 0x8BA9},			/* 讓 让 */
	{0x6B0A, 0x6743},			/* 權 权 */
	{0x7D04, 0x7EA6},			/* 約 约 */
	{0x9918, 0x4F59},			/* 餘 余 */
	{0x7D1A, 0x7EA7},			/* 級 级 */
	{0x6578, 0x6570},			/* 數 数 */
	{0x5E7E, 0x51E0},			/* 幾 几 */
	{0x5169, 0x4E24},			/* 兩 两 */
	{0x8A73, 0x8BE6},			/* 詳 详 */
	{0x9732, 0x9732},			/* 露 */
	{0x7372, 0x83B7},			/* 獲 获 */
	{0x9810, 0x9884},			/* 預 预 */
	{0x767C, 0x53D1},			/* 發 发 */
	{0x958B, 0x5F00},			/* 開 开 */
	{0x9805, 0x9879},			/* 項 项 */
	{0x5C08, 0x4E13},			/* 專 专 */
	{0x88DC, 0x8865},			/* 補 补 */
	{0x8CBC, 0x8D34},			/* 貼 贴 */
	{0x5F8C, 0x540E},			/* 後 后 */
	{0x63DB, 0x6362},			/* 換 换 */
	{0x7968, 0x7968},			/* 票 */
	{0x8B49, 0x8BC1},			/* 證 证 */
	{0x5716, 0x56FE},			/* 圖 图 */
	{0x7E3D, 0x603B},			/* 總 总 */
	{0x9818, 0x9886},			/* 領 领 */
	{0x7F8E, 0x7F8E},			/* 美 */
	{0x9EDE, 0x70B9},			/* 點 点 */
	{0x9EDE, 0x70B9},
	{0x570B, 0x56FD},			/* 國 国 */
	{0x8207, 0x4E0E},			/* 與 与 */
	{0x570B, 0x56FD},
	{0x82F1, 0x82F1},			/* 英 */
	{0x938A, 0x9551},			/* 鎊 镑 */
	{0x6B50, 0x6B27},			/* 歐 欧 */
	{0x97D3, 0x97E9},			/* 韓 韩 */
	{0x81FA, 0x53F0},			/* 臺 台 */
	{0x5713, 0x5706},			/* 圓 圆 */
	{0x984D, 0x989D},			/* 額 额 */
	{0x70BA, 0x4E3A},			/* 為 为 */
	{0x9EC3, 0x9EC4},
	{0x6703, 0x4F1A},			/* 會 会 */
	{0x885D, 0x51B2},
	{0x6E2F, 0x6E2F},			/* 港 */
	{0x865F, 0x53F7},			/* 號 号 */
	{0x6A19, 0x6807},
	{0x7372, 0x83B7},
	{0x5C0E, 0x5BFC},
	{0x7CBE, 0x7CBE},
	{0x6DE8, 0x51C0},
	{0x898F, 0x89C4},
	{0x63A1, 0x91C7},
	{0x6D41, 0x6D41},
	{0x8A08, 0x8BA1},			/* 計 计 */
};

static uint32_t
FoldCodePoint(uint32_t cp)
{
	size_t		i;

	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp = cp - 0xFF01 + 0x21;	/* full-width ASCII */
	else if (cp == 0x3000)
		cp = ' ';
	else if (cp == 0xFFE5)
		cp = 0xA5;				/* full-width yen sign */
	else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212)
		cp = '-';				/* en dash, em dash, minus */
	if (cp >= 'A' && cp <= 'Z')
		cp = cp - 'A' + 'a';
	for (i = 0; i < sizeof(trad_fold) / sizeof(trad_fold[0]); i++)
		if (trad_fold[i][0] == cp)
			return trad_fold[i][1];
	return cp;
}

typedef struct Text
{
	uint32_t	cp[MAX_CPS];	/* folded code points */
	int			byte[MAX_CPS + 1];	/* offset of each in the original */
	int			n;
	const char *orig;
} Text;

static bool
IsAsciiAlnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool
IsDigit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static bool
IsGapChar(uint32_t c)
{
	return c == ' ' || c == '-' || c == '_';
}

static bool
IsSeparator(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '|' || c == ';' ||
		c == '/' || c == '(' || c == ')' || c == ':' || c == '[' || c == ']' || c == '"' ||
		c == 0x3001 || c == 0x3002 || c == 0x3010 || c == 0x3011 || c == 0x300C || c == 0x300D ||
		c == 0x300A || c == 0x300B || c == 0xB7 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

/*
 * Does pattern (UTF-8, folded) match at t[pos]?  A space in the pattern
 * matches any run, possibly empty, of spaces, '-' and '_'.  When word is
 * true and the pattern is ASCII, it must not touch ASCII letters or digits
 * on either side.  Returns the code points matched, 0 if none.
 */
static int
MatchAt(const Text *t, int pos, const char *pattern, bool word)
{
	size_t		plen = strlen(pattern);
	size_t		pp = 0;
	int			i = pos;
	bool		ascii = true;
	uint32_t	first_pc = 0;
	uint32_t	last_pc = 0;

	/* most patterns fail on their first character: check it before decoding */
	if (pos >= t->n)
		return 0;
	if ((unsigned char) pattern[0] < 0x80 && pattern[0] != ' ' && (uint32_t) pattern[0] != t->cp[pos])
		return 0;
	while (pp < plen)
	{
		uint32_t	pc;

		if (!inno_utf8_next(pattern, plen, &pp, &pc))
			return 0;
		if (pc >= 0x80)
			ascii = false;
		if (first_pc == 0)
			first_pc = pc;
		last_pc = pc;
		if (pc == ' ')
		{
			while (i < t->n && IsGapChar(t->cp[i]))
				i++;
			continue;
		}
		if (i >= t->n || t->cp[i] != pc)
			return 0;
		i++;
	}
	if (i == pos)
		return 0;
	if (word && ascii)
	{
		if (IsAsciiAlnum(first_pc) && pos > 0 && IsAsciiAlnum(t->cp[pos - 1]))
			return 0;
		if (IsAsciiAlnum(last_pc) && i < t->n && IsAsciiAlnum(t->cp[i]))
			return 0;
	}
	return i - pos;
}

/* Longest match at pos among a list of patterns; *which gets its index. */
static int
LongestOf(const Text *t, int pos, const char *const *patterns, int n, bool word, int *which)
{
	int			best = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		int			len;

		if (patterns[i] == NULL)
			continue;
		len = MatchAt(t, pos, patterns[i], word);
		if (len > best)
		{
			best = len;
			if (which)
				*which = i;
		}
	}
	return best;
}

static int
SkipGaps(const Text *t, int pos)
{
	while (pos < t->n && (t->cp[pos] == ' ' || t->cp[pos] == '\t'))
		pos++;
	return pos;
}

/* ------------------------------------------------------------------------
 * Exact decimal arithmetic: value = m * 10^e
 * ------------------------------------------------------------------------
 */

typedef struct Dec
{
	__int128	m;
	int			e;
} Dec;

#define DEC_LIMIT ((__int128) 1 << 100)

static bool
DecScaleTo(Dec *d, int e)
{
	while (d->e > e)
	{
		if (d->m > DEC_LIMIT / 10 || d->m < -DEC_LIMIT / 10)
			return false;
		d->m *= 10;
		d->e--;
	}
	return true;
}

static bool
DecAdd(Dec *a, Dec b)
{
	int			e = a->e < b.e ? a->e : b.e;

	if (!DecScaleTo(a, e) || !DecScaleTo(&b, e))
		return false;
	a->m += b.m;
	return a->m < DEC_LIMIT && a->m > -DEC_LIMIT;
}

static bool
DecMulPow10(Dec *d, int k)
{
	if (d->e + k > 60)
		return false;
	d->e += k;
	return true;
}

/* To minor units (exact, within the amount limit); status on failure. */
static InnoStatus
DecToMinor(Dec d, int minor_digits, int64_t *out)
{
	int			e = d.e + minor_digits;
	__int128	m = d.m;

	while (e < 0)
	{
		if (m % 10 != 0)
			return INNO_ERR_SYNTAX;
		m /= 10;
		e++;
	}
	while (e > 0)
	{
		if (m > (__int128) INNO_FR_AMOUNT_MAX)
			return INNO_ERR_RANGE;
		m *= 10;
		e--;
	}
	if (m > (__int128) INNO_FR_AMOUNT_MAX || m < 0)
		return INNO_ERR_RANGE;
	*out = (int64_t) m;
	return INNO_OK;
}

/* ------------------------------------------------------------------------
 * Numbers: Arabic (with thousands separators and decimals) and Chinese
 * numerals, with magnitude characters 十 百 千 万 亿.
 * ------------------------------------------------------------------------
 */

static int
ChineseDigit(uint32_t c)
{
	switch (c)
	{
		case 0x96F6:			/* 零 */
		case 0x3007:			/* 〇 */
			return 0;
		case 0x4E00:			/* 一 */
			return 1;
		case 0x4E8C:			/* 二 */
		case 0x4E24:			/* 两 */
			return 2;
		case 0x4E09:			/* 三 */
			return 3;
		case 0x56DB:			/* 四 */
			return 4;
		case 0x4E94:			/* 五 */
			return 5;
		case 0x516D:			/* 六 */
			return 6;
		case 0x4E03:			/* 七 */
			return 7;
		case 0x516B:			/* 八 */
			return 8;
		case 0x4E5D:			/* 九 */
			return 9;
	}
	return -1;
}

/* power of ten of a small magnitude character (十 百 千), 0 if none */
static int
SmallUnit(uint32_t c)
{
	return c == 0x5341 ? 1 : c == 0x767E ? 2 : c == 0x5343 ? 3 : 0;
}

/* 万 -> 4, 亿 -> 8 */
static int
BigUnit(uint32_t c)
{
	return c == 0x4E07 ? 4 : c == 0x4EBF ? 8 : 0;
}

/* An Arabic number at pos: digits, optional groups ",ddd", optional ".ddd". */
static int
ArabicNumber(const Text *t, int pos, Dec *out)
{
	int			i = pos;
	int			ndigits = 0;

	out->m = 0;
	out->e = 0;
	while (i < t->n)
	{
		if (IsDigit(t->cp[i]))
		{
			if (out->m > DEC_LIMIT / 10)
				return -1;
			out->m = out->m * 10 + (t->cp[i] - '0');
			ndigits++;
			i++;
		}
		else if (t->cp[i] == ',' && ndigits > 0 && i + 3 < t->n &&
				 IsDigit(t->cp[i + 1]) && IsDigit(t->cp[i + 2]) && IsDigit(t->cp[i + 3]) &&
				 (i + 4 >= t->n || !IsDigit(t->cp[i + 4])))
			i++;				/* thousands separator: exactly three digits follow */
		else
			break;
	}
	if (ndigits == 0)
		return 0;
	if (i + 1 < t->n && t->cp[i] == '.' && IsDigit(t->cp[i + 1]))
	{
		i++;
		while (i < t->n && IsDigit(t->cp[i]))
		{
			if (out->m > DEC_LIMIT / 10)
				return -1;
			out->m = out->m * 10 + (t->cp[i] - '0');
			out->e--;
			i++;
		}
	}
	return i - pos;
}

/*
 * A number with Chinese magnitudes: "1亿2000万", "两千万", "3000萬",
 * "1.5亿", "三千五百万", "十亿"; also a bare magnitude ("亿", "千万") when
 * allow_bare, meaning one of it.  Sets *has_unit if a magnitude character
 * was used, and *some for a 多/余 between the number and its magnitude
 * ("3000多万"), with *some_unit the place value it adds.
 */
typedef struct NumberInfo
{
	Dec			value;
	bool		has_digits;		/* Arabic or Chinese digits present */
	bool		has_unit;		/* any magnitude character */
	bool		ten;			/* starts with 十 alone ("十亿" = 10^9), a number word */
	bool		some;			/* 多/余 inside */
	Dec			some_unit;		/* what 多 adds at most */
	int			last_digit_pow; /* power of ten of the last significant place */
} NumberInfo;

static int
LeadingDigitPow(Dec v)
{
	__int128	m = v.m < 0 ? -v.m : v.m;
	int			p = v.e;

	if (m == 0)
		return v.e;
	while (m >= 10)
	{
		m /= 10;
		p++;
	}
	return p;
}

static int
ChineseStyleNumber(const Text *t, int pos, bool allow_bare, NumberInfo *ni)
{
	int			i = pos;
	Dec			total = {0, 0};
	Dec			section = {0, 0};
	Dec			current = {0, 0};
	bool		have_current = false;
	bool		any = false;

	memset(ni, 0, sizeof(*ni));
	for (;;)
	{
		int			len;
		Dec			num;
		int			d;
		int			u;

		if (i >= t->n)
			break;
		if (!have_current && (len = ArabicNumber(t, i, &num)) != 0)
		{
			if (len < 0)
				return -1;
			current = num;
			have_current = true;
			ni->has_digits = true;
			i += len;
			any = true;
			continue;
		}
		if (!have_current && (d = ChineseDigit(t->cp[i])) >= 0)
		{
			current.m = d;
			current.e = 0;
			have_current = true;
			ni->has_digits = true;
			i++;
			any = true;
			continue;
		}
		/* 多 / 余 right before a magnitude: "3000多万" */
		if (have_current && !ni->some && (t->cp[i] == 0x591A || t->cp[i] == 0x4F59) &&
			i + 1 < t->n && (SmallUnit(t->cp[i + 1]) || BigUnit(t->cp[i + 1])))
		{
			ni->some = true;
			ni->some_unit.m = 1;
			ni->some_unit.e = LeadingDigitPow(current);
			i++;
			continue;
		}
		if ((u = SmallUnit(t->cp[i])) != 0)
		{
			Dec			part = have_current ? current : (Dec) {1, 0};

			if (!have_current && !allow_bare && !any)
				break;
			if (!have_current && !any && u == 1)
				ni->ten = true;
			if (!DecMulPow10(&part, u) || !DecAdd(&section, part))
				return -1;
			if (ni->some)
				DecMulPow10(&ni->some_unit, u);
			have_current = false;
			ni->has_unit = true;
			i++;
			any = true;
			continue;
		}
		if ((u = BigUnit(t->cp[i])) != 0)
		{
			Dec			part = section;

			if (have_current && !DecAdd(&part, current))
				return -1;
			if (part.m == 0)
			{
				if (!allow_bare && !any)
					break;
				part.m = 1;
				part.e = 0;
			}
			if (!DecMulPow10(&part, u) || !DecAdd(&total, part))
				return -1;
			if (ni->some)
				DecMulPow10(&ni->some_unit, u);
			section.m = 0;
			section.e = 0;
			have_current = false;
			ni->has_unit = true;
			i++;
			any = true;
			/* 千万, 百万: a small unit before a big one multiplies it */
			continue;
		}
		break;
	}
	if (!any)
		return 0;
	if (have_current && !DecAdd(&section, current))
		return -1;
	if (!DecAdd(&total, section))
		return -1;
	ni->value = total;
	return i - pos;
}

/* ------------------------------------------------------------------------
 * Amount phrases
 * ------------------------------------------------------------------------
 */

typedef struct Amount
{
	Qualifier	q;
	Dec			a;				/* X, or the lower end of a range */
	Dec			b;				/* upper end of a range */
	Dec			some_unit;		/* for Q_SOME / Q_OVER: what may be added */
	bool		undisclosed;
	int			currency;		/* 0, or numeric code of an explicit currency */
	bool		weak_cny;		/* 元 */
} Amount;

typedef struct Unit
{
	const char *word;
	int			pow10;
	bool		attached;		/* must touch the number: "12m", not "12 m" */
} Unit;

static const Unit english_units[] = {
	{"k", 3, true}, {"m", 6, true}, {"mm", 6, true}, {"mn", 6, true}, {"b", 9, true}, {"bn", 9, true},
	{"thousand", 3, false}, {"million", 6, false}, {"millions", 6, false},
	{"billion", 9, false}, {"billions", 9, false},
};

/* A currency prefix ("$", "us$", "usd ") at pos; returns its length. */
static int
CurrencyPrefix(const Text *t, int pos, int *currency)
{
	int			best = 0;
	int			c,
				k;

	for (c = 0; c < N_CURRENCIES; c++)
		for (k = 0; k < 6 && currencies[c].prefixes[k]; k++)
		{
			const char *p = currencies[c].prefixes[k];
			int			len = MatchAt(t, pos, p, false);

			/* a letter code must stand apart from letters before it */
			if (len > 0 && p[0] >= 'a' && p[0] <= 'z' && pos > 0 && IsAsciiAlnum(t->cp[pos - 1]))
				len = 0;
			/* ... and be followed by a number, possibly after spaces */
			if (len > 0 && p[strlen(p) - 1] >= 'a' && p[strlen(p) - 1] <= 'z')
			{
				int			j = SkipGaps(t, pos + len);

				if (j >= t->n || !(IsDigit(t->cp[j]) || ChineseDigit(t->cp[j]) >= 0))
					len = 0;
			}
			if (len > best)
			{
				best = len;
				*currency = currencies[c].info.numeric;
			}
		}
	return best;
}

/* A currency word at pos (standalone or after a number); returns its length. */
static int
CurrencyWord(const Text *t, int pos, int *currency, bool *weak)
{
	int			best = 0;
	int			c,
				k;

	*weak = false;
	for (c = 0; c < N_CURRENCIES; c++)
		for (k = 0; k < 8 && currencies[c].words[k]; k++)
		{
			int			len = MatchAt(t, pos, currencies[c].words[k], true);

			if (len > best)
			{
				best = len;
				*currency = currencies[c].info.numeric;
			}
		}
	if (best == 0 && pos < t->n && t->cp[pos] == 0x5143)	/* 元 */
	{
		*currency = CNY;
		*weak = true;
		return 1;
	}
	return best;
}

/* One number with its unit: "2亿", "25 million", "12m", "1,000万". */
static int
NumberWithUnit(const Text *t, int pos, bool allow_bare, NumberInfo *ni)
{
	int			len = ChineseStyleNumber(t, pos, allow_bare, ni);
	int			i;
	int			best = 0;
	int			pow = 0;
	size_t		u;

	if (len <= 0)
		return len;
	i = pos + len;
	if (ni->has_unit)
		return len;
	/* an English magnitude, attached or after one space */
	for (u = 0; u < sizeof(english_units) / sizeof(english_units[0]); u++)
	{
		int			j = english_units[u].attached ? i : SkipGaps(t, i);
		/* an attached unit touches its digits, so no word check on its left */
		int			l = english_units[u].attached ? MatchAt(t, j, english_units[u].word, false) :
			(j > i ? MatchAt(t, j, english_units[u].word, true) : 0);

		/* "12m" is a word only as a whole: the unit must end the token */
		if (l > 0 && english_units[u].attached && j + l < t->n && IsAsciiAlnum(t->cp[j + l]))
			l = 0;
		if (l > 0 && j + l - i > best)
		{
			best = j + l - i;
			pow = english_units[u].pow10;
		}
	}
	if (best > 0)
	{
		if (!DecMulPow10(&ni->value, pow))
			return -1;
		ni->has_unit = true;
		if (ni->some)
			DecMulPow10(&ni->some_unit, pow);
	}
	return len + best;
}

/* "seven figures", "eight-figure" */
static int
Figures(const Text *t, int pos, Dec *x)
{
	static const char *const counts[] = {"four", "five", "six", "seven", "eight", "nine", "ten"};
	size_t		k;

	for (k = 0; k < sizeof(counts) / sizeof(counts[0]); k++)
	{
		int			l = MatchAt(t, pos, counts[k], true);
		int			m;

		if (l == 0)
			continue;
		m = MatchAt(t, pos + l, " figures", true);
		if (m == 0)
			m = MatchAt(t, pos + l, " figure", true);
		if (m == 0)
			continue;
		x->m = 1;
		x->e = (int) k + 3;		/* four figures: from 1,000 */
		return l + m;
	}
	return 0;
}

/*
 * The power of ten a magnitude added to the Arabic number at pos, given
 * the value with the magnitude: "2亿" -> 8, "20 million" -> 6.  -1 if the
 * number is not plain Arabic digits or the ratio is not a power of ten.
 */
static int
UnitShift(const Text *t, int pos, Dec with_unit)
{
	Dec			digits;
	int			k;

	if (ArabicNumber(t, pos, &digits) <= 0)
		return -1;
	for (k = 0; k <= 16; k++)
	{
		Dec			d = digits;
		Dec			diff = with_unit;

		if (!DecMulPow10(&d, k))
			return -1;
		diff.m = -diff.m;
		if (DecAdd(&diff, d) && diff.m == 0)
			return k;
	}
	return -1;
}

/*
 * An amount phrase at pos.  Returns its length (0: not an amount here; -1:
 * looks like an amount but is malformed, with err set).
 */
static int
AmountPhrase(const Text *t, int pos, Amount *am, InnoError *err)
{
	int			i = pos;
	int			w = 0;
	int			len;
	NumberInfo	ni;
	bool		weak;
	int			cur;
	size_t		k;

	memset(am, 0, sizeof(*am));
	am->q = Q_EXACT;

	/* no amount disclosed */
	if ((len = LongestOf(t, i, undisclosed_words, (int) (sizeof(undisclosed_words) / sizeof(char *)), true, NULL)) > 0)
	{
		am->undisclosed = true;
		return len;
	}

	/* a qualifier before the number */
	for (k = 0; k < sizeof(prefix_qualifiers) / sizeof(prefix_qualifiers[0]); k++)
	{
		int			l = MatchAt(t, i, prefix_qualifiers[k].word, true);

		if (l > w)
		{
			w = l;
			am->q = prefix_qualifiers[k].q;
		}
	}
	i = SkipGaps(t, i + w);

	/* "several million", "tens of millions" */
	if (am->q == Q_SEVERAL && (len = MatchAt(t, i, "hundred", true)) > 0)
	{
		/* several hundred thousand / million */
		int			j = SkipGaps(t, i + len);
		int			l;

		if ((l = MatchAt(t, j, "thousand", true)) > 0)
			am->a = (Dec) {1, 5};
		else if ((l = MatchAt(t, j, "million", true)) > 0)
			am->a = (Dec) {1, 8};
		else
			return 0;
		i = j + l;
		goto suffixes;
	}
	if ((len = MatchAt(t, i, "tens of millions", true)) > 0)
	{
		am->q = Q_SEVERAL;
		am->a = (Dec) {1, 7};
		i += len;
		goto suffixes;
	}
	if ((len = Figures(t, i, &am->a)) > 0)
	{
		if (am->q != Q_EXACT)
			return 0;
		am->q = Q_SEVERAL;
		i += len;
		goto suffixes;
	}
	if (am->q == Q_SEVERAL && w > 0 && t->cp[pos] >= 'a' && t->cp[pos] <= 'z')
	{
		/* "several million": the English unit alone */
		int			l;

		if ((l = MatchAt(t, i, "thousand", true)) > 0)
			am->a = (Dec) {1, 3};
		else if ((l = MatchAt(t, i, "million", true)) > 0)
			am->a = (Dec) {1, 6};
		else if ((l = MatchAt(t, i, "billion", true)) > 0)
			am->a = (Dec) {1, 9};
		else
			return 0;
		i += l;
		goto suffixes;
	}

	/* a currency before the number */
	if ((len = CurrencyPrefix(t, i, &cur)) > 0)
	{
		am->currency = cur;
		i = SkipGaps(t, i + len);
	}

	/* the number: digits, or a bare magnitude after a qualifier (近亿, 数千万) */
	len = NumberWithUnit(t, i, true, &ni);
	if (len < 0)
	{
		inno_set_detail(err, "The amount is too large to read.");
		return -1;
	}
	if (len == 0)
		return 0;
	if (!ni.has_digits && !ni.ten && am->q == Q_EXACT)
	{
		/* a bare 亿 or 千万 needs a qualifier or a suffix such as 级 or 及以上 */
		int			j = i + len;
		int			l = 0;

		for (k = 0; k < sizeof(suffix_qualifiers) / sizeof(suffix_qualifiers[0]); k++)
		{
			int			m = MatchAt(t, j, suffix_qualifiers[k].word, true);

			if (m > l)
				l = m;
		}
		if (l == 0)
		{
			/* "元级" etc.: allow 元 between the magnitude and the suffix */
			if (j < t->n && t->cp[j] == 0x5143)
				for (k = 0; k < sizeof(suffix_qualifiers) / sizeof(suffix_qualifiers[0]); k++)
					if (MatchAt(t, j + 1, suffix_qualifiers[k].word, true) > 0)
						l = 1;
		}
		if (l == 0)
			return 0;
	}
	if (am->q == Q_SEVERAL && ni.has_digits)
		return 0;				/* 数 before digits is not a number phrase */
	am->a = ni.value;
	if (ni.some)
	{
		if (am->q != Q_EXACT)
		{
			inno_set_detail(err, "The amount has two qualifiers.");
			return -1;
		}
		am->q = Q_SOME;
		am->some_unit = ni.some_unit;
	}
	i += len;

	/* a range: "5000万-8000万", "1-2亿", "10 to 20 million" */
	{
		int			j = SkipGaps(t, i);
		int			sep = 0;

		if (j < t->n && (t->cp[j] == '-' || t->cp[j] == '~' || t->cp[j] == 0x81F3 || t->cp[j] == 0x5230))
			sep = 1;			/* - ~ 至 到 */
		else
			sep = MatchAt(t, j, "to", true);
		if (sep > 0 && am->q == Q_EXACT)
		{
			int			j2 = SkipGaps(t, j + sep);
			int			cur2 = 0;
			int			l2;
			NumberInfo	nb;

			if ((l2 = CurrencyPrefix(t, j2, &cur2)) > 0)
				j2 = SkipGaps(t, j2 + l2);
			len = NumberWithUnit(t, j2, false, &nb);
			if (len > 0 && nb.has_digits && !nb.some)
			{
				Dec			lo = am->a,
							hi = nb.value;
				Dec			diff;

				/* "1-2亿": the lower end takes the upper end's magnitude */
				if (!ni.has_unit && nb.has_unit)
				{
					int			shift = UnitShift(t, j2, nb.value);

					if (shift < 0 || !DecMulPow10(&lo, shift))
						shift = -1;
					if (shift < 0)
						lo = am->a;
				}
				diff = hi;
				diff.m = -diff.m;
				if (DecAdd(&diff, lo) && diff.m < 0 && (cur2 == 0 || am->currency == 0 || cur2 == am->currency))
				{
					am->q = Q_RANGE;
					am->a = lo;
					am->b = hi;
					if (cur2 != 0)
						am->currency = cur2;
					i = j2 + len;
				}
			}
		}
	}

suffixes:
	/* qualifier after the number, then a currency word, in either order */
	for (;;)
	{
		int			best = 0;
		Qualifier	q = Q_EXACT;
		int			j = i;

		for (k = 0; k < sizeof(suffix_qualifiers) / sizeof(suffix_qualifiers[0]); k++)
		{
			int			l = MatchAt(t, SkipGaps(t, j), suffix_qualifiers[k].word, true);

			/* "+" must touch the number */
			if (l > 0 && suffix_qualifiers[k].word[0] == '+' && SkipGaps(t, j) != j)
				l = 0;
			if (l > 0 && SkipGaps(t, j) - j + l > best)
			{
				best = SkipGaps(t, j) - j + l;
				q = suffix_qualifiers[k].q;
			}
		}
		if (best > 0)
		{
			if (am->q == Q_RANGE || (am->q != Q_EXACT && !(am->q == q && q == Q_SEVERAL)))
			{
				inno_set_detail(err, "The amount has two qualifiers.");
				return -1;
			}
			am->q = q;
			if (q == Q_SOME)
			{
				am->some_unit.m = 1;
				am->some_unit.e = LeadingDigitPow(am->a);
			}
			i += best;
			continue;
		}
		{
			int			l = CurrencyWord(t, SkipGaps(t, i), &cur, &weak);

			if (l > 0 && !(weak ? am->weak_cny || am->currency : am->currency && !am->weak_cny && am->currency != cur))
			{
				if (weak)
					am->weak_cny = true;
				else if (am->currency == 0)
					am->currency = cur;
				else if (am->currency != cur)
				{
					inno_set_detail(err, "Two different currencies were given.");
					return -1;
				}
				i = SkipGaps(t, i) + l;
				continue;
			}
		}
		break;
	}
	if (am->q == Q_OVER)
	{
		am->some_unit.m = 1;
		am->some_unit.e = LeadingDigitPow(am->a);
	}
	return i - pos;
}

/* ------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------
 */

typedef struct DateInfo
{
	int			precision;		/* INNO_FR_DATE_* */
	int			year,
				month,
				day;
} DateInfo;

/* Exactly n digits at pos (not followed by another digit when exact). */
static bool
Digits(const Text *t, int pos, int min, int max, int *value, int *len)
{
	int			i = pos;

	*value = 0;
	while (i < t->n && IsDigit(t->cp[i]) && i - pos < max)
		*value = *value * 10 + (int) (t->cp[i++] - '0');
	if (i - pos < min || (i < t->n && IsDigit(t->cp[i])))
		return false;
	*len = i - pos;
	return true;
}

static const char *const month_names[12][2] = {
	{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may", "may"},
	{"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep"}, {"october", "oct"},
	{"november", "nov"}, {"december", "dec"},
};

static int
MonthName(const Text *t, int pos, int *month)
{
	int			m,
				best = 0;

	for (m = 0; m < 12; m++)
	{
		int			l = MatchAt(t, pos, month_names[m][0], true);

		if (l == 0)
			l = MatchAt(t, pos, month_names[m][1], true);
		if (l > best)
		{
			best = l;
			*month = m + 1;
		}
	}
	if (best > 0 && pos + best < t->n && t->cp[pos + best] == '.')
		best++;
	return best;
}

/* A date at pos; returns its length, 0 if none. */
static int
DatePhrase(const Text *t, int pos, DateInfo *di)
{
	int			y,
				m,
				d,
				l,
				l2,
				l3;
	int			i;

	memset(di, 0, sizeof(*di));
	if (pos > 0 && IsDigit(t->cp[pos - 1]))
		return 0;
	if (Digits(t, pos, 4, 4, &y, &l))
	{
		i = pos + l;
		/* 2023年6月15日 / 2023年6月 / 2023年 */
		if (i < t->n && t->cp[i] == 0x5E74)
		{
			i++;
			if (Digits(t, i, 1, 2, &m, &l2) && i + l2 < t->n && t->cp[i + l2] == 0x6708)
			{
				i += l2 + 1;
				if (Digits(t, i, 1, 2, &d, &l3) && i + l3 < t->n &&
					(t->cp[i + l3] == 0x65E5 || t->cp[i + l3] == 0x53F7))
				{
					*di = (DateInfo) {INNO_FR_DATE_DAY, y, m, d};
					return i + l3 + 1 - pos;
				}
				*di = (DateInfo) {INNO_FR_DATE_MONTH, y, m, 1};
				return i - pos;
			}
			*di = (DateInfo) {INNO_FR_DATE_YEAR, y, 1, 1};
			return i - pos;
		}
		/* 2023-06-15 / 2023/6/15 / 2023.06.15 / 2023-06 */
		if (i + 1 < t->n && (t->cp[i] == '-' || t->cp[i] == '/' || t->cp[i] == '.') &&
			Digits(t, i + 1, 1, 2, &m, &l2))
		{
			uint32_t	sep = t->cp[i];

			i += 1 + l2;
			if (i + 1 < t->n && t->cp[i] == sep && Digits(t, i + 1, 1, 2, &d, &l3))
			{
				*di = (DateInfo) {INNO_FR_DATE_DAY, y, m, d};
				return i + 1 + l3 - pos;
			}
			*di = (DateInfo) {INNO_FR_DATE_MONTH, y, m, 1};
			return i - pos;
		}
		/* a bare year */
		/* not a year when it runs on into a word or a number: "2023.5", "2,023" */
		if (i < t->n && (IsAsciiAlnum(t->cp[i]) ||
						 (t->cp[i] == '.' && i + 1 < t->n && IsDigit(t->cp[i + 1])) ||
						 (t->cp[i] == ',' && i + 3 < t->n && IsDigit(t->cp[i + 1]) &&
						  IsDigit(t->cp[i + 2]) && IsDigit(t->cp[i + 3]) &&
						  (i + 4 >= t->n || !IsDigit(t->cp[i + 4])))))
			return 0;
		*di = (DateInfo) {INNO_FR_DATE_YEAR, y, 1, 1};
		return l;
	}
	/* Jun 2023, June 15, 2023, 15 Jun 2023 */
	if ((l = MonthName(t, pos, &m)) > 0)
	{
		i = SkipGaps(t, pos + l);
		if (Digits(t, i, 1, 2, &d, &l2))
		{
			int			j = i + l2;

			if (j < t->n && t->cp[j] == ',')
				j++;
			j = SkipGaps(t, j);
			if (Digits(t, j, 4, 4, &y, &l3))
			{
				*di = (DateInfo) {INNO_FR_DATE_DAY, y, m, d};
				return j + l3 - pos;
			}
		}
		if (Digits(t, i, 4, 4, &y, &l3))
		{
			*di = (DateInfo) {INNO_FR_DATE_MONTH, y, m, 1};
			return i + l3 - pos;
		}
		return 0;
	}
	if (Digits(t, pos, 1, 2, &d, &l))
	{
		i = SkipGaps(t, pos + l);
		if (i > pos + l && (l2 = MonthName(t, i, &m)) > 0)
		{
			int			j = SkipGaps(t, i + l2);

			if (Digits(t, j, 4, 4, &y, &l3))
			{
				*di = (DateInfo) {INNO_FR_DATE_DAY, y, m, d};
				return j + l3 - pos;
			}
		}
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * The parser
 * ------------------------------------------------------------------------
 */

/* The original text of code points [from, to), for messages. */
static void
Quote(const Text *t, int from, int to, char *buf, size_t buflen)
{
	int			a = t->byte[from];
	int			b = t->byte[to];
	int			n = b - a;

	if (n > 60)
		n = 60;
	snprintf(buf, buflen, "%.*s", n, t->orig + a);
}

static int
KindPhrase(const Text *t, int pos, uint8_t *code)
{
	int			best = 0;
	int			k,
				p;

	for (k = 0; k < N_KINDS; k++)
		for (p = 0; p < 14 && kinds[k].phrases[p]; p++)
		{
			int			l = MatchAt(t, pos, kinds[k].phrases[p], true);

			/* "a" must not be the start of "a+" */
			if (l > 0 && pos + l < t->n && t->cp[pos + l] == '+' &&
				kinds[k].phrases[p][strlen(kinds[k].phrases[p]) - 1] != '+')
				l = 0;
			if (l > best)
			{
				best = l;
				*code = kinds[k].info.code;
			}
		}
	return best;
}

/* Apply a qualifier to the stated amount; sets low/point/high in minor units. */
static InnoStatus
ApplyQualifier(const Amount *am, int minor_digits, InnoFundingRound *fr, InnoError *err)
{
	int64_t		x = 0,
				y = 0,
				u = 0;
	InnoStatus	st;
	__int128	lo,
				pt,
				hi;

	if ((st = DecToMinor(am->a, minor_digits, &x)) != INNO_OK)
		goto bad;
	if (am->q == Q_RANGE && (st = DecToMinor(am->b, minor_digits, &y)) != INNO_OK)
		goto bad;
	if ((am->q == Q_OVER || am->q == Q_SOME) && (st = DecToMinor(am->some_unit, minor_digits, &u)) != INNO_OK)
		goto bad;
	if (x <= 0)
	{
		inno_set_detail(err, "An amount of zero is not an amount.");
		inno_set_hint(err, "Write 未披露 or undisclosed when the amount is not known.");
		return INNO_ERR_SYNTAX;
	}
	switch (am->q)
	{
		case Q_EXACT:
			lo = pt = hi = x;
			break;
		case Q_NEARLY:
			lo = ((__int128) x * 8 + 9) / 10;
			pt = (__int128) x * 9 / 10;
			hi = x;
			break;
		case Q_ABOUT:
			lo = ((__int128) x * 9 + 9) / 10;
			pt = x;
			hi = (__int128) x * 11 / 10;
			break;
		case Q_OVER:
		case Q_SOME:
			lo = x;
			hi = (__int128) x + u;
			pt = (lo + hi) / 2;
			break;
		case Q_SEVERAL:
			lo = x;
			pt = (__int128) x * 3;
			hi = (__int128) x * 10;
			break;
		case Q_OPEN:
			lo = pt = x;
			hi = INNO_FR_OPEN_HIGH;
			break;
		case Q_RANGE:
			lo = x;
			hi = y;
			pt = (lo + hi) / 2;
			break;
		default:
			return INNO_ERR_SYNTAX;
	}
	if (pt < lo)
		pt = lo;
	if ((hi > INNO_FR_AMOUNT_MAX && am->q != Q_OPEN) || pt > INNO_FR_AMOUNT_MAX)
	{
		st = INNO_ERR_RANGE;
		goto bad;
	}
	fr->low = (int64_t) lo;
	fr->point = (int64_t) pt;
	fr->high = (int64_t) hi;
	fr->flags |= INNO_FR_DISCLOSED;
	if (am->q == Q_OPEN)
		fr->flags |= INNO_FR_OPEN;
	return INNO_OK;
bad:
	if (st == INNO_ERR_RANGE)
		inno_set_detail(err, "The amount is larger than a funding_round holds (10^15 currency units).");
	else
		inno_set_detail(err, "The amount has more decimal places than its currency has (%d).", minor_digits);
	return st;
}

InnoStatus
inno_round_kind_parse(const char *s, size_t len, uint8_t *code, InnoError *err)
{
	Text		t;
	size_t		pos = 0;
	int			l;
	int			start;

	inno_error_clear(err);
	if (len > 200)
		return INNO_ERR_SYNTAX;
	/* fast path: a canonical label exactly */
	for (l = 0; l < N_KINDS; l++)
		if (strlen(kinds[l].info.label) == len && memcmp(kinds[l].info.label, s, len) == 0)
		{
			*code = kinds[l].info.code;
			return INNO_OK;
		}
	t.n = 0;
	t.orig = s;
	while (pos < len)
	{
		uint32_t	cp;

		if (t.n >= MAX_CPS || !inno_utf8_next(s, len, &pos, &cp))
			return INNO_ERR_SYNTAX;
		t.cp[t.n++] = FoldCodePoint(cp);
	}
	for (start = 0; start < t.n && t.cp[start] == ' '; start++)
		;
	while (t.n > start && t.cp[t.n - 1] == ' ')
		t.n--;
	if (t.n > start && (l = KindPhrase(&t, start, code)) == t.n - start)
		return INNO_OK;
	if (t.n - start == 11 && MatchAt(&t, start, "undisclosed", true) == 11)
	{
		*code = KIND_UNDISCLOSED;
		return INNO_OK;
	}
	{
		/* hint: the closest canonical label */
		char		norm[INNO_LABEL_MAX];
		int			k,
					ncp = 0,
					max,
					best,
					bestk = -1;
		size_t		b;

		if (inno_normalize_label(s, len, norm, sizeof(norm)))
		{
			for (b = 0; norm[b]; b++)
				ncp += (norm[b] & 0xC0) != 0x80;
			/* allow about one edit per three characters, as for stages */
			max = ncp / 3 > 3 ? 3 : ncp / 3;
			best = max + 1;
			for (k = 0; k < N_KINDS && max > 0; k++)
			{
				int			d = inno_edit_distance(norm, kinds[k].info.label, max);

				if (d < best)
				{
					best = d;
					bestk = k;
				}
			}
		}
		if (bestk >= 0)
			inno_set_hint(err, "Perhaps you meant \"%s\".", kinds[bestk].info.label);
		else
			inno_set_hint(err, "round_kinds() lists the kinds.");
	}
	return INNO_ERR_SYNTAX;
}

static int32_t
DaysOf(const DateInfo *d)
{
	return inno_days_from_ymd(d->year, d->month, d->day);
}

InnoStatus
inno_fr_parse(const char *s, size_t len, InnoFundingRound *out, InnoError *err)
{
	Text		t;
	size_t		pos = 0;
	int			i;
	bool		have_kind = false,
				have_amount = false,
				have_date = false;
	int			kind_at = 0,
				kind_end = 0,
				amount_at = 0,
				amount_end = 0,
				date_at = 0,
				date_end = 0;
	uint8_t		kind = 0;
	Amount		amount;
	DateInfo	date;
	int			currency = 0;	/* explicit */
	bool		weak_cny = false;
	int			pending_currency_end = -1;	/* a currency word right before */
	bool		explicit_point = false;
	int64_t		point_value = 0;
	char		q1[64],
				q2[64];

	inno_error_clear(err);
	memset(out, 0, sizeof(*out));
	memset(&amount, 0, sizeof(amount));
	memset(&date, 0, sizeof(date));
	if (len > MAX_INPUT)
	{
		inno_set_detail(err, "The text is longer than %d bytes.", MAX_INPUT);
		return INNO_ERR_SYNTAX;
	}
	t.n = 0;
	t.orig = s;
	while (pos < len)
	{
		uint32_t	cp;
		size_t		before = pos;

		if (!inno_utf8_next(s, len, &pos, &cp) || cp == 0 || t.n >= MAX_CPS)
		{
			inno_set_detail(err, "The text is not valid UTF-8.");
			return INNO_ERR_SYNTAX;
		}
		t.byte[t.n] = (int) before;
		t.cp[t.n++] = FoldCodePoint(cp);
	}
	t.byte[t.n] = (int) len;

	i = 0;
	while (i < t.n)
	{
		int			lens[5] = {0, 0, 0, 0, 0};	/* date, kind, amount, currency, filler */
		uint8_t		k = 0;
		Amount		am;
		DateInfo	di;
		int			cur = 0;
		bool		weak = false;
		int			best,
					which,
					c;

		if (IsSeparator(t.cp[i]))
		{
			i++;
			continue;
		}
		/* a point estimate written after a range: "~3000000" */
		if (t.cp[i] == '~' && have_amount && amount.q == Q_RANGE && amount_end == i - (i > 0 && t.cp[i - 1] == ' ' ? 1 : 0) &&
			!explicit_point)
		{
			Dec			p;
			int			l = ArabicNumber(&t, i + 1, &p);
			const InnoCurrencyInfo *ci;

			if (l > 0)
			{
				ci = inno_currency_by_numeric((uint16_t) (amount.currency ? amount.currency : currency ? currency : CNY));
				if (ci == NULL || DecToMinor(p, ci->minor_digits, &point_value) != INNO_OK)
				{
					inno_set_detail(err, "The point estimate cannot be read.");
					return INNO_ERR_SYNTAX;
				}
				explicit_point = true;
				i += 1 + l;
				continue;
			}
		}
		lens[0] = DatePhrase(&t, i, &di);
		lens[1] = KindPhrase(&t, i, &k);
		lens[2] = AmountPhrase(&t, i, &am, err);
		if (lens[2] < 0)
		{
			char		q[64];

			Quote(&t, i, t.n, q, sizeof(q));
			inno_set_hint(err, "The amount starts at \"%s\".", q);
			return INNO_ERR_SYNTAX;
		}
		lens[3] = CurrencyWord(&t, i, &cur, &weak);
		lens[4] = LongestOf(&t, i, fillers, (int) (sizeof(fillers) / sizeof(char *)), true, NULL);

		/* the word "undisclosed" fills the kind first, then the amount */
		if (MatchAt(&t, i, "undisclosed", true) == 11 && lens[2] == 11 && lens[1] < 11)
		{
			if (!have_kind)
			{
				lens[2] = 0;
				lens[1] = 11;
				k = KIND_UNDISCLOSED;
			}
		}

		best = 0;
		which = -1;
		for (c = 0; c < 5; c++)
			if (lens[c] > best)
			{
				best = lens[c];
				which = c;
			}
		/* a date and an amount of the same length: a number right after a currency is an amount */
		if (which == 0 && lens[2] == lens[0] && pending_currency_end >= 0)
			which = 2;
		/* a dash between parts ("Series A - $12M") separates them */
		if (which < 0 && t.cp[i] == '-')
		{
			i++;
			continue;
		}
		if (which < 0)
		{
			int			j = i;
			char		q[64];

			while (j < t.n && !IsSeparator(t.cp[j]))
				j++;
			Quote(&t, i, j, q, sizeof(q));
			inno_set_detail(err, "\"%s\" is not a round kind, an amount, a currency or a date.", q);
			{
				uint8_t		dummy;
				InnoError	kerr;

				if (inno_round_kind_parse(t.orig + t.byte[i], (size_t) (t.byte[j] - t.byte[i]), &dummy, &kerr) != INNO_OK &&
					strncmp(kerr.hint, "Perhaps", 7) == 0)
					inno_set_hint(err, "%s", kerr.hint);
			}
			return INNO_ERR_SYNTAX;
		}
		switch (which)
		{
			case 0:
				if (have_date)
				{
					Quote(&t, date_at, date_end, q1, sizeof(q1));
					Quote(&t, i, i + best, q2, sizeof(q2));
					inno_set_detail(err, "Two dates were given: \"%s\" and \"%s\".", q1, q2);
					return INNO_ERR_SYNTAX;
				}
				if (di.month < 1 || di.month > 12 || !inno_valid_ymd(di.year, di.month, di.day))
				{
					Quote(&t, i, i + best, q1, sizeof(q1));
					inno_set_detail(err, "The date \"%s\" is not a real date.", q1);
					return INNO_ERR_SYNTAX;
				}
				if (di.year < INNO_FR_YEAR_MIN || di.year > INNO_FR_YEAR_MAX)
				{
					Quote(&t, i, i + best, q1, sizeof(q1));
					inno_set_detail(err, "The date \"%s\" is outside the years %d to %d.", q1,
									INNO_FR_YEAR_MIN, INNO_FR_YEAR_MAX);
					return INNO_ERR_RANGE;
				}
				have_date = true;
				date = di;
				date_at = i;
				date_end = i + best;
				break;
			case 1:
				if (have_kind)
				{
					Quote(&t, kind_at, kind_end, q1, sizeof(q1));
					Quote(&t, i, i + best, q2, sizeof(q2));
					inno_set_detail(err, "Two round kinds were given: \"%s\" and \"%s\".", q1, q2);
					return INNO_ERR_SYNTAX;
				}
				have_kind = true;
				kind = k;
				kind_at = i;
				kind_end = i + best;
				break;
			case 2:
				if (have_amount)
				{
					Quote(&t, amount_at, amount_end, q1, sizeof(q1));
					Quote(&t, i, i + best, q2, sizeof(q2));
					inno_set_detail(err, "Two amounts were given: \"%s\" and \"%s\".", q1, q2);
					return INNO_ERR_SYNTAX;
				}
				have_amount = true;
				amount = am;
				amount_at = i;
				amount_end = i + best;
				break;
			case 3:
				if (weak)
					weak_cny = true;
				else if (currency != 0 && currency != cur)
				{
					inno_set_detail(err, "Two different currencies were given.");
					return INNO_ERR_SYNTAX;
				}
				else
					currency = cur;
				break;
			default:
				break;
		}
		i += best;
		pending_currency_end = which == 3 ? i : -1;
	}

	if (!have_kind && !have_amount && !have_date)
	{
		inno_set_detail(err, t.n == 0 ? "The text is empty." : "The text names no round kind, amount or date.");
		return INNO_ERR_SYNTAX;
	}

	/* currency: explicit ones must agree; 元 only counts when nothing else is named */
	if (have_amount && amount.currency != 0)
	{
		if (currency != 0 && currency != amount.currency)
		{
			inno_set_detail(err, "Two different currencies were given.");
			return INNO_ERR_SYNTAX;
		}
		currency = amount.currency;
	}
	if (have_amount && amount.weak_cny)
		weak_cny = true;
	if (currency == 0 && weak_cny)
		currency = CNY;

	out->kind = have_kind ? kind : KIND_UNDISCLOSED;
	out->flags = INNO_FR_VERSION_1;
	if (have_amount && !amount.undisclosed)
	{
		const InnoCurrencyInfo *ci;
		InnoStatus	st;

		if (currency == 0)
			currency = CNY;		/* a bare number is in yuan */
		ci = inno_currency_by_numeric((uint16_t) currency);
		st = ApplyQualifier(&amount, ci->minor_digits, out, err);
		if (st != INNO_OK)
			return st;
		if (explicit_point)
		{
			if (point_value < out->low || point_value > out->high)
			{
				inno_set_detail(err, "The point estimate is outside the range.");
				return INNO_ERR_SYNTAX;
			}
			out->point = point_value;
		}
	}
	else if (explicit_point)
	{
		inno_set_detail(err, "A point estimate needs a range.");
		return INNO_ERR_SYNTAX;
	}
	out->currency = (uint16_t) currency;
	if (have_date)
	{
		out->flags |= (uint8_t) date.precision;
		out->announced = DaysOf(&date);
	}
	return inno_fr_validate(out, err) == INNO_OK ? INNO_OK : INNO_ERR_SYNTAX;
}

/* ------------------------------------------------------------------------
 * Formatting, construction, validation, order, binary form
 * ------------------------------------------------------------------------
 */

int
inno_fr_format(const InnoFundingRound *fr, char *buf, size_t buflen)
{
	const InnoRoundKindInfo *k = inno_round_kind_by_code(fr->kind);
	const InnoCurrencyInfo *c = inno_currency_by_numeric(fr->currency);
	int			digits = c ? c->minor_digits : 2;
	char		a[INNO_DECIMAL_MAX],
				b[INNO_DECIMAL_MAX],
				p[INNO_DECIMAL_MAX];
	int			o;

	if (k == NULL || buflen < INNO_FR_TEXT_MAX)
		return -1;
	o = snprintf(buf, buflen, "%s", k->label);
	if (c)
		o += snprintf(buf + o, buflen - o, " %s", c->alpha);
	if (!(fr->flags & INNO_FR_DISCLOSED))
		o += snprintf(buf + o, buflen - o, " undisclosed");
	else
	{
		inno_minor_to_decimal(fr->low, digits, a);
		if (fr->flags & INNO_FR_OPEN)
			o += snprintf(buf + o, buflen - o, " %s+", a);
		else if (fr->low == fr->high)
			o += snprintf(buf + o, buflen - o, " %s", a);
		else
		{
			inno_minor_to_decimal(fr->high, digits, b);
			o += snprintf(buf + o, buflen - o, " %s-%s", a, b);
			if (fr->point != fr->low + (fr->high - fr->low) / 2)
			{
				inno_minor_to_decimal(fr->point, digits, p);
				o += snprintf(buf + o, buflen - o, " ~%s", p);
			}
		}
	}
	if ((fr->flags & INNO_FR_DATE_MASK) != INNO_FR_DATE_NONE)
	{
		int			y,
					m,
					d;

		inno_ymd_from_days(fr->announced, &y, &m, &d);
		switch (fr->flags & INNO_FR_DATE_MASK)
		{
			case INNO_FR_DATE_YEAR:
				o += snprintf(buf + o, buflen - o, " %04d", y);
				break;
			case INNO_FR_DATE_MONTH:
				o += snprintf(buf + o, buflen - o, " %04d-%02d", y, m);
				break;
			default:
				o += snprintf(buf + o, buflen - o, " %04d-%02d-%02d", y, m, d);
				break;
		}
	}
	return o < (int) buflen ? o : -1;
}

InnoStatus
inno_fr_make(uint8_t kind, bool has_amount, int64_t low, bool has_high, int64_t high,
			 uint16_t currency, int date_precision, int32_t days,
			 InnoFundingRound *out, InnoError *err)
{
	inno_error_clear(err);
	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->flags = INNO_FR_VERSION_1;
	out->currency = currency;
	if (has_amount)
	{
		if (low <= 0)
		{
			inno_set_detail(err, "The lower amount must be positive.");
			inno_set_hint(err, "Pass NULL amounts for an undisclosed round.");
			return INNO_ERR_PARAM;
		}
		if (has_high && high < low)
		{
			inno_set_detail(err, "The upper amount is below the lower amount.");
			return INNO_ERR_PARAM;
		}
		out->flags |= INNO_FR_DISCLOSED;
		out->low = low;
		if (has_high)
		{
			out->high = high;
			out->point = low + (high - low) / 2;
		}
		else
		{
			out->high = INNO_FR_OPEN_HIGH;
			out->point = low;
			out->flags |= INNO_FR_OPEN;
		}
	}
	if (date_precision != INNO_FR_DATE_NONE)
	{
		int			y,
					m,
					d;

		inno_ymd_from_days(days, &y, &m, &d);
		if (y < INNO_FR_YEAR_MIN || y > INNO_FR_YEAR_MAX)
		{
			inno_set_detail(err, "The announcement date is outside the years %d to %d.",
							INNO_FR_YEAR_MIN, INNO_FR_YEAR_MAX);
			return INNO_ERR_RANGE;
		}
		if ((date_precision == INNO_FR_DATE_MONTH && d != 1) ||
			(date_precision == INNO_FR_DATE_YEAR && (d != 1 || m != 1)))
		{
			inno_set_detail(err, "A date of %s precision must be the first day of its %s.",
							date_precision == INNO_FR_DATE_MONTH ? "month" : "year",
							date_precision == INNO_FR_DATE_MONTH ? "month" : "year");
			inno_set_hint(err, "Use date_trunc() on the date first.");
			return INNO_ERR_PARAM;
		}
		out->flags |= (uint8_t) date_precision;
		out->announced = days;
	}
	return inno_fr_validate(out, err) == INNO_OK ? INNO_OK : INNO_ERR_PARAM;
}

InnoStatus
inno_fr_validate(const InnoFundingRound *fr, InnoError *err)
{
	int			prec = fr->flags & INNO_FR_DATE_MASK;

	inno_error_clear(err);
	if ((fr->flags & INNO_FR_VERSION_MASK) != INNO_FR_VERSION_1 || (fr->flags & INNO_FR_RESERVED_MASK))
	{
		inno_set_detail(err, "Unknown funding_round format (flags 0x%02x).", (unsigned) fr->flags);
		return INNO_ERR_CORRUPT;
	}
	if (inno_round_kind_rank(fr->kind) == 0)
	{
		inno_set_detail(err, "Round kind code %u is not a kind.", (unsigned) fr->kind);
		return INNO_ERR_CORRUPT;
	}
	if (fr->currency != 0 ? inno_currency_by_numeric(fr->currency) == NULL : (fr->flags & INNO_FR_DISCLOSED) != 0)
	{
		inno_set_detail(err, "Currency code %u is not known.", (unsigned) fr->currency);
		return INNO_ERR_CORRUPT;
	}
	if (fr->flags & INNO_FR_DISCLOSED)
	{
		bool		open = (fr->flags & INNO_FR_OPEN) != 0;

		if (fr->low <= 0 || fr->low > fr->point ||
			(open ? (fr->high != INNO_FR_OPEN_HIGH || fr->point > INNO_FR_AMOUNT_MAX) :
			 (fr->point > fr->high || fr->high > INNO_FR_AMOUNT_MAX)))
		{
			inno_set_detail(err, "The amounts are not ordered 0 < low <= point <= high <= 10^17 minor units.");
			return INNO_ERR_CORRUPT;
		}
	}
	else if (fr->low != 0 || fr->point != 0 || fr->high != 0 || (fr->flags & INNO_FR_OPEN))
	{
		inno_set_detail(err, "An undisclosed amount must have zero bounds.");
		return INNO_ERR_CORRUPT;
	}
	if (prec == INNO_FR_DATE_NONE)
	{
		if (fr->announced != 0)
		{
			inno_set_detail(err, "An undated round must have day 0.");
			return INNO_ERR_CORRUPT;
		}
	}
	else
	{
		int			y,
					m,
					d;

		if (fr->announced < inno_days_from_ymd(INNO_FR_YEAR_MIN, 1, 1) ||
			fr->announced > inno_days_from_ymd(INNO_FR_YEAR_MAX, 12, 31))
		{
			inno_set_detail(err, "The announcement date is out of range.");
			return INNO_ERR_CORRUPT;
		}
		inno_ymd_from_days(fr->announced, &y, &m, &d);
		if ((prec == INNO_FR_DATE_MONTH && d != 1) || (prec == INNO_FR_DATE_YEAR && (d != 1 || m != 1)))
		{
			inno_set_detail(err, "The announcement date does not start its month or year.");
			return INNO_ERR_CORRUPT;
		}
	}
	return INNO_OK;
}

#define CMP(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

int
inno_fr_cmp(const InnoFundingRound *a, const InnoFundingRound *b)
{
	int			pa = a->flags & INNO_FR_DATE_MASK;
	int			pb = b->flags & INNO_FR_DATE_MASK;

	/* undated rounds after every dated one */
	CMP(pa == INNO_FR_DATE_NONE, pb == INNO_FR_DATE_NONE);
	CMP(a->announced, b->announced);
	CMP(pa, pb);
	CMP(inno_round_kind_rank(a->kind), inno_round_kind_rank(b->kind));
	CMP(a->kind, b->kind);
	CMP(a->currency, b->currency);
	CMP(a->point, b->point);
	CMP(a->low, b->low);
	CMP(a->high, b->high);
	CMP(a->flags, b->flags);
	return 0;
}

#undef CMP

static uint8_t *
Put(uint8_t *p, uint64_t v, int bytes)
{
	int			i;

	for (i = bytes - 1; i >= 0; i--)
		*p++ = (uint8_t) (v >> (8 * i));
	return p;
}

static uint64_t
Get(const uint8_t **p, int bytes)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < bytes; i++)
		v = (v << 8) | *(*p)++;
	return v;
}

void
inno_fr_encode_binary(const InnoFundingRound *fr, uint8_t *buf)
{
	uint8_t    *p = buf;

	*p++ = INNO_FR_BINARY_VERSION;
	p = Put(p, (uint64_t) fr->low, 8);
	p = Put(p, (uint64_t) fr->point, 8);
	p = Put(p, (uint64_t) fr->high, 8);
	p = Put(p, (uint32_t) fr->announced, 4);
	p = Put(p, fr->currency, 2);
	*p++ = fr->kind;
	*p = fr->flags;
}

InnoStatus
inno_fr_decode_binary(const uint8_t *buf, size_t len, InnoFundingRound *out, InnoError *err)
{
	const uint8_t *p = buf + 1;

	inno_error_clear(err);
	if (len != INNO_FR_BINARY_LEN)
	{
		inno_set_detail(err, "A binary funding_round is %d bytes, not %zu.", INNO_FR_BINARY_LEN, len);
		return INNO_ERR_CORRUPT;
	}
	if (buf[0] != INNO_FR_BINARY_VERSION)
	{
		inno_set_detail(err, "Unknown binary format version %u (this version reads version %d).",
						(unsigned) buf[0], INNO_FR_BINARY_VERSION);
		return INNO_ERR_CORRUPT;
	}
	memset(out, 0, sizeof(*out));
	out->low = (int64_t) Get(&p, 8);
	out->point = (int64_t) Get(&p, 8);
	out->high = (int64_t) Get(&p, 8);
	out->announced = (int32_t) (uint32_t) Get(&p, 4);
	out->currency = (uint16_t) Get(&p, 2);
	out->kind = *p++;
	out->flags = *p;
	return inno_fr_validate(out, err);
}
