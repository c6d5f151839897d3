/*
 * quantile_sketch.c
 *	  PostgreSQL glue for quantile_sketch (src/core/qsketch.c): its forms,
 *	  I/O and accessors (the aggregates are in quantile_sketch_agg.c).
 *
 * The value is a varlena: a 4-byte length, 4 bytes of padding so that the
 * sketch is 8-byte aligned, then one of three forms, told apart by their
 * first byte (src/core/qsketch.h):
 *	- packed: how a value is stored, in bytes that grow with what it holds;
 *	- flat: the core's InnoQSketch, which the arithmetic and the accessors
 *	  work on; how 0.1.0 stored values, and the state of an aggregate once
 *	  it holds more than a few values, with spare bucket slots after its
 *	  buckets (the varlena size says how many) so that most new buckets are
 *	  added in place (it grows geometrically when full);
 *	- list: an aggregate's first few values as given (small groups stay
 *	  small in memory);
 *	- dense: a large state whose buckets are mostly contiguous, one count
 *	  per bucket of a span (adding is one increment, in half the bytes).
 * Every reader goes through FlatSketch, which validates whatever form it
 * is given; the final function and the input functions write the packed form.
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

#include "quantile_sketch.h"

/* A new, empty sketch datum with room for capacity buckets. */
struct varlena *
inno_sketch_new(int accuracy, int max_bins, uint32 capacity)
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
				 INNO_ERRDETAIL(err)));
	return d;
}

/* A flat datum from a sketch body (copied, normalized, trimmed to its buckets). */
static struct varlena *
TrimmedSketch(const InnoQSketch *s)
{
	uint32		nbins = inno_qs_nbins(s);
	struct varlena *d = palloc0(QS_DATUM_SIZE(nbins));

	SET_VARSIZE(d, QS_DATUM_SIZE(nbins));
	memcpy(QS_BODY(d), s, INNO_QS_SIZE(nbins));
	inno_xsum_normalize(&QS_BODY(d)->sum);
	return d;
}

/* The stored (packed) datum of a flat sketch or state. */
struct varlena *
inno_sketch_packed(const InnoQSketch *s)
{
	struct varlena *d = palloc0(QS_OFFSET + inno_qs_pack_bound(s));

	SET_VARSIZE(d, QS_OFFSET + inno_qs_pack(s, (uint8_t *) QS_BODY(d)));
	return d;
}

/* The flat datum of a list state, with room for capacity buckets. */
struct varlena *
inno_sketch_list_to_flat(const InnoQsList *l, uint32 capacity)
{
	struct varlena *d = palloc0(QS_DATUM_SIZE(capacity));
	InnoError	err;

	SET_VARSIZE(d, QS_DATUM_SIZE(capacity));
	if (inno_qs_list_to_sketch(l, QS_BODY(d), capacity, &err) != INNO_OK)
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "quantile_sketch");
	return d;
}

struct varlena *
inno_sketch_dense_to_flat(const struct varlena *d, uint32 spare)
{
	const InnoQsDense *dn = QS_DENSE(d);
	InnoError	err;
	InnoStatus	st = inno_qs_dense_check(dn, VARSIZE(d) - QS_OFFSET, &err);
	struct varlena *f;
	uint32		nbins;

	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "quantile_sketch");
	nbins = inno_qs_dense_nbins(dn);
	f = palloc0(QS_DATUM_SIZE(nbins + spare));
	SET_VARSIZE(f, QS_DATUM_SIZE(nbins + spare));
	inno_qs_dense_to_sketch(dn, QS_BODY(f));
	return f;
}

/*
 * A sketch in any form, checked before it is trusted, as a flat datum
 * without spare room.  Besides stored values this accepts aggregation
 * states: Citus ships partial states between nodes through the output
 * function; they are validated.  A packed value is validated only when
 * validate_packed: only the extension writes that form, from valid sketches.
 */
struct varlena *
inno_sketch_read(Datum datum, bool validate_packed)
{
	struct varlena *d = PG_DETOAST_DATUM(datum);
	InnoError	err;
	InnoStatus	st;

	inno_error_clear(&err);
	if (VARSIZE(d) > QS_OFFSET && QS_FORM(d) == INNO_QS_PACKED_VERSION)
	{
		const uint8_t *bytes = (const uint8_t *) QS_BODY(d);
		size_t		len = VARSIZE(d) - QS_OFFSET;
		uint32_t	nbins = 0;
		struct varlena *f;

		st = inno_qs_unpack(bytes, len, NULL, &nbins, &err);
		if (st != INNO_OK)
			inno_report_corrupt(st, &err, "quantile_sketch");
		f = palloc(QS_DATUM_SIZE(nbins));
		SET_VARSIZE(f, QS_DATUM_SIZE(nbins));
		st = inno_qs_unpack(bytes, len, QS_BODY(f), &nbins, &err);
		if (st == INNO_OK && validate_packed)
			st = inno_qs_validate(QS_BODY(f), INNO_QS_SIZE(nbins), &err);
		if (st != INNO_OK)
			inno_report_corrupt(st, &err, "quantile_sketch");
		return f;
	}
	if (VARSIZE(d) == QS_LIST_DATUM_SIZE && QS_FORM(d) == INNO_QS_LIST_VERSION)
	{
		if (!inno_qs_list_valid(QS_LIST(d)))
			inno_report_corrupt(INNO_ERR_CORRUPT, &err, "quantile_sketch");
		d = inno_sketch_list_to_flat(QS_LIST(d), INNO_QS_LIST_MAX);
	}
	else if (VARSIZE(d) > QS_OFFSET && QS_FORM(d) == INNO_QS_DENSE_VERSION)
		d = inno_sketch_dense_to_flat(d, 0);
	if (VARSIZE(d) < QS_DATUM_SIZE(0))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "quantile_sketch");
	if ((size_t) QS_BODY(d)->nneg + QS_BODY(d)->npos > QS_CAPACITY(d))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "quantile_sketch");
	if (QS_CAPACITY(d) != inno_qs_nbins(QS_BODY(d)) || QS_BODY(d)->sum.pending != 0)
		d = TrimmedSketch(QS_BODY(d));
	st = inno_qs_validate(QS_BODY(d), VARSIZE(d) - QS_OFFSET, &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "quantile_sketch");
	return d;
}

