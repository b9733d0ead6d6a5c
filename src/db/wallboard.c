/* The wallboard's queries: several statements sent at once down the one
 * connection, each filling its part of the result; the last to answer hands
 * the whole over, or the first error. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/wallboard.h"
#include "i18n.h"
#include "xmalloc.h"

static const char *const period_codes[WB_NPERIODS] = { "today", "7d", "30d" };

const char *
wb_period_code(enum wb_period p)
{
	return p < WB_NPERIODS ? period_codes[p] : "today";
}

/* Which part of the result a statement fills. */
enum wb_part {
	PART_QUEUE,
	PART_RISK,
	PART_AGENTS,
	PART_FIGURES,		/* stats_figures of one period */
	PART_VOLUME,		/* wallboard_volume of one period */
	PART_DAYS,
	PART_BEST
};

struct wb_req {
	struct wb_live	*live;		/* one of the two is set */
	struct wb_slow	*slow;
	union {
		wb_live_cb	 live;
		wb_slow_cb	 slow;
	} cb;
	void		*arg;
	int		 pending;	/* statements still out */
	char		*error;		/* the first failure */
};

struct wb_stmt {
	struct wb_req	*req;
	enum wb_part	 part;
	enum wb_period	 period;
};

/* A statement answered: the last one completes the request. */
static void
wb_req_step(struct wb_req *r)
{
	if (--r->pending > 0)
		return;
	if (r->live != NULL) {
		if (r->error != NULL) {
			wb_live_free(r->live);
			r->cb.live(NULL, r->error, r->arg);
		} else
			r->cb.live(r->live, NULL, r->arg);
	} else {
		if (r->error != NULL) {
			wb_slow_free(r->slow);
			r->cb.slow(NULL, r->error, r->arg);
		} else
			r->cb.slow(r->slow, NULL, r->arg);
	}
	free(r->error);
	free(r);
}

static void
wb_req_fail(struct wb_req *r, const char *error)
{
	if (r->error == NULL)
		r->error = xstrdup(error != NULL && *error != '\0' ? error :
		    _("the database answered in a form this version does not "
		    "know"));
}


static void
wb_read_counts(const PGresult *res, struct wb_count **out, int *n)
{
	*n = PQntuples(res);
	*out = xcalloc((size_t)*n + 1, sizeof **out);
	for (int i = 0; i < *n; i++) {
		(*out)[i].dimension = db_value_dup_or_empty(res, i, 0);
		(*out)[i].key = db_value_dup_or_empty(res, i, 1);
		(*out)[i].n = db_value_ll(res, i, 2, 0);
	}
}

static int
wb_read_risk(const PGresult *res, struct wb_live *w)
{
	if (PQntuples(res) != 1 || PQnfields(res) != 8)
		return -1;
	w->open = db_value_ll(res, 0, 0, 0);
	w->breached = db_value_ll(res, 0, 1, 0);
	w->due_15 = db_value_ll(res, 0, 2, 0);
	w->due_60 = db_value_ll(res, 0, 3, 0);
	w->oldest_id = db_value_ll(res, 0, 4, 0);
	w->oldest_subject = db_value_dup(res, 0, 5);
	w->oldest_created = db_value_double(res, 0, 6, NULL);
	w->server_now = db_value_double(res, 0, 7, NULL);
	return 0;
}

static void
wb_read_agents(const PGresult *res, struct wb_live *w)
{
	w->nagents = PQntuples(res);
	w->agents = xcalloc((size_t)w->nagents + 1, sizeof *w->agents);
	for (int i = 0; i < w->nagents; i++) {
		struct wb_agent *a = &w->agents[i];

		a->id = db_value_ll(res, i, 0, 0);
		a->name = db_value_dup_or_empty(res, i, 1);
		a->team = db_value_dup_or_empty(res, i, 2);
		a->presence = db_value_dup_or_empty(res, i, 3);
		a->in_hand = db_value_ll(res, i, 4, 0);
		a->current_id = db_value_ll(res, i, 5, 0);
		a->current_subject = db_value_dup(res, i, 6);
		a->replies_today = db_value_ll(res, i, 7, 0);
		a->csat_sum = db_value_ll(res, i, 8, 0);
		a->csat_n = db_value_ll(res, i, 9, 0);
	}
}

