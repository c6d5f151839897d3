/*
 * fuzz_designation.c
 *	  libFuzzer target for the designation reader and binary decoder.
 *
 * The input is handed whole to the text reader, and to the binary decoder
 * twice: whole (any length), and its first INNO_DESIG_BINARY_LEN bytes
 * (inputs of at least that length), so that the decoder's field checks see
 * arbitrary values and not only its length check.
 *
 * Oracles: no crash or out-of-bounds access (ASan/UBSan), and
 *	- a value the reader accepts passes inno_desig_check, formats to text of
 *	  less than INNO_DESIG_TEXT_MAX bytes that reads back to the same value,
 *	  and encodes to binary that decodes to the same value;
 *	- on failure the status is a syntax or range error, the detail is
 *	  non-empty, and the detail and the hint are NUL-terminated, valid UTF-8
 *	  (they go into the server's messages as they are);
 *	- a value the decoder accepts passes inno_desig_check, re-encodes to the
 *	  same bytes, and its text reads back to the same value (a binary COPY
 *	  dumped as text restores unchanged);
 *	- the storage order and the ladder agree with equality and are
 *	  antisymmetric on the values seen.
 */
#include "designation.h"
#include "fuzz_utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(what) \
	do { \
		fprintf(stderr, "fuzz_designation: oracle failed: %s (line %d)\n", what, __LINE__); \
		abort(); \
	} while (0)

/* Is s[0..n) valid UTF-8 (by the fuzzers' own decoder)? */
static bool
ValidUtf8(const char *s, size_t n)
{
	size_t		pos = 0;

	while (pos < n)
	{
		uint32_t	cp;
		int			k = fuzz_utf8_at((const uint8_t *) s, n, pos, &cp);

		if (k == 0)
			return false;
		pos += (size_t) k;
	}
	return true;
}

static void
CheckMessage(const char *msg, size_t cap, const char *what)
{
	const char *nul = memchr(msg, '\0', cap);

	if (nul == NULL)
	{
		fprintf(stderr, "fuzz_designation: %s is not NUL-terminated\n", what);
		FAIL("message not NUL-terminated");
	}
	if (!ValidUtf8(msg, (size_t) (nul - msg)))
	{
		fprintf(stderr, "fuzz_designation: %s is not valid UTF-8: %s\n", what, msg);
		FAIL("message not valid UTF-8");
	}
}

/* A valid value: it checks, formats, reads back, and round-trips in binary. */
static void
CheckValue(InnoDesignation d, const char *source)
{
	char		text[INNO_DESIG_TEXT_MAX];
	uint8_t		bin[INNO_DESIG_BINARY_LEN];
	InnoDesignation back = 0;
	InnoError	err;
	size_t		n;

	if (inno_desig_check(d, &err) != INNO_OK)
	{
		fprintf(stderr, "fuzz_designation: %s value %016llx: %s\n", source, (unsigned long long) d, err.detail);
		FAIL("value does not pass inno_desig_check");
	}
	memset(text, 0x7f, sizeof(text));
	inno_desig_format(d, text, sizeof(text));
	if (memchr(text, '\0', sizeof(text)) == NULL)
		FAIL("formatted text not NUL-terminated");
	n = strlen(text);
	if (n + 1 >= sizeof(text))
		FAIL("formatted text fills the buffer (may be cut)");
	if (inno_desig_parse(text, n, &back, &err) != INNO_OK)
	{
		fprintf(stderr, "fuzz_designation: %s value %016llx formats as \"%s\", which does not read: %s\n",
				source, (unsigned long long) d, text, err.detail);
		FAIL("canonical text does not read back");
	}
	if (back != d)
	{
		fprintf(stderr, "fuzz_designation: %s value %016llx formats as \"%s\", which reads as %016llx\n",
				source, (unsigned long long) d, text, (unsigned long long) back);
		FAIL("canonical text reads back as another value");
	}
	inno_desig_encode_binary(d, bin);
	back = 0;
	if (inno_desig_decode_binary(bin, sizeof(bin), &back, &err) != INNO_OK || back != d)
		FAIL("binary form does not decode to the same value");
	if (inno_desig_cmp(d, d) != 0 || inno_desig_ladder_cmp(d, d) != 0)
		FAIL("a value does not compare equal to itself");
}

/* The order and the ladder of two valid values. */
static void
CheckPair(InnoDesignation a, InnoDesignation b)
{
	int			c = inno_desig_cmp(a, b),
				l = inno_desig_ladder_cmp(a, b),
				lr = inno_desig_ladder_cmp(b, a);

	if ((c == 0) != (a == b) || c != -inno_desig_cmp(b, a))
		FAIL("storage order disagrees with equality or is not antisymmetric");
	if (l == INNO_DESIG_UNORDERED ? lr != INNO_DESIG_UNORDERED : lr != -l)
		FAIL("ladder comparison is not antisymmetric");
	if (l != INNO_DESIG_UNORDERED &&
		inno_scheme_by_code(inno_desig_scheme(a))->track != inno_scheme_by_code(inno_desig_scheme(b))->track)
		FAIL("ladder orders schemes of two tracks");
}

/* Decode bytes; a value the decoder accepts must be valid and re-encode as they were. */
static bool
Decode(const uint8_t *data, size_t size, InnoDesignation *d)
{
	InnoError	err;
	uint8_t		bin[INNO_DESIG_BINARY_LEN];

	memset(&err, 0x7f, sizeof(err));
	if (inno_desig_decode_binary(data, size, d, &err) != INNO_OK)
	{
		CheckMessage(err.detail, sizeof(err.detail), "decode detail");
		if (err.detail[0] == '\0')
			FAIL("empty detail on a rejected binary value");
		return false;
	}
	if (size != INNO_DESIG_BINARY_LEN)
		FAIL("decoder accepted a value of the wrong length");
	inno_desig_encode_binary(*d, bin);
	if (memcmp(bin, data, sizeof(bin)) != 0)
		FAIL("decoded value re-encodes to other bytes");
	CheckValue(*d, "decoded");
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	InnoDesignation parsed = 0,
				decoded = 0;
	bool		have_parsed = false,
				have_decoded = false;
	InnoError	err;
	InnoStatus	st;

	/* the text reader */
	memset(&err, 0x7f, sizeof(err));
	st = inno_desig_parse((const char *) data, size, &parsed, &err);
	if (st == INNO_OK)
	{
		CheckValue(parsed, "parsed");
		have_parsed = true;
	}
	else
	{
		if (st != INNO_ERR_SYNTAX && st != INNO_ERR_RANGE)
			FAIL("the reader failed with a status other than syntax or range");
		CheckMessage(err.detail, sizeof(err.detail), "detail");
		CheckMessage(err.hint, sizeof(err.hint), "hint");
		if (err.detail[0] == '\0')
			FAIL("empty detail on a refused text");
	}

	/* the binary decoder: the whole input, and its first 9 bytes */
	(void) Decode(data, size, &decoded);
	if (size >= INNO_DESIG_BINARY_LEN)
		have_decoded = Decode(data, INNO_DESIG_BINARY_LEN, &decoded);
	if (have_parsed && have_decoded)
		CheckPair(parsed, decoded);
	if (have_parsed)
		CheckPair(parsed, inno_desig_make(INNO_SCHEME_GAZELLE, INNO_LEVEL_PROVINCIAL, 2024, 1, 0, 0));
	return 0;
}
