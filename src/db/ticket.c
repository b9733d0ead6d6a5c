/* Ticket screen queries and the agent's writes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/ticket.h"
#include "xmalloc.h"

/* One ticket is three queries in a row on the one connection: header,
 * clocks, thread. The first failure ends the fetch. */
struct ticket_fetch {
	long long	 id;
	char		 idtext[24];
	ticket_fetch_cb	 cb;
	void		*arg;
	struct ticket	*t;
	double		 sent_at;
	bool		 failed;
};

static char *
cell(const PGresult *res, int row, int col)
{
	return db_value_dup(res, row, col);
}



static void
ticket_fetch_fail(struct ticket_fetch *f, const char *error)
{
	if (f->failed)
		return;
	f->failed = true;
	ticket_free(f->t);
	f->t = NULL;
	f->cb(f->id, NULL, error != NULL ? error : "", f->arg);
}

static void
ticket_got_thread(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct ticket_fetch *f = arg;
	struct ticket *t = f->t;

	if (!f->failed && (error != NULL || res == NULL))
		ticket_fetch_fail(f, error);
	if (f->failed) {
		free(f);
		return;
	}
	t->nmsgs = PQntuples(res);
	t->msgs = xcalloc((size_t)(t->nmsgs > 0 ? t->nmsgs : 1),
	    sizeof *t->msgs);
	for (int i = 0; i < t->nmsgs; i++) {
		struct message *m = &t->msgs[i];

		m->id = db_value_ll(res, i, 0, 0);
		m->ticket_id = db_value_ll(res, i, 1, 0);
		m->kind = db_value_dup_or_empty(res, i, 2);
		m->channel = db_value_dup_or_empty(res, i, 3);
		m->author = db_value_dup_or_empty(res, i, 4);
		m->body = db_value_dup_or_empty(res, i, 5);
		m->created_at = db_value_double(res, i, 6, NULL);
	}
	f->cb(f->id, t, NULL, f->arg);
	free(f);
}

static void
ticket_got_clocks(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct ticket_fetch *f = arg;
	struct ticket *t = f->t;
	bool null;

	if (!f->failed && (error != NULL || res == NULL))
		ticket_fetch_fail(f, error);
	if (f->failed)
		return;
	t->nclocks = PQntuples(res);
	t->clocks = xcalloc((size_t)(t->nclocks > 0 ? t->nclocks : 1),
	    sizeof *t->clocks);
	for (int i = 0; i < t->nclocks; i++) {
		struct ticket_clock *c = &t->clocks[i];

		c->kind = db_value_dup_or_empty(res, i, 0);
		c->state = db_value_dup_or_empty(res, i, 1);
		c->due_at = db_value_double(res, i, 2, &null);
		c->has_due = !null;
		c->remaining = db_value_double(res, i, 3, NULL);
		c->breached = strcmp(PQgetvalue(res, i, 4), "t") == 0;
	}
}

static void
ticket_got_header(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct ticket_fetch *f = arg;
	struct ticket *t;
	double now = db_now();

	if (error != NULL || res == NULL || PQntuples(res) != 1) {
		ticket_fetch_fail(f, error != NULL ? error :
		    "no such ticket, or not yours to see");
		return;
	}
	t = f->t = xcalloc(1, sizeof *t);
	t->id = db_value_ll(res, 0, 0, 0);
	t->subject = db_value_dup_or_empty(res, 0, 1);
	t->status = db_value_dup_or_empty(res, 0, 2);
	t->priority = db_value_dup_or_empty(res, 0, 3);
	t->channel = db_value_dup_or_empty(res, 0, 4);
	t->tags = db_value_dup_or_empty(res, 0, 5);
	t->language = db_value_dup_or_empty(res, 0, 6);
	t->customer_id = db_value_ll(res, 0, 7, 0);
	t->customer = db_value_dup_or_empty(res, 0, 8);
	t->organization = cell(res, 0, 9);
	t->assignee_id = db_value_ll(res, 0, 10, 0);
	t->assignee = cell(res, 0, 11);
	t->queue = db_value_dup_or_empty(res, 0, 12);
	t->created_at = db_value_double(res, 0, 13, NULL);
	t->pause_reason = cell(res, 0, 14);
	t->handover_note = cell(res, 0, 15);
	t->handover_by = cell(res, 0, 16);
	t->last_message_id = db_value_ll(res, 0, 17, 0);
	t->viewers = cell(res, 0, 18);
	t->server_skew = db_value_double(res, 0, 19, NULL) -
	    (f->sent_at + now) / 2;
}

