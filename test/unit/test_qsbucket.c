/*
 * test_qsbucket.c
 *	  Unit tests for the quantile sketch's buckets: the mapping of a value to
 *	  its bucket (the table of the hot path against the defining formula)
 *	  and the lookup of a bucket in a store.
 */
#include "suites.h"
#include "qsketch.h"

#include <float.h>
#include <math.h>
#include <string.h>

TEST(bucket_mapping)
{
	int			code;

	CHECK_INT(inno_qs_bucket_of(1.0, 3), 0);
	CHECK_INT(inno_qs_bucket_of(2.0, 3), 35);
	CHECK_INT(inno_qs_bucket_of(0.5, 3), -35);
	CHECK_INT(inno_qs_bucket_of(1024.0, 3), 350);
	for (code = 1; code <= 5; code++)
	{
		double		alpha = inno_qs_accuracy_value(code);
		double		x;
		int32_t		prev = INT32_MIN;

		/* monotone, and every value within alpha of its bucket's representative */
		for (x = 1e-12; x < 1e15; x *= 1.0007)
		{
			int32_t		b = inno_qs_bucket_of(x, code);
			double		rep = inno_qs_bucket_value(b, code);

			CHECK(b >= prev);
			prev = b;
			if (fabs(rep - x) / x > alpha)
			{
				CHECK_MSG(false, "x=%.17g bucket %d rep %.17g alpha %g", x, b, rep, alpha);
				break;
			}
		}
	}
	CHECK(inno_qs_accuracy_code(0.01) == 3);
	CHECK_INT(inno_qs_default_max_bins(3), 2100);
	CHECK_INT(inno_qs_default_max_bins(1), 21000);
	CHECK(inno_qs_accuracy_code(0.03) == 0);
}

/*
 * The table the transition reads gives the formula's bucket for every value:
 * at both ends of every slice of every octave (where a table entry could be
 * wrong), a few units in the last place either side, in octaves from the
 * smallest normal to the largest, and for pseudo-random doubles of every
 * magnitude, subnormals included.
 */
TEST(bucket_table_equals_formula)
{
	static const int octaves[] = {-1022, -1021, -300, -20, -1, 0, 1, 2, 19, 20, 33, 52, 300, 1022, 1023};
	uint64_t	seed = 11;
	int			code,
				fails = 0;

	for (code = 1; code <= 5; code++)
	{
		size_t		o;
		int			j,
					d,
					i;

		for (o = 0; o < sizeof(octaves) / sizeof(octaves[0]); o++)
			for (j = 0; j < 1024; j++)
				for (d = -3; d <= 3; d++)
				{
					uint64_t	bits = ((uint64_t) (octaves[o] + 1023) << 52) | ((uint64_t) j << 42);
					double		x;

					bits += (uint64_t) (int64_t) d;
					memcpy(&x, &bits, sizeof(x));
					if (!(x > 0) || isinf(x))
						continue;
					if (inno_qs_bucket_of(x, code) != inno_qs_bucket_of_reference(x, code) && fails++ < 5)
						CHECK_MSG(false, "code %d x=%a: %d, the formula %d", code, x,
								  inno_qs_bucket_of(x, code), inno_qs_bucket_of_reference(x, code));
				}
		for (i = 0; i < 200000; i++)
		{
			uint64_t	bits;
			double		x;

			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			bits = seed >> 1;	/* positive */
			memcpy(&x, &bits, sizeof(x));
			if (!(x > 0) || isinf(x) || isnan(x))
				continue;
			if (inno_qs_bucket_of(x, code) != inno_qs_bucket_of_reference(x, code) && fails++ < 5)
				CHECK_MSG(false, "code %d x=%a: %d, the formula %d", code, x,
						  inno_qs_bucket_of(x, code), inno_qs_bucket_of_reference(x, code));
		}
	}
	CHECK_INT(fails, 0);
}

/*
 * The bucket lookup finds a bucket, or where it goes, as a plain binary
 * search does: in ascending and descending stores, with and without gaps,
 * for indexes inside, between and beyond them.
 */
TEST(find_bin_equals_binary_search)
{
	InnoQsBin	bins[64];
	uint64_t	seed = 7;
	int			trial;

	for (trial = 0; trial < 20000; trial++)
	{
		uint32_t	n,
					i,
					want;
		int32_t		index,
					at;
		bool		asc = (trial & 1) != 0,
					found,
					want_found = false;
		uint32_t	pos;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		n = (uint32_t) (seed >> 33) % 64;
		at = (int32_t) ((seed >> 20) % 200) - 100;
		for (i = 0; i < n; i++)
		{
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			/* mostly consecutive, now and then a gap */
			at += 1 + ((seed >> 40) % 5 == 0 ? (int32_t) ((seed >> 45) % 4) : 0);
			bins[asc ? i : n - 1 - i].index = at;
			bins[asc ? i : n - 1 - i].count = 1;
		}
		index = (int32_t) ((seed >> 10) % 400) - 200;
		if (n > 0 && trial % 3 == 0)
			index = bins[(seed >> 5) % n].index;
		for (want = 0; want < n && (asc ? bins[want].index < index : bins[want].index > index); want++)
			;
		want_found = want < n && bins[want].index == index;
		pos = inno_qs_find_bin(bins, n, index, asc, &found);
		CHECK_MSG(pos == want && found == want_found, "trial %d: n %u, index %d: %u %d, want %u %d", trial, n,
				  index, pos, found, want, want_found);
	}
}

UNIT_SUITE(qsbucket_suite,
		   UNIT_CASE(bucket_mapping),
		   UNIT_CASE(bucket_table_equals_formula),
		   UNIT_CASE(find_bin_equals_binary_search));
