/*
 * encoding.c
 *	  Text between the server encoding and the core, which reads and writes
 *	  UTF-8 (see doc/administration.md, "Encodings").
 *
 * In a UTF8 database (and in SQL_ASCII, whose bytes are taken as they are)
 * nothing is converted: every function returns its argument.  Elsewhere
 * (LATIN1, EUC_CN, ...) input is converted to UTF-8 before the core reads it
 * (every character of a server encoding has a Unicode equivalent), and what
 * the core writes is converted back: a value a function returns, such as a
 * Chinese stage name, is an ERROR 22P05 naming it when the server encoding
 * has no equivalent; a message (detail, hint) never fails, writing such
 * characters as \uXXXX.  Character counts are the same in both encodings,
 * so positions the core reports in characters stay right.
 */
#include "innovation.h"

#include "catalog/namespace.h"
#include "mb/pg_wchar.h"

/* The database encoding, once: a backend never changes database. */
static int	server_encoding = -1;

static bool
NeedsConversion(void)
{
	if (server_encoding < 0)
		server_encoding = GetDatabaseEncoding();
	return server_encoding != PG_UTF8 && server_encoding != PG_SQL_ASCII;
}

static bool
IsAscii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char) *s >= 0x80)
			return false;
	return true;
}

char *
inno_server_to_utf8(const char *s, size_t len, size_t *outlen)
{
	char	   *res;

	*outlen = len;
	if (!NeedsConversion() || len == 0)
		return (char *) s;
	res = pg_server_to_any(s, (int) len, PG_UTF8);
	if (res != s)
		*outlen = strlen(res);
	return res;
}

/*
 * Convert UTF-8 s to the server encoding as far as it goes; the number of
 * bytes of s converted is returned, the converted text left in *out.
 */
#if PG_VERSION_NUM >= 140000

/* The conversion function from UTF-8 to the server encoding, once. */
static Oid	from_utf8_proc = InvalidOid;

static size_t
ConvertPrefix(const char *s, size_t len, StringInfo out)
{
	int			room = (int) len * MAX_CONVERSION_GROWTH + 1;
	unsigned char *buf = palloc(room);
	int			done;

	if (!OidIsValid(from_utf8_proc))
		from_utf8_proc = FindDefaultConversionProc(PG_UTF8, server_encoding);
	if (!OidIsValid(from_utf8_proc))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("no conversion from UTF8 to the server encoding \"%s\"", GetDatabaseEncodingName())));
	done = pg_do_encoding_conversion_buf(from_utf8_proc, PG_UTF8, server_encoding,
										 (unsigned char *) s, (int) len, buf, room, true);
	appendStringInfoString(out, (const char *) buf);
	pfree(buf);
	return (size_t) done;
}
#else
/*
 * PostgreSQL 13 has no conversion that stops at the first character the
 * target lacks: the whole text converts, or none of it (untested: only
 * PostgreSQL 15 is built and tested).
 */
static size_t
ConvertPrefix(const char *s, size_t len, StringInfo out)
{
	MemoryContext mcxt = CurrentMemoryContext;
	volatile size_t done = 0;

	PG_TRY();
	{
		appendStringInfoString(out, pg_any_to_server(s, (int) len, PG_UTF8));
		done = len;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(mcxt);
		FlushErrorState();
	}
	PG_END_TRY();
	return done;
}
#endif

const char *
inno_msg(const char *s)
{
	StringInfoData out;
	size_t		len;

	if (!NeedsConversion() || IsAscii(s))
		return s;
	initStringInfo(&out);
	len = strlen(s);
	while (len > 0)
	{
		size_t		done = ConvertPrefix(s, len, &out);
		int			clen;

		s += done;
		len -= done;
		if (len == 0)
			break;
		/* a character the server encoding cannot hold, written as an escape */
		clen = pg_utf_mblen((const unsigned char *) s);
		if ((size_t) clen > len)
			clen = (int) len;
		appendStringInfo(&out, "\\u%04x", (unsigned int) utf8_to_unicode((const unsigned char *) s));
		s += clen;
		len -= clen;
	}
	return out.data;
}

char *
inno_utf8_try_server(const char *s)
{
	StringInfoData out;
	size_t		len;

	if (!NeedsConversion() || IsAscii(s))
		return (char *) s;
	initStringInfo(&out);
	len = strlen(s);
	if (ConvertPrefix(s, len, &out) < len)
	{
		pfree(out.data);
		return NULL;
	}
	return out.data;
}

char *
inno_utf8_to_server(const char *s, const char *what, const char *label)
{
	char	   *res = inno_utf8_try_server(s);

	if (res == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 label ?
				 errmsg("%s \"%s\" cannot be represented in the server encoding \"%s\"",
						what, label, GetDatabaseEncodingName()) :
				 errmsg("%s cannot be represented in the server encoding \"%s\"", what, GetDatabaseEncodingName()),
				 errdetail("It is \"%s\".", inno_msg(s)),
				 errhint("A database with encoding UTF8 holds every name (CREATE DATABASE ... ENCODING 'UTF8'); "
						 "the English labels work in every encoding.")));
	return res;
}
