/*
 * quantile_sketch_agg.c
 *	  PostgreSQL glue for the quantile_sketch(...) aggregates and rollup():
 *	  transition (a list state, then a flat one), combine, final (packed).
 */
#include "innovation.h"

#include <math.h>

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "quantile_sketch.h"

/* ---- aggregation ---- */

static int
AccuracyCode(float8 relative_accuracy)
{
	int			code = inno_qs_accuracy_code(relative_accuracy);
	char		list[64];

	if (code == 0)
	{
		inno_qs_accuracy_list(list, sizeof(list));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("relative accuracy %g is not offered", relative_accuracy),
				 errhint("Use %s.", list)));
	}
	return code;
}

static void
ReportAddError(uint64 count)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("quantile_sketch out of range"),
			 count >= (uint64) PG_INT64_MAX ?
			 errdetail("A sketch counts at most %lld values.", (long long) PG_INT64_MAX) :
			 errdetail("The exact sum would reach 2^%d in magnitude.", INNO_XSUM_MAX_EXP)));
}

/* A copy of state d with room for size bytes (the rest zero). */
static struct varlena *
Grown(const struct varlena *d, Size size)
{
	struct varlena *bigger = palloc0(size);

	memcpy(bigger, d, VARSIZE(d));
	SET_VARSIZE(bigger, size);
	return bigger;
}

/*
 * Add x to a dense state: in place, or in a larger copy when a span must
 * grow; NULL (d unchanged) when the state must turn flat first.
 */
static struct varlena *
DenseAdd(struct varlena *d, double x)
{
	uint32		need;
	InnoStatus	st = inno_qs_dense_add(QS_DENSE(d), QS_DENSE_CAPACITY(d), x, &need);

	if (st == INNO_ERR_RANGE && need > 0)
	{
		d = Grown(d, QS_DENSE_DATUM_SIZE(need));
		st = inno_qs_dense_add(QS_DENSE(d), need, x, &need);
	}
	if (st == INNO_ERR_PARAM)
		ReportAddError(QS_DENSE(d)->count);
	if (st == INNO_ERR_RANGE)
		return NULL;
	if (st != INNO_OK)
		elog(ERROR, "could not add a value to a quantile_sketch");
	return d;
}

/*
 * Add x to the state (argument 0, NULL at the start), creating it with the
 * given accuracy.  Updates the aggregate's state in place; when it is full,
 * returns a larger copy, which the executor moves into the aggregate's
 * memory (freeing the old one).  A state starts as a list, becomes flat
 * past INNO_QS_LIST_MAX values and dense once its buckets are contiguous
 * enough (qsketch.h); the three stand for the same sketch.
 */
