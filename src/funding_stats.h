/*
 * funding_stats.h
 *	  What the funding_stats glue files share (funding_stats.c,
 *	  funding_stats_kinds.c).
 */
#ifndef INNO_FUNDING_STATS_GLUE_H
#define INNO_FUNDING_STATS_GLUE_H

#include "funding_round.h"
#include "utils/tuplestore.h"
#include "core/funstats.h"

/*
 * A funding_stats datum (stored value or aggregation state) checked before
 * it is trusted: ERROR 22P03/XX001 if it is not a valid summary.
 */
extern const InnoFsHeader *inno_checked_stats(Datum datum);

/* A set-returning function's tuplestore in materialize mode, with its row type. */
extern Tuplestorestate *inno_srf_materialize(FunctionCallInfo fcinfo, TupleDesc *tupdesc);

#endif							/* INNO_FUNDING_STATS_GLUE_H */
