/* Queue, identity and change-cursor queries. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/queue.h"
#include "xmalloc.h"

static const char *const view_codes[QV_COUNT] = {
	[QV_MINE] = "mine",
	[QV_TEAM] = "team",
	[QV_ALL] = "all",
	[QV_WAITING] = "waiting",
	[QV_BREACHED] = "breached",
};

const char *
queue_view_code(enum queue_view v)
{
	return v < QV_COUNT ? view_codes[v] : "team";
}

struct fetch {
	union {
		queue_fetch_cb	 queue;
		agent_fetch_cb	 agent;
		changes_fetch_cb changes;
	} cb;
	void	*arg;
	double	 sent_at;
	enum queue_view view;
	bool	 drill;
	struct queue *q;	/* the rows, waiting for the counts */
	bool	 failed_rows;
};

static struct fetch *
fetch_new(void *arg)
{
	struct fetch *f = xcalloc(1, sizeof *f);

	f->arg = arg;
	f->sent_at = db_now();
	return f;
}

/* queue_view() and the wallboard's drill-down return the same columns. */
#define QUEUE_COLUMNS \
    "SELECT id, priority, status, channel, customer_name, subject, assignee," \
    " clock, clock_state, language," \
    " extract(epoch FROM created_at), extract(epoch FROM due_at)," \
    " extract(epoch FROM remaining), extract(epoch FROM now()), viewers," \
    " array_to_string(tags, ' ')"
static const char queue_sql[] =
    QUEUE_COLUMNS " FROM frontline.queue_view($1, $2::int)";
static const char drill_sql[] =
    QUEUE_COLUMNS " FROM frontline.wallboard_tickets($1, $2, $3, $4::int)";


static void
queue_done(struct db *db, const PGresult *res, const char *error, void *arg)
{
	struct fetch *f = arg;
	struct queue *q;
	struct queue_row *r;
	bool null;
	double server_now = 0, local_now = db_now();

	if (error != NULL || res == NULL) {
		f->failed_rows = true;
		f->cb.queue(NULL, error != NULL ? error : "", f->arg);
		return;
	}
	q = f->q = xcalloc(1, sizeof *q);
	q->view = f->view;
	q->drill = f->drill;
	q->n = PQntuples(res);
	q->rows = xcalloc((size_t)(q->n > 0 ? q->n : 1), sizeof *q->rows);
	for (int i = 0; i < q->n; i++) {
		r = &q->rows[i];
		r->id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		r->priority = db_value_dup_or_empty(res, i, 1);
		r->status = db_value_dup_or_empty(res, i, 2);
		r->channel = db_value_dup_or_empty(res, i, 3);
		r->customer = db_value_dup_or_empty(res, i, 4);
		r->subject = db_value_dup_or_empty(res, i, 5);
		r->assignee = db_value_dup(res, i, 6);
		r->clock = db_value_dup(res, i, 7);
		r->clock_state = db_value_dup(res, i, 8);
		r->language = db_value_dup_or_empty(res, i, 9);
		r->created_at = db_value_double(res, i, 10, NULL);
		r->due_at = db_value_double(res, i, 11, &null);
		r->has_due = !null;
		r->remaining = db_value_double(res, i, 12, NULL);
		server_now = db_value_double(res, i, 13, NULL);
		r->viewers = db_value_dup(res, i, 14);
		r->tags = db_value_dup_or_empty(res, i, 15);
	}
	/* The server's clock is the truth for countdowns: measure our skew
	 * against it, halving the round trip. */
	if (q->n > 0)
		q->server_skew = server_now - (f->sent_at + local_now) / 2;
}

/* The counts complete the fetch: the queue goes up only with both. */
static void
queue_counts_done(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct fetch *f = arg;
	struct queue *q = f->q;

	if (f->failed_rows) {
		free(f);
		return;
	}
	for (int i = 0; res != NULL && error == NULL && i < PQntuples(res);
	    i++) {
		const char *code = PQgetvalue(res, i, 0);

		for (int v = 0; v < QV_COUNT; v++)
			if (strcmp(code, view_codes[v]) == 0)
				q->counts[v] = strtoll(PQgetvalue(res, i, 1),
				    NULL, 10);
	}
	f->cb.queue(q, NULL, f->arg);
	free(f);
}

void
queue_fetch(struct db *db, enum queue_view view, int limit,
    queue_fetch_cb cb, void *arg)
{
	struct fetch *f = fetch_new(arg);
	char lim[16];
	const char *params[2] = { queue_view_code(view), lim };

	f->cb.queue = cb;
	f->view = view;
	snprintf(lim, sizeof lim, "%d", limit);
	db_query(db, queue_sql, 2, params, queue_done, f);
	db_query(db, "SELECT view, n FROM frontline.queue_counts()", 0, NULL,
	    queue_counts_done, f);
}