static Datum
SketchAdd(FunctionCallInfo fcinfo, double x, int accuracy)
{
	struct varlena *d;
	InnoStatus	st;
	uint32		nbins;
	uint32		slots;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("quantile_sketch transition function called in non-aggregate context")));
	if (isnan(x) || isinf(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantile_sketch cannot take %s", isnan(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity")));
	if (PG_ARGISNULL(0))
	{
		/* a small group's first values are kept as given */
		d = palloc(QS_LIST_DATUM_SIZE);
		SET_VARSIZE(d, QS_LIST_DATUM_SIZE);
		inno_qs_list_init(QS_LIST(d), accuracy, inno_qs_default_max_bins(accuracy));
	}
	else
		d = (struct varlena *) PG_GETARG_POINTER(0);
	if (QS_FORM(d) == INNO_QS_DENSE_VERSION)
	{
		struct varlena *r;

		if (QS_DENSE(d)->accuracy != accuracy)
			goto mixed;
		if ((r = DenseAdd(d, x)) != NULL)
			PG_RETURN_POINTER(r);
		/* a span would pass max_bins or the flat form's bytes: on as a flat state */
		d = inno_sketch_dense_to_flat(d, Max(inno_qs_dense_nbins(QS_DENSE(d)), QS_INITIAL_CAPACITY));
	}
	if (QS_FORM(d) != INNO_QS_LIST_VERSION && QS_FORM(d) != INNO_QS_VERSION)
		d = inno_sketch_read(PointerGetDatum(d), true);	/* a stored value as the initial state */
	if (QS_FORM(d) == INNO_QS_LIST_VERSION)
	{
		InnoQsList *l = QS_LIST(d);

		if (l->accuracy != accuracy)
			goto mixed;
		if (l->n < INNO_QS_LIST_MAX)
		{
			l->values[l->n++] = x;
			PG_RETURN_POINTER(d);
		}
		d = inno_sketch_list_to_flat(l, QS_INITIAL_CAPACITY);
	}
	if (QS_BODY(d)->accuracy != accuracy)
		goto mixed;
	nbins = inno_qs_nbins(QS_BODY(d));
	st = inno_qs_add(QS_BODY(d), QS_CAPACITY(d), x);
	if (st == INNO_ERR_RANGE)
	{
		/* from QS_INITIAL_CAPACITY: a stored initial state may have no spare room at all */
		uint32		capacity = Max(QS_CAPACITY(d) * 2, QS_INITIAL_CAPACITY);

		d = Grown(d, QS_DATUM_SIZE(capacity));
		st = inno_qs_add(QS_BODY(d), capacity, x);
	}
	if (st == INNO_ERR_PARAM)
		ReportAddError(QS_BODY(d)->count);
	if (st != INNO_OK)
		elog(ERROR, "could not add a value to a quantile_sketch");
	/* a new bucket: dense now, if that is no larger */
	if (inno_qs_nbins(QS_BODY(d)) != nbins && inno_qs_dense_worth(QS_BODY(d), &slots))
	{
		struct varlena *dn = palloc(QS_DENSE_DATUM_SIZE(slots));

		SET_VARSIZE(dn, QS_DENSE_DATUM_SIZE(slots));
		inno_qs_dense_from_sketch(QS_DENSE(dn), slots, QS_BODY(d));
		d = dn;
	}
	PG_RETURN_POINTER(d);

mixed:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("the relative accuracy must be the same for every row of a quantile_sketch")));
	PG_RETURN_NULL();			/* not reached */
}

/* quantile_sketch(double precision [, relative_accuracy]) */
PG_FUNCTION_INFO_V1(quantile_sketch_trans_float8);
Datum
quantile_sketch_trans_float8(PG_FUNCTION_ARGS)
{
	int			accuracy = PG_NARGS() > 2 && !PG_ARGISNULL(2) ?
		AccuracyCode(PG_GETARG_FLOAT8(2)) : INNO_QS_DEFAULT_ACCURACY;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	return SketchAdd(fcinfo, PG_GETARG_FLOAT8(1), accuracy);
}

/* quantile_sketch(numeric [, relative_accuracy]): the value rounded once to double */
PG_FUNCTION_INFO_V1(quantile_sketch_trans_numeric);
Datum
quantile_sketch_trans_numeric(PG_FUNCTION_ARGS)
{
	int			accuracy = PG_NARGS() > 2 && !PG_ARGISNULL(2) ?
		AccuracyCode(PG_GETARG_FLOAT8(2)) : INNO_QS_DEFAULT_ACCURACY;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	return SketchAdd(fcinfo,
					 DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(1))),
					 accuracy);
}

/*
 * An interval in seconds as extract(epoch) gives it (a month is 30 days, a
 * year 365.25), rounded once to double: the days and months in exact
 * integer seconds (times 4, as PostgreSQL does, for the quarter days of
 * 365.25), plus the microseconds, then one rounding.  Beyond 2^53
 * microseconds (about 285 years) numeric does the exact part.
 */
