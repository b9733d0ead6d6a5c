/* What surrounds a ticket: the customer and their history, and the
 * knowledge base. Strings are raw from the database: untrusted. */
#ifndef FRONTLINE_DB_CONTEXT_H
#define FRONTLINE_DB_CONTEXT_H

#include <stdbool.h>

struct db;

struct history_row {
	long long	 id;
	char		*customer;	/* differs with organization history */
	char		*channel;
	char		*status;
	char		*subject;
	char		*first_line;
	double		 created_at;
	double		 solved_at;	/* 0 when not solved */
	int		 csat;		/* 0 when not rated */
};

struct customer {
	long long	 id;
	char		*name;
	char		*email;
	char		*phone;
	char		*language;
	char		*tier;
	char		*time_zone;
	char		*notes;
	char		*organization;	/* NULL without one */
	long long	 tickets_90d;
	long long	 open_now;
	int		 last_csat;	/* 0 when never rated */
	int		 last_nps;	/* -1 when never asked */
	char		*nps_category;	/* promoter, passive, detractor, NULL */
	bool		 with_org;	/* history covers the organization */
	struct history_row *history;
	int		 nhistory;
};

/* Fetches the profile and the history of the customer, without the ticket
 * `exclude`; the callee owns what it gets (customer_free). */
typedef void (*customer_fetch_cb)(long long customer, struct customer *c,
    const char *error, void *arg);
void customer_fetch(struct db *db, long long customer, bool with_org,
    long long exclude, customer_fetch_cb cb, void *arg);
void customer_free(struct customer *c);

/* A knowledge-base hit: the snippet marks matched words with \x02..\x03. */
struct kb_hit {
	long long	 id;
	char		*title;
	char		*snippet;
	char		*language;
};

struct kb_list {
	struct kb_hit	*hits;
	int		 n;
	char		*query;		/* NULL for suggestions */
};

typedef void (*kb_list_cb)(long long ticket, struct kb_list *l,
    const char *error, void *arg);
/* The best articles for a ticket. */
void kb_suggest(struct db *db, long long ticket, kb_list_cb cb, void *arg);
/* Articles for a query (websearch syntax) in a language (NULL: any). */
void kb_search(struct db *db, long long ticket, const char *query,
    const char *language, kb_list_cb cb, void *arg);
void kb_list_free(struct kb_list *l);

struct kb_article {
	long long	 id;
	char		*title;
	char		*body;
	char		*language;
};
typedef void (*kb_article_cb)(struct kb_article *a, const char *error,
    void *arg);
void kb_article_fetch(struct db *db, long long id, kb_article_cb cb,
    void *arg);
void kb_article_free(struct kb_article *a);

/* Choices for a picker: queues to transfer to, agents to assign, macros. */
enum pick_kind {
	PICK_QUEUES,
	PICK_AGENTS,
	PICK_MACROS,
	PICK_TOPICS	/* rating topics: label is the name, body the code */
};

struct pick_item {
	long long	 id;
	char		*label;		/* queue, agent or macro name */
	char		*detail;	/* team; or the macro's language */
	char		*body;		/* a macro's text, else NULL */
};

struct pick_list {
	enum pick_kind	  kind;
	struct pick_item *items;
	int		  n;
};

typedef void (*pick_fetch_cb)(struct pick_list *l, const char *error,
    void *arg);
/* Fetches the choices; language narrows macros (NULL: all). */
void pick_fetch(struct db *db, enum pick_kind kind, const char *language,
    pick_fetch_cb cb, void *arg);
void pick_list_free(struct pick_list *l);

#endif
