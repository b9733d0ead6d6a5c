/* The figures of `frontline stats`, from share/sql/008-stats.sql. Run from
 * a shell, so plain blocking libpq calls; every statement is parameterised
 * and runs with the caller's rights (row-level security decides what an
 * agent's figures count). */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/db-int.h"
#include "db/stats.h"
#include "db/tool.h"
#include "i18n.h"
#include "xmalloc.h"


struct stats_conn {
	PGconn	*conn;
};


/* A failed query as the user reads it; the caller frees. */
static char *
stats_query_error(const PGresult *res, PGconn *conn)
{
	char *why, *text;

	why = db_tool_error(res, conn);
	xasprintf(&text, _("cannot read the figures: %s"), why);
	free(why);
	return text;
}

struct stats_conn *
stats_connect(const char *conninfo, char **cause)
{
	struct stats_conn *c;
	PGconn *conn = db_tool_connect(conninfo, "frontline", cause);

	if (conn == NULL)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->conn = conn;
	return c;
}

void
stats_disconnect(struct stats_conn *c)
{
	if (c == NULL)
		return;
	PQfinish(c->conn);
	free(c);
}

/* Whether a failed statement refused the value it was given (SQLSTATE class
 * 22, data exception: a time PostgreSQL cannot read). */
static bool
stats_error_is_value(const PGresult *res)
{
	const char *s = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	return s != NULL && strncmp(s, "22", 2) == 0;
}

/* One end of the period as ISO 8601 UTC in whole seconds into *out (the
 * caller frees): text as PostgreSQL reads a timestamptz, or, for NULL,
 * seven days ago ("from") or now ("to"). option is "from" or "to". */
static int
stats_resolve_time(struct stats_conn *c, const char *text,
    const char *option, char **out, char **cause)
{
	const char *params[2] = { text, option };
	PGresult *res;

	res = PQexecParams(c->conn,
	    "SELECT CASE WHEN isfinite(x) THEN to_char(date_trunc('second', x)"
	    " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') END"
	    " FROM (SELECT coalesce($1::timestamptz, CASE $2 WHEN 'from' THEN"
	    " now() - interval '7 days' ELSE now() END) AS x) AS t",
	    2, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		if (stats_error_is_value(res)) {
			xasprintf(cause, _("--%s: \"%s\" is not a time (try "
			    "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"), option, text);
			PQclear(res);
			return STATS_BAD_ARGUMENT;
		}
		*cause = stats_query_error(res, c->conn);
		PQclear(res);
		return -1;
	}
	if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0)) {
		xasprintf(cause, _("--%s: \"%s\" is not a time (try "
		    "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"), option,
		    text != NULL ? text : "");
		PQclear(res);
		return STATS_BAD_ARGUMENT;
	}
	*out = xstrdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	return 0;
}

/* The id of the row of a table whose column is value, into *id; unknown
 * (a message from fmt, with one %s for the value) is STATS_BAD_ARGUMENT. */
static int
stats_resolve_id(struct stats_conn *c, const char *sql, const char *value,
    const char *fmt, long long *id, char **cause)
{
	const char *params[1] = { value };
	PGresult *res;

	*id = 0;
	if (value == NULL)
		return 0;
	res = PQexecParams(c->conn, sql, 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		*cause = stats_query_error(res, c->conn);
		PQclear(res);
		return -1;
	}
	if (PQntuples(res) != 1) {
		xasprintf(cause, fmt, value);
		PQclear(res);
		return STATS_BAD_ARGUMENT;
	}
	*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return 0;
}

int
stats_resolve(struct stats_conn *c, const char *from, const char *to,
    const char *queue, const char *agent, struct stats_query *q,
    char **cause)
{
	int rc;

	memset(q, 0, sizeof *q);
	if ((rc = stats_resolve_time(c, from, "from", &q->from, cause)) != 0 ||
	    (rc = stats_resolve_time(c, to, "to", &q->to, cause)) != 0)
		goto fail;
	/* Both are the same fixed-width UTC form: text order is time order. */
	if (strcmp(q->from, q->to) >= 0) {
		xasprintf(cause, _("the period is empty: --from %s is not "
		    "before --to %s"), q->from, q->to);
		rc = STATS_BAD_ARGUMENT;
		goto fail;
	}
	if ((rc = stats_resolve_id(c,
	    "SELECT id FROM frontline.queues WHERE name = $1", queue,
	    _("--queue: there is no queue \"%s\""), &q->queue, cause)) != 0 ||
	    (rc = stats_resolve_id(c,
	    "SELECT id FROM frontline.agents WHERE role_name = $1", agent,
	    _("--agent: there is no agent with the role \"%s\""), &q->agent,
	    cause)) != 0)
		goto fail;
	return 0;
fail:
	stats_query_done(q);
	return rc;
}

void
stats_query_done(struct stats_query *q)
{
	free(q->from);
	free(q->to);
	memset(q, 0, sizeof *q);
}


/* A double precision cell; NAN for null. */
static double
stats_cell_double(const PGresult *res, int row, int col)
{
	if (PQgetisnull(res, row, col))
		return NAN;
	return strtod(PQgetvalue(res, row, col), NULL);
}

/* A bigint[] cell ("{0,1,2}") into n counts; -1 when it is not that. */
static int
stats_cell_counts(const PGresult *res, int row, int col, long long *counts,
    int n)
{
	const char *p = PQgetvalue(res, row, col);
	char *end;

	if (PQgetisnull(res, row, col) || *p++ != '{')
		return -1;
	for (int i = 0; i < n; i++) {
		counts[i] = strtoll(p, &end, 10);
		if (end == p || *end != (i == n - 1 ? '}' : ','))
			return -1;
		p = end + 1;
	}
	return 0;
}

