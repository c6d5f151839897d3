/*
 * fuzz_stage.c
 *	  libFuzzer target for the project_stage text parser and binary decoder.
 *
 * Oracles: nothing crashes or reads out of bounds (ASan/UBSan); a parsed
 * label's canonical form parses back to the same code; messages are always
 * NUL-terminated; whatever the binary decoder accepts re-encodes to the same
 * bytes.
 */
#include "stage.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	InnoStage	code = INNO_STAGE_INVALID;
	InnoStage	back = INNO_STAGE_INVALID;
	InnoError	err;

	if (inno_stage_parse((const char *) data, size, &code, &err) == INNO_OK)
	{
		const InnoStageInfo *info = inno_stage_by_code(code);

		if (info == NULL)
			abort();
		if (inno_stage_parse(info->label, strlen(info->label), &back, &err) != INNO_OK ||
			back != code)
			abort();
	}
	else if (memchr(err.hint, '\0', sizeof(err.hint)) == NULL ||
			 memchr(err.detail, '\0', sizeof(err.detail)) == NULL)
		abort();

	if (inno_stage_decode_binary(data, size, &code, &err) == INNO_OK)
	{
		uint8_t		buf[INNO_STAGE_BINARY_LEN];

		inno_stage_encode_binary(code, buf);
		if (size != sizeof(buf) || memcmp(buf, data, size) != 0)
			abort();
	}
	return 0;
}