static void
wb_read_best(const PGresult *res, struct wb_slow *w)
{
	w->nbest = PQntuples(res);
	w->best = xcalloc((size_t)w->nbest + 1, sizeof *w->best);
	for (int i = 0; i < w->nbest; i++) {
		struct wb_answer *a = &w->best[i];

		a->ticket = db_value_ll(res, i, 0, 0);
		a->subject = db_value_dup_or_empty(res, i, 1);
		a->agent = db_value_dup_or_empty(res, i, 2);
		a->csat = (int)db_value_ll(res, i, 3, 0);
		a->nps = (int)db_value_ll(res, i, 4, -1);
		a->reply_at = db_value_double(res, i, 5, NULL);
		a->body = db_value_dup_or_empty(res, i, 6);
	}
}

static void
wb_stmt_done(struct db *db, const PGresult *res, const char *error, void *arg)
{
	struct wb_stmt *s = arg;
	struct wb_req *r = s->req;
	struct stats_figures *fig;
	int bad = 0;

	if (error != NULL || res == NULL) {
		wb_req_fail(r, error);
		goto out;
	}
	switch (s->part) {
	case PART_QUEUE:
		wb_read_counts(res, &r->live->queue, &r->live->nqueue);
		break;
	case PART_RISK:
		bad = wb_read_risk(res, r->live);
		break;
	case PART_AGENTS:
		wb_read_agents(res, r->live);
		break;
	case PART_FIGURES:
		fig = r->live != NULL ? &r->live->today :
		    &r->slow->period[s->period];
		if (PQntuples(res) != 1 || PQnfields(res) != STATS_NCOLUMNS)
			bad = -1;
		else
			bad = stats_read_row(res, 0, 0, fig);
		break;
	case PART_VOLUME:
		if (r->live != NULL)
			wb_read_counts(res, &r->live->volume,
			    &r->live->nvolume);
		else
			wb_read_counts(res, &r->slow->volume[s->period],
			    &r->slow->nvolume[s->period]);
		break;
	case PART_DAYS:
		bad = stats_read_days(res, &r->slow->days, &r->slow->ndays);
		break;
	case PART_BEST:
		wb_read_best(res, r->slow);
		break;
	}
	if (bad == -1)
		wb_req_fail(r, NULL);
out:
	free(s);
	wb_req_step(r);
}

static void
wb_send(struct db *db, struct wb_req *r, enum wb_part part,
    enum wb_period period, const char *sql)
{
	struct wb_stmt *s = xcalloc(1, sizeof *s);
	const char *params[1] = { wb_period_code(period) };
	int nparams = strstr(sql, "$1") != NULL ? 1 : 0;	/* period */

	s->req = r;
	s->part = part;
	s->period = period;
	r->pending++;
	db_query(db, sql, nparams, params, wb_stmt_done, s);
}

static void
wb_low_done(struct feedback *f, const char *error, void *arg)
{
	struct wb_req *r = arg;

	if (f == NULL)
		wb_req_fail(r, error);
	else
		r->live->low = f;
	wb_req_step(r);
}

#define WB_FIGURES_SQL \
	"SELECT " STATS_COLUMNS " FROM frontline.stats_figures(" \
	"frontline.wallboard_period_start($1), frontline.sla_now(), NULL, NULL)"

#define WB_VOLUME_SQL \
	"SELECT dimension, key, tickets FROM frontline.wallboard_volume(" \
	"frontline.wallboard_period_start($1), frontline.sla_now())"

/* Low ratings on the board: a day's worth on any floor. */
#define WB_LOW_LIMIT	50
/* Best-rated tickets of the week shown for the review. */
#define WB_BEST_LIMIT_SQL	"10"

