/*
 * funding_text.c
 *	  PostgreSQL glue for reading funding text without aborting and for
 *	  finding rounds in articles: try_funding_round, funding_round_error,
 *	  extract_funding_rounds, funding_vocabulary, and the setting
 *	  innovation.default_currency.
 *
 * The core reader is plain C and reports failure as a value, so the
 * "try" functions need no subtransaction: they simply do not raise.
 */
#include "funding_round.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/tuplestore.h"

#include "core/lexicon.h"

/* ---- innovation.default_currency ---- */

static char *default_currency_setting = NULL;
static uint16 default_currency_code = 0;

static bool
CheckDefaultCurrency(char **newval, void **extra, GucSource source)
{
	const InnoCurrencyInfo *cur;

	(void) extra;
	(void) source;
	if (*newval == NULL || (*newval)[0] == '\0')
		return true;
	cur = inno_currency_by_alpha(*newval);
	if (cur == NULL)
	{
		GUC_check_errdetail("\"%s\" is not a currency this extension knows.", *newval);
		GUC_check_errhint("Use an ISO 4217 code listed by funding_currencies(), such as USD, or an empty string.");
		return false;
	}
	/* store the code as funding_currencies() writes it */
	strcpy(*newval, cur->alpha);
	return true;
}

static void
AssignDefaultCurrency(const char *newval, void *extra)
{
	const InnoCurrencyInfo *cur = newval && newval[0] ? inno_currency_by_alpha(newval) : NULL;

	(void) extra;
	default_currency_code = cur ? cur->numeric : 0;
}

void
inno_define_funding_settings(void)
{
	DefineCustomStringVariable("innovation.default_currency",
							   "Currency of typed funding_round input whose amount names none.",
							   "Applies to amounts not written with 万 or 亿 (those are CNY) in "
							   "COPY and literals; empty means such text is an error. Functions "
							   "that take text never read it: they take the currency as an argument.",
							   &default_currency_setting,
							   "",
							   PGC_USERSET,
							   0,
							   CheckDefaultCurrency,
							   AssignDefaultCurrency,
							   NULL);
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("innovation");
#endif
}

uint16
inno_default_currency(void)
{
	return default_currency_code;
}

uint16
inno_currency_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return 0;
	return inno_currency_or_error(text_to_cstring(PG_GETARG_TEXT_PP(argno)))->numeric;
}

/* ---- try_funding_round, funding_round_error ---- */

/* try_funding_round(text [, default_currency]): NULL where the text is not a round */
PG_FUNCTION_INFO_V1(try_funding_round);
Datum
try_funding_round(PG_FUNCTION_ARGS)
{
	text	   *t;
	InnoFundingRound *fr;
	InnoError	err;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	fr = palloc(sizeof(InnoFundingRound));
	if (inno_fr_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), inno_currency_arg(fcinfo, 1),
							 fr, &err) != INNO_OK)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(fr);
}

/* funding_round_error(text [, default_currency]): NULL if valid, else why not */
PG_FUNCTION_INFO_V1(funding_round_error);
Datum
funding_round_error(PG_FUNCTION_ARGS)
{
	text	   *t;
	InnoFundingRound fr;
	InnoError	err;
	InnoStatus	st;
	StringInfoData msg;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	st = inno_fr_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), inno_currency_arg(fcinfo, 1), &fr, &err);
	if (st == INNO_OK)
		PG_RETURN_NULL();
	initStringInfo(&msg);
	appendStringInfo(&msg, st == INNO_ERR_RANGE ? "value out of range for type %s" :
					 "invalid input syntax for type %s", "funding_round");
	if (err.detail[0])
		appendStringInfo(&msg, ": %s", inno_msg(err.detail));
	if (err.hint[0])
		appendStringInfo(&msg, " Hint: %s", inno_msg(err.hint));
	PG_RETURN_TEXT_P(cstring_to_text(msg.data));
}

/* ---- extract_funding_rounds ---- */

typedef struct ExtractState
{
	Tuplestorestate *store;
	TupleDesc	desc;
	const char *utf8;			/* the text the core read */
} ExtractState;

