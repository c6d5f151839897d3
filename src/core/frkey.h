/*
 * frkey.h
 *	  The compact GiST key of funding_round (0.2.0's gist_funding_round_ops),
 *	  in plain C: 16 bytes, so that an index tuple takes 28 bytes on a page
 *	  (8 bytes of header, the key, 4 bytes of line pointer) and the index is
 *	  less than half of a table of (id int, r funding_round).
 *
 * The key is lossy and every bound in it is rounded outward, so a key always
 * contains what it stands for:
 *	- dates as int16 days since 2000-01-01; INNO_FRKEY_DAY_MIN as a lower
 *	  bound means "before -32767" and INNO_FRKEY_DAY_MAX as an upper bound
 *	  "after 32766" (days outside roughly 1910..2089);
 *	- amounts (minor units) as float4, the lower bound rounded down and the
 *	  upper one up; +inf is the upper bound of an amount open above;
 *	- a bitmap of the currencies below (bits 0..26 a fixed list, bit 27 any
 *	  other currency) and four flags: some round below is dated / undated /
 *	  disclosed / undisclosed.
 * An index leaf keeps its round instead (frleaf.c) and is matched exactly;
 * the box of one round (inno_frkey_from_round) serves union, penalty, split
 * and the curve of the sorted build.
 */
#ifndef INNO_FRKEY_H
#define INNO_FRKEY_H

#include "frbox.h"

typedef struct InnoFrKey
{
	int16_t		date_lo;		/* first day of the earliest period, rounded down */
	int16_t		date_hi;		/* last day of the latest period, rounded up */
	float		amt_lo;			/* least low, rounded down */
	float		amt_hi;			/* greatest high, rounded up; +inf when open */
	uint32_t	bits;			/* INNO_FRKEY_CURRENCY_MASK | INNO_FRKEY_HAS_* */
} InnoFrKey;

#define INNO_FRKEY_DAY_MIN		(-32768)	/* as date_lo: unbounded below */
#define INNO_FRKEY_DAY_MAX		32767		/* as date_hi: unbounded above */

#define INNO_FRKEY_CURRENCY_BITS	28
#define INNO_FRKEY_OTHER_CURRENCY	(UINT32_C(1) << 27)
#define INNO_FRKEY_CURRENCY_MASK	((UINT32_C(1) << INNO_FRKEY_CURRENCY_BITS) - 1)
#define INNO_FRKEY_HAS_DATED		(UINT32_C(1) << 28)
#define INNO_FRKEY_HAS_UNDATED		(UINT32_C(1) << 29)
#define INNO_FRKEY_HAS_DISCLOSED	(UINT32_C(1) << 30)
#define INNO_FRKEY_HAS_UNDISCLOSED	(UINT32_C(1) << 31)

/*
 * The bit of a currency (ISO numeric code) in the key.  The list is part of
 * the on-disk format of every index built with it: append only.
 */
extern uint32_t inno_frkey_currency_bit(uint16_t currency);

/* A currency's slot in that list (-1 when none), and the currency of a slot. */
#define INNO_FRKEY_CURRENCY_SLOTS 12
extern int	inno_frkey_currency_slot(uint16_t currency);
extern uint16_t inno_frkey_slot_currency(int slot);

/* The key of one round, and the identity of union (the empty key). */
extern void inno_frkey_from_round(const InnoFundingRound *fr, InnoFrKey *key);
extern void inno_frkey_empty(InnoFrKey *key);
extern void inno_frkey_union(InnoFrKey *acc, const InnoFrKey *b);
extern bool inno_frkey_equal(const InnoFrKey *a, const InnoFrKey *b);

/*
 * The stored keys (frleaf.c): a leaf keeps its round losslessly in 3 to 33
 * bytes, an inner key its box in 17.  inno_frkey_read gives an inner
 * key's box or a leaf's round (the box of a leaf is inno_frkey_from_round
 * of it), INNO_FRKEY_BAD when the bytes are not a key.
 */
#define INNO_FRKEY_INNER_TAG	0x00
#define INNO_FRKEY_RAW_TAG		0x01
/* room to write any key in (the compact form before it is measured) */
#define INNO_FRKEY_STORED_MAX	48

typedef enum InnoFrKeyForm
{
	INNO_FRKEY_BAD = 0,
	INNO_FRKEY_INNER,
	INNO_FRKEY_LEAF
} InnoFrKeyForm;

extern size_t inno_frkey_write_leaf(const InnoFundingRound *fr, uint8_t *out);
extern size_t inno_frkey_write_inner(const InnoFrKey *key, uint8_t *out);
extern InnoFrKeyForm inno_frkey_read(const uint8_t *buf, size_t len, InnoFrKey *box, InnoFundingRound *fr);

/* Float bounds of amounts, rounded down or up (exact comparison with int64). */
extern float inno_frkey_round_down(int64_t x);
extern float inno_frkey_round_up(int64_t x);
extern int	inno_frkey_cmp_float_int64(float f, int64_t x);

/* A window prepared for keys: the currency's bit is looked up once. */
typedef struct InnoFrKeyQuery
{
	InnoFrWindow w;
	uint32_t	currency_bit;
} InnoFrKeyQuery;

extern void inno_frkey_query(const InnoFrWindow *w, InnoFrKeyQuery *q);

/*
 * Whether a round that the key bounds may match: false only when none can.
 * (A leaf keeps its round and is matched by inno_frwindow_matches.)
 */
extern bool inno_frkey_may_match(const InnoFrKeyQuery *q, const InnoFrKey *key);

/* How much adding b to orig grows it (>= 0; 0 when b already fits). */
extern double inno_frkey_penalty(const InnoFrKey *orig, const InnoFrKey *b);

/*
 * Split n keys in two: sorts them along the curve (inno_frkey_curve) and
 * cuts where the two halves overlap least and cover least, keeping each
 * side between 35% and 65% of the keys.  When at least two pages' worth
 * are split (bytes[i] the room key i takes on a page, page_room a page's:
 * the sorted build of recent PostgreSQL versions splits several full pages
 * at once), the cut packs instead: the left side takes the keys that fill
 * a page in curve order, and PostgreSQL splits the right side again, so
 * that every page but the last two comes out full.  Below two pages, with
 * sizes given, the cut keeps each side within a page where it can.  Fills
 * side[i] with 0 (left) or 1 (right); both sides are non-empty when n >= 2.  items must have room for n entries and
 * unions for 2 * n keys.
 */
typedef struct InnoFrKeySplitItem
{
	uint64_t	curve;
	int			index;
} InnoFrKeySplitItem;
extern void inno_frkey_split(const InnoFrKey *keys, const uint16_t *bytes, int n, size_t page_room, uint8_t *side,
							 InnoFrKeySplitItem *items, InnoFrKey *unions);

/*
 * The sort order of the sorted build: a 64-bit position per key, the group
 * first (currency; dated, disclosed; one amount, a range up to twice it, a
 * wider one, open above), then
 * a Hilbert curve over the period's middle day and the amount's geometric
 * middle, scaled so that one doubling of the amount weighs as much as 64
 * days.  Rounds that are close in date and amount are close on the curve,
 * and amounts of one width together, so the pages of a sorted build each
 * hold a small box of them.
 */
extern uint64_t inno_frkey_curve(const InnoFrKey *key);
extern uint64_t inno_hilbert_index(uint32_t x, uint32_t y, int order);

#endif							/* INNO_FRKEY_H */
