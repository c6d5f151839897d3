/*
 * designation_set.c
 *	  PostgreSQL glue for designation_set: one firm's honours, gathered by
 *	  designation_set(designation) and merged by rollup(designation_set).
 *	  The set arithmetic lives in src/core/desigset.c.
 */
#include "innovation.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "catalog/pg_type.h"

#include "core/desigset.h"
#include "designation_glue.h"

#define PG_GETARG_DESIG(n)		((InnoDesignation) PG_GETARG_INT64(n))

/* the SQL type's INTERNALLENGTH (src/sql/81_designation_summaries.sql) */
StaticAssertDecl(sizeof(InnoDesigSet) == 392, "designation_set is 392 bytes");

/* ---- shared with designation_counts.c ---- */

/*
 * A scheme argument: anything the designation reader reads as a bare
 * scheme ('high_tech', '高企', 'little giant'), cached per call site.
 */
unsigned
inno_scheme_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	const char *s = VARDATA_ANY(t);
	size_t		n = VARSIZE_ANY_EXHDR(t);
	SchemeArgCache *cache = fcinfo->flinfo->fn_extra;
	InnoDesignation d;
	InnoError	err;
	size_t		ulen;
	char	   *utf8;
	InnoStatus	st;

	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SchemeArgCache));
	if (cache->scheme[argno & 3] && cache->len[argno & 3] == n && n < sizeof(cache->text[0]) &&
		memcmp(cache->text[argno & 3], s, n) == 0)
		return cache->scheme[argno & 3];
	utf8 = inno_server_to_utf8(s, n, &ulen);
	st = inno_desig_parse(utf8, ulen, &d, &err);
	if (st == INNO_OK && (inno_desig_year(d) || inno_desig_batch(d) || inno_desig_edition(d) ||
						  (inno_desig_level(d) &&
						   inno_desig_level(d) != inno_scheme_by_code(inno_desig_scheme(d))->default_level)))
	{
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is more than a scheme", inno_quote_input(s, n)),
				 errhint("Give the scheme alone (high_tech, gazelle), and the level or year as their own arguments.")));
	}
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is not a designation scheme", inno_quote_input(s, n)),
				 INNO_ERRDETAIL(err), INNO_ERRHINT(err)));
	if (n < sizeof(cache->text[0]))
	{
		memcpy(cache->text[argno & 3], s, n);
		cache->len[argno & 3] = n;
		cache->scheme[argno & 3] = inno_desig_scheme(d);
	}
	return inno_desig_scheme(d);
}

/* A level argument: national, provincial, municipal, district (or 国家级 ..), or 'unstated'. */
unsigned
inno_level_arg(FunctionCallInfo fcinfo, int argno, unsigned scheme)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(s, strlen(s), &ulen);
	const InnoSchemeInfo *info = inno_scheme_by_code(scheme);
	unsigned	l;

	for (l = 0; l <= INNO_LEVEL_COUNT; l++)
	{
		const InnoLevelInfo *li = inno_level_by_code(l);
		const char *label = li ? li->label : "unstated";

		if (strlen(label) == ulen && memcmp(label, utf8, ulen) == 0)
			break;
		if (li && strlen(li->name_zh) == ulen && memcmp(li->name_zh, utf8, ulen) == 0)
			break;
	}
	if (l > INNO_LEVEL_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is not an issuer level", inno_quote_input(s, strlen(s))),
				 errhint("Levels are national, provincial, municipal and district; 'unstated' for lists that name none.")));
	if (inno_dset_slot(scheme, l) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is not issued at level %s", info->label, l ? inno_level_by_code(l)->label : "unstated"),
				 errhint("%s: %s.", info->label, inno_msg(info->issuer))));
	return l;
}

/* The year of a date; false for infinite dates. */
bool
inno_date_year(DateADT date, int *year)
{
	int			month,
				day;

	if (DATE_NOT_FINITE(date))
		return false;
	j2date(date + POSTGRES_EPOCH_JDATE, year, &month, &day);
	return true;
}

