/*
 * survival.h
 *	  stage_survival: censored time from one stage to another, over projects
 *	  (Kaplan-Meier).  A bounded summary that merges exactly.
 *
 * Every project that first reached `from` on or before `as_of` is a
 * subject.  Its time is the number of days from its first `from` date to
 * its first `to` date if it reached `to` by `as_of` (an event), otherwise to
 * `as_of` (censored: it may still get there).  A subject whose `from` or
 * `to` milestone has no date, or that reached `to` before `from` (a
 * contradiction in the register), has no time: it is counted as excluded,
 * never guessed.
 *
 * Times are kept in buckets: one per day below INNO_SV_EXACT_DAYS (about
 * eleven years), beyond that INNO_SV_SUB buckets per doubling (each at most
 * 1/128 of its time wide, 32 to 512 days); a bucket is written as its first
 * day.  Only buckets holding subjects are stored, so a summary has at most
 * INNO_SV_BUCKETS entries of 24 bytes.
 */
#ifndef INNO_SURVIVAL_H
#define INNO_SURVIVAL_H

#include "history.h"

#define INNO_SV_VERSION 1
#define INNO_SV_EXACT_DAYS 4096
#define INNO_SV_SUB 128
#define INNO_SV_OCTAVES 5
#define INNO_SV_BUCKETS (INNO_SV_EXACT_DAYS + INNO_SV_OCTAVES * INNO_SV_SUB)
/* longer than any time between two dates stage_history holds (1900..2199) */
#define INNO_SV_MAX_DAYS ((INNO_SV_EXACT_DAYS << INNO_SV_OCTAVES) - 1)

typedef struct InnoSvEntry
{
	int32_t		day;			/* first day of the bucket */
	int32_t		pad;			/* zero */
	int64_t		events;			/* subjects that reached `to` in this bucket */
	int64_t		censored;		/* subjects still short of `to` at as_of */
} InnoSvEntry;

typedef struct InnoSurvival
{
	uint8_t		version;
	InnoStage	from;
	InnoStage	to;
	uint8_t		pad;			/* zero */
	int32_t		as_of;			/* days since 2000-01-01 */
	int64_t		undated;		/* subjects without a `from` or `to` date */
	int64_t		contradicting;	/* subjects that reached `to` before `from` */
	int64_t		total;			/* every count above and below: at most INT64_MAX */
	uint32_t	nentries;
	uint32_t	pad2;			/* zero */
	InnoSvEntry entries[];		/* by day, each with events + censored > 0 */
} InnoSurvival;

#define INNO_SV_SIZE(n) (offsetof(InnoSurvival, entries) + (size_t) (n) * sizeof(InnoSvEntry))

/*
 * The empty summary of no rows has no stages and no date (from = to = 0,
 * as_of 0): the identity of merges, whatever the other's parameters.
 */
static inline bool
inno_sv_is_unset(const InnoSurvival *s)
{
	return s->from == 0 && s->to == 0;
}

/* The bucket of a time in days (0..INNO_SV_MAX_DAYS), and a bucket's first day. */
extern int32_t inno_sv_bucket(int32_t days);
extern int32_t inno_sv_bucket_day(int32_t bucket);

/* The accepted as_of dates: those of stage_history, 1900-01-01 .. 2199-12-31. */
extern bool inno_sv_as_of_ok(int32_t day);

/*
 * Check every field of a summary in size bytes (at least its entries; an
 * aggregation state has room for more): version, reserved bytes,
 * stages (from at or below to on the ladder), as_of, entries sorted by day,
 * each a bucket's first day no later than the longest possible time, counts
 * non-negative, and total their sum.
 */
extern InnoStatus inno_sv_validate(const InnoSurvival *s, size_t size, InnoError *err);

/*
 * Aggregation works on the summary itself (so that a partial state is a
 * stage_survival that any node can read), with room for capacity entries:
 * a new time needs one; when there is none, *full is set and nothing
 * changes, and the caller retries with more room.
 */