/* A sketch for the accessors (a stored one is only checked to stay within its bytes). */
static struct varlena *
FlatSketch(Datum datum)
{
	return inno_sketch_read(datum, false);
}

PG_FUNCTION_INFO_V1(quantile_sketch_in);
Datum
quantile_sketch_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len;
	const char *utf8 = inno_server_to_utf8(str, strlen(str), &len);
	uint32_t	nbins = 0;
	InnoError	err;
	InnoStatus	st = inno_qs_parse(utf8, len, NULL, &nbins, &err);
	struct varlena *d;

	if (st == INNO_OK)
	{
		d = palloc0(QS_DATUM_SIZE(nbins));
		SET_VARSIZE(d, QS_DATUM_SIZE(nbins));
		st = inno_qs_parse(utf8, len, QS_BODY(d), &nbins, &err);
	}
	if (st != INNO_OK)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "quantile_sketch",
						inno_quote_input(str, strlen(str))),
				 INNO_ERRDETAIL(err)));
	PG_RETURN_POINTER(inno_sketch_packed(QS_BODY(d)));
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
	PG_RETURN_CSTRING(SketchText(QS_BODY(FlatSketch(PG_GETARG_DATUM(0)))));
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
		inno_report_bad_binary("quantile_sketch", (const char *) data, (int) len, err.detail);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(inno_sketch_packed(QS_BODY(d)));
}

PG_FUNCTION_INFO_V1(quantile_sketch_send);
Datum
quantile_sketch_send(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(FlatSketch(PG_GETARG_DATUM(0)));
	size_t		n = inno_qs_binary_size(s);
	uint8_t    *bytes = palloc(n);
	StringInfoData buf;

	inno_qs_encode_binary(s, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, (int) n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- accessors ---- */

PG_FUNCTION_INFO_V1(quantile_sketch_quantile);
Datum
quantile_sketch_quantile(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(FlatSketch(PG_GETARG_DATUM(0)));
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
	const InnoQSketch *s = QS_BODY(FlatSketch(PG_GETARG_DATUM(0)));
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
	PG_RETURN_INT64((int64) QS_BODY(FlatSketch(PG_GETARG_DATUM(0)))->count);
}

PG_FUNCTION_INFO_V1(quantile_sketch_min);
Datum
quantile_sketch_min(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(FlatSketch(PG_GETARG_DATUM(0)));

	if (s->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->min);
}

PG_FUNCTION_INFO_V1(quantile_sketch_max);
Datum
quantile_sketch_max(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(FlatSketch(PG_GETARG_DATUM(0)));

	if (s->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->max);
}

PG_FUNCTION_INFO_V1(quantile_sketch_mean);
Datum
quantile_sketch_mean(PG_FUNCTION_ARGS)
{
	const InnoQSketch *s = QS_BODY(FlatSketch(PG_GETARG_DATUM(0)));

	if (s->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(inno_qs_mean(s));
}

PG_FUNCTION_INFO_V1(quantile_sketch_relative_accuracy);
Datum
quantile_sketch_relative_accuracy(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(inno_qs_accuracy_value(QS_BODY(FlatSketch(PG_GETARG_DATUM(0)))->accuracy));
}

PG_FUNCTION_INFO_V1(quantile_sketch_eq);
Datum
quantile_sketch_eq(PG_FUNCTION_ARGS)
{
	struct varlena *a = FlatSketch(PG_GETARG_DATUM(0));
	struct varlena *b = FlatSketch(PG_GETARG_DATUM(1));

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
		SketchText(QS_BODY(FlatSketch(PG_GETARG_DATUM(0))))));
}

/* order by the stored bytes, hash by the binary form: btree and hash operator classes */
static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	struct varlena *a = FlatSketch(PG_GETARG_DATUM(0));
	struct varlena *b = FlatSketch(PG_GETARG_DATUM(1));

	return inno_bytes_cmp(QS_BODY(a), VARSIZE(a) - QS_OFFSET, QS_BODY(b), VARSIZE(b) - QS_OFFSET);
}

INNO_SUMMARY_ORDER(quantile_sketch)
