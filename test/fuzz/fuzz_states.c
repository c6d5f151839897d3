/*
 * fuzz_states.c
 *	  libFuzzer target for the aggregation states that cross processes as
 *	  they are (a parallel worker's state reaches the leader's combine
 *	  byte for byte): the dense quantile_sketch state, and funding_stats
 *	  states whose sections hold dense sketches.
 *
 * The first byte picks what the rest is:
 *	0: values (8 bytes each, non-finite ones skipped) added to a sketch
 *	   state as the aggregate adds them, and to a plain flat sketch; the
 *	   state must stand for bytewise the same sketch (the next byte picks
 *	   the accuracy and max_bins);
 *	1: the bytes of a dense sketch state: whatever inno_qs_dense_check
 *	   accepts turns into a flat sketch without a crash, and what of that
 *	   validates packs and unpacks to itself;
 *	2: point amounts (8 bytes each, folded into funding_round's range)
 *	   added as rounds of two currencies to funding_stats: each section's
 *	   stored sketch is the flat sketch of its amounts;
 *	3: the bytes of a funding_stats state: whatever inno_fs_state_fits
 *	   accepts is written in the stored form without a crash.
 * Oracles: no crash or out-of-bounds access (ASan/UBSan), and the above.
 */
#include "funstats.h"
#include "qsketch.h"
#include "../unit/qs_state.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static double
ValueAt(const uint8_t *p)
{
	double		x;

	memcpy(&x, p, sizeof(x));
	return x;
}

static void
DriveSketch(const uint8_t *data, size_t size)
{
	static const int max_bins[] = {16, 64, 0, 65535};
	int			accuracy,
				mb;
	State		st;
	InnoQSketch *ref,
			   *got;
	InnoError	err;
	size_t		i,
				n = 0;

	if (size < 1)
		return;
	accuracy = 1 + data[0] % 5;
	mb = max_bins[(data[0] / 5) % 4];
	if (mb == 0)
		mb = inno_qs_default_max_bins(accuracy);
	StateInit(&st, accuracy, mb);
	ref = calloc(1, INNO_QS_SIZE(2 * 65536));
	if (inno_qs_init(ref, accuracy, mb, &err) != INNO_OK)
		abort();
	for (i = 1; i + 8 <= size; i += 8)
	{
		double		x = ValueAt(data + i);

		if (!isfinite(x))
			continue;
		StateAdd(&st, x);
		if (inno_qs_add(ref, 2 * 65536, x) != INNO_OK)
			abort();
		n++;
	}
	if (st.dense && inno_qs_dense_check(st.p, INNO_QS_DENSE_SIZE(st.cap), &err) != INNO_OK)
		abort();
	got = StateFinish(&st);
	inno_xsum_normalize(&ref->sum);
	if (got->count != n || inno_qs_nbins(got) != inno_qs_nbins(ref) ||
		memcmp(got, ref, INNO_QS_SIZE(inno_qs_nbins(ref))) != 0 ||
		inno_qs_validate(got, INNO_QS_SIZE(inno_qs_nbins(got)), &err) != INNO_OK)
		abort();
	free(got);
	free(ref);
}

static void
DenseBytes(const uint8_t *data, size_t size)
{
	InnoQsDense *d = calloc(1, size + 8);
	InnoQSketch *s;
	InnoError	err;
	uint32_t	nbins;

	memcpy(d, data, size);
	if (inno_qs_dense_check(d, size, &err) != INNO_OK)
	{
		free(d);
		return;
	}
	nbins = inno_qs_dense_nbins(d);
	s = calloc(1, INNO_QS_SIZE(nbins));
	inno_qs_dense_to_sketch(d, s);
	inno_xsum_normalize(&s->sum);
	if (inno_qs_validate(s, INNO_QS_SIZE(nbins), &err) == INNO_OK)
	{
		uint8_t    *packed = malloc(inno_qs_pack_bound(s));
		size_t		len = inno_qs_pack(s, packed);
		uint32_t	back_bins = 0;
		InnoQSketch *back;

		if (inno_qs_unpack(packed, len, NULL, &back_bins, &err) != INNO_OK || back_bins != nbins)
			abort();
		back = calloc(1, INNO_QS_SIZE(back_bins));
		if (inno_qs_unpack(packed, len, back, &back_bins, &err) != INNO_OK)
			abort();
		inno_xsum_normalize(&back->sum);
		if (memcmp(back, s, INNO_QS_SIZE(nbins)) != 0)
			abort();
		free(back);
		free(packed);
	}
	free(s);
	free(d);
}

