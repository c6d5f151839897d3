/*
 * history.h
 *	  stage_history: the first date a project reached each stage.  Built
 *	  from milestone rows; merges exactly (earliest date per stage wins).
 *
 * Input is kept as given: if a later stage was reached before an earlier
 * one (a "contradiction", common in hand-kept registers), both dates stay,
 * inno_history_consistent() says so, and time_to may be negative.  Nothing
 * is silently reordered.  A stage can be recorded as reached without a
 * date: it counts for the current stage but not for dates and durations.
 */
#ifndef INNO_HISTORY_H
#define INNO_HISTORY_H

#include "stage.h"

#define INNO_HISTORY_VERSION 1
#define INNO_HISTORY_SLOTS 16	/* by stage code 0..15 */

typedef struct InnoHistory
{
	uint8_t		version;
	uint8_t		pad;			/* zero */
	uint16_t	reached;		/* bit per stage code: reached */
	uint16_t	dated;			/* bit per stage code: first date known */
	uint16_t	pad2;			/* zero */
	int32_t		first[INNO_HISTORY_SLOTS];	/* days since 2000-01-01; 0 when not dated */
} InnoHistory;

extern void inno_history_init(InnoHistory *h);
extern InnoStatus inno_history_add(InnoHistory *h, InnoStage stage, bool has_date, int32_t day);
extern void inno_history_merge(InnoHistory *h, const InnoHistory *g);

/* The furthest stage reached; INNO_STAGE_INVALID if none. */
extern InnoStage inno_history_current(const InnoHistory *h);
/* The furthest stage first reached on or before day; INNO_STAGE_INVALID if none. */
extern InnoStage inno_history_on(const InnoHistory *h, int32_t day);
extern bool inno_history_first(const InnoHistory *h, InnoStage stage, int32_t *day);
/* Do the first dates rise (or stay) along the ladder? */
extern bool inno_history_consistent(const InnoHistory *h);

extern InnoStatus inno_history_validate(const InnoHistory *h, InnoError *err);

/* {"registered": "2021-05-10", "high_tech": null}: reached stages in ladder order. */
#define INNO_HISTORY_TEXT_MAX (INNO_STAGE_COUNT * 36 + 4)
extern int	inno_history_format(const InnoHistory *h, char *buf, size_t buflen);
extern InnoStatus inno_history_parse(const char *s, size_t len, InnoHistory *out, InnoError *err);

/* binary: version byte, reached (2), dated (2), then 16 int32 days, network byte order */
#define INNO_HISTORY_BINARY_LEN (1 + 2 + 2 + 4 * INNO_HISTORY_SLOTS)
extern void inno_history_encode_binary(const InnoHistory *h, uint8_t *buf);
extern InnoStatus inno_history_decode_binary(const uint8_t *buf, size_t len, InnoHistory *out, InnoError *err);

#endif							/* INNO_HISTORY_H */
