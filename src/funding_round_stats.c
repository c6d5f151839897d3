/*
 * funding_round_stats.c
 *	  PostgreSQL glue for the planner's estimates of `round @@ window`:
 *	  the typanalyze function of funding_round (the standard statistics,
 *	  for the btree operators, plus a slot of kind INNO_FRSTATS_KIND with
 *	  the summary of src/core/frstats.c) and the restriction and join
 *	  selectivity functions of the @@ operator.
 */
#include "innovation.h"

#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "commands/vacuum.h"
#include "nodes/pathnodes.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"

#include "core/frstats.h"
#include "funding_round.h"

/* a window that is not a constant, and a join with no statistics to go on */
#define DEFAULT_WINDOW_SEL	0.001

#if PG_VERSION_NUM >= 170000
#define STATS_TARGET(stats) ((stats)->attstattarget)
#else
#define STATS_TARGET(stats) ((stats)->attr->attstattarget)
#endif

/* ---- ANALYZE ---- */

typedef struct FrAnalyzeExtra
{
	AnalyzeAttrComputeStatsFunc std_compute;
	void	   *std_extra;
} FrAnalyzeExtra;

static void
ComputeFundingRoundStats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
						 int samplerows, double totalrows)
{
	FrAnalyzeExtra *extra = (FrAnalyzeExtra *) stats->extra_data;
	InnoFundingRound *rows;
	float	   *work,
			   *summary;
	int			slot,
				n = 0,
				len,
				nbounds,
				i;
	MemoryContext old;

	/* the standard statistics first: MCV, histogram, correlation */
	stats->extra_data = extra->std_extra;
	extra->std_compute(stats, fetchfunc, samplerows, totalrows);
	stats->extra_data = extra;
	if (!stats->stats_valid)
		return;
	for (slot = 0; slot < STATISTIC_NUM_SLOTS && stats->stakind[slot] != 0; slot++)
		;
	if (slot == STATISTIC_NUM_SLOTS)
		return;

	rows = palloc(sizeof(InnoFundingRound) * Max(samplerows, 1));
	for (i = 0; i < samplerows; i++)
	{
		bool		isnull;
		Datum		value;

		vacuum_delay_point();
		value = fetchfunc(stats, i, &isnull);
		if (!isnull)
			memcpy(&rows[n++], DatumGetPointer(value), sizeof(InnoFundingRound));
	}
	if (n == 0)
	{
		pfree(rows);
		return;
	}
	nbounds = Min(Max(STATS_TARGET(stats), 1) + 1, INNO_FRSTATS_MAX_BOUNDS);
	work = palloc(sizeof(float) * n);
	old = MemoryContextSwitchTo(stats->anl_context);
	summary = palloc(sizeof(float) * inno_frstats_size(nbounds));
	MemoryContextSwitchTo(old);
	len = inno_frstats_build(rows, n, nbounds, work, summary);

	stats->stakind[slot] = INNO_FRSTATS_KIND;
	stats->staop[slot] = InvalidOid;
	stats->stacoll[slot] = InvalidOid;
	stats->stanumbers[slot] = summary;
	stats->numnumbers[slot] = len;
	stats->stavalues[slot] = NULL;
	stats->numvalues[slot] = 0;
	pfree(work);
	pfree(rows);
}

PG_FUNCTION_INFO_V1(funding_round_typanalyze);
Datum
funding_round_typanalyze(PG_FUNCTION_ARGS)
{
	VacAttrStats *stats = (VacAttrStats *) PG_GETARG_POINTER(0);
	FrAnalyzeExtra *extra;

	if (!std_typanalyze(stats))
		PG_RETURN_BOOL(false);
	extra = MemoryContextAlloc(stats->anl_context, sizeof(FrAnalyzeExtra));
	extra->std_compute = stats->compute_stats;
	extra->std_extra = stats->extra_data;
	stats->compute_stats = ComputeFundingRoundStats;
	stats->extra_data = extra;
	PG_RETURN_BOOL(true);
}

/* ---- estimates ---- */

