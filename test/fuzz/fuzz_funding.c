/*
 * fuzz_funding.c
 *	  libFuzzer target for the funding_round text readers and binary decoder.
 *
 * Bit 0 of the first byte picks the reader: set for text, clear for the
 * binary decoder.  For text the other bits pick the default currency of the
 * parse: 0 (none) or one of the known currencies.
 *
 * Oracles: no crash or out-of-bounds access (ASan/UBSan), and for text
 *	- whatever the parser accepts validates, formats, and parses back to the
 *	  bytewise identical value;
 *	- the canonical fast path agrees with the general reader: when
 *	  fr_parse_canonical() accepts, fr_parse_general() accepts too, with the
 *	  bytewise identical value;
 *	- a default currency never makes text fail that parses without one, nor
 *	  changes anything but the currency of its value;
 *	- on failure the detail and the hint are NUL-terminated and the detail
 *	  says something;
 * and for binary, whatever the decoder accepts validates and re-encodes to
 * the same bytes.
 */
#include "funding.h"
#include "funding_lex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(what) \
	do { \
		fprintf(stderr, "fuzz_funding: oracle failed: %s (line %d)\n", what, __LINE__); \
		abort(); \
	} while (0)

/* The detail and hint of a failure: NUL-terminated, the detail non-empty. */
static void
CheckError(const InnoError *err)
{
	if (memchr(err->detail, '\0', sizeof(err->detail)) == NULL)
		FAIL("error detail not NUL-terminated");
	if (memchr(err->hint, '\0', sizeof(err->hint)) == NULL)
		FAIL("error hint not NUL-terminated");
	if (err->detail[0] == '\0')
		FAIL("empty error detail on failure");
}

/* Two values equal but for the currency. */
static bool
SameButCurrency(const InnoFundingRound *a, const InnoFundingRound *b)
{
	InnoFundingRound x = *a,
				y = *b;

	x.currency = y.currency = 0;
	return memcmp(&x, &y, sizeof(x)) == 0;
}

/* An accepted value validates, formats, and parses back bytewise identically. */
static void
CheckRoundTrip(const InnoFundingRound *fr)
{
	char		buf[INNO_FR_TEXT_MAX];
	InnoFundingRound back;
	InnoError	err;
	int			n;

	if (inno_fr_validate(fr, &err) != INNO_OK)
		FAIL("accepted value does not validate");
	n = inno_fr_format(fr, buf, sizeof(buf));
	if (n <= 0 || (size_t) n != strlen(buf))
		FAIL("accepted value does not format");
	if (inno_fr_parse(buf, (size_t) n, 0, &back, &err) != INNO_OK)
		FAIL("canonical form does not parse back");
	if (memcmp(fr, &back, sizeof(back)) != 0)
		FAIL("canonical form parses back to another value");
	/*
	 * Not checked: that the fast path reads every formatted value.  It
	 * declines amounts below one major unit ("a HKD 0.5"), which the general
	 * reader then reads; only speed is at stake.
	 */
}

static void
Text(uint8_t selector, const char *s, size_t len)
{
	InnoFundingRound fr,
				dfl,
				canon,
				gen;
	InnoError	err;
	uint16_t	currency = 0;
	int			pick = selector >> 1;
	bool		ok0;

	/* the default currency: 0, or a known one */
	if (pick != 0 && inno_currency_count() > 0)
		currency = inno_currency_by_index((pick - 1) % inno_currency_count())->numeric;

	/* (a) the canonical fast path agrees with the general reader */
	if (fr_parse_canonical(s, len, &canon))
	{
		memset(&err, 0x55, sizeof(err));
		if (fr_parse_general(s, len, 0, &gen, &err) != INNO_OK)
			FAIL("fast path accepts what the general reader rejects");
		if (memcmp(&canon, &gen, sizeof(gen)) != 0)
			FAIL("fast path and general reader read different values");
		CheckRoundTrip(&canon);
	}

	/* without a default currency */
	memset(&err, 0x55, sizeof(err));
	ok0 = inno_fr_parse(s, len, 0, &fr, &err) == INNO_OK;
	if (ok0)
		CheckRoundTrip(&fr);
	else
		CheckError(&err);

	/* (b) a default currency only ever helps */
	memset(&err, 0x55, sizeof(err));
	if (inno_fr_parse(s, len, 840, &dfl, &err) == INNO_OK)
	{
		CheckRoundTrip(&dfl);
		if (ok0 && !SameButCurrency(&fr, &dfl))
			FAIL("default currency 840 changes more than the currency");
	}
	else
	{
		CheckError(&err);
		if (ok0)
			FAIL("default currency 840 makes accepted text fail");
	}

	/* (d) with the default currency the first byte picks */
	if (currency != 0 && currency != 840)
	{
		memset(&err, 0x55, sizeof(err));
		if (inno_fr_parse(s, len, currency, &dfl, &err) == INNO_OK)
		{
			CheckRoundTrip(&dfl);
			if (ok0 && !SameButCurrency(&fr, &dfl))
				FAIL("picked default currency changes more than the currency");
		}
		else
		{
			CheckError(&err);
			if (ok0)
				FAIL("picked default currency makes accepted text fail");
		}
	}

	/* the general reader alone: same messages discipline */
	memset(&err, 0x55, sizeof(err));
	if (fr_parse_general(s, len, currency, &gen, &err) == INNO_OK)
		CheckRoundTrip(&gen);
	else
		CheckError(&err);
}

static void
Binary(const uint8_t *b, size_t n)
{
	InnoFundingRound fr;
	InnoError	err;
	uint8_t		enc[INNO_FR_BINARY_LEN];

	if (inno_fr_decode_binary(b, n, &fr, &err) == INNO_OK)
	{
		if (inno_fr_validate(&fr, &err) != INNO_OK)
			FAIL("decoded value does not validate");
		inno_fr_encode_binary(&fr, enc);
		if (n != sizeof(enc) || memcmp(enc, b, sizeof(enc)) != 0)
			FAIL("decoded value does not re-encode to the same bytes");
	}
}

/*
 * A round kind alone (round_kind input, the constructor's kind): what it
 * accepts is a kind, whose label reads back as the same kind.
 */
static void
KindText(const char *s, size_t n)
{
	uint8_t		code = 0,
				again = 0;
	InnoError	err;
	const InnoRoundKindInfo *k;

	if (inno_round_kind_parse(s, n, &code, &err) != INNO_OK)
	{
		CheckError(&err);
		return;
	}
	if ((k = inno_round_kind_by_code(code)) == NULL)
		FAIL("round kind parse gave a code that is not a kind");
	if (inno_round_kind_parse(k->label, strlen(k->label), &again, &err) != INNO_OK || again != code)
		FAIL("a kind's label does not read back as the kind");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	/* the first byte picks the reader; 0xFE: a round kind alone (added later) */
	if (data[0] == 0xFE)
		KindText((const char *) data + 1, size - 1);
	else if (data[0] & 1)
		Text(data[0], (const char *) data + 1, size - 1);
	else
		Binary(data + 1, size - 1);
	return 0;
}