static double
IntervalSeconds(const Interval *iv)
{
	int64		secs_dm = ((int64) (4 * DAYS_PER_YEAR) * (iv->month / MONTHS_PER_YEAR) +
						   (int64) (4 * DAYS_PER_MONTH) * (iv->month % MONTHS_PER_YEAR) +
						   (int64) 4 * iv->day) * (SECS_PER_DAY / 4);
	int64		us;

	if (!pg_mul_s64_overflow(secs_dm, USECS_PER_SEC, &us) && !pg_add_s64_overflow(us, iv->time, &us) &&
		us <= (INT64CONST(1) << 53) && us >= -(INT64CONST(1) << 53))
		return (double) us / 1000000.0;	/* us is exact as a double: one rounding */
	{
		Datum		n = DirectFunctionCall2(numeric_add,
											DirectFunctionCall1(int8_numeric, Int64GetDatum(secs_dm)),
											DirectFunctionCall2(numeric_div,
																DirectFunctionCall1(int8_numeric, Int64GetDatum(iv->time)),
																DirectFunctionCall1(int8_numeric, Int64GetDatum(USECS_PER_SEC))));

		return DatumGetFloat8(DirectFunctionCall1(numeric_float8, n));
	}
}

/*
 * quantile_sketch(interval [, relative_accuracy]): in seconds, counting a
 * month as 30 days and a year as 365.25 days, as extract(epoch) does.
 */
PG_FUNCTION_INFO_V1(quantile_sketch_trans_interval);
Datum
quantile_sketch_trans_interval(PG_FUNCTION_ARGS)
{
	int			accuracy = PG_NARGS() > 2 && !PG_ARGISNULL(2) ?
		AccuracyCode(PG_GETARG_FLOAT8(2)) : INNO_QS_DEFAULT_ACCURACY;
	Interval   *iv;
	double		secs;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	iv = PG_GETARG_INTERVAL_P(1);
	secs = IntervalSeconds(iv);
	return SketchAdd(fcinfo, secs, accuracy);
}

/*
 * A state or value to merge, as a flat datum: a stored (packed) value is
 * validated; a list state is checked and expanded; a flat state is taken
 * as it is once its buckets fit (the merge result is validated).
 */
static struct varlena *
MergeInput(Datum datum)
{
	struct varlena *d = PG_DETOAST_DATUM(datum);

	if (VARSIZE(d) > QS_OFFSET && QS_FORM(d) == INNO_QS_DENSE_VERSION)
		return inno_sketch_dense_to_flat(d, 0);
	if (VARSIZE(d) >= QS_DATUM_SIZE(0) && QS_FORM(d) == INNO_QS_VERSION)
	{
		InnoError	err;

		inno_error_clear(&err);
		if ((size_t) QS_BODY(d)->nneg + QS_BODY(d)->npos > QS_CAPACITY(d))
			inno_report_corrupt(INNO_ERR_CORRUPT, &err, "quantile_sketch");
		return d;
	}
	return inno_sketch_read(PointerGetDatum(d), true);
}

/* The error of a merge that could not be done (inno_qs_merge's statuses). */
static void
ReportMergeError(InnoStatus st, const InnoError *err)
{
	if (st == INNO_ERR_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("quantile_sketch out of range"),
				 INNO_ERRDETAIL(*err)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot merge quantile sketches built with different parameters"),
			 INNO_ERRDETAIL(*err)));
}

/* a merged with b (flat datums), validated as any value read in */
static struct varlena *
MergeFlat(const struct varlena *a, const struct varlena *b)
{
	uint32		nbins = inno_qs_nbins(QS_BODY(a)) + inno_qs_nbins(QS_BODY(b));
	struct varlena *d = palloc0(QS_DATUM_SIZE(nbins));
	InnoError	err;
	InnoStatus	st;

	SET_VARSIZE(d, QS_DATUM_SIZE(nbins));
	st = inno_qs_merge(QS_BODY(d), QS_BODY(a), QS_BODY(b), &err);
	if (st != INNO_OK)
		ReportMergeError(st, &err);
	/* the merge is checked like any value read in (its spare bucket slots aside) */
	st = inno_qs_validate(QS_BODY(d), INNO_QS_SIZE(inno_qs_nbins(QS_BODY(d))), &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "quantile_sketch");
	return d;
}