static void
DriveFundingStats(const uint8_t *data, size_t size)
{
	static const uint16_t currencies[2] = {156, 840};
	InnoQSketch *ref[2];
	size_t		cap = 64,
				stored_size,
				i;
	InnoFsHeader *h = calloc(1, cap),
			   *stored;
	InnoFundingRound fr;
	InnoError	err;
	int			c;

	inno_fs_init(h);
	memset(&fr, 0, sizeof(fr));
	fr.kind = 1;
	fr.flags = INNO_FR_DISCLOSED;
	for (c = 0; c < 2; c++)
	{
		ref[c] = calloc(1, INNO_QS_SIZE(4200));
		if (inno_qs_init(ref[c], INNO_QS_DEFAULT_ACCURACY, inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY),
						 &err) != INNO_OK)
			abort();
	}
	for (i = 0; i + 8 <= size; i += 8)
	{
		uint64_t	u;
		size_t		need = 0;
		InnoStatus	st;

		memcpy(&u, data + i, sizeof(u));
		c = (int) (u & 1);
		/* a point amount of 1 to 2^50 minor units, spread over the magnitudes */
		fr.point = fr.low = fr.high = (int64_t) ((u >> 8) & ((UINT64_C(1) << ((u >> 1) % 50 + 1)) - 1)) + 1;
		fr.currency = currencies[c];
		while ((st = inno_fs_add(h, cap, &fr, &need)) == INNO_ERR_RANGE)
		{
			h = realloc(h, need);
			memset((char *) h + cap, 0, need - cap);
			cap = need;
		}
		if (st != INNO_OK || inno_qs_add(ref[c], 4200, (double) fr.point / 100.0) != INNO_OK)
			abort();
	}
	if (!inno_fs_state_fits(h, cap))
		abort();
	stored_size = inno_fs_stored_size(h);
	stored = calloc(1, stored_size);
	inno_fs_write_stored(h, stored);
	if (inno_fs_validate(stored, stored_size, &err) != INNO_OK)
		abort();
	for (c = 0; c < 2; c++)
	{
		const InnoFsSection *s = inno_fs_section(stored, currencies[c]);

		inno_xsum_normalize(&ref[c]->sum);
		if (ref[c]->count > 0 &&
			(s == NULL || memcmp(inno_fs_sketch(s), ref[c], INNO_QS_SIZE(inno_qs_nbins(ref[c]))) != 0))
			abort();
		free(ref[c]);
	}
	free(stored);
	free(h);
}

static void
FundingStatsStateBytes(const uint8_t *data, size_t size)
{
	InnoFsHeader *h = calloc(1, size + 8);
	InnoFsHeader *stored;
	InnoError	err;
	size_t		n;

	memcpy(h, data, size);
	if (inno_fs_state_fits(h, size))
	{
		n = inno_fs_stored_size(h);
		stored = calloc(1, n);
		inno_fs_write_stored(h, stored);
		(void) inno_fs_validate(stored, n, &err);
		free(stored);
	}
	free(h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	switch (data[0] % 4)
	{
		case 0:
			DriveSketch(data + 1, size - 1);
			break;
		case 1:
			DenseBytes(data + 1, size - 1);
			break;
		case 2:
			DriveFundingStats(data + 1, size - 1);
			break;
		default:
			FundingStatsStateBytes(data + 1, size - 1);
			break;
	}
	return 0;
}
