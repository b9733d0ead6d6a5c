/* Ratings and the survey policy from the command line. These run from a
 * shell, so plain blocking libpq calls are right here; every statement is
 * parameterised and is its own transaction, so one bad record never takes
 * the others with it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/db-int.h"
#include "db/rating.h"
#include "db/tool.h"
#include "i18n.h"
#include "xmalloc.h"

/* PostgreSQL refuses a call to a function the role may not execute. */
#define SQLSTATE_NO_PRIVILEGE		"42501"
/* The schema's functions begin their own messages so; cmd_warn adds it. */

struct rating_conn {
	PGconn	*conn;
};

/* A failure that is the database's answer about this request (a bad value,
 * a constraint, no right to it) rather than trouble on the way. */
static bool
rating_error_is_refusal(const PGresult *res)
{
	const char *s = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	if (s == NULL)
		return false;
	return strncmp(s, "22", 2) == 0 || strncmp(s, "23", 2) == 0 ||
	    strcmp(s, SQLSTATE_NO_PRIVILEGE) == 0;
}

/* The message for a failed administrative call: the schema's words as they
 * are; PostgreSQL's own "permission denied for function" explained with
 * denied (a translated sentence with one %s). The caller frees. */
static char *
rating_admin_error(const PGresult *res, PGconn *conn, const char *denied)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	char *why, *text;

	why = db_tool_error(res, conn);
	if (state == NULL || strcmp(state, SQLSTATE_NO_PRIVILEGE) != 0 ||
	    db_tool_error_is_ours(res))
		return why;
	xasprintf(&text, denied, why);
	free(why);
	return text;
}

struct rating_conn *
rating_connect(const char *conninfo, char **cause)
{
	struct rating_conn *c;
	PGconn *conn = db_tool_connect(conninfo, "frontline", cause);

	if (conn == NULL)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->conn = conn;
	return c;
}

void
rating_disconnect(struct rating_conn *c)
{
	if (c == NULL)
		return;
	PQfinish(c->conn);
	free(c);
}

/* After a lost connection, one new try; 0 or -1 with *cause. */
static int
rating_reconnect(struct rating_conn *c, char **cause)
{
	if (PQstatus(c->conn) == CONNECTION_OK)
		return 0;
	PQreset(c->conn);
	if (PQstatus(c->conn) == CONNECTION_OK)
		return 0;
	*cause = db_tool_connect_error(c->conn);
	return -1;
}


static enum rating_outcome
rating_import_result(const PGresult *res, long long *callback_ticket,
    char **message)
{
	const char *status, *why;

	if (PQntuples(res) != 1 || PQnfields(res) < 4) {
		*message = xstrdup(_("the database gave no answer for the rating"));
		return RATING_FAILED;
	}
	status = PQgetvalue(res, 0, 0);
	why = PQgetisnull(res, 0, 3) ? NULL : PQgetvalue(res, 0, 3);
	if (callback_ticket != NULL)
		*callback_ticket = db_value_ll(res, 0, 2, 0);
	if (strcmp(status, "recorded") == 0)
		return RATING_RECORDED;
	if (strcmp(status, "duplicate") == 0)
		return RATING_DUPLICATE;
	if (strcmp(status, "refused") == 0) {
		*message = xstrdup(why != NULL && *why != '\0' ? why :
		    _("the database refused the rating"));
		return RATING_REFUSED;
	}
	xasprintf(message, _("unexpected answer from the database: %s"),
	    status);
	return RATING_FAILED;
}

