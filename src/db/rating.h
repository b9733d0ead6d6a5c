/* Ratings and the survey policy for the command-line tools (`frontline
 * rating import`, `frontline survey`): plain blocking calls, one statement
 * and so one transaction each. The console's asynchronous rating calls are
 * in db/feedback.h. */
#ifndef FRONTLINE_DB_RATING_H
#define FRONTLINE_DB_RATING_H

#include <stdbool.h>

struct rating_conn;

/* One answered rating to store; the strings are borrowed, NULL for none. */
struct rating_entry {
	long long	 ticket;
	const char	*key;		/* idempotency key, required */
	int		 csat;		/* 1..5, 0 = none */
	int		 nps;		/* 0..10, -1 = none */
	const char	*reason;
	const char	*comment;
	bool		 callback;
	const char	*via;		/* import, web, email, ivr */
};

/* What the database made of a rating. */
enum rating_outcome {
	RATING_RECORDED,
	RATING_DUPLICATE,	/* the key was seen before: nothing written */
	RATING_REFUSED,		/* not valid for this ticket: see the message */
	RATING_FAILED		/* an error: see the message */
};

/* One row of the survey policy. */
struct rating_policy {
	char	*channel;	/* NULL: the default row */
	int	 every_nth;	/* ask every Nth contact */
	int	 min_days;	/* at most one survey per customer in this many */
	bool	 ask_csat;
	bool	 ask_nps;
};

/* A change to one row of the survey policy: -1 in a field keeps its value
 * (for a channel without a row of its own, the default row's). */
struct rating_policy_change {
	const char	*channel;	/* NULL: the default row */
	int		 every_nth;
	int		 min_days;
	int		 ask_csat;	/* 1 yes, 0 no, -1 keep */
	int		 ask_nps;
};

/* Connects to conninfo (a libpq string or URI; "" for the PG* variables).
 * Returns the connection, the caller's to rating_disconnect, or NULL with
 * *cause (the caller frees). */
struct rating_conn *rating_connect(const char *conninfo, char **cause);
void rating_disconnect(struct rating_conn *c);

/*
 * Stores e as an answered rating with frontline.rating_record(). Returns
 * the outcome; *message (the caller frees) says why for RATING_REFUSED and
 * RATING_FAILED, and is NULL otherwise. *callback_ticket (callback_ticket
 * may be NULL) is the callback ticket a low score opened, or 0. When the
 * connection is lost, it reconnects and tries once more.
 */
enum rating_outcome rating_import(struct rating_conn *c,
    const struct rating_entry *e, long long *callback_ticket, char **message);

/* Fetches the survey policy, the default row first, then by channel, into
 * *rows (the caller frees with rating_policy_free) and *n. 0 or -1 with
 * *cause. */
int rating_policy_list(struct rating_conn *c, struct rating_policy **rows,
    int *n, char **cause);

/* Changes one row of the survey policy in one statement, so two admins at
 * once lose neither change (admins only); 0 or -1 with *cause. */
int rating_policy_set(struct rating_conn *c,
    const struct rating_policy_change *p, char **cause);

void rating_policy_free(struct rating_policy *rows, int n);

#endif
