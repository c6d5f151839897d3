/*
 * funding_stats.c
 *	  PostgreSQL glue for funding_stats (src/core/funstats.c): I/O, the
 *	  funding_stats(funding_round) aggregate, rollup(), and accessors that
 *	  always name a currency.
 *
 * The value is a varlena: 4-byte length, 4 bytes of padding (8-byte
 * alignment), then the core's flat summary.  The aggregate state is the
 * same type with spare room; the final function trims it to the stored form.
 */
#include "innovation.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "funding_stats.h"

#define FS_OFFSET 8
#define FS_BODY(d)			((InnoFsHeader *) ((char *) (d) + FS_OFFSET))
#define FS_CAPACITY(d)		((size_t) VARSIZE(d) - FS_OFFSET)
#define FS_BINARY_VERSION 1

#if PG_VERSION_NUM >= 160000
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty, NULL)
#else
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty)
#endif

static struct varlena *
NewDatum(size_t body)
{
	struct varlena *d = palloc0(FS_OFFSET + body);

	SET_VARSIZE(d, FS_OFFSET + body);
	return d;
}

/*
 * A value checked before it is trusted.  Besides stored values this accepts
 * aggregation states, which carry spare room: Citus ships partial states
 * between nodes through the output function.  A state is first checked to
 * be well formed, then trimmed to the stored form, then fully validated.
 */
const InnoFsHeader *
inno_checked_stats(Datum datum)
{
	struct varlena *d = PG_DETOAST_DATUM(datum);
	InnoError	err;
	InnoStatus	st;

	inno_error_clear(&err);
	if (VARSIZE(d) >= FS_OFFSET + INNO_FS_MIN_SIZE && FS_BODY(d)->version == 1)
	{
		/* stored by 0.1.0: read into the current form (rewriting the value stores that) */
		size_t		size = 0;
		struct varlena *t;

		st = inno_fs_upgrade_v1(FS_BODY(d), FS_CAPACITY(d), NULL, &size, &err);
		if (st != INNO_OK)
			inno_report_corrupt(st, &err, "funding_stats");
		t = NewDatum(size);
		(void) inno_fs_upgrade_v1(FS_BODY(d), FS_CAPACITY(d), FS_BODY(t), &size, &err);
		d = t;
	}
	if (VARSIZE(d) < FS_OFFSET + INNO_FS_MIN_SIZE || !inno_fs_state_fits(FS_BODY(d), FS_CAPACITY(d)))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "funding_stats");
	if (inno_fs_stored_size(FS_BODY(d)) != FS_CAPACITY(d))
	{
		struct varlena *t = NewDatum(inno_fs_stored_size(FS_BODY(d)));

		inno_fs_write_stored(FS_BODY(d), FS_BODY(t));
		d = t;
	}
	st = inno_fs_validate(FS_BODY(d), FS_CAPACITY(d), &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "funding_stats");
	return FS_BODY(d);
}

/* Parse the text form; NULL after a soft error. */
static struct varlena *
ParseStats(const char *str, size_t len, Node *escontext, bool binary)
{
	size_t		size = 0;
	InnoError	err;
	InnoStatus	st = inno_fs_parse(str, len, NULL, &size, &err);
	struct varlena *d = NULL;

	if (st == INNO_OK)
	{
		d = NewDatum(size);
		st = inno_fs_parse(str, len, FS_BODY(d), &size, &err);
	}
	if (st != INNO_OK)
	{
		if (binary)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid binary input for type %s", "funding_stats"),
					 errdetail("%s", err.detail)));
		ereturn(escontext, NULL,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "funding_stats",
						inno_quote_input(str, len)),
				 err.detail[0] ? errdetail("%s", err.detail) : 0));
	}
	return d;
}

