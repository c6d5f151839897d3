/*
 * qsketch_io.c
 *	  The quantile sketch's text and binary forms: writing them, and reading
 *	  them back with every field and invariant checked.
 */
#include "qsketch.h"
#include "jsontext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t
inno_qs_text_size(const InnoQSketch *s)
{
	/* fixed part, the sum, and up to 33 bytes per bucket */
	return 400 + INNO_XSUM_TEXT_MAX + (size_t) inno_qs_nbins(s) * 33;
}

static int
AppendStore(char *buf, size_t buflen, size_t o, const InnoQsBin *b, uint32_t n)
{
	uint32_t	i;

	for (i = 0; i < n && o < buflen; i++)
		o += (size_t) snprintf(buf + o, buflen - o, "%s%d,%llu", i ? "," : "",
							   (int) b[i].index, (unsigned long long) b[i].count);
	return (int) o;
}

int
inno_qs_format(const InnoQSketch *s, char *buf, size_t buflen)
{
	char		sum[INNO_XSUM_TEXT_MAX];
	InnoExactSum normal = s->sum;
	size_t		o;

	if (buflen < inno_qs_text_size(s))
		return -1;
	inno_xsum_normalize(&normal);
	inno_xsum_format(&normal, sum, sizeof(sum));
	o = (size_t) snprintf(buf, buflen,
						  "{\"version\": %u, \"accuracy\": %s, \"max_bins\": %u, \"count\": %llu, "
						  "\"zeros\": %llu, \"min\": %.17g, \"max\": %.17g, \"sum\": \"%s\", "
						  "\"collapsed\": [%s, %s], \"negative\": [",
						  (unsigned) s->version, inno_qs_accuracy_text(s->accuracy), (unsigned) s->max_bins,
						  (unsigned long long) s->count, (unsigned long long) s->zeros,
						  s->min, s->max, sum,
						  (s->flags & INNO_QS_COLLAPSED_NEG) ? "true" : "false",
						  (s->flags & INNO_QS_COLLAPSED_POS) ? "true" : "false");
	o = (size_t) AppendStore(buf, buflen, o, s->bins, s->nneg);
	o += (size_t) snprintf(buf + o, buflen - o, "], \"positive\": [");
	o = (size_t) AppendStore(buf, buflen, o, s->bins + s->nneg, s->npos);
	o += (size_t) snprintf(buf + o, buflen - o, "]}");
	return (int) o;
}

/* ---- text parsing: the exact form inno_qs_format writes ---- */

typedef struct Cursor
{
	const char *s;
	size_t		len;
	size_t		pos;
} Cursor;

static bool
Expect(Cursor *c, const char *lit)
{
	size_t		n = strlen(lit);

	if (c->len - c->pos < n || memcmp(c->s + c->pos, lit, n) != 0)
		return false;
	c->pos += n;
	return true;
}

static bool
ReadU64(Cursor *c, uint64_t *v)
{
	size_t		start = c->pos;

	*v = 0;
	while (c->pos < c->len && c->s[c->pos] >= '0' && c->s[c->pos] <= '9')
	{
		uint64_t	d = (uint64_t) (c->s[c->pos] - '0');

		if (*v > (UINT64_MAX - d) / 10)
			return false;
		*v = *v * 10 + d;
		c->pos++;
	}
	return c->pos > start && c->pos - start < 21;
}

static bool
ReadI32(Cursor *c, int32_t *v)
{
	bool		neg = Expect(c, "-");
	uint64_t	u;

	if (!ReadU64(c, &u) || u > (neg ? UINT64_C(2147483648) : UINT64_C(2147483647)))
		return false;
	*v = neg ? (int32_t) (-(int64_t) u) : (int32_t) u;
	return true;
}

static bool
ReadDouble(Cursor *c, double *v)
{
	char		tmp[40];
	size_t		n = 0;
	char	   *end;

	while (c->pos + n < c->len && n < sizeof(tmp) - 1 && strchr("0123456789+-.e", c->s[c->pos + n]))
		n++;
	if (n == 0 || n >= sizeof(tmp) - 1)
		return false;
	memcpy(tmp, c->s + c->pos, n);
	tmp[n] = '\0';
	*v = strtod(tmp, &end);
	if (end != tmp + n || isnan(*v) || isinf(*v))
		return false;
	c->pos += n;
	return true;
}

