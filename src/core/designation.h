/*
 * designation.h
 *	  The designation vocabulary: honours a firm holds (科技企业梯次培育),
 *	  each with its scheme, issuer level, list year, validity, list batch
 *	  and criteria edition.
 *
 * Designations are not rungs of the project_stage ladder: a firm may be a
 * 高新技术企业, a 专精特新"小巨人" and a 瞪羚企业 at once.  Each scheme
 * belongs to one *track*; within a track whose schemes form a ladder the
 * schemes are ordered by *rung*, and across tracks they are not ordered.
 *
 * A value is 8 bytes, passed by value, packed into a uint64 so that equality
 * is one comparison:
 *
 *	bits 56..63  scheme code (stable forever, like stage codes)
 *	bits 48..55  issuer level (0: the text did not say)
 *	bits 32..47  list year (0: not given)
 *	bits 24..31  validity in years, counting the list year (0: unknown)
 *	bits 16..23  list batch (第N批; 0: not given)
 *	bits  0..15  criteria edition, a year (0: not given)
 *
 * Every table (schemes, tracks, levels, spellings, the words the reader
 * knows) lives once, in designation_vocab.c; the reader, the formatter, the
 * SQL listings, the hints and the doc checks read it.
 */
#ifndef INNO_DESIGNATION_H
#define INNO_DESIGNATION_H

#include "inno_core.h"

typedef uint64_t InnoDesignation;

/* stable scheme codes */
#define INNO_SCHEME_TECH_SME			1	/* 科技型中小企业 */
#define INNO_SCHEME_HIGH_TECH			2	/* 高新技术企业 */
#define INNO_SCHEME_INNOVATIVE_SME		3	/* 创新型中小企业 */
#define INNO_SCHEME_SPECIALIZED_SME		4	/* 专精特新中小企业 */
#define INNO_SCHEME_LITTLE_GIANT		5	/* 专精特新"小巨人" */
#define INNO_SCHEME_SINGLE_CHAMPION		6	/* 制造业单项冠军 */
#define INNO_SCHEME_GAZELLE				7	/* 瞪羚企业 */
#define INNO_SCHEME_SEED_UNICORN		8	/* 种子独角兽 */
#define INNO_SCHEME_POTENTIAL_UNICORN	9	/* 潜在独角兽 */
#define INNO_SCHEME_UNICORN				10	/* 独角兽 */
#define INNO_SCHEME_TECH_LEADER			11	/* 科技领军企业 */
#define INNO_SCHEME_COUNT				11

/* tracks */
#define INNO_TRACK_TECH			1	/* 科技型中小企业 -> 高新技术企业 -> 科技领军企业 */
#define INNO_TRACK_MIIT			2	/* 创新型 -> 专精特新 -> 小巨人 -> 单项冠军 */
#define INNO_TRACK_VALUATION	3	/* 种子 -> 潜在 -> 独角兽 */
#define INNO_TRACK_GROWTH		4	/* 瞪羚 */
#define INNO_TRACK_COUNT		4

/* issuer levels (0: not stated) */
#define INNO_LEVEL_NONE			0
#define INNO_LEVEL_NATIONAL		1
#define INNO_LEVEL_PROVINCIAL	2
#define INNO_LEVEL_MUNICIPAL	3
#define INNO_LEVEL_DISTRICT		4
#define INNO_LEVEL_COUNT		4
#define INNO_LEVEL_BIT(l)		(1u << (l))

/* years the reader accepts for list years, validity ends and editions */
#define INNO_DESIG_YEAR_MIN		1980
#define INNO_DESIG_YEAR_MAX		2100
#define INNO_DESIG_TERM_MAX		30
#define INNO_DESIG_BATCH_MAX	99

/* binary send/recv format: a format-version byte, then the 8 bytes, big-endian */
#define INNO_DESIG_BINARY_VERSION 1
#define INNO_DESIG_BINARY_LEN 9

typedef struct InnoSchemeInfo
{
	uint8_t		code;			/* stable storage code */
	const char *label;			/* canonical English label */
	const char *name_zh;		/* Chinese name */
	uint8_t		track;			/* INNO_TRACK_* */
	uint8_t		rung;			/* 1-based position on the track */
	uint8_t		levels;			/* INNO_LEVEL_BIT of each level that issues it */
	uint8_t		default_level;	/* the level when the text names none (0: stays unstated) */
	uint8_t		term;			/* documented validity in years (0: none documented) */
	const char *issuer;			/* who issues it */
	const char *definition;		/* one-line English definition */
} InnoSchemeInfo;

typedef struct InnoTrackInfo
{
	uint8_t		code;
	const char *label;
	const char *name_zh;
	bool		ladder;			/* are the track's schemes ordered? */
	const char *definition;
} InnoTrackInfo;

typedef struct InnoLevelInfo
{
	uint8_t		code;
	const char *label;			/* national, provincial, municipal, district */
	const char *name_zh;
} InnoLevelInfo;

/* The schemes by code (1..INNO_SCHEME_COUNT); NULL for any other code. */
extern const InnoSchemeInfo *inno_scheme_by_code(unsigned code);
extern const InnoTrackInfo *inno_track_by_code(unsigned code);
extern const InnoLevelInfo *inno_level_by_code(unsigned code);

/* ---- the packed value ---- */

