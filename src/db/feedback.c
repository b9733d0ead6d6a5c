/* Survey plan, rating answers and the feedback list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/feedback.h"
#include "xmalloc.h"

struct fb_req {
	long long	 ticket;
	union {
		survey_plan_cb	 plan;
		rating_saved_cb	 saved;
		feedback_cb	 list;
	} cb;
	void		*arg;
};

static struct fb_req *
fb_req(long long ticket, void *arg)
{
	struct fb_req *r = xcalloc(1, sizeof *r);

	r->ticket = ticket;
	r->arg = arg;
	return r;
}

static void
survey_plan_done(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct fb_req *r = arg;
	struct survey_plan *p;

	if (error != NULL || res == NULL || PQntuples(res) != 1) {
		r->cb.plan(r->ticket, NULL, error != NULL ? error :
		    "no survey plan", r->arg);
		free(r);
		return;
	}
	p = xcalloc(1, sizeof *p);
	p->ask = db_value_bool(res, 0, 0);
	p->live = db_value_bool(res, 0, 1);
	p->reason = db_value_dup(res, 0, 2);
	p->contact_no = (int)db_value_ll(res, 0, 3, 0);
	p->every_nth = (int)db_value_ll(res, 0, 4, 1);
	p->days_since_last = (int)db_value_ll(res, 0, 5, -1);
	p->ask_csat = db_value_bool(res, 0, 6);
	p->ask_nps = db_value_bool(res, 0, 7);
	r->cb.plan(r->ticket, p, NULL, r->arg);
	free(r);
}

void
survey_plan_fetch(struct db *db, long long ticket, survey_plan_cb cb,
    void *arg)
{
	struct fb_req *r = fb_req(ticket, arg);
	char id[24];
	const char *params[1] = { id };

	r->cb.plan = cb;
	snprintf(id, sizeof id, "%lld", ticket);
	db_query(db, "SELECT ask, live, reason, contact_no, every_nth,"
	    " days_since_last, ask_csat, ask_nps"
	    " FROM frontline.survey_plan($1::bigint)", 1, params,
	    survey_plan_done, r);
}

void
survey_plan_free(struct survey_plan *p)
{
	if (p == NULL)
		return;
	free(p->reason);
	free(p);
}

static void
rating_submit_done(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct fb_req *r = arg;

	if (error != NULL || res == NULL || PQntuples(res) != 1)
		r->cb.saved(r->ticket, NULL, 0, NULL, error != NULL ? error :
		    "", r->arg);
	else
		r->cb.saved(r->ticket, PQgetvalue(res, 0, 0),
		    db_value_ll(res, 0, 2, 0), PQgetisnull(res, 0, 3) ? NULL :
		    PQgetvalue(res, 0, 3), NULL, r->arg);
	free(r);
}

void
rating_submit(struct db *db, const struct rating_answers *a,
    rating_saved_cb cb, void *arg)
{
	struct fb_req *r = fb_req(a->ticket, arg);
	char id[24], csat[8], nps[8];
	const char *params[11];

	r->cb.saved = cb;
	snprintf(id, sizeof id, "%lld", a->ticket);
	snprintf(csat, sizeof csat, "%d", a->csat);
	snprintf(nps, sizeof nps, "%d", a->nps);
	params[0] = id;
	params[1] = a->key;
	params[2] = a->status;
	params[3] = a->fcr < 0 ? NULL : a->fcr ? "true" : "false";
	params[4] = a->topic;
	params[5] = a->csat < 1 ? NULL : csat;
	params[6] = a->nps < 0 ? NULL : nps;
	params[7] = a->reason;
	params[8] = a->comment;
	params[9] = a->callback ? "true" : "false";
	params[10] = "live";
	db_query(db, "SELECT status, rating_id, callback_ticket, message"
	    " FROM frontline.rating_record($1::bigint, $2, $3, $4::boolean, $5,"
	    " $6::smallint, $7::smallint, $8, $9, $10::boolean, $11)",
	    11, params, rating_submit_done, r);
}

static void
feedback_done(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct fb_req *r = arg;
	struct feedback *f;

	if (error != NULL || res == NULL) {
		r->cb.list(NULL, error != NULL ? error : "", r->arg);
		free(r);
		return;
	}
	f = xcalloc(1, sizeof *f);
	f->n = PQntuples(res);
	f->rows = xcalloc((size_t)(f->n > 0 ? f->n : 1), sizeof *f->rows);
	for (int i = 0; i < f->n; i++) {
		struct feedback_row *w = &f->rows[i];

		w->ticket = db_value_ll(res, i, 0, 0);
		w->subject = db_value_dup(res, i, 1);
		w->customer = db_value_dup(res, i, 2);
		w->agent = db_value_dup(res, i, 3);
		w->csat = (int)db_value_ll(res, i, 4, 0);
		w->nps = (int)db_value_ll(res, i, 5, -1);
		w->reason = db_value_dup(res, i, 6);
		w->comment = db_value_dup(res, i, 7);
		w->callback_wanted = db_value_bool(res, i, 8);
		w->callback_ticket = db_value_ll(res, i, 9, 0);
		w->callback_done = db_value_bool(res, i, 10);
		w->created_at = db_value_double(res, i, 11, NULL);
	}
	r->cb.list(f, NULL, r->arg);
	free(r);
}

void
feedback_fetch(struct db *db, int limit, feedback_cb cb, void *arg)
{
	struct fb_req *r = fb_req(0, arg);
	char lim[16];
	const char *params[1] = { lim };

	r->cb.list = cb;
	snprintf(lim, sizeof lim, "%d", limit);
	db_query(db, "SELECT ticket_id, subject, customer_name, agent, csat,"
	    " nps, reason, comment, callback_wanted, callback_ticket,"
	    " callback_done, extract(epoch FROM created_at)"
	    " FROM frontline.feedback_view($1::int)", 1, params,
	    feedback_done, r);
}

void
feedback_free(struct feedback *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->n; i++) {
		free(f->rows[i].subject);
		free(f->rows[i].customer);
		free(f->rows[i].agent);
		free(f->rows[i].reason);
		free(f->rows[i].comment);
	}
	free(f->rows);
	free(f);
}