/* Read "[i,c,i,c,...]" into bins (if not NULL); counts the bins in *n. */
static bool
ReadStore(Cursor *c, InnoQsBin *bins, uint32_t limit, uint32_t *n)
{
	*n = 0;
	if (!Expect(c, "["))
		return false;
	if (Expect(c, "]"))
		return true;
	for (;;)
	{
		int32_t		index;
		uint64_t	count;

		if (!ReadI32(c, &index) || !Expect(c, ",") || !ReadU64(c, &count))
			return false;
		if (*n >= limit)
			return false;
		if (bins)
		{
			bins[*n].index = index;
			bins[*n].pad = 0;
			bins[*n].count = count;
		}
		(*n)++;
		if (Expect(c, "]"))
			return true;
		if (!Expect(c, ","))
			return false;
	}
}

InnoStatus
inno_qs_parse(const char *text, size_t len, InnoQSketch *out, uint32_t *nbins, InnoError *err)
{
	Cursor		c = {text, len, 0};
	uint64_t	version,
				max_bins,
				count,
				zeros;
	double		min,
				max;
	int			acc;
	bool		cneg,
				cpos;
	size_t		sum_start;
	uint32_t	nneg,
				npos;
	InnoQSketch head;
	InnoExactSum sum;

	inno_error_clear(err);
	inno_json_trim(&c.s, &c.len);
	if (!Expect(&c, "{\"version\": ") || !ReadU64(&c, &version) || !Expect(&c, ", \"accuracy\": "))
		goto syntax;
	for (acc = 1; inno_qs_accuracy_text(acc) != NULL; acc++)
		if (Expect(&c, inno_qs_accuracy_text(acc)))
			break;
	if (inno_qs_accuracy_text(acc) == NULL)
		goto syntax;
	if (!Expect(&c, ", \"max_bins\": ") || !ReadU64(&c, &max_bins) ||
		!Expect(&c, ", \"count\": ") || !ReadU64(&c, &count) ||
		!Expect(&c, ", \"zeros\": ") || !ReadU64(&c, &zeros) ||
		!Expect(&c, ", \"min\": ") || !ReadDouble(&c, &min) ||
		!Expect(&c, ", \"max\": ") || !ReadDouble(&c, &max) ||
		!Expect(&c, ", \"sum\": \""))
		goto syntax;
	sum_start = c.pos;
	while (c.pos < c.len && c.s[c.pos] != '"')
		c.pos++;
	if (inno_xsum_parse(c.s + sum_start, c.pos - sum_start, &sum, err) != INNO_OK)
		return INNO_ERR_SYNTAX;
	if (!Expect(&c, "\", \"collapsed\": ["))
		goto syntax;
	cneg = Expect(&c, "true");
	if (!cneg && !Expect(&c, "false"))
		goto syntax;
	if (!Expect(&c, ", "))
		goto syntax;
	cpos = Expect(&c, "true");
	if (!cpos && !Expect(&c, "false"))
		goto syntax;
	if (version != INNO_QS_VERSION || max_bins < INNO_QS_MIN_MAX_BINS || max_bins > INNO_QS_MAX_MAX_BINS)
	{
		inno_set_detail(err, "Unknown version or max_bins out of range.");
		return INNO_ERR_SYNTAX;
	}
	if (!Expect(&c, "], \"negative\": ") ||
		!ReadStore(&c, out ? out->bins : NULL, out ? *nbins : (uint32_t) max_bins, &nneg) ||
		!Expect(&c, ", \"positive\": ") ||
		!ReadStore(&c, out ? out->bins + nneg : NULL, out ? *nbins - nneg : (uint32_t) max_bins, &npos) ||
		!Expect(&c, "}") || c.pos != c.len)
		goto syntax;
	if (out == NULL)
	{
		*nbins = nneg + npos;
		return INNO_OK;
	}
	memset(&head, 0, offsetof(InnoQSketch, bins));
	head.version = (uint8_t) version;
	head.accuracy = (uint8_t) acc;
	head.flags = (uint8_t) ((cneg ? INNO_QS_COLLAPSED_NEG : 0) | (cpos ? INNO_QS_COLLAPSED_POS : 0));
	head.max_bins = (uint16_t) max_bins;
	head.nneg = nneg;
	head.npos = npos;
	head.count = count;
	head.zeros = zeros;
	head.min = min;
	head.max = max;
	head.sum = sum;
	memcpy(out, &head, offsetof(InnoQSketch, bins));
	{
		InnoStatus	st = inno_qs_validate(out, INNO_QS_SIZE(nneg + npos), err);

		return st == INNO_OK ? INNO_OK : INNO_ERR_SYNTAX;
	}

syntax:
	inno_set_detail(err, "A quantile_sketch is written as its text output shows, field by field.");
	return INNO_ERR_SYNTAX;
}

