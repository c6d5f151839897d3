/*
 * lexicon.h
 *	  The one lexicon layer shared by every text reader of the extension
 *	  (project_stage, funding_round, the article extractor): normalization,
 *	  a tokenizer that yields lexemes with their spans, vocabulary lookup in
 *	  a trie, and one "did you mean" rule.
 *
 * Normalization folds each code point: full-width ASCII forms to ASCII,
 * ASCII letters to lower case, dashes and ideographic space to their ASCII
 * forms, and traditional Chinese characters to simplified ones (one table,
 * lexicon_fold.c).  Vocabulary phrases are written in folded form; a space,
 * '-' or '_' in a phrase is a *gap* that matches any run, possibly empty, of
 * spaces, '-' and '_' in the text ("Pre-A轮", "pre a轮", "PreA轮").
 *
 * Every vocabulary lives once, as data, in the file that owns its meaning
 * (stage.c, funding_vocab.c, designation_vocab.c); each registers its phrases here on first use.
 * A phrase may carry several entries ("a" is the round kind A and the
 * English article): the readers decide between them.
 */
#ifndef INNO_LEXICON_H
#define INNO_LEXICON_H

#include "inno_core.h"

/* ---- normalization ---- */

/* Fold one code point (see above). */
extern uint32_t inno_lx_fold(uint32_t cp);

/* One bit per code point of U+4E00..U+9FFF that the table folds (built on first load). */
extern uint8_t inno_lx_traditional[];
extern void inno_lx_build_fold_bitmap(void);

/* The traditional -> simplified pairs, for docs and tests. */
extern const uint32_t (*inno_lx_fold_pairs(int *count))[2];

/*
 * A normalized text: folded code points with the byte offset of each in the
 * original (off[n] is the length).  The arrays belong to the caller.
 */
typedef struct LxText
{
	const char *orig;
	size_t		len;
	uint32_t   *cp;
	uint32_t   *off;
	int			n;
} LxText;

/*
 * Decode and fold s[0..len) into t (cp and off with room for cap code
 * points, off for cap + 1).  Returns false if s is not valid UTF-8, holds a
 * NUL, or has more than cap code points (*too_long tells which).
 */
extern bool inno_lx_load(const char *s, size_t len, uint32_t *cp, uint32_t *off, int cap,
						 LxText *t, bool *too_long);

static inline bool
inno_lx_is_gap(uint32_t c)
{
	return c == ' ' || c == '-' || c == '_' || c == '\t';
}