extern InnoStatus inno_sv_init(InnoSurvival *s, InnoStage from, InnoStage to, int32_t as_of,
							   InnoError *err);
/* INNO_ERR_PARAM (with detail and hint) unless s counts from -> to as of as_of. */
extern InnoStatus inno_sv_same_params(const InnoSurvival *s, InnoStage from, InnoStage to,
									  int32_t as_of, InnoError *err);
/* Classify one project's history; INNO_ERR_RANGE past INT64_MAX projects. */
extern InnoStatus inno_sv_add_history(InnoSurvival *s, uint32_t capacity, const InnoHistory *h,
									  bool *full);
/*
 * dst += src, both valid (an empty one without stages merges with any);
 * INNO_ERR_PARAM for other parameters, INNO_ERR_RANGE past INT64_MAX.
 */
extern InnoStatus inno_sv_merge(InnoSurvival *dst, uint32_t capacity, const InnoSurvival *src,
								bool *full, InnoError *err);

/* ---- Kaplan-Meier ---- */

/* one row of the curve: a time with events or censorings */
typedef struct InnoSvStep
{
	int32_t		day;
	int64_t		at_risk;		/* subjects whose time is this day or later */
	int64_t		events;
	int64_t		censored;
	double		survival;		/* share not yet at `to` just after this day */
	bool		has_band;		/* false where survival is 0 or 1 */
	double		lower;			/* 95% band, Greenwood variance, log-log scale */
	double		upper;
} InnoSvStep;

typedef struct InnoSvWalk
{
	uint32_t	next;
	int64_t		at_risk;
	double		survival;
	double		greenwood;		/* sum of d / (n (n - d)) */
} InnoSvWalk;

extern void inno_sv_walk_init(const InnoSurvival *s, InnoSvWalk *w);
extern bool inno_sv_walk_next(const InnoSurvival *s, InnoSvWalk *w, InnoSvStep *step);

extern int64_t inno_sv_subjects(const InnoSurvival *s);	/* events + censored */
extern int64_t inno_sv_events(const InnoSurvival *s);
extern int64_t inno_sv_censored(const InnoSurvival *s);

/*
 * The first day by which a share q (0..1) of subjects has reached `to`
 * (estimated survival at most 1 - q, within 1e-12); false if the curve
 * never gets there or there are no subjects.
 */
extern bool inno_sv_quantile(const InnoSurvival *s, double q, int32_t *day);
/* 1 - S(days): the estimated share reaching `to` within days; false without subjects. */
extern bool inno_sv_reached_within(const InnoSurvival *s, int64_t days, double *share);

/* ---- text and binary forms (survival_io.c) ---- */

/*
 * {"version": 1, "from": "registered", "to": "high_tech", "as_of":
 * "2025-12-31", "undated": 0, "contradicting": 0, "times": [[0, 3, 0],
 * [412, 1, 2]]}: times are [day, events, censored].
 */
extern size_t inno_sv_text_size(const InnoSurvival *s);
extern int	inno_sv_format(const InnoSurvival *s, char *buf, size_t buflen);
/* With out NULL, only counts the entries into *nentries; then parse into INNO_SV_SIZE(*nentries). */
extern InnoStatus inno_sv_parse(const char *text, size_t len, InnoSurvival *out, uint32_t *nentries,
								InnoError *err);

/* version, from, to, as_of (4), undated (8), contradicting (8), n (4), n x (day 4, events 8, censored 8) */
#define INNO_SV_BINARY_SIZE(n) (3 + 4 + 8 + 8 + 4 + (size_t) (n) * 20)
extern void inno_sv_encode_binary(const InnoSurvival *s, uint8_t *buf);
extern InnoStatus inno_sv_decode_binary(const uint8_t *buf, size_t len, InnoSurvival *out,
										uint32_t *nentries, InnoError *err);

#endif							/* INNO_SURVIVAL_H */
