/*
 * survival.c
 *	  stage_survival: buckets, validation, the aggregation state and the
 *	  Kaplan-Meier estimate.
 */
#include "survival.h"
#include "calendar.h"

#include <math.h>
#include <string.h>

/* two-sided 95%: the 0.975 quantile of the standard normal distribution */
#define Z_95 1.959963984540054
/* a share reached counts as q when within this of it (products of doubles) */
#define SHARE_TOLERANCE 1e-12

int32_t
inno_sv_bucket(int32_t days)
{
	int			octave = 0;
	int32_t		base = INNO_SV_EXACT_DAYS;

	if (days < INNO_SV_EXACT_DAYS)
		return days;
	while (days >= base * 2)
	{
		base *= 2;
		octave++;
	}
	/* [base, 2 base) in INNO_SV_SUB buckets of base / INNO_SV_SUB days */
	return INNO_SV_EXACT_DAYS + octave * INNO_SV_SUB + (days - base) / (base / INNO_SV_SUB);
}

int32_t
inno_sv_bucket_day(int32_t bucket)
{
	int32_t		octave,
				base;

	if (bucket < INNO_SV_EXACT_DAYS)
		return bucket;
	octave = (bucket - INNO_SV_EXACT_DAYS) / INNO_SV_SUB;
	base = INNO_SV_EXACT_DAYS << octave;
	return base + ((bucket - INNO_SV_EXACT_DAYS) % INNO_SV_SUB) * (base / INNO_SV_SUB);
}

bool
inno_sv_as_of_ok(int32_t day)
{
	return day >= inno_days_from_ymd(1900, 1, 1) && day <= inno_days_from_ymd(2199, 12, 31);
}

static InnoStatus
Corrupt(InnoError *err, const char *detail)
{
	inno_set_detail(err, "%s", detail);
	return INNO_ERR_CORRUPT;
}

static InnoStatus
CheckStages(InnoStage from, InnoStage to, InnoError *err)
{
	if (inno_stage_rank(from) == 0 || inno_stage_rank(to) == 0)
	{
		inno_set_detail(err, "The stages are not valid stage codes.");
		return INNO_ERR_CORRUPT;
	}
	if (inno_stage_rank(to) < inno_stage_rank(from))
	{
		inno_set_detail(err, "Stage \"%s\" comes before \"%s\" on the ladder.",
						inno_stage_by_code(to)->label, inno_stage_by_code(from)->label);
		inno_set_hint(err, "Give the earlier stage first: the time runs from the first stage to the second.");
		return INNO_ERR_PARAM;
	}
	return INNO_OK;
}

