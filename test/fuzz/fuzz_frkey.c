/*
 * fuzz_frkey.c
 *	  libFuzzer target for the GiST keys of funding_round and the
 *	  statistics of funding_round columns (frkey.c, frleaf.c, frstats.c).
 *
 * The first byte picks the part.  0: the input is read as rounds (made
 * valid: dates 1900..2199 starting their period, 0 < low <= high <= the
 * largest amount or open) and a window; oracles: the key of a matching
 * round, and the union of the keys, never exclude it, a split puts keys on
 * both sides, and the summary of the rounds gives estimates within [0, 1].
 * 1:
 * the input is read as a summary (float4s) and estimated against a window
 * read from its first bytes: no crash, an answer within [0, 1] or -1.
 * 0xF0: the input is read as a stored key (frleaf.c): no crash; a leaf
 * read stores again and reads back as the same round.  In part 0 every
 * round's stored leaf reads back as the round, bytewise.
 */
#include "frkey.h"
#include "frstats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Reader
{
	const uint8_t *p;
	size_t		left;
} Reader;

static uint64_t
Take(Reader *r, int bytes)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < bytes; i++)
	{
		v = (v << 8) | (r->left ? *r->p : 0);
		if (r->left)
		{
			r->p++;
			r->left--;
		}
	}
	return v;
}

static int64_t
Amount(Reader *r)
{
	uint64_t	v = Take(r, 8);
	int64_t		a;

	/* small, near 2^24, a power of two, or anything up to the maximum */
	switch (v & 3)
	{
		case 0:
			a = (int64_t) (v >> 2) % 1000 + 1;
			break;
		case 1:
			a = 16777000 + (int64_t) (v >> 2) % 600;
			break;
		case 2:
			a = (int64_t) 1 << ((v >> 2) % 56);
			break;
		default:
			a = (int64_t) ((v >> 2) % (uint64_t) INNO_FR_AMOUNT_MAX) + 1;
	}
	return a;
}

static InnoFundingRound
ReadRound(Reader *r)
{
	InnoFundingRound fr;
	uint64_t	f = Take(r, 2);
	int32_t		lo = inno_days_from_ymd(1900, 1, 1);
	int32_t		hi = inno_days_from_ymd(2199, 12, 31);
	int			y,
				m,
				d;

	memset(&fr, 0, sizeof(fr));
	fr.kind = 1;
	fr.flags = INNO_FR_VERSION_1 | (uint8_t) (f & INNO_FR_DATE_MASK);
	if ((f & INNO_FR_DATE_MASK) != INNO_FR_DATE_NONE)
	{
		fr.announced = lo + (int32_t) (Take(r, 3) % (uint64_t) (hi - lo + 1));
		inno_ymd_from_days(fr.announced, &y, &m, &d);
		if ((f & INNO_FR_DATE_MASK) == INNO_FR_DATE_MONTH)
			fr.announced = inno_days_from_ymd(y, m, 1);
		else if ((f & INNO_FR_DATE_MASK) == INNO_FR_DATE_YEAR)
			fr.announced = inno_days_from_ymd(y, 1, 1);
	}
	if (f & 4)
	{
		fr.flags |= INNO_FR_DISCLOSED;
		fr.low = Amount(r);
		fr.high = (f & 8) ? fr.low : Amount(r);
		if (fr.high < fr.low)
		{
			int64_t		t = fr.low;

			fr.low = fr.high;
			fr.high = t;
		}
		if (f & 16)
		{
			fr.flags |= INNO_FR_OPEN;
			fr.high = INNO_FR_OPEN_HIGH;
		}
		fr.point = fr.low;
	}
	if ((f & 4) || (f & 32))
		fr.currency = inno_currency_by_index((int) ((f >> 6) % (uint64_t) inno_currency_count()))->numeric;
	return fr;
}

static int64_t
Bound(Reader *r, int64_t near)
{
	uint64_t	v = Take(r, 3);

	switch (v & 7)
	{
		case 0:
			return INT64_MIN;
		case 1:
			return INT64_MAX;
		case 2:
			return (int64_t) (v >> 3);
		default:
			/* near a value, within a few float steps */
			return near + (int64_t) ((v >> 3) % 4096) - 2048;
	}
}

static InnoFrWindow
ReadWindow(Reader *r, const InnoFundingRound *near)
{
	InnoFrWindow w;
	uint64_t	f = Take(r, 2);
	int32_t		first = 0,
				last = 0;

	memset(&w, 0, sizeof(w));
	if (!inno_fr_period(near, &first, &last))
		first = last = 8000;
	w.has_date = f & 1;
	w.date_lo = (f & 2) ? INT32_MIN : first + (int32_t) (Take(r, 1) % 64) - 32;
	w.date_hi = (f & 4) ? INT32_MAX : last + (int32_t) (Take(r, 1) % 64) - 32;
	w.has_currency = (f & 8) != 0;
	w.currency = (f & 16) && near->currency ? near->currency :
		inno_currency_by_index((int) ((f >> 8) % (uint64_t) inno_currency_count()))->numeric;
	w.has_amount = w.has_currency && (f & 32);
	w.amt_lo = Bound(r, near->low);
	w.amt_hi = Bound(r, near->high == INNO_FR_OPEN_HIGH ? near->low : near->high);
	return w;
}

