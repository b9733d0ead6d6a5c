/* The agent's live queue, fetched from frontline.agent_queue(). */
#ifndef FRONTLINE_DB_QUEUE_H
#define FRONTLINE_DB_QUEUE_H

#include <stdbool.h>

struct db;

/* One ticket of the queue. Strings are raw from the database: untrusted,
 * so they pass through text_sanitize before they reach the screen. */
struct queue_row {
	long long	 id;
	char		*priority;	/* low, normal, high, urgent */
	char		*status;
	char		*channel;
	char		*customer;
	char		*subject;
	char		*assignee;	/* NULL when unassigned */
	char		*clock;		/* first_response, ... or NULL */
	char		*clock_state;	/* running, paused, met, breached */
	char		*language;
	char		*viewers;	/* other agents here now, or NULL */
	char		*tags;		/* space-separated */
	double		 created_at;	/* epoch seconds, server clock */
	double		 due_at;	/* valid when has_due */
	double		 remaining;	/* frozen seconds left when paused */
	bool		 has_due;
};

/* The views of the queue, in the order of their keys 1 to 5. */
enum queue_view {
	QV_MINE,	/* assigned to me */
	QV_TEAM,	/* my team's, unassigned */
	QV_ALL,		/* every open ticket I may see */
	QV_WAITING,	/* pending or on hold */
	QV_BREACHED,	/* past an SLA deadline */
	QV_COUNT
};

/* The view's name in the database (borrowed). */
const char *queue_view_code(enum queue_view v);

struct queue {
	struct queue_row *rows;
	int		  n;
	double		  server_skew;	/* server now - local now, seconds */
	enum queue_view	  view;
	bool		  drill;	/* the tickets behind a wallboard number */
	long long	  counts[QV_COUNT];	/* tickets in each view */
};

/* Called with the fetched queue (which the callee now owns and frees with
 * queue_free), or NULL and a reason. */
typedef void (*queue_fetch_cb)(struct queue *q, const char *error, void *arg);

/* Asks for at most limit rows of one view of the agent's queue, and the
 * count of every view. */
void queue_fetch(struct db *db, enum queue_view view, int limit,
    queue_fetch_cb cb, void *arg);
void queue_free(struct queue *q);

/* A wallboard number's tickets: frontline.wallboard_tickets(what, key,
 * period) (share/sql/009-wallboard.sql); key and period may be NULL. */
struct queue_drill {
	char	*what;
	char	*key;
	char	*period;
	char	*label;		/* what the screen calls it */
};
void queue_fetch_drill(struct db *db, const struct queue_drill *d, int limit,
    queue_fetch_cb cb, void *arg);
/* Frees d's strings and zeroes it: no drill-down (what is NULL). */
void queue_drill_clear(struct queue_drill *d);

/* Who the logged-in role is, as the agents table knows them. */
struct agent_info {
	char	*name;
	char	*team;
	bool	 supervisor;
	long long id;		/* agents.id; 0 for a role that is not one */
};
typedef void (*agent_fetch_cb)(struct agent_info *a, const char *error,
    void *arg);
void agent_fetch(struct db *db, agent_fetch_cb cb, void *arg);
void agent_info_free(struct agent_info *a);

/* Asks what changed since the last call (the cursor lives in the caller's
 * memory as text; NULL means "start from now"). cb gets the number of
 * changed rows and the tickets they touched (borrowed, may repeat), the new
 * cursor (the callee frees it), or an error. */
typedef void (*changes_fetch_cb)(int nchanged, const long long *tickets,
    char *cursor, const char *error, void *arg);
void changes_fetch(struct db *db, const char *cursor, changes_fetch_cb cb,
    void *arg);

#endif