/* ---- binary form ---- */

static uint8_t *
PutU64(uint8_t *p, uint64_t v)
{
	int			i;

	for (i = 7; i >= 0; i--)
		*p++ = (uint8_t) (v >> (8 * i));
	return p;
}

static const uint8_t *
GetU64(const uint8_t *p, uint64_t *v)
{
	int			i;

	*v = 0;
	for (i = 0; i < 8; i++)
		*v = (*v << 8) | *p++;
	return p;
}

static uint64_t
DoubleBits(double d)
{
	uint64_t	u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

static double
BitsDouble(uint64_t u)
{
	double		d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

/* version, accuracy, flags, max_bins(2), nneg(4), npos(4), count, zeros, min, max, limbs, bins */
#define QS_BIN_FIXED (1 + 1 + 1 + 2 + 4 + 4 + 8 * 4 + 8 * INNO_XSUM_LIMBS)

size_t
inno_qs_binary_size(const InnoQSketch *s)
{
	return QS_BIN_FIXED + (size_t) inno_qs_nbins(s) * 12;
}

void
inno_qs_encode_binary(const InnoQSketch *s, uint8_t *p)
{
	InnoExactSum normal = s->sum;
	uint32_t	i;
	int			j;

	inno_xsum_normalize(&normal);
	*p++ = s->version;
	*p++ = s->accuracy;
	*p++ = s->flags;
	*p++ = (uint8_t) (s->max_bins >> 8);
	*p++ = (uint8_t) s->max_bins;
	for (j = 3; j >= 0; j--)
		*p++ = (uint8_t) (s->nneg >> (8 * j));
	for (j = 3; j >= 0; j--)
		*p++ = (uint8_t) (s->npos >> (8 * j));
	p = PutU64(p, s->count);
	p = PutU64(p, s->zeros);
	p = PutU64(p, DoubleBits(s->min));
	p = PutU64(p, DoubleBits(s->max));
	for (j = 0; j < INNO_XSUM_LIMBS; j++)
		p = PutU64(p, (uint64_t) normal.limb[j]);
	for (i = 0; i < inno_qs_nbins(s); i++)
	{
		for (j = 3; j >= 0; j--)
			*p++ = (uint8_t) ((uint32_t) s->bins[i].index >> (8 * j));
		p = PutU64(p, s->bins[i].count);
	}
}

InnoStatus
inno_qs_decode_binary(const uint8_t *buf, size_t len, InnoQSketch *out, uint32_t *nbins, InnoError *err)
{
	const uint8_t *p = buf;
	uint32_t	nneg = 0,
				npos = 0;
	uint64_t	v;
	uint32_t	i;
	int			j;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "quantile_sketch", INNO_QS_VERSION, QS_BIN_FIXED, true, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	for (j = 0; j < 4; j++)
		nneg = (nneg << 8) | buf[5 + j];
	for (j = 0; j < 4; j++)
		npos = (npos << 8) | buf[9 + j];
	if (nneg > INNO_QS_MAX_MAX_BINS || npos > INNO_QS_MAX_MAX_BINS ||
		len != QS_BIN_FIXED + (size_t) (nneg + npos) * 12)
	{
		inno_set_detail(err, "The length does not match the bucket counts.");
		return INNO_ERR_CORRUPT;
	}
	if (out == NULL)
	{
		*nbins = nneg + npos;
		return INNO_OK;
	}
	memset(out, 0, INNO_QS_SIZE(nneg + npos));
	out->version = *p++;
	out->accuracy = *p++;
	out->flags = *p++;
	out->max_bins = (uint16_t) ((p[0] << 8) | p[1]);
	p += 2 + 8;
	out->nneg = nneg;
	out->npos = npos;
	p = GetU64(p, &out->count);
	p = GetU64(p, &out->zeros);
	p = GetU64(p, &v);
	out->min = BitsDouble(v);
	p = GetU64(p, &v);
	out->max = BitsDouble(v);
	for (j = 0; j < INNO_XSUM_LIMBS; j++)
	{
		p = GetU64(p, &v);
		out->sum.limb[j] = (int64_t) v;
	}
	for (i = 0; i < nneg + npos; i++)
	{
		uint32_t	idx = 0;

		for (j = 0; j < 4; j++)
			idx = (idx << 8) | *p++;
		out->bins[i].index = (int32_t) idx;
		p = GetU64(p, &out->bins[i].count);
	}
	return inno_qs_validate(out, INNO_QS_SIZE(nneg + npos), err);
}

/* ---- validation: every field and invariant, for the readers and after merges ---- */

static InnoStatus
Corrupt(InnoError *err, const char *detail)
{
	inno_set_detail(err, "%s", detail);
	return INNO_ERR_CORRUPT;
}

/* The buckets: in order, counts that fit int64 and add up, indexes a double can have. */
static InnoStatus
ValidateBins(const InnoQSketch *s, InnoError *err)
{
	uint32_t	nbins = inno_qs_nbins(s);
	uint64_t	total;
	int32_t		lowest,
				highest;
	uint32_t	i;

	if (s->count > (uint64_t) INT64_MAX || s->zeros > (uint64_t) INT64_MAX)
		return Corrupt(err, "The count is beyond the range of bigint.");
	inno_qs_bucket_range(s->accuracy, &lowest, &highest);
	total = s->zeros;
	for (i = 0; i < nbins; i++)
	{
		const InnoQsBin *b = &s->bins[i];

		if (b->count == 0 || b->pad != 0 || b->count > (uint64_t) INT64_MAX - total)
		{
			inno_set_detail(err, "Bucket %u is invalid.", i);
			return INNO_ERR_CORRUPT;
		}
		if (b->index < lowest || b->index > highest)
		{
			inno_set_detail(err, "Bucket %u has index %d; a double's is between %d and %d.",
							i, (int) b->index, (int) lowest, (int) highest);
			return INNO_ERR_CORRUPT;
		}
		if (i > 0 && i != s->nneg &&
			(i < s->nneg ? b->index >= s->bins[i - 1].index : b->index <= s->bins[i - 1].index))
			return Corrupt(err, "The buckets are not in order.");
		total += b->count;
	}
	if (total != s->count)
		return Corrupt(err, "The bucket counts do not add up to the count.");
	return INNO_OK;
}

/*
 * The sign of sum - a - n b, exactly (a and b finite).  When n b is beyond
 * the accumulator (about 2^1058) it is beyond every sum in range too, and
 * its sign decides.
 */
static int
SumMinus(const InnoExactSum *sum, double a, uint64_t n, double b)
{
	InnoExactSum d = *sum;
	int			e,
				k;

	(void) frexp(b, &e);
	if (b != 0 && n > 0 && e + (64 - __builtin_clzll(n)) > INNO_XSUM_MAX_EXP + 2)
		return b > 0 ? -1 : 1;
	inno_xsum_add(&d, -a);
	for (k = 0; k < 64; k++)
		if ((n & (UINT64_C(1) << k)) && !inno_xsum_add_scaled(&d, -b, k))
			return b > 0 ? -1 : 1;	/* a term beyond the accumulator */
	inno_xsum_normalize(&d);
	return inno_xsum_sign(&d);
}

InnoStatus
inno_qs_validate(const InnoQSketch *s, size_t size, InnoError *err)
{
	uint32_t	nbins;
	InnoStatus	st;
	int			j;

	inno_error_clear(err);
	if (size < offsetof(InnoQSketch, bins))
		return Corrupt(err, "The sketch is truncated.");
	if (s->version != INNO_QS_VERSION)
	{
		inno_set_detail(err, "Unknown sketch format version %u.", (unsigned) s->version);
		return INNO_ERR_CORRUPT;
	}
	if (inno_qs_accuracy_value(s->accuracy) == 0.0 || s->max_bins < INNO_QS_MIN_MAX_BINS ||
		s->pad != 0 || s->pad2 != 0 || (s->flags & ~(INNO_QS_COLLAPSED_POS | INNO_QS_COLLAPSED_NEG)))
		return Corrupt(err, "The sketch header is invalid.");
	if (s->nneg > s->max_bins || s->npos > s->max_bins)
		return Corrupt(err, "The sketch has more buckets than its max_bins.");
	nbins = inno_qs_nbins(s);
	if (size != INNO_QS_SIZE(nbins))
		return Corrupt(err, "The sketch's size does not match its bucket count.");
	if ((st = ValidateBins(s, err)) != INNO_OK)
		return st;
	if (isnan(s->min) || isnan(s->max) || isinf(s->min) || isinf(s->max) ||
		(s->count == 0 ? (s->min != 0 || s->max != 0) : s->min > s->max) ||
		(s->min == 0.0 && signbit(s->min)) || (s->max == 0.0 && signbit(s->max)))
		return Corrupt(err, "The minimum or maximum is invalid.");
	if ((s->nneg > 0 && !(s->min < 0)) || (s->npos > 0 && !(s->max > 0)) ||
		(s->zeros > 0 && (s->min > 0 || s->max < 0)) ||
		(s->count > 0 && s->nneg == 0 && s->min < 0) || (s->count > 0 && s->npos == 0 && s->max > 0))
		return Corrupt(err, "The minimum or maximum does not agree with the buckets.");
	/* collapsing folds the smallest magnitudes: the largest keep their own buckets */
	if ((s->npos > 0 && s->bins[nbins - 1].index != inno_qs_bucket_of(s->max, s->accuracy)) ||
		(s->nneg > 0 && s->bins[0].index != inno_qs_bucket_of(-s->min, s->accuracy)))
		return Corrupt(err, "The minimum or maximum does not agree with the buckets.");
	if (s->sum.pending != 0 || s->sum.pad != 0)
		return Corrupt(err, "The exact sum is not normalized.");
	for (j = 0; j < INNO_XSUM_LIMBS - 1; j++)
		if (s->sum.limb[j] < 0 || s->sum.limb[j] > INT64_C(0xFFFFFFFF))
			return Corrupt(err, "The exact sum is not normalized.");
	if (!inno_xsum_in_range(&s->sum))
		return Corrupt(err, "The exact sum is not below 2^1056 in magnitude.");

	/*
	 * The smallest magnitudes: without zeros, a minimum above 0 lies in the
	 * lowest positive bucket (a maximum below 0 in the lowest negative one),
	 * or below it when that store collapsed its smallest buckets into it.
	 */
	if (s->count > 0 && s->zeros == 0 && s->nneg == 0)
	{
		int32_t		b = inno_qs_bucket_of(s->min, s->accuracy);

		if ((s->flags & INNO_QS_COLLAPSED_POS) ? b > s->bins[0].index : b != s->bins[0].index)
			return Corrupt(err, "The minimum does not agree with the smallest bucket.");
	}
	if (s->count > 0 && s->zeros == 0 && s->npos == 0)
	{
		int32_t		b = inno_qs_bucket_of(-s->max, s->accuracy);

		if ((s->flags & INNO_QS_COLLAPSED_NEG) ? b > s->bins[s->nneg - 1].index : b != s->bins[s->nneg - 1].index)
			return Corrupt(err, "The maximum does not agree with the smallest negative bucket.");
	}

	/*
	 * count values whose smallest is min and largest max add up to at least
	 * max + (count - 1) min and at most min + (count - 1) max (so one value
	 * is min = max = sum); nothing sums to nothing.  Checked exactly.
	 */
	if (s->count == 0 ? inno_xsum_sign(&s->sum) != 0 :
		SumMinus(&s->sum, s->max, s->count - 1, s->min) < 0 ||
		SumMinus(&s->sum, s->min, s->count - 1, s->max) > 0)
		return Corrupt(err, "The exact sum does not agree with the count, minimum and maximum.");
	return INNO_OK;
}