/* One row of figures from the columns of STATS_COLUMNS, the first at col. */
int
stats_read_row(const PGresult *res, int row, int col, struct stats_figures *f)
{
	long long csat[METRICS_CSAT_MAX], nps[METRICS_NPS_MAX + 1];

	f->created = db_value_ll(res, row, col + 0, 0);
	f->solved = db_value_ll(res, row, col + 1, 0);
	f->reopened = db_value_ll(res, row, col + 2, 0);
	f->solved_once = db_value_ll(res, row, col + 3, 0);
	f->frt_count = db_value_ll(res, row, col + 4, 0);
	f->frt_wall_median = stats_cell_double(res, row, col + 5);
	f->frt_wall_p90 = stats_cell_double(res, row, col + 6);
	f->frt_business_median = stats_cell_double(res, row, col + 7);
	f->frt_business_p90 = stats_cell_double(res, row, col + 8);
	f->res_count = db_value_ll(res, row, col + 9, 0);
	f->res_wall_median = stats_cell_double(res, row, col + 10);
	f->res_wall_p90 = stats_cell_double(res, row, col + 11);
	f->res_business_median = stats_cell_double(res, row, col + 12);
	f->res_business_p90 = stats_cell_double(res, row, col + 13);
	f->fcr_answers = db_value_ll(res, row, col + 14, 0);
	f->fcr_yes = db_value_ll(res, row, col + 15, 0);
	f->frt_breached = db_value_ll(res, row, col + 16, 0);
	f->res_breached = db_value_ll(res, row, col + 17, 0);
	metrics_ratings_init(&f->ratings);
	if (metrics_add_surveys(&f->ratings, db_value_ll(res, row, col + 18, 0),
	    db_value_ll(res, row, col + 19, 0)) == -1)
		return -1;
	if (stats_cell_counts(res, row, col + 20, csat, METRICS_CSAT_MAX) == -1 ||
	    stats_cell_counts(res, row, col + 21, nps, METRICS_NPS_MAX + 1) == -1)
		return -1;
	for (int s = METRICS_CSAT_MIN; s <= METRICS_CSAT_MAX; s++)
		if (metrics_add_csat(&f->ratings, s, csat[s - 1]) == -1)
			return -1;
	for (int s = METRICS_NPS_MIN; s <= METRICS_NPS_MAX; s++)
		if (metrics_add_nps(&f->ratings, s, nps[s]) == -1)
			return -1;
	return 0;
}

/* Every row of stats_by_day: the day (YYYY-MM-DD), then STATS_COLUMNS. */
int
stats_read_days(const PGresult *res, struct stats_figures **days, int *n)
{
	struct stats_figures *d;

	*days = NULL;
	*n = 0;
	d = xcalloc((size_t)PQntuples(res) + 1, sizeof *d);
	for (int i = 0; i < PQntuples(res); i++) {
		if (PQnfields(res) != STATS_NCOLUMNS + 1 ||
		    strlen(PQgetvalue(res, i, 0)) != sizeof d[i].day - 1 ||
		    stats_read_row(res, i, 1, &d[i]) == -1) {
			free(d);
			return -1;
		}
		memcpy(d[i].day, PQgetvalue(res, i, 0), sizeof d[i].day);
	}
	*days = d;
	*n = PQntuples(res);
	return 0;
}

/* Runs one of the two functions for q; the result or NULL with *cause. */
static PGresult *
stats_run(struct stats_conn *c, const char *sql, const struct stats_query *q,
    char **cause)
{
	char queue[32], agent[32];
	const char *params[4] = { q->from, q->to, NULL, NULL };
	PGresult *res;

	if (q->queue != 0) {
		snprintf(queue, sizeof queue, "%lld", q->queue);
		params[2] = queue;
	}
	if (q->agent != 0) {
		snprintf(agent, sizeof agent, "%lld", q->agent);
		params[3] = agent;
	}
	res = PQexecParams(c->conn, sql, 4, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		*cause = stats_query_error(res, c->conn);
		PQclear(res);
		return NULL;
	}
	return res;
}

int
stats_fetch(struct stats_conn *c, const struct stats_query *q,
    struct stats_figures *out, char **cause)
{
	PGresult *res;

	memset(out, 0, sizeof *out);
	res = stats_run(c, "SELECT " STATS_COLUMNS " FROM"
	    " frontline.stats_figures($1::timestamptz, $2::timestamptz,"
	    " $3::bigint, $4::bigint)", q, cause);
	if (res == NULL)
		return -1;
	if (PQntuples(res) != 1 || PQnfields(res) != STATS_NCOLUMNS ||
	    stats_read_row(res, 0, 0, out) == -1) {
		*cause = xstrdup(_("cannot read the figures: the database "
		    "answered in a form this version does not know"));
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return 0;
}

int
stats_fetch_days(struct stats_conn *c, const struct stats_query *q,
    struct stats_figures **days, int *n, char **cause)
{
	PGresult *res;

	*days = NULL;
	*n = 0;
	res = stats_run(c, "SELECT to_char(day, 'YYYY-MM-DD'), " STATS_COLUMNS
	    " FROM frontline.stats_by_day($1::timestamptz, $2::timestamptz,"
	    " $3::bigint, $4::bigint) ORDER BY day", q, cause);
	if (res == NULL)
		return -1;
	if (stats_read_days(res, days, n) == -1) {
		*cause = xstrdup(_("cannot read the figures: the database "
		    "answered in a form this version does not know"));
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return 0;
}