static inline unsigned inno_desig_scheme(InnoDesignation d) { return (unsigned) (d >> 56); }
static inline unsigned inno_desig_level(InnoDesignation d) { return (unsigned) (d >> 48) & 0xFF; }
static inline unsigned inno_desig_year(InnoDesignation d) { return (unsigned) (d >> 32) & 0xFFFF; }
static inline unsigned inno_desig_term(InnoDesignation d) { return (unsigned) (d >> 24) & 0xFF; }
static inline unsigned inno_desig_batch(InnoDesignation d) { return (unsigned) (d >> 16) & 0xFF; }
static inline unsigned inno_desig_edition(InnoDesignation d) { return (unsigned) d & 0xFFFF; }

static inline InnoDesignation
inno_desig_make(unsigned scheme, unsigned level, unsigned year, unsigned term,
				unsigned batch, unsigned edition)
{
	return ((uint64_t) scheme << 56) | ((uint64_t) level << 48) | ((uint64_t) year << 32) |
		((uint64_t) term << 24) | ((uint64_t) batch << 16) | (uint64_t) edition;
}

/* The last year of validity; 0 when the list year or the validity is unknown. */
static inline unsigned
inno_desig_valid_until(InnoDesignation d)
{
	unsigned	y = inno_desig_year(d),
				t = inno_desig_term(d);

	return y && t ? y + t - 1 : 0;
}

/* Is d valid in year y?  -1: unknown (no list year, or no validity). */
static inline int
inno_desig_valid_in(InnoDesignation d, int y)
{
	unsigned	until = inno_desig_valid_until(d);

	if (until == 0)
		return -1;
	return y >= (int) inno_desig_year(d) && y <= (int) until;
}

/*
 * Check every field of a value that came from storage or another node:
 * INNO_OK, or INNO_ERR_CORRUPT with a detail.  Values the reader made pass,
 * and only values it can make: every value that passes reads back from its
 * text as itself.
 */
extern InnoStatus inno_desig_check(InnoDesignation d, InnoError *err);

/*
 * The order of the btree operator class: by track, rung, level, list year,
 * validity, batch and edition.  Across tracks this is a storage order only;
 * the ladder comparison is inno_desig_ladder_cmp.
 */
extern int	inno_desig_cmp(InnoDesignation a, InnoDesignation b);

/*
 * The ladder comparison: -1, 0 or 1 by rung when a and b are on the same
 * track, and INNO_DESIG_UNORDERED when they are not (the SQL operators
 * answer NULL).
 */
#define INNO_DESIG_UNORDERED 2
extern int	inno_desig_ladder_cmp(InnoDesignation a, InnoDesignation b);

/*
 * Parse a designation as sources write it ("2024年省瞪羚企业", "Jiangsu
 * gazelle 2024", "高新技术企业 2023-2025").  On failure returns
 * INNO_ERR_SYNTAX (or INNO_ERR_RANGE for a year out of range) with a detail
 * and, where one helps, a hint.
 */
extern InnoStatus inno_desig_parse(const char *s, size_t len, InnoDesignation *d, InnoError *err);

/*
 * The canonical text: "[level ]scheme[ year][ until Y][ batch N][ criteria Y]",
 * e.g. "provincial gazelle 2024", "national little_giant 2023 batch 5".
 * "until" appears only when the validity differs from the scheme's
 * documented term.  buf needs INNO_DESIG_TEXT_MAX bytes.
 */
#define INNO_DESIG_TEXT_MAX 96
extern void inno_desig_format(InnoDesignation d, char *buf, size_t buflen);

/* Binary format: encode into buf (INNO_DESIG_BINARY_LEN bytes), decode with full validation. */
extern void inno_desig_encode_binary(InnoDesignation d, uint8_t *buf);
extern InnoStatus inno_desig_decode_binary(const uint8_t *buf, size_t len, InnoDesignation *d,
										   InnoError *err);

/* ---- the words the reader knows, for listings, docs and tests ---- */

typedef enum DesigWordRole
{
	DW_SCHEME = 1,				/* value: scheme | implied level << 8 */
	DW_LEVEL,					/* value: level; flags DWF_SUFFIX */
	DW_PLACE,					/* a province-level region; value: its level */
	DW_FILLER,					/* a word that carries no information (企业, list) */
	DW_BATCH,					/* 第 .. 批, batch */
	DW_VALIDITY,				/* 有效期, valid, until */
	DW_EDITION,					/* 版, 标准, criteria, edition */
	DW_RELATIVE,				/* a year relative to the text (今年): refused */
	DW_NROLES
} DesigWordRole;

#define DWF_SUFFIX	0x01		/* a level word that may end a place name (苏州市) */
#define DWF_OPEN	0x02		/* a word before its number (第, batch, criteria) */
#define DWF_CLOSE	0x04		/* a word after its number (批, 版) */

typedef struct DesigWord
{
	const char *text;			/* folded, UTF-8; '_' is a gap in scheme phrases */
	uint8_t		role;			/* DesigWordRole */
	uint8_t		flags;
	uint16_t	value;
} DesigWord;

/* Every word, in table order (schemes' spellings first). */
extern const DesigWord *inno_desig_words(int *count);
extern const char *inno_desig_role_name(DesigWordRole role);
/* True if the reader's word table could not hold every word (a bug; tested). */
extern bool inno_desig_words_overflowed(void);

#endif							/* INNO_DESIGNATION_H */
