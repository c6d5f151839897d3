/*
 * funding_stats_kinds.c
 *	  funding_stats broken down by round kind and by family: kinds(s) and
 *	  families(s).  The family totals are the sums of the kinds' exact
 *	  totals, so they are exact too.
 */
#include "innovation.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "funding_stats.h"

Tuplestorestate *
inno_srf_materialize(FunctionCallInfo fcinfo, TupleDesc *tupdesc)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Tuplestorestate *store;
	MemoryContext old;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || !(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (get_call_result_type(fcinfo, NULL, tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	*tupdesc = CreateTupleDescCopy(*tupdesc);
	store = tuplestore_begin_heap(true, false, work_mem);
	MemoryContextSwitchTo(old);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = *tupdesc;
	return store;
}

/*
 * kinds(s): per currency and round kind with rounds, the kind's family, the
 * rounds, the disclosed ones and the total of their point amounts (NULL
 * when none is disclosed: unknown is never zero).
 */
PG_FUNCTION_INFO_V1(funding_stats_kinds);
Datum
funding_stats_kinds(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsSection *s = inno_fs_first(h);
	TupleDesc	tupdesc;
	Tuplestorestate *store = inno_srf_materialize(fcinfo, &tupdesc);
	int			i,
				r;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
	{
		const InnoCurrencyInfo *c = inno_currency_by_numeric(s->currency);

		for (r = 1; r <= inno_round_kind_count(); r++)
		{
			const InnoRoundKindInfo *k = inno_round_kind_by_rank(r);
			const InnoFsKind *e = &s->kinds[k->code % INNO_FS_KIND_SLOTS];
			Datum		values[6];
			bool		nulls[6] = {c == NULL, false, false, false, false, e->disclosed == 0};

			if (e->rounds == 0)
				continue;
			values[0] = c ? PointerGetDatum(cstring_to_text(c->alpha)) : (Datum) 0;
			values[1] = UInt8GetDatum(k->code);
			values[2] = PointerGetDatum(cstring_to_text(inno_round_category_name(k->category)));
			values[3] = Int64GetDatum(e->rounds);
			values[4] = Int64GetDatum(e->disclosed);
			values[5] = e->disclosed ? inno_minor_to_numeric(e->sum_point, c ? c->minor_digits : 2) : (Datum) 0;
			tuplestore_putvalues(store, tupdesc, values, nulls);
		}
	}
	return (Datum) 0;
}

/* families(s): the same per currency and family (venture, exit, grant, ...) */
PG_FUNCTION_INFO_V1(funding_stats_families);
Datum
funding_stats_families(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsSection *s = inno_fs_first(h);
	TupleDesc	tupdesc;
	Tuplestorestate *store = inno_srf_materialize(fcinfo, &tupdesc);
	int			i,
				r,
				f;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
	{
		const InnoCurrencyInfo *c = inno_currency_by_numeric(s->currency);
		int64		rounds[INNO_ROUND_NCATEGORIES] = {0};
		int64		disclosed[INNO_ROUND_NCATEGORIES] = {0};
		int64		total[INNO_ROUND_NCATEGORIES] = {0};

		/* a validated section's kind sums add up to its total: no overflow */
		for (r = 1; r <= inno_round_kind_count(); r++)
		{
			const InnoRoundKindInfo *k = inno_round_kind_by_rank(r);
			const InnoFsKind *e = &s->kinds[k->code % INNO_FS_KIND_SLOTS];

			rounds[k->category] += e->rounds;
			disclosed[k->category] += e->disclosed;
			total[k->category] += e->sum_point;
		}
		for (f = 0; f < INNO_ROUND_NCATEGORIES; f++)
		{
			Datum		values[5];
			bool		nulls[5] = {c == NULL, false, false, false, disclosed[f] == 0};

			if (rounds[f] == 0)
				continue;
			values[0] = c ? PointerGetDatum(cstring_to_text(c->alpha)) : (Datum) 0;
			values[1] = PointerGetDatum(cstring_to_text(inno_round_category_name((InnoRoundCategory) f)));
			values[2] = Int64GetDatum(rounds[f]);
			values[3] = Int64GetDatum(disclosed[f]);
			values[4] = disclosed[f] ? inno_minor_to_numeric(total[f], c ? c->minor_digits : 2) : (Datum) 0;
			tuplestore_putvalues(store, tupdesc, values, nulls);
		}
	}
	return (Datum) 0;
}
