/*
 * designation.c
 *	  PostgreSQL glue for the designation type: I/O, the storage order and
 *	  the ladder comparison, hashing, parts and the vocabulary listings.
 *
 * A designation is an 8-byte, pass-by-value packed value (see
 * src/core/designation.h); everything here is a thin wrapper over the core.
 */
#include "innovation.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/sortsupport.h"

#include "core/designation.h"
#include "core/lexicon.h"
#include "designation_glue.h"

#define DatumGetDesig(d)		((InnoDesignation) DatumGetInt64(d))
#define DesigGetDatum(v)		Int64GetDatum((int64) (v))
#define PG_GETARG_DESIG(n)		DatumGetDesig(PG_GETARG_DATUM(n))
#define PG_RETURN_DESIG(v)		return DesigGetDatum(v)

/* The scheme of a stored value; a bad code can only come from corrupted storage. */
static const InnoSchemeInfo *
SchemeOrError(InnoDesignation d)
{
	InnoError	err;

	inno_error_clear(&err);
	if (inno_desig_check(d, &err) != INNO_OK)
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "designation");
	return inno_scheme_by_code(inno_desig_scheme(d));
}

/* Read a designation in the server encoding; returns false after a soft error. */
static bool
ParseDesig(const char *str, size_t len, InnoDesignation *d, Node *escontext)
{
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(str, len, &ulen);
	InnoError	err;
	InnoStatus	st = inno_desig_parse(utf8, ulen, d, &err);

	if (st != INNO_OK)
		ereturn(escontext, false,
				(errcode(inno_sqlstate(st)),
				 st == INNO_ERR_RANGE ?
				 errmsg("value out of range for type %s: \"%s\"", "designation",
						inno_quote_input(str, len)) :
				 errmsg("invalid input syntax for type %s: \"%s\"", "designation",
						inno_quote_input(str, len)),
				 INNO_ERRDETAIL(err),
				 INNO_ERRHINT(err)));
	return true;
}

PG_FUNCTION_INFO_V1(designation_in);
Datum
designation_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	InnoDesignation d = 0;

	if (!ParseDesig(str, strlen(str), &d, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_DESIG(d);
}

static char *
Format(InnoDesignation d)
{
	char	   *buf = palloc(INNO_DESIG_TEXT_MAX);

	(void) SchemeOrError(d);
	inno_desig_format(d, buf, INNO_DESIG_TEXT_MAX);
	return buf;
}

PG_FUNCTION_INFO_V1(designation_out);
Datum
designation_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(Format(PG_GETARG_DESIG(0)));
}

PG_FUNCTION_INFO_V1(designation_recv);
Datum
designation_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoDesignation d = 0;
	InnoError	err;

	if (inno_desig_decode_binary((const uint8_t *) data, (size_t) len, &d, &err) != INNO_OK)
		inno_report_bad_binary("designation", data, len, err.detail);
	buf->cursor = buf->len;
	PG_RETURN_DESIG(d);
}

PG_FUNCTION_INFO_V1(designation_send);
Datum
designation_send(PG_FUNCTION_ARGS)
{
	InnoDesignation d = PG_GETARG_DESIG(0);
	uint8_t		bytes[INNO_DESIG_BINARY_LEN];
	StringInfoData buf;

	(void) SchemeOrError(d);
	inno_desig_encode_binary(d, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, INNO_DESIG_BINARY_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(designation_from_text);
Datum
designation_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	InnoDesignation d = 0;

	(void) ParseDesig(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &d, NULL);
	PG_RETURN_DESIG(d);
}

PG_FUNCTION_INFO_V1(try_designation);
Datum
try_designation(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ulen);
	InnoDesignation d;
	InnoError	err;

	if (inno_desig_parse(utf8, ulen, &d, &err) != INNO_OK)
		PG_RETURN_NULL();
	PG_RETURN_DESIG(d);
}

PG_FUNCTION_INFO_V1(designation_to_text);
Datum
designation_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(Format(PG_GETARG_DESIG(0))));
}

/* The storage order: total, agrees with =, never fails (LEAKPROOF). */
#define DESIG_CMP_FUNC(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(inno_desig_cmp(PG_GETARG_DESIG(0), PG_GETARG_DESIG(1)) op 0); \
}

