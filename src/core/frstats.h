/*
 * frstats.h
 *	  Statistics of a funding_round column and the selectivity of a
 *	  funding_window, in plain C.
 *
 * ANALYZE hands a sample of rounds to inno_frstats_build, which writes a
 * compact summary as an array of float4 (stored in a pg_statistic slot of
 * kind INNO_FRSTATS_KIND, as stanumbers):
 *	- the fraction of undated rounds, and of dated ones by date precision
 *	  (day, month, year), with an equi-depth histogram of the first day of
 *	  the announcement period for each precision;
 *	- the most common currencies (up to INNO_FRSTATS_MAX_CURRENCIES) with
 *	  their frequency, the share of disclosed amounts, the share open above,
 *	  and equi-depth histograms of log10 of the low and of the (finite) high
 *	  amount in minor units; the other currencies' share and count.
 * inno_frstats_estimate gives the fraction of non-null rounds a window
 * matches, treating its parts (period, amount, currency) as independent;
 * inno_frstats_default is the guess when there are no statistics, still
 * shrinking with the window.
 */
#ifndef INNO_FRSTATS_H
#define INNO_FRSTATS_H

#include "frbox.h"

/*
 * pg_statistic slot kind: in the range PostgreSQL leaves for private use
 * (10000-30000); the first element of the slot is the format version.
 */
#define INNO_FRSTATS_KIND		17212
#define INNO_FRSTATS_FORMAT		1

#define INNO_FRSTATS_MAX_CURRENCIES	16
#define INNO_FRSTATS_MAX_BOUNDS		1001

/* Floats inno_frstats_build may write for histograms of at most nbounds bounds. */
extern int	inno_frstats_size(int nbounds);

/*
 * Summarise n sampled non-null rounds with histograms of up to nbounds
 * bounds (clamped to 2..INNO_FRSTATS_MAX_BOUNDS).  work must have room for
 * n floats, out for inno_frstats_size(nbounds).  Returns the number of
 * floats written (0 when n is 0).
 */
extern int	inno_frstats_build(const InnoFundingRound *rows, int n, int nbounds,
							   float *work, float *out);

/*
 * Fraction (0..1) of the non-null rounds described by st[0..nst) that
 * match w; negative when st is not a summary this code can read.
 */
extern double inno_frstats_estimate(const float *st, int nst, const InnoFrWindow *w);

/* The fraction guessed without statistics. */
extern double inno_frstats_default(const InnoFrWindow *w);

#endif							/* INNO_FRSTATS_H */
