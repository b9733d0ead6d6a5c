/* Connections and error messages shared by the command-line tools. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db/tool.h"
#include "i18n.h"
#include "xmalloc.h"

/* The schema's functions begin their own messages so. */
#define SCHEMA_PREFIX	"frontline: "

/* Notices ("already exists, skipping", the schema's own) are not for the
 * user. */
static void
db_tool_notice(void *arg, const char *message)
{
}

char *
db_tool_trim(const char *s)
{
	char *t = xstrdup(s != NULL ? s : ""), *out = t;
	bool space = false;

	for (const char *p = t; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == ' ') {
			space = out != t;
			continue;
		}
		if (space)
			*out++ = ' ';
		space = false;
		*out++ = *p;
	}
	*out = '\0';
	return t;
}

char *
db_tool_connect_error(PGconn *conn)
{
	char *why, *text;

	why = db_tool_trim(conn != NULL ? PQerrorMessage(conn) :
	    _("out of memory"));
	xasprintf(&text, _("cannot connect to the database: %s"), why);
	free(why);
	return text;
}

PGconn *
db_tool_connect(const char *conninfo, const char *app, char **cause)
{
	static const char *const keys[] = { "application_name",
	    "client_encoding", "dbname", NULL };
	const char *values[] = { app, "UTF8", conninfo, NULL };
	PGconn *conn = PQconnectdbParams(keys, values, 1);

	if (conn == NULL || PQstatus(conn) != CONNECTION_OK) {
		*cause = db_tool_connect_error(conn);
		PQfinish(conn);
		return NULL;
	}
	PQsetNoticeProcessor(conn, db_tool_notice, NULL);
	return conn;
}

bool
db_tool_error_is_ours(const PGresult *res)
{
	const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);

	return primary != NULL && strncmp(primary, SCHEMA_PREFIX,
	    strlen(SCHEMA_PREFIX)) == 0;
}

char *
db_tool_error(const PGresult *res, PGconn *conn)
{
	const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);

	if (primary != NULL && *primary != '\0') {
		if (db_tool_error_is_ours(res))
			primary += strlen(SCHEMA_PREFIX);
		return db_tool_trim(primary);
	}
	if (res != NULL && *PQresultErrorMessage(res) != '\0')
		return db_tool_trim(PQresultErrorMessage(res));
	return db_tool_trim(PQerrorMessage(conn));
}
