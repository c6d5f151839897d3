/*
 * frbox.h
 *	  GiST support for funding_round, in plain C: the index key (a bounding
 *	  box over announcement periods and amount ranges, with the currencies
 *	  seen), the query window, and the union / penalty / split / match logic.
 *
 * A leaf key is the box of one round; an internal key bounds every key
 * below it.  Amounts of different currencies are different units, so a box
 * mixing currencies is only a loose bound: it stays correct (never misses a
 * match) because a window always names one currency when it constrains the
 * amount, and the currency bitmap is checked too.
 */
#ifndef INNO_FRBOX_H
#define INNO_FRBOX_H

#include "funding.h"

typedef struct InnoFrBox
{
	int64_t		amt_lo;			/* least low over disclosed rounds */
	int64_t		amt_hi;			/* greatest high (INNO_FR_OPEN_HIGH if open) */
	int32_t		date_lo;		/* first day of the earliest announcement period */
	int32_t		date_hi;		/* last day of the latest announcement period */
	uint32_t	currencies;		/* bit i: a currency with table index i (bit 31: others) */
	uint8_t		flags;			/* INNO_FRBOX_* */
	uint8_t		pad[3];			/* zero */
} InnoFrBox;

#define INNO_FRBOX_HAS_DATED		0x01	/* some round below has a date */
#define INNO_FRBOX_HAS_UNDATED		0x02	/* some round below has none */
#define INNO_FRBOX_HAS_DISCLOSED	0x04	/* some round below has an amount */
#define INNO_FRBOX_HAS_UNDISCLOSED	0x08	/* some round below has none */

/*
 * The query of the "matches" operator.  Each part is optional; a round
 * matches when every given part holds:
 *	- its announcement period lies within [date_lo, date_hi] (days, inclusive);
 *	- its amount range [low, high] overlaps [amt_lo, amt_hi] (minor units,
 *	  inclusive; amt_hi may be INNO_FR_OPEN_HIGH) -- undisclosed never matches;
 *	- its currency is the given one.
 * An amount part requires a currency part (amounts in different currencies
 * are not comparable); the SQL layer enforces it.
 */
typedef struct InnoFrWindow
{
	bool		has_date;
	int32_t		date_lo;
	int32_t		date_hi;
	bool		has_amount;
	int64_t		amt_lo;
	int64_t		amt_hi;
	bool		has_currency;
	uint16_t	currency;
} InnoFrWindow;

/* First and last day of a round's announcement period; false if undated. */
extern bool inno_fr_period(const InnoFundingRound *fr, int32_t *first, int32_t *last);

extern void inno_frbox_from_round(const InnoFundingRound *fr, InnoFrBox *box);
extern void inno_frbox_union(InnoFrBox *acc, const InnoFrBox *b);
extern bool inno_frbox_equal(const InnoFrBox *a, const InnoFrBox *b);

/* How much adding b to orig grows it (>= 0; 0 when b already fits). */
extern double inno_frbox_penalty(const InnoFrBox *orig, const InnoFrBox *b);

/*
 * Split n boxes in two: fills side[i] with 0 (left) or 1 (right).  Sorts by
 * the centre along the dimension that spreads most and cuts in the middle,
 * as contrib/seg does; both sides are non-empty when n >= 2.
 * work must have room for n entries.
 */
typedef struct InnoFrSplitItem
{
	double		centre;
	int			index;
} InnoFrSplitItem;
extern void inno_frbox_split(const InnoFrBox *boxes, int n, uint8_t *side, InnoFrSplitItem *work);

extern bool inno_frwindow_matches(const InnoFrWindow *w, const InnoFundingRound *fr);
extern bool inno_frwindow_may_match(const InnoFrWindow *w, const InnoFrBox *box);

/* Bit for a currency in InnoFrBox.currencies. */
extern uint32_t inno_frbox_currency_bit(uint16_t currency);

#endif							/* INNO_FRBOX_H */
