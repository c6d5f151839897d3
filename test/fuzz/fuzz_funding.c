/*
 * fuzz_funding.c
 *	  libFuzzer target for the funding_round text parser and binary decoder.
 *
 * The first byte picks the reader.  Oracles: no crash or out-of-bounds
 * access (ASan/UBSan); whatever the parser accepts validates, formats, and
 * parses back to the bytewise identical value; messages are NUL-terminated;
 * whatever the decoder accepts re-encodes to the same bytes.
 */
#include "funding.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	InnoFundingRound fr,
				back;
	InnoError	err;

	if (size == 0)
		return 0;
	if (data[0] & 1)
	{
		char		buf[INNO_FR_TEXT_MAX];

		if (inno_fr_parse((const char *) data + 1, size - 1, 0, &fr, &err) == INNO_OK)
		{
			if (inno_fr_validate(&fr, &err) != INNO_OK ||
				inno_fr_format(&fr, buf, sizeof(buf)) <= 0 ||
				inno_fr_parse(buf, strlen(buf), 0, &back, &err) != INNO_OK ||
				memcmp(&fr, &back, sizeof(fr)) != 0)
				abort();
		}
		else if (memchr(err.detail, '\0', sizeof(err.detail)) == NULL ||
				 memchr(err.hint, '\0', sizeof(err.hint)) == NULL)
			abort();
	}
	else
	{
		uint8_t		enc[INNO_FR_BINARY_LEN];

		if (inno_fr_decode_binary(data + 1, size - 1, &fr, &err) == INNO_OK)
		{
			inno_fr_encode_binary(&fr, enc);
			if (size - 1 != sizeof(enc) || memcmp(enc, data + 1, sizeof(enc)) != 0)
				abort();
		}
	}
	return 0;
}