static char *
StatsText(const InnoFsHeader *h)
{
	size_t		n = inno_fs_text_size(h);
	char	   *buf = palloc(n);

	if (inno_fs_format(h, buf, n) < 0)
		elog(ERROR, "funding_stats text form does not fit");
	return buf;
}

PG_FUNCTION_INFO_V1(funding_stats_in);
Datum
funding_stats_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	struct varlena *d = ParseStats(str, strlen(str), fcinfo->context, false);

	if (d == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(funding_stats_out);
Datum
funding_stats_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(StatsText(inno_checked_stats(PG_GETARG_DATUM(0))));
}

/* binary form: a format-version byte, then the text form (read by the same strict parser) */
PG_FUNCTION_INFO_V1(funding_stats_recv);
Datum
funding_stats_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const char *data = buf->data + buf->cursor;
	struct varlena *d;

	if (len < 1 || data[0] != FS_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary input for type %s: \"%s\"", "funding_stats",
						inno_bytes_to_hex(data, len)),
				 errdetail("Unknown binary format version (this version reads version %d).", FS_BINARY_VERSION)));
	d = ParseStats(data + 1, (size_t) (len - 1), NULL, true);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(funding_stats_send);
Datum
funding_stats_send(PG_FUNCTION_ARGS)
{
	char	   *text = StatsText(inno_checked_stats(PG_GETARG_DATUM(0)));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FS_BINARY_VERSION);
	pq_sendbytes(&buf, text, (int) strlen(text));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- aggregation ---- */

/*
 * funding_stats(funding_round): transition (strict).  Updates the state in
 * place; when it needs room, returns a larger copy, which the executor moves
 * into the aggregate's memory.
 */
PG_FUNCTION_INFO_V1(funding_stats_trans);
Datum
funding_stats_trans(PG_FUNCTION_ARGS)
{
	struct varlena *d;
	const InnoFundingRound *fr = (const InnoFundingRound *) PG_GETARG_POINTER(1);
	InnoError	err;
	size_t		need = 0;
	InnoStatus	st;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("funding_stats transition function called in non-aggregate context")));
	st = inno_fr_validate(fr, &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "funding_round");
	d = (struct varlena *) PG_GETARG_POINTER(0);
	while ((st = inno_fs_add(FS_BODY(d), FS_CAPACITY(d), fr, &need)) == INNO_ERR_RANGE)
	{
		struct varlena *bigger = NewDatum(need);

		memcpy(FS_BODY(bigger), FS_BODY(d), FS_BODY(d)->used);
		d = bigger;
	}
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("funding_stats sum out of range")));
	PG_RETURN_POINTER(d);
}

/*
 * combine: the sum of two summaries (states or stored values).  Both are
 * checked first, as any value is: a stored one may come from 0.1.0 (read
 * into the current form) or be given by hand when the function is called
 * directly.
 */
PG_FUNCTION_INFO_V1(funding_stats_combine);
Datum
funding_stats_combine(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *a = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsHeader *b = inno_checked_stats(PG_GETARG_DATUM(1));
	size_t		size = inno_fs_merge_size(a, b);
	struct varlena *d;
	InnoError	err;

	d = NewDatum(size);
	/* the merged value is validated as any input is, before anyone reads it */
	if (inno_fs_merge(FS_BODY(d), size, a, b, &err) != INNO_OK ||
		inno_fs_validate(FS_BODY(d), inno_fs_stored_size(FS_BODY(d)), &err) != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cannot merge funding_stats"),
				 errdetail("%s", err.detail)));
	SET_VARSIZE(d, FS_OFFSET + FS_BODY(d)->used);
	PG_RETURN_POINTER(d);
}

/* rollup(funding_stats): transition, the same sum */
PG_FUNCTION_INFO_V1(funding_stats_rollup_trans);
Datum
funding_stats_rollup_trans(PG_FUNCTION_ARGS)
{
	return funding_stats_combine(fcinfo);
}