InnoStatus
inno_sv_validate(const InnoSurvival *s, size_t size, InnoError *err)
{
	uint32_t	i;
	int64_t		total;
	int32_t		longest,
				prev = -1;

	inno_error_clear(err);
	if (size < INNO_SV_SIZE(0) || s->version != INNO_SV_VERSION)
		return Corrupt(err, "Unknown stage_survival format version.");
	if (s->pad != 0 || s->pad2 != 0)
		return Corrupt(err, "Reserved bytes are not zero.");
	if (inno_sv_is_unset(s))
	{
		/* the empty summary of no rows: nothing counted, no stages, no date */
		if (s->as_of != 0 || s->undated != 0 || s->contradicting != 0 || s->total != 0 ||
			s->nentries != 0)
			return Corrupt(err, "A summary without stages must be empty.");
		return INNO_OK;
	}
	if (CheckStages(s->from, s->to, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	if (!inno_sv_as_of_ok(s->as_of))
		return Corrupt(err, "The as_of date is outside 1900-01-01 .. 2199-12-31.");
	if (s->nentries > INNO_SV_BUCKETS || size < INNO_SV_SIZE(s->nentries))
		return Corrupt(err, "The size does not match the number of times.");
	if (s->undated < 0 || s->contradicting < 0 || s->undated > INT64_MAX - s->contradicting)
		return Corrupt(err, "The excluded counts are invalid.");
	total = s->undated + s->contradicting;
	/* no time is longer than from the first day a history holds to as_of */
	longest = s->as_of - inno_days_from_ymd(1900, 1, 1);
	for (i = 0; i < s->nentries; i++)
	{
		const InnoSvEntry *e = &s->entries[i];

		if (e->pad != 0 || e->day <= prev || e->day > longest ||
			inno_sv_bucket_day(inno_sv_bucket(e->day)) != e->day)
			return Corrupt(err, "The times are not distinct bucket days in increasing order.");
		if (e->events < 0 || e->censored < 0 || (e->events == 0 && e->censored == 0) ||
			e->events > INT64_MAX - e->censored || total > INT64_MAX - e->events - e->censored)
			return Corrupt(err, "The counts are negative, zero or add up to more than a bigint holds.");
		total += e->events + e->censored;
		prev = e->day;
	}
	if (total != s->total)
		return Corrupt(err, "The total does not match the counts.");
	return INNO_OK;
}

/* ---- aggregation ---- */

InnoStatus
inno_sv_init(InnoSurvival *s, InnoStage from, InnoStage to, int32_t as_of, InnoError *err)
{
	inno_error_clear(err);
	memset(s, 0, INNO_SV_SIZE(0));
	s->version = INNO_SV_VERSION;
	if (CheckStages(from, to, err) != INNO_OK)
		return INNO_ERR_PARAM;
	if (!inno_sv_as_of_ok(as_of))
	{
		inno_set_detail(err, "as_of dates from 1900-01-01 to 2199-12-31 are accepted, as in stage_history.");
		return INNO_ERR_PARAM;
	}
	s->from = from;
	s->to = to;
	s->as_of = as_of;
	return INNO_OK;
}

InnoStatus
inno_sv_same_params(const InnoSurvival *s, InnoStage from, InnoStage to, int32_t as_of,
					InnoError *err)
{
	char		d1[11],
				d2[11];

	inno_error_clear(err);
	if (s->from == from && s->to == to && s->as_of == as_of)
		return INNO_OK;
	if (inno_sv_is_unset(s) || inno_stage_by_code(from) == NULL || inno_stage_by_code(to) == NULL)
	{
		inno_set_detail(err, "One of them has no stages.");
		return INNO_ERR_PARAM;
	}
	inno_format_day(s->as_of, d1);
	inno_format_day(as_of, d2);
	inno_set_detail(err, "One counts %s -> %s as of %s, the other %s -> %s as of %s.",
					inno_stage_by_code(s->from)->label, inno_stage_by_code(s->to)->label, d1,
					inno_stage_by_code(from)->label, inno_stage_by_code(to)->label, d2);
	inno_set_hint(err, "Survival summaries merge only with the same stages and as_of date.");
	return INNO_ERR_PARAM;
}

/* The index of day's entry, or where it would go. */
static uint32_t
Find(const InnoSurvival *s, int32_t day)
{
	uint32_t	lo = 0,
				hi = s->nentries;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (s->entries[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* One more subject at a time (days), as an event or censored. */
static InnoStatus
AddTime(InnoSurvival *s, uint32_t capacity, int32_t days, bool event, bool *full)
{
	int32_t		day = inno_sv_bucket_day(inno_sv_bucket(days));
	uint32_t	i = Find(s, day);
	InnoSvEntry *e = &s->entries[i];

	if (i == s->nentries || e->day != day)
	{
		if (s->nentries >= capacity)
		{
			*full = true;
			return INNO_OK;
		}
		memmove(e + 1, e, (s->nentries - i) * sizeof(InnoSvEntry));
		memset(e, 0, sizeof(*e));
		e->day = day;
		s->nentries++;
	}
	if (event)
		e->events++;
	else
		e->censored++;
	s->total++;
	return INNO_OK;
}

InnoStatus
inno_sv_add_history(InnoSurvival *s, uint32_t capacity, const InnoHistory *h, bool *full)
{
	uint32_t	fbit = 1u << s->from,
				tbit = 1u << s->to;
	int32_t		d0 = h->first[s->from],
				d1 = h->first[s->to];

	*full = false;
	if (!(h->reached & fbit))
		return INNO_OK;			/* never reached `from`: not a subject */
	if ((h->dated & fbit) && d0 > s->as_of)
		return INNO_OK;			/* reached `from` after as_of */
	if (s->total == INT64_MAX)
		return INNO_ERR_RANGE;
	if (!(h->dated & fbit) || ((h->reached & tbit) && !(h->dated & tbit)))
	{
		s->undated++;
		s->total++;
		return INNO_OK;
	}
	if ((h->reached & tbit) && d1 <= s->as_of)
	{
		if (d1 < d0)
		{
			s->contradicting++;
			s->total++;
			return INNO_OK;
		}
		return AddTime(s, capacity, d1 - d0, true, full);
	}
	return AddTime(s, capacity, s->as_of - d0, false, full);
}

InnoStatus
inno_sv_merge(InnoSurvival *dst, uint32_t capacity, const InnoSurvival *src, bool *full,
			  InnoError *err)
{
	uint32_t	i = 0,
				j = 0,
				n = 0,
				k;

	*full = false;
	inno_error_clear(err);
	/* the empty summary of no rows is the identity */
	if (inno_sv_is_unset(src))
		return INNO_OK;
	if (inno_sv_is_unset(dst))
	{
		if (src->nentries > capacity)
		{
			*full = true;
			return INNO_OK;
		}
		memcpy(dst, src, INNO_SV_SIZE(src->nentries));
		return INNO_OK;
	}
	if (inno_sv_same_params(dst, src->from, src->to, src->as_of, err) != INNO_OK)
		return INNO_ERR_PARAM;
	if (dst->total > INT64_MAX - src->total)
	{
		inno_set_detail(err, "The counts would add up to more than a bigint holds.");
		return INNO_ERR_RANGE;
	}
	/* the number of distinct times of the union */
	while (i < dst->nentries || j < src->nentries)
	{
		if (j == src->nentries || (i < dst->nentries && dst->entries[i].day < src->entries[j].day))
			i++;
		else if (i == dst->nentries || src->entries[j].day < dst->entries[i].day)
			j++;
		else
			i++, j++;
		n++;
	}
	if (n > capacity)
	{
		*full = true;
		return INNO_OK;
	}
	/* merge from the end, in place */
	i = dst->nentries;
	j = src->nentries;
	for (k = n; k-- > 0;)
	{
		if (j == 0 || (i > 0 && dst->entries[i - 1].day > src->entries[j - 1].day))
			dst->entries[k] = dst->entries[--i];
		else if (i == 0 || src->entries[j - 1].day > dst->entries[i - 1].day)
			dst->entries[k] = src->entries[--j];
		else
		{
			InnoSvEntry e = dst->entries[--i];

			--j;
			e.events += src->entries[j].events;
			e.censored += src->entries[j].censored;
			dst->entries[k] = e;
		}
	}
	dst->nentries = n;
	dst->undated += src->undated;
	dst->contradicting += src->contradicting;
	dst->total += src->total;
	return INNO_OK;
}

/* ---- Kaplan-Meier ---- */

int64_t
inno_sv_subjects(const InnoSurvival *s)
{
	/* the stored total holds every count; a validated one adds up */
	return s->total - s->undated - s->contradicting;
}

int64_t
inno_sv_events(const InnoSurvival *s)
{
	int64_t		n = 0;
	uint32_t	i;

	for (i = 0; i < s->nentries; i++)
		n += s->entries[i].events;
	return n;
}

int64_t
inno_sv_censored(const InnoSurvival *s)
{
	int64_t		n = 0;
	uint32_t	i;

	for (i = 0; i < s->nentries; i++)
		n += s->entries[i].censored;
	return n;
}

void
inno_sv_walk_init(const InnoSurvival *s, InnoSvWalk *w)
{
	w->next = 0;
	w->at_risk = inno_sv_subjects(s);
	w->survival = 1.0;
	w->greenwood = 0.0;
}

/*
 * The next time of the curve.  Events at a time come before censorings at
 * the same time (those projects were still at risk), as usual.
 */
bool
inno_sv_walk_next(const InnoSurvival *s, InnoSvWalk *w, InnoSvStep *step)
{
	const InnoSvEntry *e;
	int64_t		n = w->at_risk;

	if (w->next >= s->nentries)
		return false;
	e = &s->entries[w->next++];
	step->day = e->day;
	step->at_risk = n;
	step->events = e->events;
	step->censored = e->censored;
	if (e->events > 0)
	{
		w->survival *= (double) (n - e->events) / (double) n;
		if (n > e->events)
			w->greenwood += (double) e->events / ((double) n * (double) (n - e->events));
	}
	w->at_risk = n - e->events - e->censored;
	step->survival = w->survival;
	step->has_band = w->survival > 0.0 && w->survival < 1.0;
	step->lower = step->upper = w->survival;
	if (step->has_band)
	{
		/* Greenwood's variance on the log(-log S) scale: the band stays in (0, 1) */
		double		ls = log(w->survival);
		double		se = sqrt(w->greenwood) / fabs(ls);

		step->lower = pow(w->survival, exp(Z_95 * se));
		step->upper = pow(w->survival, exp(-Z_95 * se));
	}
	return true;
}

bool
inno_sv_quantile(const InnoSurvival *s, double q, int32_t *day)
{
	InnoSvWalk	w;
	InnoSvStep	step;

	if (inno_sv_subjects(s) == 0)
		return false;
	if (q <= 0.0)
	{
		*day = 0;
		return true;
	}
	inno_sv_walk_init(s, &w);
	while (inno_sv_walk_next(s, &w, &step))
		if (step.events > 0 && 1.0 - step.survival >= q - SHARE_TOLERANCE)
		{
			*day = step.day;
			return true;
		}
	return false;
}

bool
inno_sv_reached_within(const InnoSurvival *s, int64_t days, double *share)
{
	InnoSvWalk	w;
	InnoSvStep	step;
	double		survival = 1.0;

	if (inno_sv_subjects(s) == 0)
		return false;
	inno_sv_walk_init(s, &w);
	while (inno_sv_walk_next(s, &w, &step) && step.day <= days)
		survival = step.survival;
	*share = 1.0 - survival;
	return true;
}
