/*
 * funding.h
 *	  The funding_round value: round kind, an amount kept as an honest
 *	  [low, high] range with a point estimate, currency and announcement
 *	  date with its precision.  Plain C: parser, formatter, validator,
 *	  comparison and binary codec.
 *
 * Amounts are integers in the currency's minor unit (fen for CNY, cents for
 * USD, yen for JPY); no floating point anywhere.  The true amount of a round
 * lies in [low, high]; point is the documented single-value estimate (see
 * doc/funding_round.md for the rules that set it from phrases such as
 * "近2亿" or "数千万").
 */
#ifndef INNO_FUNDING_H
#define INNO_FUNDING_H

#include "inno_core.h"
#include "calendar.h"

/*
 * The stored value: exactly 32 bytes, no pointers, no padding holes (every
 * byte is defined, so equal values are bytewise equal and hash alike).
 */
typedef struct InnoFundingRound
{
	int64_t		low;			/* minor units; 0 when the amount is undisclosed */
	int64_t		point;			/* point estimate, low <= point <= high */
	int64_t		high;			/* INNO_FR_OPEN_HIGH when open above */
	int32_t		announced;		/* days since 2000-01-01 (PostgreSQL's date
								 * epoch): the first day of the year or month
								 * for coarser precision; 0 when no date */
	uint16_t	currency;		/* ISO 4217 numeric code; 0 only when the
								 * amount is undisclosed and no currency was
								 * named */
	uint8_t		kind;			/* stable round-kind code (never 0) */
	uint8_t		flags;			/* INNO_FR_* bits below */
} InnoFundingRound;

/* flags */
#define INNO_FR_DATE_MASK		0x03	/* date precision: */
#define INNO_FR_DATE_NONE		0x00	/* no date */
#define INNO_FR_DATE_YEAR		0x01
#define INNO_FR_DATE_MONTH		0x02
#define INNO_FR_DATE_DAY		0x03
#define INNO_FR_DISCLOSED		0x04	/* an amount is known */
#define INNO_FR_OPEN			0x08	/* no upper bound ("$10M+", "亿元及以上") */
#define INNO_FR_RESERVED_MASK	0x30	/* must be zero */
#define INNO_FR_VERSION_MASK	0xC0	/* storage format version, bits 6-7 */
#define INNO_FR_VERSION_1		0x40

#define INNO_FR_OPEN_HIGH		INT64_MAX
/* largest amount accepted, in minor units (10^15 major units) */
#define INNO_FR_AMOUNT_MAX		INT64_C(100000000000000000)

/* dates accepted: years 1900..2199 */
#define INNO_FR_YEAR_MIN		1900
#define INNO_FR_YEAR_MAX		2199

/* ---- round kinds ---- */

typedef enum InnoRoundCategory
{
	INNO_ROUND_VENTURE,			/* equity funding of a private firm */
	INNO_ROUND_PUBLIC_EQUITY,	/* equity raised after listing (定增) */
	INNO_ROUND_EXIT,			/* IPO, M&A, buyout, secondary (Dealroom's rule) */
	INNO_ROUND_HYBRID,			/* convertible, grant-to-equity */
	INNO_ROUND_DEBT,			/* loans, debt */
	INNO_ROUND_GRANT,			/* non-repayable public money */
	INNO_ROUND_UNKNOWN,			/* undisclosed kind */
	INNO_ROUND_NCATEGORIES
} InnoRoundCategory;

/* A family's label ("venture", "public_equity", ...), and back; the list for hints. */
extern const char *inno_round_category_name(InnoRoundCategory c);
extern bool inno_round_category_parse(const char *s, size_t len, InnoRoundCategory *c);
extern void inno_round_category_list(char *buf, size_t buflen);

typedef struct InnoRoundKindInfo
{
	uint8_t		code;			/* stable storage code, never reused */
	const char *label;			/* canonical English label, e.g. "pre_a" */
	const char *name_zh;		/* Chinese name, e.g. "Pre-A轮" */
	InnoRoundCategory category;
	bool		is_equity;		/* counts as equity funding */
	bool		is_exit;		/* counts as an exit (Dealroom) */
} InnoRoundKindInfo;

/* Kinds in their documented order (rank 1..count). */
extern int	inno_round_kind_count(void);
extern const InnoRoundKindInfo *inno_round_kind_by_rank(int rank);
extern const InnoRoundKindInfo *inno_round_kind_by_code(uint8_t code);
extern int	inno_round_kind_rank(uint8_t code);	/* 0 if invalid */
/* the kind whose canonical label is exactly s[0..len), or NULL */
extern const InnoRoundKindInfo *inno_round_kind_by_label(const char *s, size_t len);

/* The phrases of the kind at a rank, as the lexicon matches them. */
extern const char *const *inno_round_kind_phrases(int rank, int *count);

#define INNO_KIND_UNDISCLOSED 34

/* Parse a kind label or alias alone (for funding_round(kind, ...) and round_kind input). */
extern InnoStatus inno_round_kind_parse(const char *s, size_t len, uint8_t *code, InnoError *err);

/* ---- currencies ---- */

typedef struct InnoCurrencyInfo
{
	uint16_t	numeric;		/* ISO 4217 numeric code */
	const char *alpha;			/* ISO 4217 alphabetic code, e.g. "CNY" */
	int			minor_digits;	/* 2 for CNY/USD, 0 for JPY */
} InnoCurrencyInfo;

extern const InnoCurrencyInfo *inno_currency_by_numeric(uint16_t numeric);
extern const InnoCurrencyInfo *inno_currency_by_alpha(const char *alpha);	/* case-insensitive */
extern int	inno_currency_count(void);
extern const InnoCurrencyInfo *inno_currency_by_index(int i);