/* final: the stored form (checked, no spare room) */
PG_FUNCTION_INFO_V1(funding_stats_final);
Datum
funding_stats_final(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	struct varlena *d = NewDatum(h->used);

	memcpy(FS_BODY(d), h, h->used);
	PG_RETURN_POINTER(d);
}

/* ---- accessors ---- */

/* The section of a currency argument; NULL if that currency has no rounds. */
static const InnoFsSection *
SectionArg(FunctionCallInfo fcinfo, int n, int *digits)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoCurrencyInfo *c = inno_currency_or_error(text_to_cstring(PG_GETARG_TEXT_PP(n)));

	*digits = c->minor_digits;
	return inno_fs_section(h, c->numeric);
}

PG_FUNCTION_INFO_V1(funding_stats_rounds_all);
Datum
funding_stats_rounds_all(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsSection *s = inno_fs_first(h);
	int64		n = 0;
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		n += s->rounds;
	PG_RETURN_INT64(n);
}

PG_FUNCTION_INFO_V1(funding_stats_rounds);
Datum
funding_stats_rounds(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 1, &digits);

	PG_RETURN_INT64(s ? s->rounds : 0);
}

PG_FUNCTION_INFO_V1(funding_stats_disclosed);
Datum
funding_stats_disclosed(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 1, &digits);

	PG_RETURN_INT64(s ? s->disclosed : 0);
}

PG_FUNCTION_INFO_V1(funding_stats_open);
Datum
funding_stats_open(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 1, &digits);

	PG_RETURN_INT64(s ? s->open : 0);
}

/* total(s, currency): the sum of point amounts (0 when nothing is disclosed) */
PG_FUNCTION_INFO_V1(funding_stats_total);
Datum
funding_stats_total(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 1, &digits);

	/* no round in the currency, or none with an amount: unknown, not zero */
	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	return inno_minor_to_numeric(s->sum_point, digits);
}

/* total_range(s, currency): [sum of lows, sum of highs], open above if any round is */
PG_FUNCTION_INFO_V1(funding_stats_total_range);
Datum
funding_stats_total_range(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 1, &digits);
	TypeCacheEntry *typcache = lookup_type_cache(NUMRANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	lower,
				upper;

	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	lower.val = inno_minor_to_numeric(s->sum_low, digits);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.infinite = s->open > 0;
	upper.val = upper.infinite ? (Datum) 0 : inno_minor_to_numeric(s->sum_high, digits);
	upper.inclusive = !upper.infinite;
	upper.lower = false;
	PG_RETURN_RANGE_P(MakeRange(typcache, &lower, &upper, false));
}

/*
 * rounds_over(s, amount, currency [, basis]): rounds at or above a standard
 * threshold, judged by the point ('point'), the lower bound ('low': certainly
 * over) or the upper bound ('high': possibly over).
 */
