/*
 * funding_stats.c
 *	  PostgreSQL glue for funding_stats (src/core/funstats.c): its forms,
 *	  I/O and comparisons (the aggregates are in funding_stats_agg.c, the
 *	  accessors in funding_stats_access.c and funding_stats_kinds.c).
 *
 * The value is a varlena: 4-byte length, 4 bytes of padding (8-byte
 * alignment), then one of three forms, told apart by their first byte
 * (src/core/funstats.h):
 *	- packed: how a value is stored, keeping only what is not zero;
 *	- flat: the core's summary, which the arithmetic and the accessors work
 *	  on; how 0.1.0 stored values (its version 1, read and converted), and
 *	  the state of an aggregate past a few rounds, with spare room;
 *	- list: an aggregate's first few rounds as given (small groups stay
 *	  small in memory).
 * Every reader goes through inno_checked_stats, which validates whatever
 * form it is given; the final function and the input functions pack.
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

struct varlena *
inno_stats_new(size_t body)
{
	struct varlena *d = palloc0(FS_OFFSET + body);

	SET_VARSIZE(d, FS_OFFSET + body);
	return d;
}

/* A list state with room for room rounds, holding l's (if any). */
struct varlena *
inno_stats_new_list(int room, const InnoFsList *l)
{
	struct varlena *d = palloc(FS_OFFSET + INNO_FS_LIST_SIZE(room));

	SET_VARSIZE(d, FS_OFFSET + INNO_FS_LIST_SIZE(room));
	memset(d + 1, 0, FS_OFFSET - VARHDRSZ);
	inno_fs_list_init(FS_LIST(d), room);
	if (l)
	{
		memcpy(FS_LIST(d)->rounds, l->rounds, l->n * sizeof(InnoFundingRound));
		FS_LIST(d)->n = l->n;
	}
	return d;
}

/*
 * Add a round to a flat state, growing it as needed: returns the state,
 * or a larger copy, which the executor moves into the aggregate's memory.
 */
struct varlena *
inno_stats_add_round(struct varlena *d, const InnoFundingRound *fr)
{
	size_t		need = 0;
	InnoStatus	st;

	while ((st = inno_fs_add(FS_BODY(d), FS_CAPACITY(d), fr, &need)) == INNO_ERR_RANGE)
	{
		struct varlena *bigger = inno_stats_new(need);

		memcpy(FS_BODY(bigger), FS_BODY(d), FS_BODY(d)->used);
		d = bigger;
	}
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("funding_stats sum out of range")));
	return d;
}

/* The flat state of a list state's rounds. */
struct varlena *
inno_stats_list_to_flat(const InnoFsList *l)
{
	struct varlena *d = inno_stats_new(INNO_FS_MIN_SIZE + INNO_FS_SECTION_SIZE(16));
	int			i;

	inno_fs_init(FS_BODY(d));
	for (i = 0; i < l->n; i++)
		d = inno_stats_add_round(d, &l->rounds[i]);
	return d;
}

/* The stored (packed) datum of a flat value or state. */
struct varlena *
inno_stats_packed(const InnoFsHeader *h)
{
	struct varlena *d = palloc(FS_OFFSET + inno_fs_pack_bound(h));

	memset(d, 0, FS_OFFSET);
	SET_VARSIZE(d, FS_OFFSET + inno_fs_pack(h, (uint8_t *) FS_BODY(d)));
	return d;
}

/*
 * The flat value of a packed value's bytes, validated whole when validate:
 * NULL, with *st and err set, when the bytes do not unpack (*unpacked
 * false) or the value does not validate (*unpacked true).
 */
static struct varlena *
Unpack(const uint8_t *bytes, size_t len, bool validate, bool *unpacked, InnoStatus *st, InnoError *err)
{
	size_t		size = 0;
	struct varlena *t;

	*unpacked = false;
	if ((*st = inno_fs_unpack(bytes, len, NULL, &size, err)) != INNO_OK)
		return NULL;
	if (size > MaxAllocSize - FS_OFFSET)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("funding_stats value too large to unpack"),
				 errdetail("Unpacked it would take %zu bytes.", size)));
	t = inno_stats_new(size);
	if ((*st = inno_fs_unpack(bytes, len, FS_BODY(t), &size, err)) != INNO_OK)
		return NULL;
	*unpacked = true;
	if (validate && (*st = inno_fs_validate(FS_BODY(t), size, err)) != INNO_OK)
		return NULL;
	return t;
}

/*
 * A value in any form as a flat stored value, checked before it is
 * trusted.  Besides stored values this accepts aggregation states: Citus
 * ships partial states between nodes through the output function.  A flat
 * state is first checked to be well formed, then trimmed to the stored
 * form, then fully validated.  A packed value is validated only when
 * validate_packed: only the extension writes that form, from valid values.
 */