/* ---- the type ---- */

static const InnoDesigSet *
CheckedSet(FunctionCallInfo fcinfo, int n)
{
	const InnoDesigSet *s = (const InnoDesigSet *) PG_GETARG_POINTER(n);
	InnoError	err;

	inno_error_clear(&err);
	if (inno_dset_check(s, &err) != INNO_OK)
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "designation_set");
	return s;
}

static void
ReportRange(InnoStatus st, const InnoError *err)
{
	ereport(ERROR,
			(errcode(inno_sqlstate(st)),
			 errmsg("designation_set out of range"),
			 INNO_ERRDETAIL(*err),
			 errhint("Summarize such firms' honours in two sets, by period.")));
}

PG_FUNCTION_INFO_V1(designation_set_in);
Datum
designation_set_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	InnoDesigSet *s = palloc(sizeof(InnoDesigSet));
	InnoError	err;
	InnoStatus	st = inno_dset_parse(str, strlen(str), s, &err);

	if (st != INNO_OK)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "designation_set", inno_quote_input(str, strlen(str))),
				 INNO_ERRDETAIL(err)));
	PG_RETURN_POINTER(s);
}

static char *
SetText(const InnoDesigSet *s)
{
	char	   *buf = palloc(INNO_DSET_TEXT_MAX);

	return inno_dset_format(s, buf, INNO_DSET_TEXT_MAX);
}