void
ticket_fetch(struct db *db, long long id, ticket_fetch_cb cb, void *arg)
{
	struct ticket_fetch *f = xcalloc(1, sizeof *f);
	const char *params[1] = { f->idtext };

	f->id = id;
	f->cb = cb;
	f->arg = arg;
	f->sent_at = db_now();
	snprintf(f->idtext, sizeof f->idtext, "%lld", id);
	db_query(db,
	    "SELECT h.id, h.subject, h.status, h.priority, h.channel,"
	    " array_to_string(h.tags, ' '), h.language, h.customer_id,"
	    " h.customer_name, h.organization_name, h.assignee_id, h.assignee,"
	    " h.queue, extract(epoch FROM h.created_at), h.pause_reason,"
	    " h.handover_note, h.handover_by, h.last_message_id,"
	    " (SELECT string_agg(a.display_name || CASE p.activity"
	    "   WHEN 'replying' THEN ' (replying)' ELSE '' END, ', ')"
	    "  FROM frontline.presence p JOIN frontline.agents a"
	    "  ON a.id = p.agent_id WHERE p.ticket_id = h.id"
	    "  AND p.agent_id IS DISTINCT FROM frontline.current_agent_id()"
	    "  AND p.heartbeat_at > now() - interval '60 seconds'),"
	    " extract(epoch FROM now())"
	    " FROM frontline.ticket_header($1::bigint) h",
	    1, params, ticket_got_header, f);
	db_query(db,
	    "SELECT kind, state, extract(epoch FROM due_at),"
	    " extract(epoch FROM remaining), breached"
	    " FROM frontline.ticket_clocks WHERE ticket_id = $1::bigint"
	    " ORDER BY array_position(ARRAY['first_response','next_response',"
	    "'resolution'], kind)",
	    1, params, ticket_got_clocks, f);
	db_query(db,
	    "SELECT id, ticket_id, kind, channel, author, body,"
	    " extract(epoch FROM created_at)"
	    " FROM frontline.ticket_thread($1::bigint)",
	    1, params, ticket_got_thread, f);
}

void
ticket_free(struct ticket *t)
{
	if (t == NULL)
		return;
	for (int i = 0; i < t->nclocks; i++) {
		free(t->clocks[i].kind);
		free(t->clocks[i].state);
	}
	for (int i = 0; i < t->nmsgs; i++) {
		free(t->msgs[i].kind);
		free(t->msgs[i].channel);
		free(t->msgs[i].author);
		free(t->msgs[i].body);
	}
	free(t->clocks);
	free(t->msgs);
	free(t->subject);
	free(t->status);
	free(t->priority);
	free(t->channel);
	free(t->language);
	free(t->tags);
	free(t->customer);
	free(t->organization);
	free(t->assignee);
	free(t->queue);
	free(t->pause_reason);
	free(t->handover_note);
	free(t->handover_by);
	free(t->viewers);
	free(t);
}

struct ticket_write_req {
	long long	 ticket;
	ticket_write_cb	 cb;
	void		*arg;
};

static struct ticket_write_req *
write_req(long long ticket, ticket_write_cb cb, void *arg)
{
	struct ticket_write_req *w = xcalloc(1, sizeof *w);

	w->ticket = ticket;
	w->cb = cb;
	w->arg = arg;
	return w;
}

static void
ticket_sent(struct db *db, const PGresult *res, const char *error, void *arg)
{
	struct ticket_write_req *w = arg;
	enum ticket_write result = TW_FAILED;
	const char *status;
	int newer = 0;

	if (error == NULL && res != NULL && PQntuples(res) == 1) {
		status = PQgetvalue(res, 0, 0);
		newer = atoi(PQgetvalue(res, 0, 2));
		if (strcmp(status, "sent") == 0)
			result = TW_DONE;
		else if (strcmp(status, "duplicate") == 0)
			result = TW_DUPLICATE;
		else if (strcmp(status, "conflict") == 0)
			result = TW_CONFLICT;
	}
	if (w->cb != NULL)
		w->cb(w->ticket, result, newer, result == TW_FAILED ?
		    (error != NULL ? error : "") : NULL, w->arg);
	free(w);
}

void
ticket_send(struct db *db, long long ticket, bool note, const char *body,
    const char *key, long long seen, bool force, ticket_write_cb cb,
    void *arg)
{
	char id[24], seentext[24];
	const char *params[6] = { id, note ? "note" : "reply", body, key,
	    seentext, force ? "true" : "false" };

	snprintf(id, sizeof id, "%lld", ticket);
	snprintf(seentext, sizeof seentext, "%lld", seen);
	db_query(db,
	    "SELECT status, message_id, coalesce(newer_count, 0)"
	    " FROM frontline.send_message($1::bigint, $2, $3, $4,"
	    " $5::bigint, $6::boolean)",
	    6, params, ticket_sent, write_req(ticket, cb, arg));
}

static void
ticket_written(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct ticket_write_req *w = arg;

	if (w->cb != NULL)
		w->cb(w->ticket, error == NULL ? TW_DONE : TW_FAILED, 0, error,
		    w->arg);
	free(w);
}