static const InnoFsHeader *
ReadStats(Datum datum, bool validate_packed)
{
	struct varlena *d = PG_DETOAST_DATUM(datum);
	InnoError	err;
	InnoStatus	st;

	inno_error_clear(&err);
	if (IS_PACKED(d))
	{
		bool		unpacked;
		struct varlena *t = Unpack((const uint8_t *) FS_BODY(d), VARSIZE(d) - FS_OFFSET, validate_packed,
								   &unpacked, &st, &err);

		if (t == NULL)
			inno_report_corrupt(st, &err, "funding_stats");
		return FS_BODY(t);
	}
	if (IS_LIST(d))
	{
		if (!inno_fs_list_valid(FS_LIST(d), VARSIZE(d) - FS_OFFSET))
			inno_report_corrupt(INNO_ERR_CORRUPT, &err, "funding_stats");
		d = inno_stats_list_to_flat(FS_LIST(d));
	}
	if (VARSIZE(d) >= FS_OFFSET + INNO_FS_MIN_SIZE && FS_BODY(d)->version == 1)
	{
		/* stored by 0.1.0: read into the current form (rewriting the value stores that) */
		size_t		size = 0;
		struct varlena *t;

		st = inno_fs_upgrade_v1(FS_BODY(d), FS_CAPACITY(d), NULL, &size, &err);
		if (st != INNO_OK)
			inno_report_corrupt(st, &err, "funding_stats");
		t = inno_stats_new(size);
		(void) inno_fs_upgrade_v1(FS_BODY(d), FS_CAPACITY(d), FS_BODY(t), &size, &err);
		d = t;
	}
	if (VARSIZE(d) < FS_OFFSET + INNO_FS_MIN_SIZE || !inno_fs_state_fits(FS_BODY(d), FS_CAPACITY(d)))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "funding_stats");
	{
		/* trimmed and normalized (a state's sums may be pending even when it has no spare room) */
		struct varlena *t = inno_stats_new(inno_fs_stored_size(FS_BODY(d)));

		inno_fs_write_stored(FS_BODY(d), FS_BODY(t));
		d = t;
	}
	st = inno_fs_validate(FS_BODY(d), FS_CAPACITY(d), &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "funding_stats");
	return FS_BODY(d);
}

/*
 * A value for the accessors: a stored (packed) value was valid when it was
 * written and is only checked to stay within its bytes; other forms are
 * validated.
 */
const InnoFsHeader *
inno_checked_stats(Datum datum)
{
	return ReadStats(datum, false);
}

/* A value to merge: every form validated, so that the sums stay in range. */
const InnoFsHeader *
inno_stats_merge_input(Datum datum)
{
	return ReadStats(datum, true);
}

/* Parse the text form; NULL (with *st and err filled in) when it does not read. */
static struct varlena *
ParseStats(const char *str, size_t len, InnoStatus *st, InnoError *err)
{
	size_t		size = 0;
	struct varlena *d;

	*st = inno_fs_parse(str, len, NULL, &size, err);
	if (*st != INNO_OK)
		return NULL;
	d = inno_stats_new(size);
	*st = inno_fs_parse(str, len, FS_BODY(d), &size, err);
	return *st == INNO_OK ? d : NULL;
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
	size_t		len = strlen(str);
	size_t		ulen;
	const char *utf8 = inno_server_to_utf8(str, len, &ulen);
	InnoStatus	st;
	InnoError	err;
	struct varlena *d = ParseStats(utf8, ulen, &st, &err);

	if (d == NULL)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "funding_stats",
						inno_quote_input(str, len)),
				 INNO_ERRDETAIL(err)));
	PG_RETURN_POINTER(inno_stats_packed(FS_BODY(d)));
}

PG_FUNCTION_INFO_V1(funding_stats_out);
Datum
funding_stats_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(StatsText(inno_checked_stats(PG_GETARG_DATUM(0))));
}

/*
 * Binary form: a format-version byte, then for FS_BINARY_PACKED the packed
 * form (what a value stores: portable, varints and little-endian fields),
 * for FS_BINARY_TEXT (how 0.1.0 sent values) the text form.  What is
 * received is validated whole, as text input is, and stored re-packed.
 */
static struct varlena *
RecvPacked(const char *data, int len, const char **what, InnoError *err)
{
	bool		unpacked;
	InnoStatus	st;
	struct varlena *t = Unpack((const uint8_t *) data + 1, (size_t) len - 1, true, &unpacked, &st, err);

	*what = unpacked ? "is not a valid summary" : "does not read";
	return t != NULL ? inno_stats_packed(FS_BODY(t)) : NULL;
}

PG_FUNCTION_INFO_V1(funding_stats_recv);
Datum
funding_stats_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const char *data = buf->data + buf->cursor;
	InnoStatus	st;
	InnoError	err;
	struct varlena *d;

	inno_error_clear(&err);
	if (len >= 1 && (uint8) data[0] == FS_BINARY_PACKED)
	{
		const char *what;

		d = RecvPacked(data, len, &what, &err);
		if (d == NULL)
			inno_report_bad_binary("funding_stats", data, len,
								   psprintf("After the version byte comes the packed form, which %s%s%s", what,
											err.detail[0] ? ": " : ".", err.detail));
		buf->cursor = buf->len;
		PG_RETURN_POINTER(d);
	}
	if (inno_binary_check((const uint8_t *) data, (size_t) len, "funding_stats", FS_BINARY_TEXT, 1,
						  true, &err) != INNO_OK)
		inno_report_bad_binary("funding_stats", data, len, err.detail);
	d = ParseStats(data + 1, (size_t) (len - 1), &st, &err);
	if (d == NULL)
		inno_report_bad_binary("funding_stats", data, len,
							   psprintf("After the version byte comes the text form, which does not read%s%s",
										err.detail[0] ? ": " : ".", err.detail));
	buf->cursor = buf->len;
	PG_RETURN_POINTER(inno_stats_packed(FS_BODY(d)));
}

/*
 * The packed form of the value that equality compares (so that equal
 * values send, and hash, the same bytes whatever form each is stored in).
 */
PG_FUNCTION_INFO_V1(funding_stats_send);
Datum
funding_stats_send(PG_FUNCTION_ARGS)
{
	struct varlena *d = inno_stats_packed(inno_checked_stats(PG_GETARG_DATUM(0)));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FS_BINARY_PACKED);
	pq_sendbytes(&buf, (const char *) FS_BODY(d), (int) (VARSIZE(d) - FS_OFFSET));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

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
