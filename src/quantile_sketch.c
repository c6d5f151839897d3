/*
 * quantile_sketch.c
 *	  PostgreSQL glue for quantile_sketch (src/core/qsketch.c): I/O, the
 *	  quantile_sketch(...) aggregates, rollup(), and accessors.
 *
 * The value is a varlena: a 4-byte length, 4 bytes of padding so that the
 * sketch is 8-byte aligned, then the core's InnoQSketch.  A stored value
 * has exactly its buckets.  During aggregation the state may carry spare
 * bucket slots after them (the varlena size says how many), so that most
 * new buckets are added in place; it grows geometrically when full, and the
 * final function trims it back to the stored form.
 */
#include "innovation.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "core/qsketch.h"

#define QS_OFFSET 8
#define QS_BODY(d)			((InnoQSketch *) ((char *) (d) + QS_OFFSET))
#define QS_DATUM_SIZE(nbins) (QS_OFFSET + INNO_QS_SIZE(nbins))
#define QS_CAPACITY(d)		((uint32) ((VARSIZE(d) - QS_OFFSET - offsetof(InnoQSketch, bins)) / sizeof(InnoQsBin)))
#define QS_INITIAL_CAPACITY 16

/* A new, empty sketch datum with room for capacity buckets. */
static struct varlena *
NewSketch(int accuracy, int max_bins, uint32 capacity)
{
	struct varlena *d = palloc0(QS_DATUM_SIZE(capacity));
	InnoError	err;
	InnoStatus	st;

	SET_VARSIZE(d, QS_DATUM_SIZE(capacity));
	st = inno_qs_init(QS_BODY(d), accuracy, max_bins, &err);
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid quantile_sketch parameters"),
				 errdetail("%s", err.detail)));
	return d;
}

static struct varlena *StoredSketch(const InnoQSketch *s);

/*
 * A sketch checked before it is trusted.  Besides stored values this
 * accepts aggregation states, which carry spare bucket slots and an
 * unnormalized sum: Citus ships partial states between nodes through the
 * output function.  A state whose buckets fit is trimmed to the stored form
 * first; then everything is validated.
 */
static struct varlena *
CheckedSketch(Datum datum)
{
	struct varlena *d = PG_DETOAST_DATUM(datum);
	InnoError	err;
	InnoStatus	st;

	inno_error_clear(&err);
	if (VARSIZE(d) < QS_DATUM_SIZE(0))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "quantile_sketch");
	if ((size_t) QS_BODY(d)->nneg + QS_BODY(d)->npos > QS_CAPACITY(d))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "quantile_sketch");
	if (QS_CAPACITY(d) != inno_qs_nbins(QS_BODY(d)) || QS_BODY(d)->sum.pending != 0)
		d = StoredSketch(QS_BODY(d));
	st = inno_qs_validate(QS_BODY(d), VARSIZE(d) - QS_OFFSET, &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "quantile_sketch");
	return d;
}

/* Make a stored datum from a sketch body (copied, normalized, trimmed). */
static struct varlena *
StoredSketch(const InnoQSketch *s)
{
	uint32		nbins = inno_qs_nbins(s);
	struct varlena *d = palloc0(QS_DATUM_SIZE(nbins));

	SET_VARSIZE(d, QS_DATUM_SIZE(nbins));
	memcpy(QS_BODY(d), s, INNO_QS_SIZE(nbins));
	inno_xsum_normalize(&QS_BODY(d)->sum);
	return d;
}

PG_FUNCTION_INFO_V1(quantile_sketch_in);
Datum
quantile_sketch_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	uint32_t	nbins = 0;
	InnoError	err;
	InnoStatus	st = inno_qs_parse(str, strlen(str), NULL, &nbins, &err);
	struct varlena *d;

	if (st == INNO_OK)
	{
		d = palloc0(QS_DATUM_SIZE(nbins));
		SET_VARSIZE(d, QS_DATUM_SIZE(nbins));
		st = inno_qs_parse(str, strlen(str), QS_BODY(d), &nbins, &err);
	}
	if (st != INNO_OK)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "quantile_sketch",
						inno_quote_input(str, strlen(str))),
				 err.detail[0] ? errdetail("%s", err.detail) : 0));
	PG_RETURN_POINTER(d);
}

static char *
SketchText(const InnoQSketch *s)
{
	size_t		n = inno_qs_text_size(s);
	char	   *buf = palloc(n);

	if (inno_qs_format(s, buf, n) < 0)
		elog(ERROR, "quantile_sketch text form does not fit");
	return buf;
}

PG_FUNCTION_INFO_V1(quantile_sketch_out);
Datum
quantile_sketch_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(SketchText(QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)))));
}

