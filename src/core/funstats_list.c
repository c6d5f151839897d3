/*
 * funstats_list.c
 *	  The small form of funding_stats: the rounds as given, up to
 *	  INNO_FS_LIST_MAX of them (40 bytes for one round).
 *
 * Grouped by project, most groups hold one or two rounds.  Building the
 * flat value of such a group (a 2.6 kB section per currency, zeroed) and
 * packing it cost more than the rounds themselves, so the aggregate stores
 * a small group as its list, in a canonical order; the accessors of counts
 * and sums read the rounds directly, the others build the flat value.
 */
#include <string.h>

#include "funstats.h"

#if INNO_FR_AMOUNT_MAX > INT64_MAX / INNO_FS_LIST_MAX
#error "the sums of a list must not overflow"
#endif

void
inno_fs_list_init(InnoFsList *l, int room)
{
	memset(l, 0, INNO_FS_LIST_SIZE(room));
	l->version = INNO_FS_LIST_VERSION;
	l->room = (uint8_t) room;
	l->used = (uint32_t) INNO_FS_LIST_SIZE(room);
}

bool
inno_fs_list_valid(const InnoFsList *l, size_t size)
{
	InnoError	err;
	int			i;

	if (size < INNO_FS_LIST_SIZE(0) || l->version != INNO_FS_LIST_VERSION ||
		l->room > INNO_FS_LIST_MAX || l->n > l->room || l->pad != 0 ||
		l->used != INNO_FS_LIST_SIZE(l->room) || size != l->used)
		return false;
	for (i = 0; i < l->n; i++)
		if (inno_fr_validate(&l->rounds[i], &err) != INNO_OK)
			return false;
	return true;
}

void
inno_fs_list_head(const InnoFsList *l, uint16_t currency, InnoFsSection *head, bool *found)
{
	int			i;

	memset(head, 0, offsetof(InnoFsSection, band));
	head->currency = currency;
	*found = false;
	for (i = 0; i < l->n; i++)
	{
		const InnoFundingRound *fr = &l->rounds[i];

		if (fr->currency != currency)
			continue;
		*found = true;
		head->rounds++;
		if ((fr->flags & INNO_FR_DISCLOSED) == 0)
			continue;
		/* at most INNO_FS_LIST_MAX rounds of at most INNO_FR_AMOUNT_MAX: no sum overflows */
		if (head->disclosed == 0 || fr->point < head->min_point)
			head->min_point = fr->point;
		if (head->disclosed == 0 || fr->point > head->max_point)
			head->max_point = fr->point;
		head->disclosed++;
		head->sum_low += fr->low;
		head->sum_point += fr->point;
		if ((fr->flags & INNO_FR_OPEN) != 0)
			head->open++;
		else
			head->sum_high += fr->high;
	}
}

void
inno_fs_list_canonical(InnoFsList *l)
{
	int			i,
				j;

	for (i = 1; i < l->n; i++)
	{
		InnoFundingRound fr = l->rounds[i];

		for (j = i; j > 0 && memcmp(&l->rounds[j - 1], &fr, sizeof(fr)) > 0; j--)
			l->rounds[j] = l->rounds[j - 1];
		l->rounds[j] = fr;
	}
}
