/* Schema migrations and the few blocking administrative calls that the
 * command-line tools (never the console) make. */
#ifndef FRONTLINE_DB_MIGRATE_H
#define FRONTLINE_DB_MIGRATE_H

#include <stdio.h>

/* Applies every share/sql/NNN-name.sql not yet recorded, in order, each in
 * its own transaction, and reports each on out. Returns the number applied,
 * or -1 with *cause set (caller frees). */
int migrate_apply(const char *conninfo, const char *sqldir, FILE *out,
    char **cause);

/* Prints applied and pending migrations; returns the number pending, or -1. */
int migrate_status(const char *conninfo, const char *sqldir, FILE *out,
    char **cause);

/* Runs a file of SQL (many statements) in one transaction; 0 or -1. */
int db_run_script(const char *conninfo, const char *path, char **cause);

/* Runs one constant statement outside a transaction (CREATE DATABASE). */
int db_run_statement(const char *conninfo, const char *sql, char **cause);

/* Runs a query returning one value; returns it (caller frees) or NULL. */
char *db_fetch_value(const char *conninfo, const char *sql,
    const char *param, char **cause);

#endif
