/* The rating prompt's questions and answers, and the feedback list, for the
 * console (asynchronous; the command-line import is src/db/rating.c). */
#ifndef FRONTLINE_DB_FEEDBACK_H
#define FRONTLINE_DB_FEEDBACK_H

#include <stdbool.h>

struct db;

/* Whether and how to ask this ticket's customer, by the survey policy. */
struct survey_plan {
	bool	 ask;		/* sampled */
	bool	 live;		/* the agent can ask now (phone, chat, walk-in) */
	char	*reason;	/* sampled, not_nth, fatigue, already_rated */
	int	 contact_no;
	int	 every_nth;
	int	 days_since_last;	/* -1 when never asked */
	bool	 ask_csat;
	bool	 ask_nps;
};

typedef void (*survey_plan_cb)(long long ticket, struct survey_plan *p,
    const char *error, void *arg);
void survey_plan_fetch(struct db *db, long long ticket, survey_plan_cb cb,
    void *arg);
void survey_plan_free(struct survey_plan *p);

/* What the prompt collected; NULL strings and -1 numbers are "none". */
struct rating_answers {
	long long	 ticket;
	const char	*key;
	const char	*status;	/* answered, declined, not_asked,
					   survey_sent */
	int		 fcr;		/* 1 yes, 0 no, -1 not given */
	const char	*topic;
	int		 csat;		/* 1..5, or -1 */
	int		 nps;		/* 0..10, or -1 */
	const char	*reason;
	const char	*comment;
	bool		 callback;
};

/* The outcome: recorded, duplicate or refused (with a message), the
 * callback ticket created for a low score (0 when none). */
typedef void (*rating_saved_cb)(long long ticket, const char *status,
    long long callback, const char *message, const char *error, void *arg);
void rating_submit(struct db *db, const struct rating_answers *a,
    rating_saved_cb cb, void *arg);

/* A low rating, for the feedback list. */
struct feedback_row {
	long long	 ticket;
	char		*subject;
	char		*customer;
	char		*agent;
	int		 csat;		/* 0: none */
	int		 nps;		/* -1: none */
	char		*reason;
	char		*comment;
	bool		 callback_wanted;
	long long	 callback_ticket;
	bool		 callback_done;
	double		 created_at;
};

struct feedback {
	struct feedback_row *rows;
	int		 n;
};

typedef void (*feedback_cb)(struct feedback *f, const char *error, void *arg);
void feedback_fetch(struct db *db, int limit, feedback_cb cb, void *arg);
void feedback_free(struct feedback *f);

#endif
