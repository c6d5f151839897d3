/*
 * funding_round.h
 *	  What the funding_round glue files share (funding_round.c,
 *	  funding_round_index.c, funding_round_gist.c, funding_round_stats.c,
 *	  funding_text.c).
 */
#ifndef INNO_FUNDING_ROUND_GLUE_H
#define INNO_FUNDING_ROUND_GLUE_H

#include "innovation.h"
#include "core/frkey.h"
#include "core/funding.h"

/* A currency named by its ISO code, or ERROR 22023 with a hint. */
extern const InnoCurrencyInfo *inno_currency_or_error(const char *alpha);

/* The ISO numeric code of a text argument naming a currency; 0 when NULL. */
extern uint16 inno_currency_arg(FunctionCallInfo fcinfo, int argno);

/* innovation.default_currency: 0 when unset. */
extern uint16 inno_default_currency(void);
extern void inno_define_funding_settings(void);

/* The kind of a stored round (ERROR on a corrupt code). */
extern const InnoRoundKindInfo *inno_kind_of(const InnoFundingRound *fr);

/*
 * A funding_window composite as the core's window.  An invalid window (an
 * unknown currency, an amount range without one) is an error, or with soft
 * a false return.
 */
extern bool inno_window_from_datum(Datum window, InnoFrWindow *w, bool soft);

/*
 * The window of the query argument of @@ or a GiST consistent function,
 * converted once per query and cached in fcinfo->flinfo->fn_extra.
 */
extern const InnoFrKeyQuery *inno_cached_window(FunctionCallInfo fcinfo, Datum window);

/* Parse funding text given in the server encoding. */
extern InnoStatus inno_fr_parse_server(const char *str, size_t len, uint16 default_currency,
									   InnoFundingRound *fr, InnoError *err);

#endif							/* INNO_FUNDING_ROUND_GLUE_H */
