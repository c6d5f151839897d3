/*
 * inno_core.h
 *	  Conventions shared by the plain-C core of the innovation extension.
 *
 * Nothing under src/core/ includes postgres.h: the parsers, formatters and
 * summary arithmetic are ordinary C, unit-tested and fuzzed without a server.
 * Core functions report failure through an InnoStatus category; the
 * PostgreSQL glue maps each category to a SQLSTATE:
 *
 *	INNO_ERR_SYNTAX  -> 22P02 invalid_text_representation
 *	INNO_ERR_RANGE   -> 22003 numeric_value_out_of_range
 *	INNO_ERR_PARAM   -> 22023 invalid_parameter_value
 *	INNO_ERR_CORRUPT -> 22P03 invalid_binary_representation
 *
 * Text handed to the core is UTF-8; the glue converts from and to the
 * server encoding.
 */
#ifndef INNO_CORE_H
#define INNO_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef enum InnoStatus
{
	INNO_OK = 0,
	INNO_ERR_SYNTAX,
	INNO_ERR_RANGE,
	INNO_ERR_PARAM,
	INNO_ERR_CORRUPT
} InnoStatus;

/*
 * Room for a human-readable detail that a core function may fill in when it
 * fails (the glue puts it in errdetail or errhint).  Always NUL-terminated.
 */
#define INNO_MSG_LEN 256

typedef struct InnoError
{
	char		detail[INNO_MSG_LEN];
	char		hint[INNO_MSG_LEN];
} InnoError;

extern void inno_error_clear(InnoError *err);
extern void inno_set_detail(InnoError *err, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
extern void inno_set_hint(InnoError *err, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/*
 * The checks every binary (send/receive) form starts with, worded the same
 * for every type: the first byte is the format version this build reads,
 * and the length is exactly `size` bytes (at least `size` when at_least).
 * Fills err's detail and returns INNO_ERR_CORRUPT when either fails.
 */
extern InnoStatus inno_binary_check(const uint8_t *buf, size_t len, const char *type_name,
									unsigned version, size_t size, bool at_least, InnoError *err);

/* the number of bits set (the GiST keys' currency and kind sets) */
static inline int
inno_popcount32(uint32_t x)
{
	return __builtin_popcount(x);
}

#endif							/* INNO_CORE_H */
