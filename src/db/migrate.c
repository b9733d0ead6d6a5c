/* Versioned migrations: share/sql/NNN-name.sql, applied once each, in
 * order, each in a transaction, recorded in frontline_meta.migrations. These
 * run from the command line, so plain blocking libpq calls are right here. */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/migrate.h"
#include "db/tool.h"
#include "i18n.h"
#include "xmalloc.h"

/* Serialises concurrent migrators on one database. */
#define MIGRATE_LOCK	"7346513"

struct migration {
	int	 version;
	char	*name;		/* file name */
	char	*path;
};

static void
set_cause(char **cause, const char *fmt, const char *a, const char *b)
{
	size_t len;

	if (cause == NULL)
		return;
	xasprintf(cause, fmt, a, b != NULL ? b : "");
	len = strlen(*cause);
	while (len > 0 && ((*cause)[len - 1] == '\n' || (*cause)[len - 1] == ' '))
		(*cause)[--len] = '\0';
}

static PGconn *
migrate_connect(const char *conninfo, char **cause)
{
	return db_tool_connect(conninfo, "frontline-admin", cause);
}

static int
run(PGconn *conn, const char *sql, char **cause)
{
	PGresult *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = 0;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		set_cause(cause, "%s%s", PQresultErrorMessage(res), NULL);
		rc = -1;
	}
	PQclear(res);
	return rc;
}

static char *
read_file(const char *path, char **cause)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (f == NULL) {
		set_cause(cause, "%s: %s", path, strerror(errno));
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)(len < 0 ? 0 : len) + 1);
	if (len < 0 || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		set_cause(cause, "%s: %s", path, _("read error"));
		free(buf);
		fclose(f);
		return NULL;
	}
	buf[len] = '\0';
	fclose(f);
	return buf;
}

