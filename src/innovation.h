/*
 * innovation.h
 *	  Shared PostgreSQL glue: version compatibility, error mapping from the
 *	  core's InnoStatus categories to SQLSTATEs, and encoding conversion.
 */
#ifndef INNOVATION_H
#define INNOVATION_H

#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"

#include "core/inno_core.h"

#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#else
/*
 * Soft input errors (errsave/ereturn) arrived in PostgreSQL 16.  Before that,
 * input functions raise hard errors.
 */
#define ereturn(context, dummy_value, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#define errsave(context, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
	} while (0)
#endif

/* SQLSTATE for a core status (never INNO_OK). */
extern int	inno_sqlstate(InnoStatus status);

/*
 * The core speaks UTF-8 (src/encoding.c).  These convert from and to the
 * server encoding; they return their argument unchanged when the server
 * encoding is UTF-8 (or SQL_ASCII, whose bytes are taken as they are).
 *
 * inno_server_to_utf8: text typed in, before the core reads it.
 * inno_utf8_to_server: a value a function returns (a Chinese name, a
 *   phrase): ERROR 22P05 when the server encoding cannot hold it, naming it
 *   in ASCII as what followed by label in quotes (label may be NULL):
 *   "the Chinese name of stage", "listed".
 * inno_msg: a message the core wrote (detail, hint): never fails, writing
 *   characters the server encoding cannot hold as \uXXXX.
 */
extern char *inno_server_to_utf8(const char *s, size_t len, size_t *outlen);
extern char *inno_utf8_to_server(const char *s, const char *what, const char *label);
/* The same, NULL where the server encoding cannot hold s. */
extern char *inno_utf8_try_server(const char *s);
extern const char *inno_msg(const char *s);

/* The detail and hint of a core error, in the server encoding, if it has them. */
#define INNO_ERRDETAIL(e) ((e).detail[0] ? errdetail("%s", inno_msg((e).detail)) : 0)
#define INNO_ERRHINT(e) ((e).hint[0] ? errhint("%s", inno_msg((e).hint)) : 0)

/*
 * For transition and combine functions: a pointer to the state they may
 * update in place.  Inside an aggregate the state (argument 0) belongs to
 * the aggregate and is returned as is; called as a plain function, the
 * state is first copied so that the argument is never modified.
 */
extern void *inno_agg_state(FunctionCallInfo fcinfo, Size size);

/* Report a core failure for a value that came from storage or another node. */
extern void inno_report_corrupt(InnoStatus st, const InnoError *err, const char *type_name);

/* An amount in minor units as a numeric in major units (no more decimals than needed). */
extern Datum inno_minor_to_numeric(int64 minor, int minor_digits);

/*
 * The input as an error message quotes it: at most about 100 characters
 * (cut on a character boundary, with "..." after), however long it is.
 */
extern char *inno_quote_input(const char *str, size_t len);

/* Render up to 32 bytes as \x hex, for messages about bad binary input. */
extern char *inno_bytes_to_hex(const char *data, int len);

/*
 * Binary input a receive function refuses (SQLSTATE 22P03): every type's
 * receive function reports through this, so that all say it alike --
 * 'invalid binary representation of type T: "\x..."', with a detail (a
 * full sentence) saying what is wrong.
 */
extern void inno_report_bad_binary(const char *type_name, const char *data, int len,
								   const char *detail) pg_attribute_noreturn();

/*
 * Summaries have no natural order, but DISTINCT, GROUP BY, UNION, IN and
 * indexes need equality with btree and hash operator classes.  Their order
 * is that of their validated stored bytes (each file's SummaryCmp: cheap,
 * arbitrary but stable); their hash is that of their binary (send) form, the
 * same on every machine.  Both agree with =, which compares the same bytes.
 */
extern int	inno_bytes_cmp(const void *a, size_t na, const void *b, size_t nb);
extern Datum inno_send_hash(PGFunction send, Datum a, bool extended, uint64 seed);

#define INNO_SUMMARY_ORDER(type) \
PG_FUNCTION_INFO_V1(type##_cmp); \
Datum type##_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(SummaryCmp(fcinfo)); } \
PG_FUNCTION_INFO_V1(type##_lt); \
Datum type##_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(SummaryCmp(fcinfo) < 0); } \
PG_FUNCTION_INFO_V1(type##_le); \
Datum type##_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(SummaryCmp(fcinfo) <= 0); } \
PG_FUNCTION_INFO_V1(type##_ge); \
Datum type##_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(SummaryCmp(fcinfo) >= 0); } \
PG_FUNCTION_INFO_V1(type##_gt); \
Datum type##_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(SummaryCmp(fcinfo) > 0); } \
PG_FUNCTION_INFO_V1(hash_##type); \
Datum hash_##type(PG_FUNCTION_ARGS) \
{ return inno_send_hash(type##_send, PG_GETARG_DATUM(0), false, 0); } \
PG_FUNCTION_INFO_V1(hash_##type##_extended); \
Datum hash_##type##_extended(PG_FUNCTION_ARGS) \
{ return inno_send_hash(type##_send, PG_GETARG_DATUM(0), true, (uint64) PG_GETARG_INT64(1)); }

/* ANALYZE skips summary columns: their statistics would serve no query */
extern Datum inno_summary_typanalyze(PG_FUNCTION_ARGS);

/* Setup of a set-returning function giving max_calls rows of its row type. */
extern FuncCallContext *inno_srf_rows(FunctionCallInfo fcinfo, uint64 max_calls);

#endif							/* INNOVATION_H */