static void
CollectMention(void *ctx, const InnoFrMention *m)
{
	ExtractState *es = ctx;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));
	char	   *phrase = pnstrdup(es->utf8 + m->byte_start, m->byte_end - m->byte_start);

	*fr = m->round;
	values[0] = PointerGetDatum(fr);
	values[1] = PointerGetDatum(cstring_to_text(inno_utf8_to_server(phrase, "a phrase of the text", NULL)));
	/* character positions as strpos() and substr() count them: from 1, end inclusive */
	values[2] = Int32GetDatum((int32) m->char_start + 1);
	values[3] = Int32GetDatum((int32) m->char_end);
	tuplestore_putvalues(es->store, es->desc, values, nulls);
}

/* extract_funding_rounds(text [, default_currency]) -> (round, phrase, start_pos, end_pos) */
PG_FUNCTION_INFO_V1(extract_funding_rounds);
Datum
extract_funding_rounds(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext oldcontext;
	ExtractState es;
	text	   *t;
	size_t		ulen;
	uint16		cur;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || !(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("extract_funding_rounds() must be called where a set is accepted, e.g. in FROM")));
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	cur = inno_currency_arg(fcinfo, 1);
	oldcontext = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	if (get_call_result_type(fcinfo, NULL, &es.desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	es.desc = CreateTupleDescCopy(es.desc);
	es.store = tuplestore_begin_heap(true, false, work_mem);
	MemoryContextSwitchTo(oldcontext);
	es.utf8 = inno_server_to_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ulen);
	if (!inno_fr_extract(es.utf8, ulen, cur, CollectMention, &es))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("extract_funding_rounds() needs valid text: the input holds a NUL or invalid UTF-8")));
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = es.store;
	rsinfo->setDesc = es.desc;
	return (Datum) 0;
}

/* ---- funding_vocabulary() ---- */

/* What an entry means, for the listing. */
static char *
Meaning(const LxEntry *e)
{
	const InnoCurrencyInfo *cur;

	switch (e->cls)
	{
		case LX_KIND:
			return pstrdup(inno_round_kind_by_code((uint8) e->value)->label);
		case LX_CUR_PREFIX:
		case LX_CUR_WORD:
		case LX_YUAN:
			cur = inno_currency_by_numeric(e->value);
			return pstrdup(cur ? cur->alpha : "?");
		case LX_QUAL_PRE:
		case LX_QUAL_POST:
			return pstrdup(inno_qualifier_rule((InnoQualifier) e->value)->name);
		case LX_MAGNITUDE:
			if (e->flags & LXF_FIGURES)
				return pstrdup("digits: eight figures = [10^7, 10^8]");
			return psprintf("10^%d%s", e->value, (e->flags & LXF_SEVERAL) ? ", several" :
							(e->flags & LXF_ATTACHED) ? ", touching the digits" : "");
		case LX_CN_DIGIT:
		case LX_NUMBER_WORD:
		case LX_MONTH:
			return psprintf("%d", e->value);
		case LX_DATE_UNIT:
			return pstrdup(inno_fr_precision_names[e->value]);
		default:
			return NULL;
	}
}

PG_FUNCTION_INFO_V1(funding_vocabulary);
Datum
funding_vocabulary(PG_FUNCTION_ARGS)
{
	int			n;
	const LxPhrase *ph = inno_lx_phrases(&n);
	FuncCallContext *funcctx = inno_srf_rows(fcinfo, (uint64) n);

	while (funcctx->call_cntr < funcctx->max_calls)
	{
		const LxPhrase *p = &ph[funcctx->call_cntr];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		char	   *phrase;
		char	   *utf8_meaning;
		char	   *meaning;

		if (p->entry.cls == LX_STAGE || p->entry.cls == LX_SCHEME)
		{
			funcctx->call_cntr++;	/* stage_ladder(), designation_vocabulary() and their pages list those */
			continue;
		}
		/*
		 * A phrase the database encoding cannot hold is left out: no text in
		 * this database can contain it (doc/administration.md, "Encodings")
		 */
		phrase = inno_utf8_try_server(p->text);
		utf8_meaning = Meaning(&p->entry);
		meaning = utf8_meaning ? inno_utf8_try_server(utf8_meaning) : NULL;
		if (phrase == NULL || (utf8_meaning != NULL && meaning == NULL))
		{
			funcctx->call_cntr++;
			continue;
		}
		values[0] = PointerGetDatum(cstring_to_text(phrase));
		values[1] = PointerGetDatum(cstring_to_text(inno_lx_class_name((LxClass) p->entry.cls)));
		if (meaning)
			values[2] = PointerGetDatum(cstring_to_text(meaning));
		else
			nulls[2] = true;
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