/* Fraction of the rows of a funding_round column that match w. */
static double
WindowSelectivity(VariableStatData *vardata, const InnoFrWindow *w)
{
	double		nullfrac = 0.0;
	double		sel = -1.0;

	if (HeapTupleIsValid(vardata->statsTuple))
	{
		AttStatsSlot sslot;

		nullfrac = ((Form_pg_statistic) GETSTRUCT(vardata->statsTuple))->stanullfrac;
		if (get_attstatsslot(&sslot, vardata->statsTuple, INNO_FRSTATS_KIND, InvalidOid,
							 ATTSTATSSLOT_NUMBERS))
		{
			sel = inno_frstats_estimate(sslot.numbers, sslot.nnumbers, w);
			free_attstatsslot(&sslot);
		}
	}
	if (sel < 0.0)				/* no statistics of ours (not analyzed since 0.2.0) */
		sel = inno_frstats_default(w);
	sel *= 1.0 - nullfrac;
	CLAMP_PROBABILITY(sel);
	return sel;
}

/*
 * RESTRICT of @@: funding_round_matchsel(root, operator, args, varRelid).
 * A constant window is estimated from the column's statistics; NULL matches
 * nothing; any other window gets DEFAULT_WINDOW_SEL.
 */
PG_FUNCTION_INFO_V1(funding_round_matchsel);
Datum
funding_round_matchsel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	InnoFrWindow w;
	double		sel = DEFAULT_WINDOW_SEL;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		PG_RETURN_FLOAT8(DEFAULT_WINDOW_SEL);
	if (varonleft && IsA(other, Const))
	{
		Const	   *c = (Const *) other;

		if (c->constisnull)
			sel = 0.0;
		else if (inno_window_from_datum(c->constvalue, &w, true))
			sel = WindowSelectivity(&vardata, &w);
	}
	ReleaseVariableStats(vardata);
	PG_RETURN_FLOAT8(sel);
}

/*
 * The mean selectivity of the windows a statistics slot holds (most common
 * values with their frequencies, or histogram bounds, equally weighted), as
 * a share of weight; the invalid ones are left out.  Returns the weight
 * covered (0 when none).
 */
static double
SlotMean(VariableStatData *rounds, HeapTuple windows, int kind, double weight, double *sum)
{
	AttStatsSlot sslot;
	double		covered = 0.0;
	int			i;

	if (!get_attstatsslot(&sslot, windows, kind, InvalidOid,
						  ATTSTATSSLOT_VALUES | (kind == STATISTIC_KIND_MCV ? ATTSTATSSLOT_NUMBERS : 0)))
		return 0.0;
	for (i = 0; i < sslot.nvalues; i++)
	{
		InnoFrWindow w;
		double		share = kind == STATISTIC_KIND_MCV ? sslot.numbers[i] : weight / sslot.nvalues;

		if (inno_window_from_datum(sslot.values[i], &w, true))
		{
			*sum += share * WindowSelectivity(rounds, &w);
			covered += share;
		}
	}
	free_attstatsslot(&sslot);
	return covered;
}

/*
 * JOIN of @@: funding_round_matchjoinsel(root, operator, args, jointype,
 * sjinfo).  When the window column has statistics (ANALYZE keeps the most
 * common windows and a histogram of the others), the mean of the windows'
 * estimates, weighted as the statistics weigh them; otherwise
 * DEFAULT_WINDOW_SEL.  Semi and anti joins get the same figure.
 */
PG_FUNCTION_INFO_V1(funding_round_matchjoinsel);
Datum
funding_round_matchjoinsel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	SpecialJoinInfo *sjinfo = (SpecialJoinInfo *) PG_GETARG_POINTER(4);
	VariableStatData rounds,
				windows;
	bool		reversed;
	double		sel = DEFAULT_WINDOW_SEL;

	if (list_length(args) != 2)
		PG_RETURN_FLOAT8(sel);
	get_join_variables(root, args, sjinfo, &rounds, &windows, &reversed);
	if (HeapTupleIsValid(windows.statsTuple))
	{
		Form_pg_statistic ws = (Form_pg_statistic) GETSTRUCT(windows.statsTuple);
		double		sum = 0.0;
		double		mcv = SlotMean(&rounds, windows.statsTuple, STATISTIC_KIND_MCV, 0.0, &sum);
		double		rest = 1.0 - ws->stanullfrac - mcv;
		double		hist = 0.0;

		if (rest > 0.0)
			hist = SlotMean(&rounds, windows.statsTuple, STATISTIC_KIND_HISTOGRAM, rest, &sum);
		if (mcv + hist > 0.0)
		{
			/* the windows not represented are taken to be like those that are */
			sel = sum / (mcv + hist) * (1.0 - ws->stanullfrac);
			CLAMP_PROBABILITY(sel);
		}
	}
	ReleaseVariableStats(rounds);
	ReleaseVariableStats(windows);
	PG_RETURN_FLOAT8(sel);
}