/* How text names a currency: a symbol before the number, a code, a word. */
typedef enum InnoCurrencyForm
{
	INNO_CUR_SYMBOL,
	INNO_CUR_CODE,				/* besides the ISO code itself */
	INNO_CUR_WORD
} InnoCurrencyForm;

extern const char *const *inno_currency_words(int i, InnoCurrencyForm form, int *count);
/* the ISO code in lower case */
extern const char *inno_currency_code_folded(int i);

/* The other words of funding text (qualifiers, magnitudes, fillers ...), as data. */
extern int	inno_funding_word_count(void);
extern void inno_funding_word(int i, const char **text, int *cls, int *value, int *flags);

/* ---- amount qualifiers: the rules that turn a phrase into [low, high] ---- */

typedef enum InnoQualifier
{
	INNO_Q_EXACT,
	INNO_Q_NEARLY,
	INNO_Q_ABOUT,
	INNO_Q_OVER,
	INNO_Q_SOME,
	INNO_Q_SEVERAL,
	INNO_Q_OPEN,
	INNO_Q_RANGE,
	INNO_Q_COUNT
} InnoQualifier;

/*
 * A bound as (cx * X + cy * Y) / den, where X is the stated amount (the
 * lower figure of a range, the unit named after "several") and Y is the
 * upper figure of a range or, for "over" and "and some", u: the place
 * value of X's leading digit.  Lower bounds round up, points and upper
 * bounds down, so a bound never claims more than the text says.
 */
typedef struct InnoBoundRule
{
	int8_t		cx;
	int8_t		cy;
	int8_t		den;
} InnoBoundRule;

typedef struct InnoQualifierRule
{
	InnoQualifier q;
	const char *name;			/* "nearly" */
	InnoBoundRule low,
				point,
				high;
	bool		open;			/* no upper bound */
	bool		y_is_unit;		/* Y is u, not a second figure */
	const char *basis;			/* where the rule comes from, for the docs */
} InnoQualifierRule;

extern const InnoQualifierRule *inno_qualifier_rule(InnoQualifier q);

/* ---- the value ---- */

/*
 * Parse free text ("B轮 近2亿元 2023-06", "获得近2亿元B轮融资", "Series B,
 * $25M, 2023-06-15").  default_currency (an ISO numeric code, or 0) is the
 * currency of an amount that names none and is not written with 万 or 亿.
 */
extern InnoStatus inno_fr_parse(const char *s, size_t len, uint16_t default_currency,
								InnoFundingRound *out, InnoError *err);

/* Longest text inno_fr_parse reads, in bytes (articles go to extraction). */
#define INNO_FR_INPUT_MAX 1000

/* The names of the date precisions, indexed by INNO_FR_DATE_*: "", "year", "month", "day". */
extern const char *const inno_fr_precision_names[4];
/* INNO_FR_DATE_* of a precision name (case-insensitive), -1 if none */
extern int	inno_fr_precision_of(const char *name);

/*
 * Funding rounds mentioned in a paragraph or an article.  For each, the
 * callback gets the value and the phrase's span in bytes and in characters
 * (code points), both [start, end).  Returns false only on invalid UTF-8.
 */
typedef struct InnoFrMention
{
	InnoFundingRound round;
	size_t		byte_start,
				byte_end;
	size_t		char_start,
				char_end;
} InnoFrMention;

typedef void (*InnoFrMentionFn) (void *ctx, const InnoFrMention *m);

extern bool inno_fr_extract(const char *s, size_t len, uint16_t default_currency,
							InnoFrMentionFn fn, void *ctx);

/*
 * Canonical text form, which inno_fr_parse reads back to a bytewise
 * identical value.  Returns the length written (excluding the NUL), or -1
 * if buflen is too small; INNO_FR_TEXT_MAX is always enough.
 */
#define INNO_FR_TEXT_MAX 160
extern int	inno_fr_format(const InnoFundingRound *fr, char *buf, size_t buflen);

/*
 * Build a value from parts, as the SQL constructor
 * funding_round(kind, low, high, currency, announced) does.  Amounts are in
 * minor units; has_amount false means undisclosed; has_high false means open
 * above.  The point is the midpoint (rounded down) of a closed range, low for
 * an open one.  date_precision is one of INNO_FR_DATE_*; days as in
 * InnoFundingRound.announced.
 */
extern InnoStatus inno_fr_make(uint8_t kind, bool has_amount, int64_t low, bool has_high, int64_t high,
							   uint16_t currency, int date_precision, int32_t days,
							   InnoFundingRound *out, InnoError *err);
/*
 * Place the point estimate of a disclosed round explicitly: within [low,
 * high]; a round open above keeps low as its point (its text form has no
 * room for another), so any other point is INNO_ERR_PARAM.
 */
extern InnoStatus inno_fr_set_point(InnoFundingRound *fr, int64_t point, InnoError *err);

/* Check every field and invariant of a stored value. */
extern InnoStatus inno_fr_validate(const InnoFundingRound *fr, InnoError *err);

/* The documented total order; 0 exactly when the values are bytewise equal. */
extern int	inno_fr_cmp(const InnoFundingRound *a, const InnoFundingRound *b);

/* Binary send/recv format: a version byte, then the fields in network byte order. */
#define INNO_FR_BINARY_VERSION 1
#define INNO_FR_BINARY_LEN 33
extern void inno_fr_encode_binary(const InnoFundingRound *fr, uint8_t *buf);
extern InnoStatus inno_fr_decode_binary(const uint8_t *buf, size_t len, InnoFundingRound *out, InnoError *err);

#endif							/* INNO_FUNDING_H */