void
ticket_set(struct db *db, long long ticket, const char *field,
    const char *value, ticket_write_cb cb, void *arg)
{
	char id[24];
	const char *params[2] = { id, value };
	const char *sql;

	snprintf(id, sizeof id, "%lld", ticket);
	if (strcmp(field, "status") == 0)
		sql = "SELECT frontline.set_status($1::bigint, $2)";
	else if (strcmp(field, "priority") == 0)
		sql = "SELECT frontline.set_priority($1::bigint, $2)";
	else
		sql = "SELECT frontline.set_tags($1::bigint,"
		    " regexp_split_to_array(trim($2), '\\s+'))";
	db_query(db, sql, 2, params, ticket_written,
	    write_req(ticket, cb, arg));
}

static void
ticket_keyed_done(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct ticket_write_req *w = arg;
	enum ticket_write result = TW_FAILED;

	if (error == NULL && res != NULL && PQntuples(res) == 1)
		result = strcmp(PQgetvalue(res, 0, 0), "duplicate") == 0 ?
		    TW_DUPLICATE : TW_DONE;
	if (w->cb != NULL)
		w->cb(w->ticket, result, 0, result == TW_FAILED ?
		    (error != NULL ? error : "") : NULL, w->arg);
	free(w);
}

void
ticket_transfer(struct db *db, long long ticket, long long queue,
    long long agent, const char *note, const char *key, ticket_write_cb cb,
    void *arg)
{
	char id[24], q[24], a[24];
	const char *params[5] = { id, q, agent != 0 ? a : NULL, note, key };

	snprintf(id, sizeof id, "%lld", ticket);
	snprintf(q, sizeof q, "%lld", queue);
	snprintf(a, sizeof a, "%lld", agent);
	db_query(db, "SELECT status FROM frontline.transfer($1::bigint,"
	    " $2::bigint, $3::bigint, $4, $5)", 5, params, ticket_keyed_done,
	    write_req(ticket, cb, arg));
}

void
ticket_assign(struct db *db, long long ticket, long long agent,
    ticket_write_cb cb, void *arg)
{
	char id[24], a[24];
	const char *params[2] = { id, agent != 0 ? a : NULL };

	snprintf(id, sizeof id, "%lld", ticket);
	snprintf(a, sizeof a, "%lld", agent);
	db_query(db, "SELECT frontline.assign($1::bigint, $2::bigint)", 2,
	    params, ticket_written, write_req(ticket, cb, arg));
}

void
ticket_merge(struct db *db, long long ticket, long long target,
    const char *key, ticket_write_cb cb, void *arg)
{
	char id[24], t[24];
	const char *params[3] = { id, t, key };

	snprintf(id, sizeof id, "%lld", ticket);
	snprintf(t, sizeof t, "%lld", target);
	db_query(db, "SELECT status FROM frontline.merge($1::bigint,"
	    " $2::bigint, $3)", 3, params, ticket_keyed_done,
	    write_req(ticket, cb, arg));
}

struct take_req {
	ticket_take_cb	 cb;
	void		*arg;
};

static void
ticket_taken(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct take_req *r = arg;

	if (error != NULL || res == NULL || PQntuples(res) != 1)
		r->cb(0, error != NULL ? error : "", r->arg);
	else
		r->cb(db_value_ll(res, 0, 0, 0), NULL, r->arg);
	free(r);
}

void
ticket_take_next(struct db *db, ticket_take_cb cb, void *arg)
{
	struct take_req *r = xcalloc(1, sizeof *r);

	r->cb = cb;
	r->arg = arg;
	db_query(db, "SELECT frontline.take_next()", 0, NULL, ticket_taken, r);
}

void
ticket_presence(struct db *db, long long ticket, const char *activity)
{
	char id[24];
	const char *params[2] = { id, activity };

	snprintf(id, sizeof id, "%lld", ticket);
	if (activity != NULL)
		db_query(db, "SELECT frontline.presence_touch($1::bigint, $2)",
		    2, params, NULL, NULL);
	else
		db_query(db, "SELECT frontline.presence_leave($1::bigint)",
		    1, params, NULL, NULL);
}

void
ticket_draft_save(struct db *db, long long ticket, const char *body)
{
	char id[24];
	const char *params[2] = { id, body };

	snprintf(id, sizeof id, "%lld", ticket);
	db_query(db, "SELECT frontline.draft_save($1::bigint, $2)", 2, params,
	    NULL, NULL);
}

struct draft_req {
	long long	 ticket;
	ticket_draft_cb	 cb;
	void		*arg;
};

static void
ticket_got_draft(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct draft_req *r = arg;

	if (error != NULL || res == NULL || PQntuples(res) != 1)
		r->cb(r->ticket, NULL, error != NULL ? error : "", r->arg);
	else
		r->cb(r->ticket, cell(res, 0, 0), NULL, r->arg);
	free(r);
}

void
ticket_draft_get(struct db *db, long long ticket, ticket_draft_cb cb,
    void *arg)
{
	struct draft_req *r = xcalloc(1, sizeof *r);
	char id[24];
	const char *params[1] = { id };

	r->ticket = ticket;
	r->cb = cb;
	r->arg = arg;
	snprintf(id, sizeof id, "%lld", ticket);
	db_query(db, "SELECT frontline.draft_get($1::bigint)", 1, params,
	    ticket_got_draft, r);
}