DESIG_CMP_FUNC(designation_lt, <)
DESIG_CMP_FUNC(designation_le, <=)
DESIG_CMP_FUNC(designation_ge, >=)
DESIG_CMP_FUNC(designation_gt, >)

PG_FUNCTION_INFO_V1(designation_eq);
Datum
designation_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_DESIG(0) == PG_GETARG_DESIG(1));
}

PG_FUNCTION_INFO_V1(designation_ne);
Datum
designation_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_DESIG(0) != PG_GETARG_DESIG(1));
}

PG_FUNCTION_INFO_V1(designation_cmp);
Datum
designation_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(inno_desig_cmp(PG_GETARG_DESIG(0), PG_GETARG_DESIG(1)));
}

static int
DesigFastCmp(Datum a, Datum b, SortSupport ssup pg_attribute_unused())
{
	return inno_desig_cmp(DatumGetDesig(a), DatumGetDesig(b));
}

PG_FUNCTION_INFO_V1(designation_sortsupport);
Datum
designation_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = DesigFastCmp;
	PG_RETURN_VOID();
}

/* The ladder: by rung within a track, NULL across tracks. */
#define DESIG_LADDER_FUNC(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	int			c = inno_desig_ladder_cmp(PG_GETARG_DESIG(0), PG_GETARG_DESIG(1)); \
\
	if (c == INNO_DESIG_UNORDERED) \
		PG_RETURN_NULL(); \
	PG_RETURN_BOOL(c op 0); \
}

DESIG_LADDER_FUNC(designation_ladder_lt, <)
DESIG_LADDER_FUNC(designation_ladder_le, <=)
DESIG_LADDER_FUNC(designation_ladder_ge, >=)
DESIG_LADDER_FUNC(designation_ladder_gt, >)

/*
 * Hashing: PostgreSQL's hash of the value as a bigint (hashint8 folds the
 * two halves and hashes the 32-bit result as a number, not as bytes), so a
 * value hashes the same on every machine, of either byte order, and in
 * every version: tables can be hash-partitioned or distributed by it.
 */
PG_FUNCTION_INFO_V1(hash_designation);
Datum
hash_designation(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(hashint8, Int64GetDatum((int64) PG_GETARG_DESIG(0)));
}

PG_FUNCTION_INFO_V1(hash_designation_extended);
Datum
hash_designation_extended(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall2(hashint8extended, Int64GetDatum((int64) PG_GETARG_DESIG(0)), PG_GETARG_DATUM(1));
}

/* ---- parts ---- */

static text *
ServerText(const char *utf8, const char *what, const char *label)
{
	return cstring_to_text(inno_utf8_to_server(utf8, what, label));
}

PG_FUNCTION_INFO_V1(designation_scheme);
Datum
designation_scheme(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(SchemeOrError(PG_GETARG_DESIG(0))->label));
}

PG_FUNCTION_INFO_V1(designation_scheme_zh);
Datum
designation_scheme_zh(PG_FUNCTION_ARGS)
{
	const InnoSchemeInfo *s = SchemeOrError(PG_GETARG_DESIG(0));

	PG_RETURN_TEXT_P(ServerText(s->name_zh, "the Chinese name of scheme", s->label));
}

PG_FUNCTION_INFO_V1(designation_track);
Datum
designation_track(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(inno_track_by_code(SchemeOrError(PG_GETARG_DESIG(0))->track)->label));
}

PG_FUNCTION_INFO_V1(designation_rung);
Datum
designation_rung(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(SchemeOrError(PG_GETARG_DESIG(0))->rung);
}

PG_FUNCTION_INFO_V1(designation_level);
Datum
designation_level(PG_FUNCTION_ARGS)
{
	InnoDesignation d = PG_GETARG_DESIG(0);
	const InnoLevelInfo *l;

	(void) SchemeOrError(d);
	l = inno_level_by_code(inno_desig_level(d));
	if (l == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(l->label));
}

/* An integer part, NULL where it is 0 (not given). */
#define DESIG_INT_PART(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	InnoDesignation d = PG_GETARG_DESIG(0); \
	unsigned	v; \
\
	(void) SchemeOrError(d); \
	v = (expr); \
	if (v == 0) \
		PG_RETURN_NULL(); \
	PG_RETURN_INT32((int32) v); \
}

