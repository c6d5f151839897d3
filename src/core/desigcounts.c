/*
 * desigcounts.c
 *	  designation_counts: counts of firms by honour, level, year, pair and
 *	  validity, over designation_sets.  Text and binary forms are in
 *	  desigcounts_io.c.
 */
#include "desigcounts.h"

#include <string.h>

int
inno_dcounts_pair_index(unsigned s, unsigned t)
{
	unsigned	a = s < t ? s : t,
				b = s < t ? t : s;

	/* pairs (1,2), (1,3) .. (1,11), (2,3) .. in order */
	return (int) ((a - 1) * (2 * INNO_SCHEME_COUNT - a) / 2 + (b - a - 1));
}

void
inno_dcounts_init(InnoDesigCounts *c)
{
	memset(c, 0, sizeof(*c));
	c->version = INNO_DCOUNTS_VERSION;
}

bool
inno_dset_years(const InnoDesigSet *s, unsigned *from, unsigned *to)
{
	uint64_t	all = 0;
	int			i;

	if (s->base == 0)
		return false;
	for (i = 0; i < INNO_DSET_SLOTS; i++)
		all |= s->listed[i];
	for (i = 0; i < INNO_SCHEME_COUNT; i++)
		all |= s->valid[i];
	*from = s->base;
	*to = s->base + (unsigned) (63 - __builtin_clzll(all));
	return true;
}

bool
inno_dcounts_years(const InnoDesigCounts *c, unsigned *from, unsigned *to)
{
	if (c->nyears == 0)
		return false;
	*from = c->base;
	*to = c->base + c->nyears - 1u;
	return true;
}

void
inno_dcounts_window(const InnoDesigCounts *c, unsigned from, unsigned to, unsigned *lo, unsigned *nyears)
{
	unsigned	a,
				b;

	if (!inno_dcounts_years(c, &a, &b))
	{
		*lo = from;
		*nyears = from ? to - from + 1 : 0;
		return;
	}
	if (from != 0)
	{
		a = from < a ? from : a;
		b = to > b ? to : b;
	}
	*lo = a;
	*nyears = b - a + 1;
}

void
inno_dcounts_widen(const InnoDesigCounts *c, InnoDesigCounts *into, unsigned lo, unsigned nyears)
{
	int			r;
	unsigned	shift = c->nyears ? c->base - lo : 0;

	memcpy(into, c, sizeof(InnoDesigCounts));
	into->base = (uint16_t) lo;
	into->nyears = (uint16_t) nyears;
	memset(into->cells, 0, sizeof(int64_t) * INNO_DCOUNTS_ROWS * (size_t) nyears);
	for (r = 0; r < INNO_DCOUNTS_ROWS && c->nyears; r++)
		memcpy(into->cells + (size_t) r * nyears + shift, c->cells + (size_t) r * c->nyears,
			   sizeof(int64_t) * c->nyears);
}

int64_t
inno_dcounts_cell(const InnoDesigCounts *c, const int64_t *row, unsigned y)
{
	if (c->nyears == 0 || y < c->base || y - c->base >= c->nyears)
		return 0;
	return row[y - c->base];
}

static InnoStatus
Overflow(InnoError *err)
{
	inno_set_detail(err, "designation_counts would count more than 2^63 - 1 firms.");
	return INNO_ERR_RANGE;
}

/* Add 1 to row[] for each year of mask (bit k: year base + k). */
static void
AddYears(InnoDesigCounts *c, int64_t *row, uint64_t mask, unsigned base)
{
	while (mask)
	{
		int			k = __builtin_ctzll(mask);

		row[base + (unsigned) k - c->base]++;
		mask &= mask - 1;
	}
}

InnoStatus
inno_dcounts_add(InnoDesigCounts *c, const InnoDesigSet *s, InnoError *err)
{
	unsigned	held = 0,			/* bit scheme: held */
				scheme,
				t;

	if (c->projects == INT64_MAX)
		return Overflow(err);
	c->projects++;
	for (scheme = 1; scheme <= INNO_SCHEME_COUNT; scheme++)
	{
		uint64_t	years = 0;
		bool		any = false;
		int			first,
					n = inno_dset_scheme_slots(scheme, &first),
					k;

		for (k = first; k < first + n; k++)
		{
			bool		undated = (s->undated >> k) & 1;

			if (s->listed[k] == 0 && !undated)
				continue;
			any = true;
			c->slot_holders[k]++;
			if (undated)
				c->undated[k]++;
			AddYears(c, inno_dcounts_listed(c, k), s->listed[k], s->base);
			years |= s->listed[k];
		}
		if (!any)
			continue;
		held |= 1u << scheme;
		c->holders[scheme - 1]++;
		AddYears(c, inno_dcounts_by_year(c, scheme), years, s->base);
		AddYears(c, inno_dcounts_valid(c, scheme), s->valid[scheme - 1], s->base);
		if ((s->unknown_valid >> (scheme - 1)) & 1)
			c->unknown_valid[scheme - 1]++;
	}
	for (scheme = 1; held >> scheme; scheme++)
		if ((held >> scheme) & 1)
			for (t = scheme + 1; held >> t; t++)
				if ((held >> t) & 1)
					c->pair[inno_dcounts_pair_index(scheme, t)]++;
	return INNO_OK;
}