PG_FUNCTION_INFO_V1(designation_set_out);
Datum
designation_set_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(SetText(CheckedSet(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(designation_set_recv);
Datum
designation_set_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoDesigSet *s = palloc(sizeof(InnoDesigSet));
	InnoError	err;

	if (inno_dset_decode_binary((const uint8_t *) data, (size_t) len, s, &err) != INNO_OK)
		inno_report_bad_binary("designation_set", data, len, err.detail);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(designation_set_send);
Datum
designation_set_send(PG_FUNCTION_ARGS)
{
	uint8_t		bytes[INNO_DSET_BINARY_LEN];
	StringInfoData buf;

	inno_dset_encode_binary(CheckedSet(fcinfo, 0), bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, INNO_DSET_BINARY_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(designation_set_to_jsonb);
Datum
designation_set_to_jsonb(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(SetText(CheckedSet(fcinfo, 0))));
}

/* designation_set(designation): transition (strict: NULL designations are skipped) */
PG_FUNCTION_INFO_V1(designation_set_add);
Datum
designation_set_add(PG_FUNCTION_ARGS)
{
	InnoDesigSet *s = inno_agg_state(fcinfo, sizeof(InnoDesigSet));
	InnoDesignation d = PG_GETARG_DESIG(1);
	InnoError	err;
	InnoStatus	st;

	inno_error_clear(&err);
	if (inno_desig_check(d, &err) != INNO_OK)
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "designation");
	if ((st = inno_dset_add(s, d, &err)) != INNO_OK)
		ReportRange(st, &err);
	PG_RETURN_POINTER(s);
}

/* combine function, and rollup(designation_set): the union */
PG_FUNCTION_INFO_V1(designation_set_union);
Datum
designation_set_union(PG_FUNCTION_ARGS)
{
	const InnoDesigSet *t = CheckedSet(fcinfo, 1);
	InnoDesigSet *s;
	InnoError	err;
	InnoStatus	st;

	/* an aggregate's state was made by the functions here, checked already */
	if (!AggCheckCallContext(fcinfo, NULL))
		(void) CheckedSet(fcinfo, 0);
	s = inno_agg_state(fcinfo, sizeof(InnoDesigSet));
	inno_error_clear(&err);
	if ((st = inno_dset_union(s, t, &err)) != INNO_OK)
		ReportRange(st, &err);
	PG_RETURN_POINTER(s);
}

/* set @> designation: held, with the pattern's level and year where it states them */
PG_FUNCTION_INFO_V1(designation_set_holds);
Datum
designation_set_holds(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(inno_dset_holds(CheckedSet(fcinfo, 0), PG_GETARG_DESIG(1)));
}

/* valid_on(set, scheme, date): true, false, or NULL when only an unknown validity could make it true */
PG_FUNCTION_INFO_V1(designation_set_valid_on);
Datum
designation_set_valid_on(PG_FUNCTION_ARGS)
{
	const InnoDesigSet *s = CheckedSet(fcinfo, 0);
	unsigned	scheme = inno_scheme_arg(fcinfo, 1);
	int			year,
				v;

	if (!inno_date_year(PG_GETARG_DATEADT(2), &year))
		PG_RETURN_BOOL(false);
	v = inno_dset_valid_in(s, scheme, year);
	if (v < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(v == 1);
}

/* schemes(set): the schemes held, in table order */
PG_FUNCTION_INFO_V1(designation_set_schemes);
Datum
designation_set_schemes(PG_FUNCTION_ARGS)
{
	const InnoDesigSet *s = CheckedSet(fcinfo, 0);
	Datum		v[INNO_SCHEME_COUNT];
	int			n = 0;
	unsigned	k;

	for (k = 1; k <= INNO_SCHEME_COUNT; k++)
		if (inno_dset_holds_scheme(s, k))
			v[n++] = PointerGetDatum(cstring_to_text(inno_scheme_by_code(k)->label));
	PG_RETURN_ARRAYTYPE_P(construct_array(v, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* designations(set): one row per slot and list year held (list_year NULL: none given) */
PG_FUNCTION_INFO_V1(designation_set_rows);
Datum
designation_set_rows(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	const InnoDesigSet *s;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		InnoDesigSet *copy;

		funcctx = inno_srf_rows(fcinfo, (uint64) INNO_DSET_SLOTS * (INNO_DSET_SPAN + 1));
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		copy = palloc(sizeof(InnoDesigSet));
		memcpy(copy, CheckedSet(fcinfo, 0), sizeof(InnoDesigSet));
		funcctx->user_fctx = copy;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	s = funcctx->user_fctx;
	while (funcctx->call_cntr < funcctx->max_calls)
	{
		int			slot = (int) (funcctx->call_cntr / (INNO_DSET_SPAN + 1));
		int			k = (int) (funcctx->call_cntr % (INNO_DSET_SPAN + 1));
		unsigned	scheme,
					level;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		/* k < 64: the year base + k; k = 64: held with no list year */
		if (k < INNO_DSET_SPAN ? !((s->listed[slot] >> k) & 1) : !((s->undated >> slot) & 1))
		{
			funcctx->call_cntr++;
			continue;
		}
		inno_dset_slot_parts(slot, &scheme, &level);
		values[0] = PointerGetDatum(cstring_to_text(inno_scheme_by_code(scheme)->label));
		if (level)
			values[1] = PointerGetDatum(cstring_to_text(inno_level_by_code(level)->label));
		else
			nulls[1] = true;
		if (k < INNO_DSET_SPAN)
			values[2] = Int32GetDatum(s->base + k);
		else
			nulls[2] = true;
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

PG_FUNCTION_INFO_V1(designation_set_eq);
Datum
designation_set_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(CheckedSet(fcinfo, 0), CheckedSet(fcinfo, 1), sizeof(InnoDesigSet)) == 0);
}

PG_FUNCTION_INFO_V1(designation_set_ne);
Datum
designation_set_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(CheckedSet(fcinfo, 0), CheckedSet(fcinfo, 1), sizeof(InnoDesigSet)) != 0);
}

static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	return inno_bytes_cmp(CheckedSet(fcinfo, 0), sizeof(InnoDesigSet), CheckedSet(fcinfo, 1), sizeof(InnoDesigSet));
}

INNO_SUMMARY_ORDER(designation_set)