DESIG_INT_PART(designation_list_year, inno_desig_year(d))
DESIG_INT_PART(designation_valid_until, inno_desig_valid_until(d))
DESIG_INT_PART(designation_list_batch, inno_desig_batch(d))
DESIG_INT_PART(designation_criteria_edition, inno_desig_edition(d))

/* valid_on(d, date): the date's year within the validity; NULL where unknown. */
PG_FUNCTION_INFO_V1(designation_valid_on);
Datum
designation_valid_on(PG_FUNCTION_ARGS)
{
	InnoDesignation d = PG_GETARG_DESIG(0);
	DateADT		date = PG_GETARG_DATEADT(1);
	int			year;

	(void) SchemeOrError(d);
	if (inno_desig_valid_until(d) == 0)
		PG_RETURN_NULL();
	if (!inno_date_year(date, &year))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(inno_desig_valid_in(d, year) == 1);
}

/* ---- listings ---- */

PG_FUNCTION_INFO_V1(designation_schemes);
Datum
designation_schemes(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx = inno_srf_rows(fcinfo, INNO_SCHEME_COUNT);

	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const InnoSchemeInfo *s = inno_scheme_by_code((unsigned) funcctx->call_cntr + 1);
		Datum		values[9];
		bool		nulls[9] = {0};
		Datum		lv[INNO_LEVEL_COUNT];
		int			n = 0,
					l;

		for (l = 1; l <= INNO_LEVEL_COUNT; l++)
			if (s->levels & INNO_LEVEL_BIT(l))
				lv[n++] = PointerGetDatum(cstring_to_text(inno_level_by_code((unsigned) l)->label));
		values[0] = PointerGetDatum(cstring_to_text(s->label));
		values[1] = PointerGetDatum(ServerText(s->name_zh, "the Chinese name of scheme", s->label));
		values[2] = PointerGetDatum(cstring_to_text(inno_track_by_code(s->track)->label));
		values[3] = Int32GetDatum(s->rung);
		values[4] = PointerGetDatum(construct_array(lv, n, TEXTOID, -1, false, TYPALIGN_INT));
		if (s->default_level)
			values[5] = PointerGetDatum(cstring_to_text(inno_level_by_code(s->default_level)->label));
		else
			nulls[5] = true;
		if (s->term)
			values[6] = Int32GetDatum(s->term);
		else
			nulls[6] = true;
		values[7] = PointerGetDatum(ServerText(s->issuer, "the issuer of scheme", s->label));
		/* a definition may quote a Chinese name (专精特新): it is converted too */
		values[8] = PointerGetDatum(ServerText(s->definition, "the definition of scheme", s->label));
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* What a word means, in English: the scheme or level it names. */
static const char *
Meaning(const DesigWord *w)
{
	switch ((DesigWordRole) w->role)
	{
		case DW_SCHEME:
			{
				const InnoLevelInfo *l = inno_level_by_code(w->value >> 8);

				if (l)
					return psprintf("%s %s", l->label, inno_scheme_by_code(w->value & 0xFF)->label);
				return inno_scheme_by_code(w->value & 0xFF)->label;
			}
		case DW_LEVEL:
		case DW_PLACE:
			return inno_level_by_code(w->value)->label;
		default:
			return NULL;
	}
}

PG_FUNCTION_INFO_V1(designation_vocabulary);
Datum
designation_vocabulary(PG_FUNCTION_ARGS)
{
	int			count;
	const DesigWord *words = inno_desig_words(&count);
	FuncCallContext *funcctx = inno_srf_rows(fcinfo, (uint64) count);

	while (funcctx->call_cntr < funcctx->max_calls)
	{
		const DesigWord *w = &words[funcctx->call_cntr];
		char		shown[128];
		const char *meaning = Meaning(w);
		Datum		values[3];
		bool		nulls[3] = {false, false, meaning == NULL};
		char	   *s;

		/*
		 * A word the database encoding cannot hold is left out: no text in
		 * this database can contain it (doc/administration.md, "Encodings")
		 */
		inno_lx_display(w->text, shown, sizeof(shown));
		if ((s = inno_utf8_try_server(shown)) == NULL)
		{
			funcctx->call_cntr++;
			continue;
		}
		values[0] = PointerGetDatum(cstring_to_text(s));
		values[1] = PointerGetDatum(cstring_to_text(inno_desig_role_name((DesigWordRole) w->role)));
		values[2] = meaning ? PointerGetDatum(cstring_to_text(meaning)) : (Datum) 0;
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
