/*
 * funnel.h
 *	  stage_funnel: how many projects are at each stage of the ladder.  A
 *	  fixed-size summary that merges exactly (integer addition).
 */
#ifndef INNO_FUNNEL_H
#define INNO_FUNNEL_H

#include "stage.h"

#define INNO_FUNNEL_VERSION 1
#define INNO_FUNNEL_SLOTS 16	/* counts by stage code 0..15 (0 is never used) */

typedef struct InnoFunnel
{
	uint8_t		version;
	uint8_t		pad[7];			/* zero */
	int64_t		count[INNO_FUNNEL_SLOTS];	/* by stable stage code */
} InnoFunnel;

extern void inno_funnel_init(InnoFunnel *f);
/* INNO_ERR_RANGE on overflow. */
extern InnoStatus inno_funnel_add(InnoFunnel *f, InnoStage stage, int64_t n);
extern InnoStatus inno_funnel_merge(InnoFunnel *f, const InnoFunnel *g);

/*
 * Add one project at a stage, without the check of the total: for a caller
 * that knows the total is below INT64_MAX (see funnel_trans).  false, and
 * nothing changed, when the stage is not a rung.
 */
extern bool inno_funnel_add_one_unchecked(InnoFunnel *f, InnoStage stage);

extern int64_t inno_funnel_at(const InnoFunnel *f, InnoStage stage);
/* projects at or beyond a stage */
extern int64_t inno_funnel_reached(const InnoFunnel *f, InnoStage stage);
extern int64_t inno_funnel_total(const InnoFunnel *f);

extern InnoStatus inno_funnel_validate(const InnoFunnel *f, InnoError *err);

/* {"concept": 3, "high_tech": 1}: non-zero counts, in ladder order. */
#define INNO_FUNNEL_TEXT_MAX (INNO_STAGE_COUNT * 44 + 4)
extern int	inno_funnel_format(const InnoFunnel *f, char *buf, size_t buflen);
extern InnoStatus inno_funnel_parse(const char *s, size_t len, InnoFunnel *out, InnoError *err);

/* binary: version byte, then the 16 counts as int64 in network byte order */
#define INNO_FUNNEL_BINARY_LEN (1 + 8 * INNO_FUNNEL_SLOTS)
extern void inno_funnel_encode_binary(const InnoFunnel *f, uint8_t *buf);
extern InnoStatus inno_funnel_decode_binary(const uint8_t *buf, size_t len, InnoFunnel *out, InnoError *err);

#endif							/* INNO_FUNNEL_H */