static inline bool
inno_lx_is_ascii_alnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static inline bool
inno_lx_is_letter(uint32_t c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool
inno_lx_is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* CJK unified ideographs (and extension A), the characters Chinese words use */
static inline bool
inno_lx_is_cjk(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Punctuation that separates parts of a text (never inside a phrase). */
extern bool inno_lx_is_separator(uint32_t c);

/* ---- vocabulary entries ---- */

typedef enum LxClass
{
	LX_STAGE = 1,				/* value: stage code */
	LX_KIND,					/* value: round-kind code */
	LX_CUR_PREFIX,				/* written before a number; value: ISO numeric */
	LX_CUR_WORD,				/* a currency word; value: ISO numeric */
	LX_YUAN,					/* 元: CNY, yielding to a template's currency */
	LX_QUAL_PRE,				/* amount qualifier before the number; value: InnoQualifier */
	LX_QUAL_POST,				/* qualifier after the number or unit */
	LX_MAGNITUDE,				/* value: power of ten; flags LXF_* */
	LX_CN_DIGIT,				/* a Chinese digit; value: 0..9 */
	LX_UNDISCLOSED,				/* "no amount disclosed" */
	LX_FILLER,					/* a word that carries no information */
	LX_ARTICLE,					/* the English article (a, an) */
	LX_ROUND_COUNT,				/* counts rounds: 两轮, rounds */
	LX_NUMBER_WORD,				/* an English number word (two, three) */
	LX_MONTH,					/* value: 1..12 */
	LX_DATE_UNIT,				/* 年 (1), 月 (2), 日/号 (3) */
	LX_RANGE_SEP,				/* 至, 到, to */
	LX_CUE,						/* extraction: a word that announces funding */
	LX_NOT_ROUND,				/* extraction: the amount is not a round's */
	LX_SUBJECT,					/* extraction: counted subjects (个, 家, projects) */
	LX_SCHEME,					/* a designation scheme; value: scheme | implied level << 8 */
	LX_NCLASSES
} LxClass;

/* The class's name in funding_vocabulary() and the docs ("qualifier_before"). */
extern const char *inno_lx_class_name(LxClass cls);

/* flags */
#define LXF_CJK			0x01	/* a Chinese magnitude (十 百 千 万 亿) */
#define LXF_ATTACHED	0x02	/* an English unit that must touch its digits (12m) */
#define LXF_WORD		0x04	/* an English magnitude word (million) */
#define LXF_PROSE		0x08	/* an English filler: marks the text as a sentence */
#define LXF_ISO			0x10	/* a currency written as its ISO code */
#define LXF_SYMBOL		0x20	/* a currency written as a symbol ($, US$, €) */
#define LXF_BARE		0x40	/* "a" / "a round": the kind A or the English article */
#define LXF_FIGURES		0x80	/* "figures": "eight figures" */
#define LXF_SEVERAL		0x100	/* a magnitude that is itself an order ("tens of millions") */
#define LXF_LETTER		0x200	/* a round kind written as its bare letter ("b"): fields only */

typedef struct LxEntry
{
	uint8_t		cls;			/* LxClass */
	uint16_t	flags;
	uint16_t	value;
} LxEntry;

/* A registered phrase, for listings, docs and suggestions. */
typedef struct LxPhrase
{
	const char *text;			/* folded, UTF-8 */
	LxEntry		entry;
} LxPhrase;

/*
 * Register a phrase.  Only the vocabularies' registration functions call
 * it, when the trie is first built; each vocabulary's file defines one.
 */
extern void inno_lx_add(const char *phrase, uint8_t cls, uint16_t value, uint16_t flags);
extern void inno_stage_register_vocabulary(void);
extern void inno_funding_register_vocabulary(void);
extern void inno_desig_register_vocabulary(void);

/* Trie labels of a phrase (folded code points, GAP_LABEL for a gap); -1 if too long. */
#define LX_MAX_PHRASE_CPS 64
#define LX_GAP_LABEL 0x110000	/* beyond Unicode: no text character matches it */
extern int	inno_lx_phrase_labels(const char *text, uint32_t *out);

/* True if a vocabulary did not fit the lexicon's fixed tables (a bug; tested). */
extern bool inno_lx_overflowed(void);

/*
 * A phrase as a hint shows it: a gap next to a Chinese character is
 * dropped ("b 轮" shows as "b轮").  buf needs strlen(phrase) + 1 bytes.
 */
extern void inno_lx_display(const char *phrase, char *buf, size_t buflen);

/* Every registered phrase, in registration order. */
extern const LxPhrase *inno_lx_phrases(int *count);

/*
 * Longest vocabulary phrase at t->cp[pos].  A match that ends in an ASCII
 * letter or digit must not be followed by one.  Returns the number of code
 * points matched (0: none) and sets *entries / *nentries.
 */
extern int	inno_lx_match(const LxText *t, int pos, const LxEntry **entries, int *nentries);

/* The entry of a class among a lexeme's entries, or NULL. */
extern const LxEntry *inno_lx_find(const LxEntry *entries, int n, LxClass cls);

/* ---- lexemes ---- */

typedef enum LxType
{
	LXT_VOCAB,					/* a vocabulary phrase */
	LXT_DIGITS,					/* a run of ASCII digits */
	LXT_WORD,					/* an ASCII word not in the vocabulary */
	LXT_OTHER,					/* a character not in the vocabulary */
	LXT_GAP,					/* a run of spaces, '-', '_' */
	LXT_SEP						/* a separator character */
} LxType;

typedef struct LxLexeme
{
	int			start;			/* code points [start, end) */
	int			end;
	uint8_t		type;			/* LxType */
	uint8_t		nent;
	uint8_t		dash;			/* GAP: holds a '-'; OTHER/SEP: the character is ASCII */
	uint32_t	classes;		/* LXT_VOCAB: bit (1 << cls) for each entry's class */
	const LxEntry *ent;			/* LXT_VOCAB: the phrase's entries */
} LxLexeme;

/*
 * Split t into lexemes (room for cap).  Returns the count, or -1 if there
 * are more than cap.
 */
extern int	inno_lx_lex(const LxText *t, LxLexeme *lx, int cap);

/* ---- did you mean ---- */

/*
 * Edit distance (Levenshtein with adjacent transpositions, counted in code
 * points) between a[0..na) and b[0..nb), or max + 1 when it exceeds max.
 */
extern int	inno_lx_distance(const uint32_t *a, int na, const uint32_t *b, int nb, int max);

/*
 * The one suggestion rule: the registered phrase of class cls closest to
 * the folded text w[0..n), when its distance is at most one edit per three
 * letters (one per two characters for Chinese), between 1 and 3.  Returns
 * NULL if none is close enough; *distance gets the distance.
 */
extern const LxPhrase *inno_lx_suggest(const uint32_t *w, int n, LxClass cls, int *distance);

#endif							/* INNO_LEXICON_H */