/*
 * Combine two partial states (parallel workers, or Citus nodes through the
 * text form).  Not strict: either side may be NULL.  Two small states that
 * fit in one stay small.
 */
PG_FUNCTION_INFO_V1(quantile_sketch_combine);
Datum
quantile_sketch_combine(PG_FUNCTION_ARGS)
{
	struct varlena *a,
			   *b;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(b);
	a = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	if (VARSIZE(a) == QS_LIST_DATUM_SIZE && QS_FORM(a) == INNO_QS_LIST_VERSION &&
		VARSIZE(b) == QS_LIST_DATUM_SIZE && QS_FORM(b) == INNO_QS_LIST_VERSION &&
		inno_qs_list_valid(QS_LIST(a)) && inno_qs_list_valid(QS_LIST(b)) &&
		QS_LIST(a)->accuracy == QS_LIST(b)->accuracy && QS_LIST(a)->max_bins == QS_LIST(b)->max_bins &&
		QS_LIST(a)->n + QS_LIST(b)->n <= INNO_QS_LIST_MAX)
	{
		struct varlena *d = palloc(QS_LIST_DATUM_SIZE);

		memcpy(d, a, QS_LIST_DATUM_SIZE);
		memcpy(QS_LIST(d)->values + QS_LIST(a)->n, QS_LIST(b)->values, QS_LIST(b)->n * sizeof(double));
		QS_LIST(d)->n += QS_LIST(b)->n;
		PG_RETURN_POINTER(d);
	}
	PG_RETURN_POINTER(MergeFlat(MergeInput(PointerGetDatum(a)), MergeInput(PointerGetDatum(b))));
}

/* rollup(quantile_sketch): transition; the input is a stored sketch, checked first. */
PG_FUNCTION_INFO_V1(quantile_sketch_rollup_trans);
Datum
quantile_sketch_rollup_trans(PG_FUNCTION_ARGS)
{
	struct varlena *b,
			   *d;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = inno_sketch_read(PG_GETARG_DATUM(1), true);
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(b);
	d = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	if (!AggCheckCallContext(fcinfo, NULL) || VARSIZE(d) < QS_DATUM_SIZE(0) || QS_FORM(d) != INNO_QS_VERSION ||
		(size_t) QS_BODY(d)->nneg + QS_BODY(d)->npos > QS_CAPACITY(d))
		PG_RETURN_POINTER(MergeFlat(MergeInput(PointerGetDatum(d)), b));

	/*
	 * The aggregate's own flat state, added to in place (growing
	 * geometrically): rolling up many small sketches costs what they hold.
	 */
	{
		InnoError	err;
		InnoStatus	st;
		bool		full;

		while ((st = inno_qs_merge_into(QS_BODY(d), QS_CAPACITY(d), QS_BODY(b), &full, &err)) == INNO_OK && full)
		{
			uint32		capacity = Max(QS_CAPACITY(d) * 2, QS_CAPACITY(d) + inno_qs_nbins(QS_BODY(b)));

			d = Grown(d, QS_DATUM_SIZE(capacity));
		}
		if (st != INNO_OK)
			ReportMergeError(st, &err);
	}
	PG_RETURN_POINTER(d);
}

/* Final function: the state as a stored value (packed). */
PG_FUNCTION_INFO_V1(quantile_sketch_final);
Datum
quantile_sketch_final(PG_FUNCTION_ARGS)
{
	struct varlena *d;

	/* over no rows (or only NULLs): the empty sketch, at the default accuracy */
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(inno_sketch_packed(QS_BODY(inno_sketch_new(INNO_QS_DEFAULT_ACCURACY,
														 inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY), 0))));
	d = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	if (VARSIZE(d) > QS_OFFSET && QS_FORM(d) == INNO_QS_PACKED_VERSION)
		PG_RETURN_POINTER(d);	/* a stored value, validated on its way in */
	PG_RETURN_POINTER(inno_sketch_packed(QS_BODY(MergeInput(PointerGetDatum(d)))));
}
