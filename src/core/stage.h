/*
 * stage.h
 *	  The project_stage vocabulary: an ordered, bilingual growth ladder.
 *
 * A stage is stored as a one-byte *code*.  Codes are stable forever: a code
 * once given to a stage is never reused or renumbered, so values on disk, in
 * binary COPY files and on other nodes keep their meaning across versions.
 * The *rank* (1 = first rung) gives the order and is looked up from the
 * code, so a later version may insert a rung between existing ones without
 * rewriting stored data.  In this version code and rank happen to coincide.
 */
#ifndef INNO_STAGE_H
#define INNO_STAGE_H

#include "inno_core.h"

typedef uint8_t InnoStage;		/* a stable stage code; 0 is never valid */

#define INNO_STAGE_INVALID 0
#define INNO_STAGE_COUNT 12

/* stable codes */
#define INNO_STAGE_CONCEPT				1
#define INNO_STAGE_PILOT				2
#define INNO_STAGE_INCUBATING			3
#define INNO_STAGE_REGISTERED			4
#define INNO_STAGE_PRODUCING			5
#define INNO_STAGE_TECH_SME				6
#define INNO_STAGE_HIGH_TECH			7
#define INNO_STAGE_ABOVE_SCALE			8
#define INNO_STAGE_GAZELLE				9
#define INNO_STAGE_POTENTIAL_UNICORN	10
#define INNO_STAGE_UNICORN				11
#define INNO_STAGE_LISTED				12

/* binary send/recv format: a format-version byte, then the code */
#define INNO_STAGE_BINARY_VERSION 1
#define INNO_STAGE_BINARY_LEN 2

typedef struct InnoStageInfo
{
	InnoStage	code;			/* stable storage code */
	const char *label;			/* canonical English label (the output form) */
	const char *name_zh;		/* Chinese name */
	const char *definition;		/* one-line English definition */
} InnoStageInfo;

typedef struct InnoStageAlias
{
	const char *alias;			/* accepted spelling, already normalized */
	InnoStage	code;
} InnoStageAlias;

/* The ladder, by rank: rank r (1-based) is inno_stage_by_rank(r). */
extern const InnoStageInfo *inno_stage_by_rank(int rank);

/* NULL if code is not a valid stage code. */
extern const InnoStageInfo *inno_stage_by_code(InnoStage code);

/* Rank of each code (1..INNO_STAGE_COUNT); 0 for codes that are not stages. */
extern const uint8_t inno_stage_rank_of_code[256];

/* Rank of a valid code (1..INNO_STAGE_COUNT); 0 for an invalid code. */
static inline int
inno_stage_rank(InnoStage code)
{
	return inno_stage_rank_of_code[code];
}

/* Code at a rank; INNO_STAGE_INVALID if rank is outside 1..INNO_STAGE_COUNT. */
extern InnoStage inno_stage_at_rank(int rank);

/* Every accepted spelling (canonical labels included), for docs and tests. */
extern const InnoStageAlias *inno_stage_aliases(size_t *count);

/* Three-way comparison by rank. */
static inline int
inno_stage_cmp(InnoStage a, InnoStage b)
{
	int			ra = inno_stage_rank(a);
	int			rb = inno_stage_rank(b);

	return (ra > rb) - (ra < rb);
}

/*
 * Parse a label (UTF-8, not necessarily NUL-terminated).  On failure returns
 * INNO_ERR_SYNTAX and puts a hint in err: the closest label when one is close
 * enough, otherwise the list of valid labels.
 */
extern InnoStatus inno_stage_parse(const char *s, size_t len, InnoStage *code, InnoError *err);

/* Binary format: encode into buf (INNO_STAGE_BINARY_LEN bytes), decode with full validation. */
extern void inno_stage_encode_binary(InnoStage code, uint8_t *buf);
extern InnoStatus inno_stage_decode_binary(const uint8_t *buf, size_t len, InnoStage *code, InnoError *err);

#endif							/* INNO_STAGE_H */