PG_FUNCTION_INFO_V1(quantile_sketch_recv);
Datum
quantile_sketch_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8_t *data = (const uint8_t *) buf->data + buf->cursor;
	size_t		len = (size_t) (buf->len - buf->cursor);
	uint32_t	nbins = 0;
	InnoError	err;
	InnoStatus	st = inno_qs_decode_binary(data, len, NULL, &nbins, &err);
	struct varlena *d = NULL;

	if (st == INNO_OK)
	{
		d = palloc0(QS_DATUM_SIZE(nbins));
		SET_VARSIZE(d, QS_DATUM_SIZE(nbins));
		st = inno_qs_decode_binary(data, len, QS_BODY(d), &nbins, &err);
	}
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary input for type %s: \"%s\"", "quantile_sketch",
						inno_bytes_to_hex((const char *) data, (int) len)),
				 errdetail("%s", err.detail)));
	buf->cursor = buf->len;
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(quantile_sketch_send);
Datum
quantile_sketch_send(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)));
	size_t		n = inno_qs_binary_size(s);
	uint8_t    *bytes = palloc(n);
	StringInfoData buf;

	inno_qs_encode_binary(s, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, (int) n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

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

/*
 * Add x to the state (argument 0, NULL at the start), creating it with the
 * given accuracy.  Updates the aggregate's state in place; when it is full,
 * returns a larger copy, which the executor moves into the aggregate's
 * memory (freeing the old one).
 */
static Datum
SketchAdd(FunctionCallInfo fcinfo, double x, int accuracy)
{
	struct varlena *d;
	InnoStatus	st;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("quantile_sketch transition function called in non-aggregate context")));
	if (PG_ARGISNULL(0))
		d = NewSketch(accuracy, inno_qs_default_max_bins(accuracy), QS_INITIAL_CAPACITY);
	else
	{
		d = (struct varlena *) PG_GETARG_POINTER(0);
		if (QS_BODY(d)->accuracy != accuracy)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the relative accuracy must be the same for every row of a quantile_sketch")));
	}
	st = inno_qs_add(QS_BODY(d), QS_CAPACITY(d), x);
	if (st == INNO_ERR_RANGE)
	{
		/* from QS_INITIAL_CAPACITY: a stored initial state may have no spare room at all */
		uint32		capacity = Max(QS_CAPACITY(d) * 2, QS_INITIAL_CAPACITY);
		struct varlena *bigger = palloc0(QS_DATUM_SIZE(capacity));

		memcpy(bigger, d, VARSIZE(d));
		SET_VARSIZE(bigger, QS_DATUM_SIZE(capacity));
		d = bigger;
		st = inno_qs_add(QS_BODY(d), capacity, x);
	}
	if (st == INNO_ERR_PARAM && (isnan(x) || isinf(x)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantile_sketch cannot take %s", isnan(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity")));
	if (st == INNO_ERR_PARAM)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("quantile_sketch out of range"),
				 QS_BODY(d)->count >= (uint64) PG_INT64_MAX ?
				 errdetail("A sketch counts at most %lld values.", (long long) PG_INT64_MAX) :
				 errdetail("The exact sum would reach 2^%d in magnitude.", INNO_XSUM_MAX_EXP)));
	if (st != INNO_OK)
		elog(ERROR, "could not add a value to a quantile_sketch");
	PG_RETURN_POINTER(d);
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
 * Combine two partial states (parallel workers, or Citus nodes through the
 * text form).  Not strict: either side may be NULL.
 */
PG_FUNCTION_INFO_V1(quantile_sketch_combine);
Datum
quantile_sketch_combine(PG_FUNCTION_ARGS)
{
	struct varlena *a,
			   *b,
			   *d;
	InnoError	err;
	InnoStatus	st;

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
	d = palloc0(QS_DATUM_SIZE(inno_qs_nbins(QS_BODY(a)) + inno_qs_nbins(QS_BODY(b))));
	SET_VARSIZE(d, QS_DATUM_SIZE(inno_qs_nbins(QS_BODY(a)) + inno_qs_nbins(QS_BODY(b))));
	st = inno_qs_merge(QS_BODY(d), QS_BODY(a), QS_BODY(b), &err);
	if (st == INNO_ERR_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("quantile_sketch out of range"),
				 errdetail("%s", err.detail)));
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge quantile sketches built with different parameters"),
				 errdetail("%s", err.detail)));
	/* the merge is checked like any value read in (its spare bucket slots aside) */
	st = inno_qs_validate(QS_BODY(d), INNO_QS_SIZE(inno_qs_nbins(QS_BODY(d))), &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "quantile_sketch");
	PG_RETURN_POINTER(d);
}

