/* One ticket as the ticket screen shows it, and the writes an agent makes
 * on it. Strings are raw from the database: untrusted until sanitized. */
#ifndef FRONTLINE_DB_TICKET_H
#define FRONTLINE_DB_TICKET_H

#include <stdbool.h>

struct db;

struct ticket_clock {
	char	*kind;		/* first_response, next_response, resolution */
	char	*state;		/* running, paused, met, breached */
	double	 due_at;
	double	 remaining;	/* frozen seconds left, when paused */
	bool	 has_due;
	bool	 breached;	/* missed, met late or still running late */
};

struct message {
	long long	 id;
	long long	 ticket_id;	/* differs when merged in */
	char		*kind;		/* customer, reply, note, auto */
	char		*channel;
	char		*author;
	char		*body;
	double		 created_at;
};

struct ticket {
	long long	 id;
	char		*subject;
	char		*status;
	char		*priority;
	char		*channel;
	char		*language;
	char		*tags;		/* space-separated */
	long long	 customer_id;
	char		*customer;
	char		*organization;
	long long	 assignee_id;	/* 0 when unassigned */
	char		*assignee;
	char		*queue;
	char		*pause_reason;
	char		*handover_note;	/* the latest transfer note, or NULL */
	char		*handover_by;
	double		 created_at;
	long long	 last_message_id;
	char		*viewers;	/* other agents here now, or NULL */

	struct ticket_clock *clocks;
	int		 nclocks;
	struct message	*msgs;
	int		 nmsgs;
	double		 server_skew;
};

/* Called with the ticket (the callee owns it: ticket_free) or NULL and a
 * reason; id says which ticket was asked for, whatever happened. */
typedef void (*ticket_fetch_cb)(long long id, struct ticket *t,
    const char *error, void *arg);
void ticket_fetch(struct db *db, long long id, ticket_fetch_cb cb, void *arg);
void ticket_free(struct ticket *t);

/* The result of an idempotent write. */
enum ticket_write {
	TW_DONE,	/* written */
	TW_DUPLICATE,	/* written before: the retry changed nothing */
	TW_CONFLICT,	/* newer messages arrived; nothing written */
	TW_FAILED	/* see error */
};
typedef void (*ticket_write_cb)(long long ticket, enum ticket_write w,
    int newer, const char *error, void *arg);

/* Sends a reply or an internal note. key makes a retry harmless; seen is
 * the newest message the agent saw; force sends despite newer ones. */
void ticket_send(struct db *db, long long ticket, bool note, const char *body,
    const char *key, long long seen, bool force, ticket_write_cb cb,
    void *arg);

/* Sets a field: "status", "priority" or "tags" (space-separated). */
void ticket_set(struct db *db, long long ticket, const char *field,
    const char *value, ticket_write_cb cb, void *arg);

/* Moves the ticket to a queue (and an agent, or 0), with the handover note
 * the next agent reads first; idempotent by key. */
void ticket_transfer(struct db *db, long long ticket, long long queue,
    long long agent, const char *note, const char *key, ticket_write_cb cb,
    void *arg);
/* Assigns to an agent, or unassigns with 0. */
void ticket_assign(struct db *db, long long ticket, long long agent,
    ticket_write_cb cb, void *arg);
/* Merges ticket into target (its history kept); idempotent by key. */
void ticket_merge(struct db *db, long long ticket, long long target,
    const char *key, ticket_write_cb cb, void *arg);

/* Takes the most urgent ticket that fits; cb gets its id, or 0. */
typedef void (*ticket_take_cb)(long long id, const char *error, void *arg);
void ticket_take_next(struct db *db, ticket_take_cb cb, void *arg);

/* Presence: viewing or replying (activity), or leaving (NULL). */
void ticket_presence(struct db *db, long long ticket, const char *activity);

/* Drafts in the database: saved as typed; fetched on open. */
void ticket_draft_save(struct db *db, long long ticket, const char *body);
typedef void (*ticket_draft_cb)(long long ticket, char *body,
    const char *error, void *arg);
void ticket_draft_get(struct db *db, long long ticket, ticket_draft_cb cb,
    void *arg);

#endif