PG_FUNCTION_INFO_V1(funding_stats_rounds_over);
Datum
funding_stats_rounds_over(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 2, &digits);
	Numeric		amount = PG_GETARG_NUMERIC(1);
	char	   *basis = PG_NARGS() > 3 ? text_to_cstring(PG_GETARG_TEXT_PP(3)) : "point";
	int			b;
	int64		major = -1;
	int			t = -1;

	if (strcmp(basis, "low") == 0)
		b = 0;
	else if (strcmp(basis, "point") == 0)
		b = 1;
	else if (strcmp(basis, "high") == 0)
		b = 2;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown basis \"%s\"", basis),
				 errhint("Use 'low' (certainly over), 'point' or 'high' (possibly over).")));
	if (!numeric_is_nan(amount) && !numeric_is_inf(amount) &&
		DatumGetBool(DirectFunctionCall2(numeric_eq, NumericGetDatum(amount),
										 DirectFunctionCall2(numeric_trunc, NumericGetDatum(amount), Int32GetDatum(0)))) &&
		DatumGetBool(DirectFunctionCall2(numeric_le, NumericGetDatum(amount),
										 DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MAX)))) &&
		DatumGetBool(DirectFunctionCall2(numeric_gt, NumericGetDatum(amount),
										 DirectFunctionCall1(int8_numeric, Int64GetDatum(0)))))
	{
		major = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(amount)));
		t = inno_fs_threshold_index(major);
	}
	if (t < 0)
	{
		char		list[512];
		int			below = -1,
					above = 0;

		inno_fs_threshold_list(list, sizeof(list));
		if (major > 0)
			inno_fs_threshold_neighbours(major, &below, &above);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is not one of the thresholds funding_stats counts",
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(amount)))),
				 below >= 0 && above >= 0 ?
				 errhint("The nearest it counts are %lld and %lld (of 1, 2, 3 and 5 x 10^n from 10000 to 500000000000 currency units).",
						 (long long) inno_fs_threshold_major(below), (long long) inno_fs_threshold_major(above)) :
				 errhint("Use one of %s (currency units).", list),
				 errdetail("Counts at other amounts need the rows: count(*) FILTER (WHERE amount_point(r) >= ...).")));
	}
	if (s == NULL)
		PG_RETURN_INT64(0);
	/* a summary stored by 0.1.0 did not count at 2 and 3 x 10^n: unknown */
	if ((s->flags & INNO_FS_V1_THRESHOLDS) && inno_fs_threshold_is_new(t))
		PG_RETURN_NULL();
	PG_RETURN_INT64(inno_fs_over(s, t, b));
}

PG_FUNCTION_INFO_V1(funding_stats_quantile);
Datum
funding_stats_quantile(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 2, &digits);
	float8		q = PG_GETARG_FLOAT8(1);

	if (isnan(q) || q < 0.0 || q > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("quantile %g is not between 0 and 1", q)));
	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(inno_qs_quantile(inno_fs_sketch(s), q));
}

PG_FUNCTION_INFO_V1(funding_stats_min_amount);
Datum
funding_stats_min_amount(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 1, &digits);

	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	return inno_minor_to_numeric(s->min_point, digits);
}

PG_FUNCTION_INFO_V1(funding_stats_max_amount);
Datum
funding_stats_max_amount(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 1, &digits);

	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	return inno_minor_to_numeric(s->max_point, digits);
}

/* currencies(s): the currencies with rounds, in ISO numeric order */
PG_FUNCTION_INFO_V1(funding_stats_currencies);
Datum
funding_stats_currencies(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsSection *s = inno_fs_first(h);
	Datum	   *elems = palloc(sizeof(Datum) * (h->nsections + 1));
	int			n = 0;
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		if (s->currency != 0)
			elems[n++] = PointerGetDatum(cstring_to_text(inno_currency_by_numeric(s->currency)->alpha));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* kinds(s): one row per currency and round kind */

PG_FUNCTION_INFO_V1(funding_stats_eq);
Datum
funding_stats_eq(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *a = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsHeader *b = inno_checked_stats(PG_GETARG_DATUM(1));

	PG_RETURN_BOOL(a->used == b->used && memcmp(a, b, a->used) == 0);
}

PG_FUNCTION_INFO_V1(funding_stats_ne);
Datum
funding_stats_ne(PG_FUNCTION_ARGS)
{
	return BoolGetDatum(!DatumGetBool(funding_stats_eq(fcinfo)));
}

PG_FUNCTION_INFO_V1(funding_stats_to_jsonb);
Datum
funding_stats_to_jsonb(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(StatsText(inno_checked_stats(PG_GETARG_DATUM(0)))));
}

/* order by the stored bytes, hash by the binary form: btree and hash operator classes */
static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	const InnoFsHeader *a = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsHeader *b = inno_checked_stats(PG_GETARG_DATUM(1));

	return inno_bytes_cmp(a, a->used, b, b->used);
}

INNO_SUMMARY_ORDER(funding_stats)