/* rollup(quantile_sketch): transition; the input is a stored sketch, checked first. */
PG_FUNCTION_INFO_V1(quantile_sketch_rollup_trans);
Datum
quantile_sketch_rollup_trans(PG_FUNCTION_ARGS)
{
	if (!PG_ARGISNULL(1))
		(void) CheckedSketch(PG_GETARG_DATUM(1));
	return quantile_sketch_combine(fcinfo);
}

/* Final function: the state as a stored value (exact buckets, normalized sum). */
PG_FUNCTION_INFO_V1(quantile_sketch_final);
Datum
quantile_sketch_final(PG_FUNCTION_ARGS)
{
	struct varlena *d;

	/* over no rows (or only NULLs): the empty sketch, at the default accuracy */
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(NewSketch(INNO_QS_DEFAULT_ACCURACY,
									inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY), 0));
	d = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_POINTER(StoredSketch(QS_BODY(d)));
}

/* ---- accessors ---- */

PG_FUNCTION_INFO_V1(quantile_sketch_quantile);
Datum
quantile_sketch_quantile(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)));
	float8		q = PG_GETARG_FLOAT8(1);

	if (isnan(q) || q < 0.0 || q > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("quantile %g is not between 0 and 1", q)));
	if (s->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(inno_qs_quantile(s, q));
}

PG_FUNCTION_INFO_V1(quantile_sketch_quantiles);
Datum
quantile_sketch_quantiles(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)));
	ArrayType  *qa = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *qs;
	bool	   *qnulls;
	int			n;
	Datum	   *out;
	bool	   *outnulls;
	int			i;
	int			dims[1];
	int			lbs[1] = {1};

	if (ARR_NDIM(qa) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("quantiles must be a one-dimensional array")));
	deconstruct_array(qa, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &qs, &qnulls, &n);
	out = palloc(sizeof(Datum) * (n > 0 ? n : 1));
	outnulls = palloc(sizeof(bool) * (n > 0 ? n : 1));
	for (i = 0; i < n; i++)
	{
		float8		q = qnulls[i] ? 0 : DatumGetFloat8(qs[i]);

		if (!qnulls[i] && (isnan(q) || q < 0.0 || q > 1.0))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("quantile %g is not between 0 and 1", q)));
		outnulls[i] = qnulls[i] || s->count == 0;
		out[i] = outnulls[i] ? (Datum) 0 : Float8GetDatum(inno_qs_quantile(s, q));
	}
	dims[0] = n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, outnulls, n > 0 ? 1 : 0, dims, lbs,
											 FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

PG_FUNCTION_INFO_V1(quantile_sketch_count);
Datum
quantile_sketch_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)))->count);
}

PG_FUNCTION_INFO_V1(quantile_sketch_min);
Datum
quantile_sketch_min(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)));

	if (s->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->min);
}

PG_FUNCTION_INFO_V1(quantile_sketch_max);
Datum
quantile_sketch_max(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)));

	if (s->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->max);
}

PG_FUNCTION_INFO_V1(quantile_sketch_mean);
Datum
quantile_sketch_mean(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)));

	if (s->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(inno_qs_mean(s));
}

PG_FUNCTION_INFO_V1(quantile_sketch_relative_accuracy);
Datum
quantile_sketch_relative_accuracy(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(inno_qs_accuracy_value(QS_BODY(CheckedSketch(PG_GETARG_DATUM(0)))->accuracy));
}

PG_FUNCTION_INFO_V1(quantile_sketch_eq);
Datum
quantile_sketch_eq(PG_FUNCTION_ARGS)
{
	struct varlena *a = CheckedSketch(PG_GETARG_DATUM(0));
	struct varlena *b = CheckedSketch(PG_GETARG_DATUM(1));

	PG_RETURN_BOOL(VARSIZE(a) == VARSIZE(b) &&
				   memcmp(QS_BODY(a), QS_BODY(b), VARSIZE(a) - QS_OFFSET) == 0);
}

PG_FUNCTION_INFO_V1(quantile_sketch_ne);
Datum
quantile_sketch_ne(PG_FUNCTION_ARGS)
{
	return BoolGetDatum(!DatumGetBool(quantile_sketch_eq(fcinfo)));
}

PG_FUNCTION_INFO_V1(quantile_sketch_to_jsonb);
Datum
quantile_sketch_to_jsonb(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(
		SketchText(QS_BODY(CheckedSketch(PG_GETARG_DATUM(0))))));
}

/* order by the stored bytes, hash by the binary form: btree and hash operator classes */
static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	struct varlena *a = CheckedSketch(PG_GETARG_DATUM(0));
	struct varlena *b = CheckedSketch(PG_GETARG_DATUM(1));

	return inno_bytes_cmp(QS_BODY(a), VARSIZE(a) - QS_OFFSET, QS_BODY(b), VARSIZE(b) - QS_OFFSET);
}

INNO_SUMMARY_ORDER(quantile_sketch)
