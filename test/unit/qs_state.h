/*
 * qs_state.h
 *	  A quantile_sketch aggregation state driven as quantile_sketch_agg.c
 *	  drives it (a list of the first values, then flat, dense once that is no
 *	  larger, flat again when a span would pass max_bins or the flat form's
 *	  bytes), in plain C: for the unit tests (test_qsdense.c) and the
 *	  states fuzzer (test/fuzz/fuzz_states.c).
 */
#ifndef INNO_QS_STATE_H
#define INNO_QS_STATE_H

#include "qsketch.h"

#include <stdlib.h>
#include <string.h>

/*
 * An aggregation state as quantile_sketch_agg.c keeps it: a list of the
 * first values, then flat or dense in a buffer of cap bins or slots.
 */
typedef struct State
{
	InnoQsList	list;
	bool		listed;			/* still a list */
	bool		dense;
	void	   *p;
	uint32_t	cap;
	int			went_flat;		/* times it turned flat again */
} State;

static inline void *
Grow(void *p, size_t old_size, size_t new_size)
{
	char	   *q = realloc(p, new_size);

	if (q == NULL)
		abort();
	if (new_size > old_size)
		memset(q + old_size, 0, new_size - old_size);
	return q;
}

static inline void
StateInit(State *st, int accuracy, int max_bins)
{
	InnoError	err;

	memset(st, 0, sizeof(*st));
	inno_qs_list_init(&st->list, accuracy, max_bins);
	st->listed = true;
	st->cap = 16;
	st->p = calloc(1, INNO_QS_SIZE(st->cap));
	if (inno_qs_init(st->p, accuracy, max_bins, &err) != INNO_OK)
		abort();
}

/* The flat sketch a dense state stands for, with room for spare more bins. */
static inline InnoQSketch *
Flatten(const InnoQsDense *d, uint32_t spare, uint32_t *cap)
{
	InnoQSketch *s;

	*cap = inno_qs_dense_nbins(d) + spare;
	s = calloc(1, INNO_QS_SIZE(*cap));
	inno_qs_dense_to_sketch(d, s);
	return s;
}

/* No more count slots than the flat form has bins, twice over (8 bytes against 16). */
static inline bool
NoLarger(const InnoQsDense *d)
{
	uint32_t	nz = inno_qs_dense_nbins(d);

	return nz == 0 || (uint64_t) d->nneg + d->npos <= 2 * (uint64_t) nz;
}

static inline void
StateAdd(State *st, double x)
{
	if (st->listed)
	{
		InnoError	err;

		if (st->list.n < INNO_QS_LIST_MAX)
		{
			st->list.values[st->list.n++] = x;
			return;
		}
		if (inno_qs_list_to_sketch(&st->list, st->p, st->cap, &err) != INNO_OK)
			abort();
		st->listed = false;
	}
	if (st->dense)
	{
		uint32_t	need;
		InnoStatus	r = inno_qs_dense_add(st->p, st->cap, x, &need);

		if (r == INNO_ERR_RANGE && need > 0)
		{
			st->p = Grow(st->p, INNO_QS_DENSE_SIZE(st->cap), INNO_QS_DENSE_SIZE(need));
			st->cap = need;
			r = inno_qs_dense_add(st->p, st->cap, x, &need);
		}
		if (r == INNO_OK)
			return;
		if (r != INNO_ERR_RANGE)
			abort();
		{
			InnoQsDense *d = st->p;
			uint32_t	nz = inno_qs_dense_nbins(d);

			st->p = Flatten(d, nz < 16 ? 16 : nz, &st->cap);
			free(d);
			st->dense = false;
			st->went_flat++;
		}
	}
	{
		InnoQSketch *s = st->p;
		uint32_t	nbins = inno_qs_nbins(s);
		uint32_t	slots;
		InnoStatus	r = inno_qs_add(s, st->cap, x);

		if (r == INNO_ERR_RANGE)
		{
			st->p = s = Grow(s, INNO_QS_SIZE(st->cap), INNO_QS_SIZE(st->cap * 2));
			st->cap *= 2;
			r = inno_qs_add(s, st->cap, x);
		}
		if (r != INNO_OK)
			abort();
		if (inno_qs_nbins(s) != nbins && inno_qs_dense_worth(s, &slots))
		{
			InnoQsDense *d = malloc(INNO_QS_DENSE_SIZE(slots));

			inno_qs_dense_from_sketch(d, slots, s);
			free(s);
			st->p = d;
			st->cap = slots;
			st->dense = true;
		}
	}
}

/* The flat sketch the state stands for (sum normalized); the state is freed. */
static inline InnoQSketch *
StateFinish(State *st)
{
	InnoQSketch *s;
	InnoError	err;

	if (st->listed && inno_qs_list_to_sketch(&st->list, st->p, st->cap, &err) != INNO_OK)
		abort();
	if (st->dense)
	{
		uint32_t	cap;

		s = Flatten(st->p, 0, &cap);
		free(st->p);
	}
	else
		s = st->p;
	st->p = NULL;
	inno_xsum_normalize(&s->sum);
	return s;
}

#endif							/* INNO_QS_STATE_H */