/* Characters in a UTF-8 string (the words here are one column each). */
static int
migrate_chars(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int
migration_cmp(const void *a, const void *b)
{
	const struct migration *x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/* The migrations found in sqldir, sorted by version; *n is their count. */
static struct migration *
migrate_scan(const char *sqldir, int *n, char **cause)
{
	DIR *d = opendir(sqldir);
	struct dirent *de;
	struct migration *m = NULL;
	size_t len;

	*n = 0;
	if (d == NULL) {
		set_cause(cause, _("cannot read migrations in %s: %s"), sqldir,
		    strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		const char *s = de->d_name;

		len = strlen(s);
		if (len < 9 || !isdigit((unsigned char)s[0]) ||
		    !isdigit((unsigned char)s[1]) ||
		    !isdigit((unsigned char)s[2]) || s[3] != '-' ||
		    strcmp(s + len - 4, ".sql") != 0)
			continue;
		m = xreallocarray(m, (size_t)*n + 1, sizeof *m);
		m[*n].version = atoi(s);
		m[*n].name = xstrdup(s);
		xasprintf(&m[*n].path, "%s/%s", sqldir, s);
		(*n)++;
	}
	closedir(d);
	if (*n > 0)
		qsort(m, (size_t)*n, sizeof *m, migration_cmp);
	return m;
}

static void
migrate_free(struct migration *m, int n)
{
	for (int i = 0; i < n; i++) {
		free(m[i].name);
		free(m[i].path);
	}
	free(m);
}

static int
migrate_is_applied(PGconn *conn, int version)
{
	char v[16];
	const char *params[1] = { v };
	PGresult *res;
	int applied;

	snprintf(v, sizeof v, "%d", version);
	res = PQexecParams(conn,
	    "SELECT 1 FROM frontline_meta.migrations WHERE version = $1::int",
	    1, NULL, params, NULL, NULL, 0);
	applied = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0;
	PQclear(res);
	return applied;
}

static int
migrate_one(PGconn *conn, const struct migration *m, int *applied,
    char **cause)
{
	char v[16], *sql, *err = NULL;
	const char *params[2] = { v, m->name };
	PGresult *res;

	*applied = 0;
	if (run(conn, "BEGIN", cause) == -1)
		return -1;
	if (run(conn, "SELECT pg_advisory_xact_lock(" MIGRATE_LOCK ")",
	    cause) == -1)
		goto fail;
	if (migrate_is_applied(conn, m->version))
		return run(conn, "COMMIT", cause);
	if ((sql = read_file(m->path, cause)) == NULL)
		goto fail;
	if (run(conn, sql, &err) == -1) {
		set_cause(cause, "%s: %s", m->name, err);
		free(err);
		free(sql);
		goto fail;
	}
	free(sql);
	snprintf(v, sizeof v, "%d", m->version);
	res = PQexecParams(conn, "INSERT INTO frontline_meta.migrations"
	    " (version, name) VALUES ($1::int, $2)", 2, NULL, params, NULL,
	    NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		set_cause(cause, "%s%s", PQresultErrorMessage(res), NULL);
		PQclear(res);
		goto fail;
	}
	PQclear(res);
	*applied = 1;
	return run(conn, "COMMIT", cause);

fail:
	run(conn, "ROLLBACK", NULL);
	return -1;
}

int
migrate_apply(const char *conninfo, const char *sqldir, FILE *out,
    char **cause)
{
	struct migration *m;
	PGconn *conn;
	int n, applied, total = 0;

	if ((conn = migrate_connect(conninfo, cause)) == NULL)
		return -1;
	if (run(conn, "CREATE SCHEMA IF NOT EXISTS frontline_meta;"
	    " CREATE TABLE IF NOT EXISTS frontline_meta.migrations ("
	    " version int PRIMARY KEY, name text NOT NULL,"
	    " applied_at timestamptz NOT NULL DEFAULT now(),"
	    " applied_by name NOT NULL DEFAULT current_user)", cause) == -1) {
		PQfinish(conn);
		return -1;
	}
	if ((m = migrate_scan(sqldir, &n, cause)) == NULL && n == 0 &&
	    cause != NULL && *cause != NULL) {
		PQfinish(conn);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		if (migrate_one(conn, &m[i], &applied, cause) == -1) {
			total = -1;
			break;
		}
		if (applied) {
			total++;
			if (out != NULL)
				fprintf(out, _("applied %s\n"), m[i].name);
		}
	}
	migrate_free(m, n);
	PQfinish(conn);
	return total;
}

int
migrate_status(const char *conninfo, const char *sqldir, FILE *out,
    char **cause)
{
	struct migration *m;
	PGconn *conn;
	PGresult *res;
	int n, pending = 0;

	if ((conn = migrate_connect(conninfo, cause)) == NULL)
		return -1;
	m = migrate_scan(sqldir, &n, cause);
	if (m == NULL && cause != NULL && *cause != NULL) {
		PQfinish(conn);
		return -1;
	}
	res = PQexec(conn, "SELECT to_regclass('frontline_meta.migrations')"
	    " IS NOT NULL");
	if (PQresultStatus(res) != PGRES_TUPLES_OK ||
	    strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		PQclear(res);
		res = NULL;
	}
	for (int i = 0; i < n; i++) {
		int applied = res != NULL && migrate_is_applied(conn,
		    m[i].version);

		if (!applied)
			pending++;
		const char *word = applied ? _("applied") : _("pending");

		/* Pad by characters, not bytes: the word may be Cyrillic. */
		fprintf(out, "%s%*s %s\n", word, 8 - migrate_chars(word) > 0 ?
		    8 - migrate_chars(word) : 0, "", m[i].name);
	}
	fprintf(out, P_("%d migration pending\n", "%d migrations pending\n",
	    (unsigned long)pending), pending);
	PQclear(res);
	migrate_free(m, n);
	PQfinish(conn);
	return pending;
}

int
db_run_script(const char *conninfo, const char *path, char **cause)
{
	PGconn *conn;
	char *sql;
	int rc = -1;

	if ((conn = migrate_connect(conninfo, cause)) == NULL)
		return -1;
	if ((sql = read_file(path, cause)) != NULL) {
		if (run(conn, "BEGIN", cause) == 0 && run(conn, sql, cause) == 0)
			rc = run(conn, "COMMIT", cause);
		else
			run(conn, "ROLLBACK", NULL);
		free(sql);
	}
	PQfinish(conn);
	return rc;
}

int
db_run_statement(const char *conninfo, const char *sql, char **cause)
{
	PGconn *conn;
	int rc;

	if ((conn = migrate_connect(conninfo, cause)) == NULL)
		return -1;
	rc = run(conn, sql, cause);
	PQfinish(conn);
	return rc;
}

char *
db_fetch_value(const char *conninfo, const char *sql, const char *param,
    char **cause)
{
	PGconn *conn;
	PGresult *res;
	const char *params[1] = { param };
	char *value = NULL;

	if ((conn = migrate_connect(conninfo, cause)) == NULL)
		return NULL;
	res = PQexecParams(conn, sql, param != NULL ? 1 : 0, NULL, params, NULL,
	    NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		set_cause(cause, "%s%s", PQresultErrorMessage(res), NULL);
	else if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
		value = xstrdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	PQfinish(conn);
	return value;
}
