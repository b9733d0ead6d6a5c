/* Customer profile and history; knowledge-base suggestions and articles. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/context.h"
#include "db/db-int.h"
#include "xmalloc.h"



struct customer_req {
	long long		 customer;
	char			 idtext[24];
	char			 extext[24];
	customer_fetch_cb	 cb;
	void			*arg;
	struct customer		*c;
	bool			 with_org;
	bool			 failed;
};

static void
customer_fail(struct customer_req *r, const char *error)
{
	if (r->failed)
		return;
	r->failed = true;
	customer_free(r->c);
	r->c = NULL;
	r->cb(r->customer, NULL, error != NULL ? error : "", r->arg);
}

static void
customer_got_profile(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct customer_req *r = arg;
	struct customer *c;

	if (error != NULL || res == NULL || PQntuples(res) != 1) {
		customer_fail(r, error != NULL ? error : "no such customer");
		return;
	}
	c = r->c = xcalloc(1, sizeof *c);
	c->id = db_value_ll(res, 0, 0, 0);
	c->name = db_value_dup_or_empty(res, 0, 1);
	c->email = db_value_dup(res, 0, 2);
	c->phone = db_value_dup(res, 0, 3);
	c->language = db_value_dup_or_empty(res, 0, 4);
	c->tier = db_value_dup_or_empty(res, 0, 5);
	c->time_zone = db_value_dup(res, 0, 6);
	c->notes = db_value_dup(res, 0, 7);
	c->organization = db_value_dup(res, 0, 8);
	c->tickets_90d = db_value_ll(res, 0, 9, 0);
	c->open_now = db_value_ll(res, 0, 10, 0);
	c->last_csat = (int)db_value_ll(res, 0, 11, 0);
	c->last_nps = PQgetisnull(res, 0, 12) ? -1 :
	    (int)db_value_ll(res, 0, 12, 0);
	c->nps_category = db_value_dup(res, 0, 13);
	c->with_org = r->with_org;
}

static void
customer_got_history(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct customer_req *r = arg;
	struct customer *c = r->c;

	if (!r->failed && (error != NULL || res == NULL))
		customer_fail(r, error);
	if (r->failed) {
		free(r);
		return;
	}
	c->nhistory = PQntuples(res);
	c->history = xcalloc((size_t)(c->nhistory > 0 ? c->nhistory : 1),
	    sizeof *c->history);
	for (int i = 0; i < c->nhistory; i++) {
		struct history_row *h = &c->history[i];

		h->id = db_value_ll(res, i, 0, 0);
		h->customer = db_value_dup_or_empty(res, i, 1);
		h->channel = db_value_dup_or_empty(res, i, 2);
		h->status = db_value_dup_or_empty(res, i, 3);
		h->subject = db_value_dup_or_empty(res, i, 4);
		h->created_at = db_value_double(res, i, 5, NULL);
		h->solved_at = db_value_double(res, i, 6, NULL);
		h->csat = (int)db_value_ll(res, i, 7, 0);
		h->first_line = db_value_dup_or_empty(res, i, 8);
	}
	r->cb(r->customer, c, NULL, r->arg);
	free(r);
}

void
customer_fetch(struct db *db, long long customer, bool with_org,
    long long exclude, customer_fetch_cb cb, void *arg)
{
	struct customer_req *r = xcalloc(1, sizeof *r);
	const char *p1[1] = { r->idtext };
	const char *p2[3] = { r->idtext, with_org ? "true" : "false",
	    r->extext };

	r->customer = customer;
	r->with_org = with_org;
	r->cb = cb;
	r->arg = arg;
	snprintf(r->idtext, sizeof r->idtext, "%lld", customer);
	snprintf(r->extext, sizeof r->extext, "%lld", exclude);
	db_query(db,
	    "SELECT id, name, email, phone, language, tier, time_zone, notes,"
	    " organization_name, tickets_90d, open_now, last_csat, last_nps,"
	    " nps_category FROM frontline.customer_profile($1::bigint)",
	    1, p1, customer_got_profile, r);
	db_query(db,
	    "SELECT id, customer_name, channel, status, subject,"
	    " extract(epoch FROM created_at), extract(epoch FROM solved_at),"
	    " csat, first_line FROM frontline.customer_history($1::bigint,"
	    " $2::boolean, $3::bigint, 200)",
	    3, p2, customer_got_history, r);
}

void
customer_free(struct customer *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < c->nhistory; i++) {
		free(c->history[i].customer);
		free(c->history[i].channel);
		free(c->history[i].status);
		free(c->history[i].subject);
		free(c->history[i].first_line);
	}
	free(c->history);
	free(c->name);
	free(c->email);
	free(c->phone);
	free(c->language);
	free(c->tier);
	free(c->time_zone);
	free(c->notes);
	free(c->organization);
	free(c->nps_category);
	free(c);
}

struct kb_req {
	long long	 ticket;
	char		*query;
	kb_list_cb	 cb;
	void		*arg;
};

static void
kb_got_list(struct db *db, const PGresult *res, const char *error, void *arg)
{
	struct kb_req *r = arg;
	struct kb_list *l;

	if (error != NULL || res == NULL) {
		r->cb(r->ticket, NULL, error != NULL ? error : "", r->arg);
		free(r->query);
		free(r);
		return;
	}
	l = xcalloc(1, sizeof *l);
	l->n = PQntuples(res);
	l->hits = xcalloc((size_t)(l->n > 0 ? l->n : 1), sizeof *l->hits);
	for (int i = 0; i < l->n; i++) {
		l->hits[i].id = db_value_ll(res, i, 0, 0);
		l->hits[i].title = db_value_dup_or_empty(res, i, 1);
		l->hits[i].snippet = db_value_dup_or_empty(res, i, 2);
		l->hits[i].language = db_value_dup_or_empty(res, i, 3);
	}
	l->query = r->query;
	r->cb(r->ticket, l, NULL, r->arg);
	free(r);
}

static struct kb_req *
kb_req_new(long long ticket, const char *query, kb_list_cb cb, void *arg)
{
	struct kb_req *r = xcalloc(1, sizeof *r);

	r->ticket = ticket;
	r->query = query != NULL ? xstrdup(query) : NULL;
	r->cb = cb;
	r->arg = arg;
	return r;
}

void
kb_suggest(struct db *db, long long ticket, kb_list_cb cb, void *arg)
{
	char id[24];
	const char *params[1] = { id };

	snprintf(id, sizeof id, "%lld", ticket);
	db_query(db, "SELECT id, title, snippet, language"
	    " FROM frontline.kb_suggest($1::bigint, 10)", 1, params,
	    kb_got_list, kb_req_new(ticket, NULL, cb, arg));
}

void
kb_search(struct db *db, long long ticket, const char *query,
    const char *language, kb_list_cb cb, void *arg)
{
	const char *params[2] = { query, language };

	db_query(db, "SELECT id, title, snippet, language"
	    " FROM frontline.kb_search($1, $2, 20)", 2, params, kb_got_list,
	    kb_req_new(ticket, query, cb, arg));
}

void
kb_list_free(struct kb_list *l)
{
	if (l == NULL)
		return;
	for (int i = 0; i < l->n; i++) {
		free(l->hits[i].title);
		free(l->hits[i].snippet);
		free(l->hits[i].language);
	}
	free(l->hits);
	free(l->query);
	free(l);
}

struct article_req {
	kb_article_cb	 cb;
	void		*arg;
};

static void
kb_got_article(struct db *db, const PGresult *res, const char *error,
    void *arg)
{
	struct article_req *r = arg;
	struct kb_article *a;

	if (error != NULL || res == NULL || PQntuples(res) != 1) {
		r->cb(NULL, error != NULL ? error : "no such article", r->arg);
		free(r);
		return;
	}
	a = xcalloc(1, sizeof *a);
	a->id = db_value_ll(res, 0, 0, 0);
	a->title = db_value_dup_or_empty(res, 0, 1);
	a->body = db_value_dup_or_empty(res, 0, 2);
	a->language = db_value_dup_or_empty(res, 0, 3);
	r->cb(a, NULL, r->arg);
	free(r);
}

void
kb_article_fetch(struct db *db, long long id, kb_article_cb cb, void *arg)
{
	struct article_req *r = xcalloc(1, sizeof *r);
	char idtext[24];
	const char *params[1] = { idtext };

	r->cb = cb;
	r->arg = arg;
	snprintf(idtext, sizeof idtext, "%lld", id);
	db_query(db, "SELECT id, title, body, language"
	    " FROM frontline.kb_article($1::bigint)", 1, params,
	    kb_got_article, r);
}

void
kb_article_free(struct kb_article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->body);
	free(a->language);
	free(a);
}

struct pick_req {
	enum pick_kind	 kind;
	pick_fetch_cb	 cb;
	void		*arg;
};

static void
pick_got(struct db *db, const PGresult *res, const char *error, void *arg)
{
	struct pick_req *r = arg;
	struct pick_list *l;

	if (error != NULL || res == NULL) {
		r->cb(NULL, error != NULL ? error : "", r->arg);
		free(r);
		return;
	}
	l = xcalloc(1, sizeof *l);
	l->kind = r->kind;
	l->n = PQntuples(res);
	l->items = xcalloc((size_t)(l->n > 0 ? l->n : 1), sizeof *l->items);
	for (int i = 0; i < l->n; i++) {
		l->items[i].id = db_value_ll(res, i, 0, 0);
		l->items[i].label = db_value_dup_or_empty(res, i, 1);
		l->items[i].detail = db_value_dup_or_empty(res, i, 2);
		l->items[i].body = db_value_dup(res, i, 3);
	}
	r->cb(l, NULL, r->arg);
	free(r);
}

void
pick_fetch(struct db *db, enum pick_kind kind, const char *language,
    pick_fetch_cb cb, void *arg)
{
	struct pick_req *r = xcalloc(1, sizeof *r);
	const char *params[1] = { language };

	r->kind = kind;
	r->cb = cb;
	r->arg = arg;
	switch (kind) {
	case PICK_QUEUES:
		db_query(db, "SELECT id, name, coalesce(team, ''), NULL"
		    " FROM frontline.queues_list()", 0, NULL, pick_got, r);
		break;
	case PICK_AGENTS:
		db_query(db, "SELECT id, display_name || CASE WHEN online"
		    " THEN ' *' ELSE '' END, coalesce(team, ''), NULL"
		    " FROM frontline.agents_list()", 0, NULL, pick_got, r);
		break;
	case PICK_MACROS:
		db_query(db, "SELECT id, name, language, body"
		    " FROM frontline.macros_list($1)", 1, params, pick_got, r);
		break;
	case PICK_TOPICS:
		db_query(db, "SELECT 0, name, '', code"
		    " FROM frontline.rating_topics()", 0, NULL, pick_got, r);
		break;
	}
}

void
pick_list_free(struct pick_list *l)
{
	if (l == NULL)
		return;
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].label);
		free(l->items[i].detail);
		free(l->items[i].body);
	}
	free(l->items);
	free(l);
}