void
wb_live_fetch(struct db *db, wb_live_cb cb, void *arg)
{
	struct wb_req *r = xcalloc(1, sizeof *r);

	r->live = xcalloc(1, sizeof *r->live);
	r->cb.live = cb;
	r->arg = arg;
	/* Held until every statement is out, so an early answer cannot
	 * complete the request. */
	r->pending = 1;
	wb_send(db, r, PART_QUEUE, WB_TODAY, "SELECT dimension, key, tickets"
	    " FROM frontline.wallboard_queue()");
	wb_send(db, r, PART_RISK, WB_TODAY, "SELECT open_tickets, breached,"
	    " due_15, due_60, oldest_id, oldest_subject,"
	    " extract(epoch FROM oldest_created_at),"
	    " extract(epoch FROM frontline.sla_now())"
	    " FROM frontline.wallboard_risk()");
	wb_send(db, r, PART_AGENTS, WB_TODAY, "SELECT agent_id, name, team,"
	    " presence, in_hand, current_ticket_id, current_subject,"
	    " replies_today, csat_today_sum, csat_today_n"
	    " FROM frontline.wallboard_agents()");
	wb_send(db, r, PART_FIGURES, WB_TODAY, WB_FIGURES_SQL);
	wb_send(db, r, PART_VOLUME, WB_TODAY, WB_VOLUME_SQL);
	r->pending++;
	feedback_fetch(db, WB_LOW_LIMIT, wb_low_done, r);
	wb_req_step(r);
}

void
wb_slow_fetch(struct db *db, wb_slow_cb cb, void *arg)
{
	struct wb_req *r = xcalloc(1, sizeof *r);

	r->slow = xcalloc(1, sizeof *r->slow);
	r->cb.slow = cb;
	r->arg = arg;
	r->pending = 1;
	for (enum wb_period p = WB_7D; p < WB_NPERIODS; p++) {
		wb_send(db, r, PART_FIGURES, p, WB_FIGURES_SQL);
		wb_send(db, r, PART_VOLUME, p, WB_VOLUME_SQL);
	}
	wb_send(db, r, PART_DAYS, WB_30D, "SELECT to_char(day, 'YYYY-MM-DD'), "
	    STATS_COLUMNS " FROM frontline.stats_by_day("
	    "frontline.wallboard_period_start($1), frontline.sla_now(),"
	    " NULL, NULL) ORDER BY day");
	wb_send(db, r, PART_BEST, WB_7D, "SELECT ticket_id, subject, agent,"
	    " csat, nps, extract(epoch FROM reply_at), body"
	    " FROM frontline.wallboard_best_answers(" WB_BEST_LIMIT_SQL ")");
	wb_req_step(r);
}

static void
wb_counts_free(struct wb_count *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].dimension);
		free(c[i].key);
	}
	free(c);
}

void
wb_live_free(struct wb_live *w)
{
	if (w == NULL)
		return;
	wb_counts_free(w->queue, w->nqueue);
	wb_counts_free(w->volume, w->nvolume);
	free(w->oldest_subject);
	for (int i = 0; i < w->nagents; i++) {
		free(w->agents[i].name);
		free(w->agents[i].team);
		free(w->agents[i].presence);
		free(w->agents[i].current_subject);
	}
	free(w->agents);
	feedback_free(w->low);
	free(w);
}

void
wb_slow_free(struct wb_slow *w)
{
	if (w == NULL)
		return;
	for (int p = 0; p < WB_NPERIODS; p++)
		wb_counts_free(w->volume[p], w->nvolume[p]);
	free(w->days);
	for (int i = 0; i < w->nbest; i++) {
		free(w->best[i].subject);
		free(w->best[i].agent);
		free(w->best[i].body);
	}
	free(w->best);
	free(w);
}

static void
wb_heartbeat_done(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	/* Best effort: the next beat says it again. */
}

void
wb_heartbeat(struct db *db, bool away)
{
	const char *params[1] = { away ? "true" : "false" };

	db_query(db, "SELECT frontline.agent_heartbeat($1::boolean)", 1,
	    params, wb_heartbeat_done, NULL);
}