void
queue_fetch_drill(struct db *db, const struct queue_drill *d, int limit,
    queue_fetch_cb cb, void *arg)
{
	struct fetch *f = fetch_new(arg);
	char lim[16];
	const char *params[4] = { d->what, d->key, d->period, lim };

	f->cb.queue = cb;
	f->view = QV_ALL;
	f->drill = true;
	snprintf(lim, sizeof lim, "%d", limit);
	db_query(db, drill_sql, 4, params, queue_done, f);
	db_query(db, "SELECT view, n FROM frontline.queue_counts()", 0, NULL,
	    queue_counts_done, f);
}

void
queue_drill_clear(struct queue_drill *d)
{
	free(d->what);
	free(d->key);
	free(d->period);
	free(d->label);
	memset(d, 0, sizeof *d);
}

void
queue_free(struct queue *q)
{
	if (q == NULL)
		return;
	for (int i = 0; i < q->n; i++) {
		struct queue_row *r = &q->rows[i];

		free(r->priority);
		free(r->status);
		free(r->channel);
		free(r->customer);
		free(r->subject);
		free(r->assignee);
		free(r->clock);
		free(r->clock_state);
		free(r->language);
		free(r->viewers);
		free(r->tags);
	}
	free(q->rows);
	free(q);
}

static void
agent_done(struct db *db, const PGresult *res, const char *error, void *arg)
{
	struct fetch *f = arg;
	struct agent_info *a;

	if (error != NULL || res == NULL) {
		f->cb.agent(NULL, error != NULL ? error : "", f->arg);
		free(f);
		return;
	}
	a = xcalloc(1, sizeof *a);
	if (PQntuples(res) == 1) {
		a->name = db_value_dup_or_empty(res, 0, 0);
		a->team = db_value_dup_or_empty(res, 0, 1);
		a->supervisor = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
		a->id = db_value_ll(res, 0, 3, 0);
	} else {
		a->name = db_value_dup(res, 0, 3);
		a->team = xstrdup("");
	}
	f->cb.agent(a, NULL, f->arg);
	free(f);
}

void
agent_fetch(struct db *db, agent_fetch_cb cb, void *arg)
{
	struct fetch *f = fetch_new(arg);

	f->cb.agent = cb;
	db_query(db,
	    "SELECT a.display_name, coalesce(t.name, ''), a.is_supervisor,"
	    " a.id"
	    " FROM frontline.agents a LEFT JOIN frontline.teams t"
	    " ON t.id = a.team_id WHERE a.role_name = current_user",
	    0, NULL, agent_done, f);
}

void
agent_info_free(struct agent_info *a)
{
	if (a == NULL)
		return;
	free(a->name);
	free(a->team);
	free(a);
}

static void
changes_done(struct db *db, const PGresult *res, const char *error, void *arg)
{
	struct fetch *f = arg;
	int n, rows;
	char *cursor = NULL;
	long long *tickets;

	if (error != NULL || res == NULL) {
		f->cb.changes(0, NULL, NULL, error != NULL ? error : "", f->arg);
		free(f);
		return;
	}
	rows = PQntuples(res);
	tickets = xcalloc((size_t)(rows > 0 ? rows : 1), sizeof *tickets);
	n = 0;
	for (int i = 0; i < rows; i++) {
		if (!PQgetisnull(res, i, 0))
			tickets[n++] = PQgetisnull(res, i, 2) ? 0 :
			    strtoll(PQgetvalue(res, i, 2), NULL, 10);
		if (cursor == NULL)
			cursor = db_value_dup(res, i, 1);
	}
	f->cb.changes(n, tickets, cursor, NULL, f->arg);
	free(tickets);
	free(f);
}

void
changes_fetch(struct db *db, const char *cursor, changes_fetch_cb cb,
    void *arg)
{
	struct fetch *f = fetch_new(arg);
	const char *params[1] = { cursor };

	f->cb.changes = cb;
	/* The next cursor is taken before the read: every transaction older
	 * than it had finished by then, so the read that follows sees all of
	 * its rows. Rows may repeat on the next call (harmless: we refetch). */
	db_query(db,
	    "SELECT s.seq, c.x::text, s.ticket_id"
	    " FROM (SELECT frontline.changes_cursor() AS x) c"
	    " LEFT JOIN LATERAL (SELECT seq, ticket_id"
	    " FROM frontline.changes_since($1::xid8))"
	    " s ON true",
	    1, params, changes_done, f);
}