#define MAX_ROUNDS 64

/* A round's stored leaf key reads back as the same round, bytewise. */
static void
StoredLeaf(const InnoFundingRound *fr)
{
	uint8_t		buf[INNO_FRKEY_STORED_MAX];
	InnoFundingRound back;
	InnoFrKey	box;
	size_t		n = inno_frkey_write_leaf(fr, buf);

	if (n > 1 + sizeof(*fr) || inno_frkey_read(buf, n, &box, &back) != INNO_FRKEY_LEAF ||
		memcmp(&back, fr, sizeof(back)) != 0)
		abort();
}

/*
 * Bytes as a stored key (an index page's): read or refused, never past
 * their end; a leaf read stores again as a key that reads as the same round.
 */
static void
StoredBytes(const uint8_t *b, size_t n)
{
	InnoFundingRound fr;
	InnoFrKey	box;

	if (inno_frkey_read(b, n, &box, &fr) == INNO_FRKEY_LEAF)
		StoredLeaf(&fr);
}

static void
Keys(Reader *r)
{
	InnoFundingRound rs[MAX_ROUNDS];
	InnoFrKey	keys[MAX_ROUNDS],
				u;
	uint8_t		side[MAX_ROUNDS];
	uint16_t	bytes[MAX_ROUNDS];
	InnoFrKeySplitItem items[MAX_ROUNDS];
	InnoFrKey	unions[2 * MAX_ROUNDS];
	float		work[MAX_ROUNDS];
	static float summary[40000];
	int			n = 1 + (int) (Take(r, 1) % MAX_ROUNDS);
	InnoFrWindow w;
	InnoFrKeyQuery q;
	bool		any = false;
	int			i,
				left = 0,
				len;
	double		est;

	inno_frkey_empty(&u);
	for (i = 0; i < n; i++)
	{
		rs[i] = ReadRound(r);
		inno_frkey_from_round(&rs[i], &keys[i]);
		inno_frkey_union(&u, &keys[i]);
		StoredLeaf(&rs[i]);
	}
	w = ReadWindow(r, &rs[Take(r, 1) % (uint64_t) n]);
	inno_frkey_query(&w, &q);
	for (i = 0; i < n; i++)
	{
		bool		match = inno_frwindow_matches(&w, &rs[i]);
		if (match && !inno_frkey_may_match(&q, &keys[i]))
			abort();
		any |= match;
		if (!(inno_frkey_penalty(&u, &keys[i]) == 0.0))
			abort();
	}
	if (any && !inno_frkey_may_match(&q, &u))
		abort();
	if (n >= 2)
	{
		/* leaf tuples of 20 to 48 bytes, pages of up to 40 such */
		for (i = 0; i < n; i++)
			bytes[i] = (uint16_t) (20 + 4 * (Take(r, 1) % 8));
		inno_frkey_split(keys, bytes, n, (size_t) (Take(r, 1) % 40) * 28, side, items, unions);
		for (i = 0; i < n; i++)
			left += side[i] == 0;
		if (left == 0 || left == n)
			abort();
	}
	len = inno_frstats_build(rs, n, 2 + (int) (Take(r, 1) % 200), work, summary);
	if (len <= 0 || len > inno_frstats_size(202))
		abort();
	est = inno_frstats_estimate(summary, len, &w);
	if (!(est >= 0.0 && est <= 1.0))
		abort();
	est = inno_frstats_default(&w);
	if (!(est >= 0.0 && est <= 1.0))
		abort();
}

static void
Summary(Reader *r)
{
	static float st[4096];
	InnoFundingRound fr = ReadRound(r);
	InnoFrWindow w = ReadWindow(r, &fr);
	int			n = (int) (r->left / sizeof(float));
	double		est;

	if (n > 4096)
		n = 4096;
	memcpy(st, r->p, sizeof(float) * (size_t) n);
	est = inno_frstats_estimate(st, n, &w);
	if (!(est == -1.0 || (est >= 0.0 && est <= 1.0)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Reader		r = {data, size};

	if (size == 0)
		return 0;
	if (data[0] == 0xF0)
		StoredBytes(data + 1, size - 1);
	else if (Take(&r, 1) % 2 == 0)
		Keys(&r);
	else
		Summary(&r);
	return 0;
}
