/* Blocking connections for the command-line tools (db, rating, survey,
 * stats): never for the console, which stays asynchronous. Only src/db
 * includes this file, since it speaks libpq. */
#ifndef FRONTLINE_DB_TOOL_H
#define FRONTLINE_DB_TOOL_H

#include <stdbool.h>

#include <libpq-fe.h>

/* Connects to conninfo as application name app, with notices silenced;
 * NULL with *cause ("cannot connect to the database: ...", caller frees). */
PGconn *db_tool_connect(const char *conninfo, const char *app, char **cause);

/* The connection's failure as the user reads it, for *cause. */
char *db_tool_connect_error(PGconn *conn);

/* A libpq or server message on one line: its line breaks and indents
 * become one space. Caller frees. */
char *db_tool_trim(const char *s);

/* Whether a failed statement's message is the schema's own (a check in a
 * function of share/sql, begun "frontline: "), written for the user. */
bool db_tool_error_is_ours(const PGresult *res);

/* The server's words for a failed statement, or libpq's, one line, without
 * the schema's prefix (cmd_warn adds it). Caller frees. */
char *db_tool_error(const PGresult *res, PGconn *conn);

#endif
