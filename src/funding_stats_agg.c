/*
 * funding_stats_agg.c
 *	  PostgreSQL glue for the funding_stats(funding_round) aggregate and
 *	  rollup(): transition (a list state, then a flat one), combine, final
 *	  (the list of a small group, otherwise packed).
 */
#include "innovation.h"

#include "funding_stats.h"

/* ---- aggregation ---- */

/*
 * funding_stats(funding_round): transition (strict).  The state starts as
 * the packed empty value (INITCOND), holds the first rounds as a list, then
 * becomes flat; it is updated in place where it has room.  The round was
 * validated when it was read: it is not checked again here (and a bad one
 * could not take the arithmetic out of bounds).
 */
PG_FUNCTION_INFO_V1(funding_stats_trans);
Datum
funding_stats_trans(PG_FUNCTION_ARGS)
{
	struct varlena *d;
	const InnoFundingRound *fr = (const InnoFundingRound *) PG_GETARG_POINTER(1);

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("funding_stats transition function called in non-aggregate context")));
	d = (struct varlena *) PG_GETARG_POINTER(0);
	if (IS_PACKED_EMPTY(d))
		d = inno_stats_new_list(1, NULL);
	if (IS_LIST(d))
	{
		InnoFsList *l = FS_LIST(d);

		if (l->n < l->room)
		{
			l->rounds[l->n++] = *fr;
			PG_RETURN_POINTER(d);
		}
		if (l->room < INNO_FS_LIST_MAX)
		{
			d = inno_stats_new_list(l->room * 2, l);
			FS_LIST(d)->rounds[FS_LIST(d)->n++] = *fr;
			PG_RETURN_POINTER(d);
		}
		d = inno_stats_list_to_flat(l);
	}
	else if (FS_FORM(d) != INNO_FS_VERSION || VARSIZE(d) < FS_OFFSET + INNO_FS_MIN_SIZE)
	{
		/* a stored value as the state (not INITCOND's): checked, then flat */
		const InnoFsHeader *h = inno_checked_stats(PointerGetDatum(d));

		d = inno_stats_new(h->used);
		memcpy(FS_BODY(d), h, h->used);
	}
	PG_RETURN_POINTER(inno_stats_add_round(d, fr));
}

/*
 * combine: the sum of two summaries (states or stored values).  The empty
 * summary is the identity: with a small state on the other side, that state
 * is the sum (the executor copies it into the group's state).  This is the
 * first step of every group in a parallel plan's finalize, so a group of
 * millions of per-project groups stays small there, as it did in the
 * workers.  Two small states that fit in one stay small; otherwise both are
 * checked first, as any value is: a stored one may come from 0.1.0 (read
 * into the current form) or be given by hand when the function is called
 * directly.
 */
static inline bool
ValidList(const struct varlena *d)
{
	return IS_LIST(d) && inno_fs_list_valid(FS_LIST(d), VARSIZE(d) - FS_OFFSET);
}

PG_FUNCTION_INFO_V1(funding_stats_combine);
Datum
funding_stats_combine(PG_FUNCTION_ARGS)
{
	struct varlena *da = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	struct varlena *db = PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
	const InnoFsHeader *a;
	const InnoFsHeader *b;
	size_t		size;
	struct varlena *d;
	InnoError	err;

	if (IS_PACKED_EMPTY(da) && ValidList(db))
		PG_RETURN_POINTER(db);
	if (IS_PACKED_EMPTY(db) && ValidList(da))
		PG_RETURN_POINTER(da);
	if (IS_LIST(da) && IS_LIST(db) && FS_LIST(da)->n + FS_LIST(db)->n <= INNO_FS_LIST_MAX &&
		ValidList(da) && ValidList(db))
	{
		d = inno_stats_new_list(INNO_FS_LIST_MAX, FS_LIST(da));
		memcpy(&FS_LIST(d)->rounds[FS_LIST(da)->n], FS_LIST(db)->rounds,
			   FS_LIST(db)->n * sizeof(InnoFundingRound));
		FS_LIST(d)->n += FS_LIST(db)->n;
		PG_RETURN_POINTER(d);
	}
	a = inno_stats_merge_input(PointerGetDatum(da));
	b = inno_stats_merge_input(PointerGetDatum(db));
	size = inno_fs_merge_size(a, b);
	d = inno_stats_new(size);
	/* the merged value is validated as any input is, before anyone reads it */
	if (inno_fs_merge(FS_BODY(d), size, a, b, &err) != INNO_OK ||
		inno_fs_validate(FS_BODY(d), inno_fs_stored_size(FS_BODY(d)), &err) != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cannot merge funding_stats"),
				 INNO_ERRDETAIL(err)));
	SET_VARSIZE(d, FS_OFFSET + FS_BODY(d)->used);
	PG_RETURN_POINTER(d);
}

/*
 * rollup(funding_stats): transition.  The input is validated; the state is
 * the aggregate's own flat value, added to in place (it grows
 * geometrically), so that rolling up many small summaries costs what they
 * hold, not what the state holds.
 */
PG_FUNCTION_INFO_V1(funding_stats_rollup_trans);
Datum
funding_stats_rollup_trans(PG_FUNCTION_ARGS)
{
	struct varlena *d = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	const InnoFsHeader *b;
	size_t		need = 0;
	InnoError	err;
	InnoStatus	st;

	if (!AggCheckCallContext(fcinfo, NULL))
		return funding_stats_combine(fcinfo);
	b = inno_stats_merge_input(PG_GETARG_DATUM(1));
	if (IS_PACKED_EMPTY(d))
	{
		d = inno_stats_new(b->used);
		memcpy(FS_BODY(d), b, b->used);
		PG_RETURN_POINTER(d);
	}
	if (FS_FORM(d) != INNO_FS_VERSION || VARSIZE(d) < FS_OFFSET + INNO_FS_MIN_SIZE ||
		!inno_fs_state_fits(FS_BODY(d), FS_CAPACITY(d)))
		return funding_stats_combine(fcinfo);
	while ((st = inno_fs_merge_into(FS_BODY(d), FS_CAPACITY(d), b, &need, &err)) == INNO_ERR_RANGE)
	{
		struct varlena *bigger = inno_stats_new(need);

		memcpy(FS_BODY(bigger), FS_BODY(d), FS_BODY(d)->used);
		d = bigger;
	}
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cannot merge funding_stats"),
				 INNO_ERRDETAIL(err)));
	PG_RETURN_POINTER(d);
}

/* final: the stored form (small groups as their list of rounds, others checked and packed) */
PG_FUNCTION_INFO_V1(funding_stats_final);
Datum
funding_stats_final(PG_FUNCTION_ARGS)
{
	struct varlena *d = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	if (IS_LIST(d) && AggCheckCallContext(fcinfo, NULL))
	{
		/*
		 * the aggregate's own list of the rounds it read: stored as it is,
		 * trimmed and in canonical order (nothing to check, nothing to build)
		 */
		const InnoFsList *l = FS_LIST(d);
		struct varlena *s = inno_stats_new_list(l->n, l);

		inno_fs_list_canonical(FS_LIST(s));
		PG_RETURN_POINTER(s);
	}
	PG_RETURN_POINTER(inno_stats_packed(inno_checked_stats(PointerGetDatum(d))));
}
