/*
 * designation_glue.h
 *	  Argument readers shared by the designation_set and designation_counts
 *	  glue (src/designation_set.c).
 */
#ifndef INNO_DESIGNATION_GLUE_H
#define INNO_DESIGNATION_GLUE_H

#include "utils/date.h"

/* the last scheme text read per argument position, in fn_extra */
typedef struct SchemeArgCache
{
	char		text[4][64];
	size_t		len[4];
	unsigned	scheme[4];
} SchemeArgCache;

/* A scheme argument ('high_tech', '高企'): ERROR 22023 if it is not a bare scheme. */
extern unsigned inno_scheme_arg(FunctionCallInfo fcinfo, int argno);
/* A level argument for a scheme (national .. district, 'unstated'): ERROR 22023 if not one it is issued at. */
extern unsigned inno_level_arg(FunctionCallInfo fcinfo, int argno, unsigned scheme);
/* The year of a date; false for infinite dates. */
extern bool inno_date_year(DateADT date, int *year);

#endif							/* INNO_DESIGNATION_GLUE_H */