enum rating_outcome
rating_import(struct rating_conn *c, const struct rating_entry *e,
    long long *callback_ticket, char **message)
{
	char ticket[24], csat[8], nps[8], *why;
	const char *params[8];
	enum rating_outcome outcome;
	PGresult *res;

	if (callback_ticket != NULL)
		*callback_ticket = 0;
	*message = NULL;
	if (rating_reconnect(c, message) == -1)
		return RATING_FAILED;
	snprintf(ticket, sizeof ticket, "%lld", e->ticket);
	snprintf(csat, sizeof csat, "%d", e->csat);
	snprintf(nps, sizeof nps, "%d", e->nps);
	params[0] = ticket;
	params[1] = e->key;
	params[2] = e->csat > 0 ? csat : NULL;
	params[3] = e->nps >= 0 ? nps : NULL;
	params[4] = e->reason;
	params[5] = e->comment;
	params[6] = e->callback ? "true" : "false";
	params[7] = e->via;
	for (int attempt = 0;; attempt++) {
		res = PQexecParams(c->conn,
		    "SELECT status, rating_id, callback_ticket, message"
		    " FROM frontline.rating_record($1::bigint, $2, 'answered',"
		    " NULL::boolean, NULL::text, $3::smallint, $4::smallint, $5,"
		    " $6, $7::boolean, $8)", 8, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(res) == PGRES_TUPLES_OK ||
		    PQstatus(c->conn) == CONNECTION_OK || attempt > 0)
			break;
		/* The connection went (a restart, a failover): once more on a
		 * new one. The key makes the retry harmless if the first try
		 * was committed after all. */
		PQclear(res);
		if (rating_reconnect(c, message) == -1)
			return RATING_FAILED;
	}
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		outcome = rating_import_result(res, callback_ticket, message);
	else if (PQstatus(c->conn) != CONNECTION_OK) {
		why = db_tool_error(res, c->conn);
		xasprintf(message, _("lost the connection to the database: %s"),
		    why);
		free(why);
		outcome = RATING_FAILED;
	} else {
		/* The function's own checks say what is wrong in words. */
		*message = db_tool_error(res, c->conn);
		outcome = rating_error_is_refusal(res) ? RATING_REFUSED :
		    RATING_FAILED;
	}
	PQclear(res);
	return outcome;
}

void
rating_policy_free(struct rating_policy *rows, int n)
{
	for (int i = 0; i < n; i++)
		free(rows[i].channel);
	free(rows);
}

int
rating_policy_list(struct rating_conn *c, struct rating_policy **rows,
    int *n, char **cause)
{
	struct rating_policy *p;
	PGresult *res;

	*rows = NULL;
	*n = 0;
	res = PQexecParams(c->conn,
	    "SELECT channel, every_nth, min_days_between, ask_csat, ask_nps"
	    " FROM frontline.survey_policy_list()"
	    " ORDER BY channel NULLS FIRST", 0, NULL, NULL, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		*cause = rating_admin_error(res, c->conn, _("only an "
		    "administrator may read the survey policy (%s)"));
		PQclear(res);
		return -1;
	}
	p = xcalloc((size_t)PQntuples(res) + 1, sizeof *p);
	for (int i = 0; i < PQntuples(res); i++) {
		p[i].channel = PQgetisnull(res, i, 0) ? NULL :
		    xstrdup(PQgetvalue(res, i, 0));
		p[i].every_nth = (int)db_value_ll(res, i, 1, 0);
		p[i].min_days = (int)db_value_ll(res, i, 2, 0);
		p[i].ask_csat = strcmp(PQgetvalue(res, i, 3), "t") == 0;
		p[i].ask_nps = strcmp(PQgetvalue(res, i, 4), "t") == 0;
	}
	*rows = p;
	*n = PQntuples(res);
	PQclear(res);
	return 0;
}

/* A field of a policy change as a parameter: NULL keeps the value. */
static const char *
rating_policy_int(char *buf, size_t size, int value)
{
	if (value < 0)
		return NULL;
	snprintf(buf, size, "%d", value);
	return buf;
}

static const char *
rating_policy_bool(int value)
{
	if (value < 0)
		return NULL;
	return value ? "true" : "false";
}

int
rating_policy_set(struct rating_conn *c,
    const struct rating_policy_change *p, char **cause)
{
	char every[16], days[16];
	const char *params[5];
	PGresult *res;

	params[0] = p->channel;
	params[1] = rating_policy_int(every, sizeof every, p->every_nth);
	params[2] = rating_policy_int(days, sizeof days, p->min_days);
	params[3] = rating_policy_bool(p->ask_csat);
	params[4] = rating_policy_bool(p->ask_nps);
	res = PQexecParams(c->conn,
	    "SELECT frontline.survey_policy_set($1, $2::int, $3::int,"
	    " $4::boolean, $5::boolean)", 5, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) == PGRES_TUPLES_OK) {
		PQclear(res);
		return 0;
	}
	*cause = rating_admin_error(res, c->conn, _("only an administrator "
	    "may change the survey policy (%s)"));
	PQclear(res);
	return -1;
}