InnoStatus
inno_dcounts_merge(InnoDesigCounts *c, const InnoDesigCounts *d, InnoError *err)
{
	int			i,
				r;
	unsigned	y;

	/* every count is at most `projects`: checking that sum is enough */
	if (d->projects > INT64_MAX - c->projects)
		return Overflow(err);
	c->projects += d->projects;
	for (i = 0; i < INNO_SCHEME_COUNT; i++)
	{
		c->holders[i] += d->holders[i];
		c->unknown_valid[i] += d->unknown_valid[i];
	}
	for (i = 0; i < INNO_DCOUNTS_PAIRS; i++)
		c->pair[i] += d->pair[i];
	for (i = 0; i < INNO_DSET_SLOTS; i++)
	{
		c->slot_holders[i] += d->slot_holders[i];
		c->undated[i] += d->undated[i];
	}
	for (r = 0; r < INNO_DCOUNTS_ROWS; r++)
		for (y = 0; y < d->nyears; y++)
			c->cells[(size_t) r * c->nyears + (d->base - c->base) + y] += d->cells[(size_t) r * d->nyears + y];
	return INNO_OK;
}

/* ---- checks ---- */

static bool
InRange(int64_t v, int64_t max)
{
	return v >= 0 && v <= max;
}

/* a + b for counts (both >= 0), at most INT64_MAX */
static int64_t
SatAdd(int64_t a, int64_t b)
{
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

/*
 * Every invariant of a summary that inno_dcounts_add and inno_dcounts_merge
 * make (each holds for one firm's set, and survives addition):
 *
 *	0 <= holders[s] <= projects, and a scheme's slots' holders are at most
 *	  its holders, who are at most their sum (a holder holds some slot);
 *	a slot's holders are at least its undated holders and each year's
 *	  listed, and at most undated plus the listed of all years;
 *	by_year[s][y] is at least each slot's listed in y, at most their sum;
 *	unknown_valid[s] is at most holders[s], at least each slot's undated;
 *	  by_year[s][y] is at most valid[s][y] + unknown_valid[s];
 *	pair[s, t] is at most holders[s] and holders[t], and
 *	  holders[s] + holders[t] - pair[s, t] <= projects;
 *	valid[s][y] is at most holders[s], and at most the firms on a list of s
 *	  in the INNO_DESIG_TERM_MAX years up to y (a validity starts in its
 *	  list year and runs at most that long);
 *	the window starts and ends with a year counted.
 */
/* Fail a check with a detail naming the scheme (and the year, if any). */
static InnoStatus
Inconsistent(InnoError *err, const char *what, unsigned scheme, unsigned year)
{
	if (year)
		inno_set_detail(err, "The counts are inconsistent: %s (%s, %u).", what,
						inno_scheme_by_code(scheme)->label, year);
	else
		inno_set_detail(err, "The counts are inconsistent: %s (%s).", what, inno_scheme_by_code(scheme)->label);
	return INNO_ERR_CORRUPT;
}

InnoStatus
inno_dcounts_check(const InnoDesigCounts *c, size_t size, InnoError *err)
{
	InnoDesigCounts *cc = (InnoDesigCounts *) c;
	unsigned	s,
				t,
				y;
	int			k;
	bool		first_year = false,
				last_year = false;

	if (c->version != INNO_DCOUNTS_VERSION || c->pad || c->pad2 || c->pad3)
	{
		inno_set_detail(err, "Unknown format version %u.", c->version);
		return INNO_ERR_CORRUPT;
	}
	if (size != inno_dcounts_size(c->nyears) || c->nyears > INNO_DCOUNTS_MAX_YEARS ||
		(c->nyears == 0) != (c->base == 0) ||
		(c->nyears && (c->base < INNO_DESIG_YEAR_MIN || c->base + c->nyears - 1u > INNO_DESIG_YEAR_MAX)))
	{
		inno_set_detail(err, "The year window (%u years from %u) does not match the value's size.",
						c->nyears, c->base);
		return INNO_ERR_CORRUPT;
	}
	if (c->projects < 0)
	{
		inno_set_detail(err, "The count of projects is negative.");
		return INNO_ERR_CORRUPT;
	}
	/* first every holders count, which the pairs' check relies on */
	for (s = 1; s <= INNO_SCHEME_COUNT; s++)
		if (!InRange(c->holders[s - 1], c->projects))
			return Inconsistent(err, "holders are negative or more than the projects", s, 0);
	for (s = 1; s <= INNO_SCHEME_COUNT; s++)
	{
		int64_t		h = c->holders[s - 1],
					uv = c->unknown_valid[s - 1],
					slots_max = 0,
					slots_sum = 0;
		const int64_t *by = inno_dcounts_by_year(cc, s),
				   *va = inno_dcounts_valid(cc, s);
		int			first,
					nk = inno_dset_scheme_slots(s, &first);

		if (!InRange(uv, h))
			return Inconsistent(err, "holders of unknown validity are negative or more than the holders", s, 0);
		for (t = s + 1; t <= INNO_SCHEME_COUNT; t++)
		{
			int64_t		p = c->pair[inno_dcounts_pair_index(s, t)],
						h2 = c->holders[t - 1];

			/*
			 * h2 is not checked yet (its scheme comes later): with 0 <= p <= h
			 * and p <= h2, neither h - p nor projects - h2 can overflow
			 */
			if (!InRange(p, h) || p > h2 || h - p > c->projects - h2)
			{
				inno_set_detail(err, "The counts are inconsistent: the co-holders of %s and %s are negative, more "
								"than the holders of one, or fewer than the holders of both less the projects.",
								inno_scheme_by_code(s)->label, inno_scheme_by_code(t)->label);
				return INNO_ERR_CORRUPT;
			}
		}
		for (k = first; k < first + nk; k++)
		{
			const int64_t *row;
			int64_t		sh,
						reach;

			row = inno_dcounts_listed(cc, k);
			sh = c->slot_holders[k];
			if (!InRange(sh, h))
				return Inconsistent(err, "holders at a level are negative or more than the holders", s, 0);
			if (!InRange(c->undated[k], sh))
				return Inconsistent(err, "holders with no list year are negative or more than the holders at their level", s, 0);
			if (c->undated[k] > uv)
				return Inconsistent(err, "holders with no list year are more than the holders of unknown validity", s, 0);
			reach = c->undated[k];
			for (y = 0; y < c->nyears; y++)
			{
				if (!InRange(row[y], sh))
					return Inconsistent(err, "firms listed are negative or more than the holders at their level", s,
										c->base + y);
				reach = SatAdd(reach, row[y]);
			}
			if (reach < sh)
				return Inconsistent(err, "holders at a level are more than those listed and those with no list year", s, 0);
			slots_max = sh > slots_max ? sh : slots_max;
			slots_sum = SatAdd(slots_sum, sh);
		}
		if (h < slots_max || h > slots_sum)
			return Inconsistent(err, "holders are fewer than those at one level, or more than those at all levels", s, 0);
		for (y = 0; y < c->nyears; y++)
		{
			int64_t		listed_max = 0,
						listed_sum = 0,
						window = 0;
			unsigned	z;

			for (k = first; k < first + nk; k++)
			{
				int64_t		n;

				n = inno_dcounts_listed(cc, k)[y];	/* in range: checked above */
				listed_max = n > listed_max ? n : listed_max;
				listed_sum = SatAdd(listed_sum, n);
			}
			if (!InRange(by[y], h) || by[y] < listed_max || by[y] > listed_sum)
				return Inconsistent(err, "firms listed in a year are not between those of one level and those of all", s,
									c->base + y);
			/* a firm on a list is valid in its list year, or of unknown validity */
			if (by[y] - uv > va[y])
				return Inconsistent(err, "firms listed in a year are more than those valid in it and those of unknown validity",
									s, c->base + y);
			/* the firms on a list in the years [y - TERM_MAX + 1, y] (at least va[y]) */
			for (z = 0; z < INNO_DESIG_TERM_MAX && z <= y && window < va[y]; z++)
				window = SatAdd(window, by[y - z]);
			if (!InRange(va[y], h) || va[y] > window)
				return Inconsistent(err, "firms valid in a year are more than the holders, or than those listed in the 30 years up to it",
									s, c->base + y);
			first_year |= y == 0 && (by[y] || va[y]);
			last_year |= y + 1u == c->nyears && (by[y] || va[y]);
		}
	}
	/* the window is as narrow as the years counted */
	if (c->nyears && !(first_year && last_year))
	{
		inno_set_detail(err, "The year window is wider than the years counted.");
		return INNO_ERR_CORRUPT;
	}
	return INNO_OK;
}
