/*
 * lexicon_suggest.c
 *	  The one "did you mean" rule of the extension: an edit distance with
 *	  adjacent transpositions, and the closest registered phrase of a class.
 */
#include "lexicon.h"

#include <string.h>

void
inno_lx_display(const char *phrase, char *buf, size_t buflen)
{
	size_t		i,
				o = 0,
				n = strlen(phrase);

	for (i = 0; i < n && o + 1 < buflen; i++)
	{
		unsigned char c = (unsigned char) phrase[i];

		if (c == ' ' && ((o > 0 && (unsigned char) buf[o - 1] >= 0x80) ||
						 (i + 1 < n && (unsigned char) phrase[i + 1] >= 0x80)))
			continue;
		buf[o++] = (char) c;
	}
	buf[o] = '\0';
}

/* ------------------------------------------------------------------------
 * Suggestions
 * ------------------------------------------------------------------------
 */

#define DIST_MAX_CPS 64

int
inno_lx_distance(const uint32_t *a, int na, const uint32_t *b, int nb, int max)
{
	int			prev2[DIST_MAX_CPS + 1],
				prev[DIST_MAX_CPS + 1],
				cur[DIST_MAX_CPS + 1];
	int			i,
				j;

	if (na > DIST_MAX_CPS || nb > DIST_MAX_CPS || na - nb > max || nb - na > max)
		return max + 1;
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	for (i = 1; i <= na; i++)
	{
		int			rowmin;

		cur[0] = i;
		rowmin = i;
		for (j = 1; j <= nb; j++)
		{
			int			best = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
			if (best < rowmin)
				rowmin = best;
		}
		if (rowmin > max)
			return max + 1;
		memcpy(prev2, prev, sizeof(int) * (size_t) (nb + 1));
		memcpy(prev, cur, sizeof(int) * (size_t) (nb + 1));
	}
	return prev[nb] > max ? max + 1 : prev[nb];
}

/* Code points of a folded text without its gaps (a gap may be empty). */
static int
Squeeze(const uint32_t *w, int n, uint32_t *out)
{
	int			i,
				o = 0;

	for (i = 0; i < n && o < DIST_MAX_CPS; i++)
		if (w[i] != LX_GAP_LABEL && !inno_lx_is_gap(w[i]))
			out[o++] = w[i];
	return o;
}

const LxPhrase *
inno_lx_suggest(const uint32_t *w, int n, LxClass cls, int *distance)
{
	uint32_t	a[DIST_MAX_CPS];
	int			na = Squeeze(w, n, a);
	bool		cjk = false;
	int			max,
				best,
				i;
	const LxPhrase *found = NULL;
	int			found_gap = 0,
				cjk_count = 0;
	const LxPhrase *phrases;
	int			nphrases;

	for (i = 0; i < na; i++)
	{
		cjk |= inno_lx_is_cjk(a[i]);
		cjk_count += inno_lx_is_cjk(a[i]);
	}
	max = cjk ? na / 2 : na / 3;
	if (max < 1)
		max = 1;
	if (max > 3)
		max = 3;
	best = max + 1;
	*distance = best;
	if (na == 0)
		return NULL;
	phrases = inno_lx_phrases(&nphrases);
	for (i = 0; i < nphrases; i++)
	{
		uint32_t	lab[LX_MAX_PHRASE_CPS],
					b[DIST_MAX_CPS];
		int			nl,
					nb,
					d;

		if (phrases[i].entry.cls != cls)
			continue;
		nl = inno_lx_phrase_labels(phrases[i].text, lab);
		if (nl <= 0)
			continue;
		nb = Squeeze(lab, nl, b);
		d = inno_lx_distance(a, na, b, nb, best < max ? best : max);
		/* a suggestion keeps something of the word: never all of it replaced */
		if (d <= max && d < na && d < nb)
		{
			int			k,
						gap = 0;

			/* among equals, the one whose Chinese characters match the word's in number ("b伦": "b轮", not "b+") */
			for (k = 0; k < nb; k++)
				gap += inno_lx_is_cjk(b[k]);
			gap = gap > cjk_count ? gap - cjk_count : cjk_count - gap;
			if (d < best || (d == best && found != NULL && gap < found_gap))
			{
				best = d;
				found = &phrases[i];
				found_gap = gap;
			}
		}
	}
	*distance = best;
	return found;
}
