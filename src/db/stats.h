/* The figures of `frontline stats`: ticket counts, first response and
 * resolution times, first-contact resolution, reopens, SLA breaches and the
 * rating counts, from frontline.stats_figures() and stats_by_day() (share/
 * sql/008-stats.sql) with the caller's rights. Plain blocking calls for the
 * command line; the CSAT/NPS figures are core/metrics.h's to compute from
 * the counts. */
#ifndef FRONTLINE_DB_STATS_H
#define FRONTLINE_DB_STATS_H

#include "core/metrics.h"

struct stats_conn;

/* A period and its filters as the database understood them. */
struct stats_query {
	char		*from;		/* ISO 8601 UTC, whole seconds */
	char		*to;		/* exclusive */
	long long	 queue;		/* queues.id; 0 = every queue */
	long long	 agent;		/* agents.id of the assignee; 0 = all */
};

/* One row of figures. A time is in minutes, NAN when no ticket has one. */
struct stats_figures {
	char		 day[11];	/* YYYY-MM-DD (stats_fetch_days), or "" */
	long long	 created;
	long long	 solved;	/* solved or closed now */
	long long	 reopened;	/* solved, then reopened, at least once */
	long long	 solved_once;	/* solved now or reopened */
	long long	 frt_count;	/* tickets with a first public reply */
	double		 frt_wall_median, frt_wall_p90;
	double		 frt_business_median, frt_business_p90;
	long long	 res_count;	/* solved tickets */
	double		 res_wall_median, res_wall_p90;
	double		 res_business_median, res_business_p90;
	long long	 fcr_answers;	/* outcomes with first contact known */
	long long	 fcr_yes;	/* of them, resolved at first contact */
	long long	 frt_breached;
	long long	 res_breached;
	struct metrics_ratings ratings;	/* CSAT/NPS counts, surveys */
};

/* Result of stats_resolve besides 0 and -1: the user's value is wrong. */
#define STATS_BAD_ARGUMENT	(-2)

/* Connects to conninfo (a libpq string or URI; "" for the PG* variables).
 * Returns the connection, the caller's to stats_disconnect, or NULL with
 * *cause (the caller frees). */
struct stats_conn *stats_connect(const char *conninfo, char **cause);
void stats_disconnect(struct stats_conn *c);

/*
 * Fills q from the user's words: from and to as PostgreSQL reads a
 * timestamptz ("2024-03-04", "2024-03-04 09:00+01", "yesterday"; NULL: seven
 * days ago and now), queue by name and agent by role name (NULL: all).
 * Returns 0; STATS_BAD_ARGUMENT with *cause when a value is wrong (not a
 * time, an unknown queue or agent, from not before to); -1 with *cause
 * for trouble on the way. The caller frees *cause, and q with
 * stats_query_done after a 0.
 */
int stats_resolve(struct stats_conn *c, const char *from, const char *to,
    const char *queue, const char *agent, struct stats_query *q,
    char **cause);
void stats_query_done(struct stats_query *q);

/* The figures of the whole period into *out; 0 or -1 with *cause. */
int stats_fetch(struct stats_conn *c, const struct stats_query *q,
    struct stats_figures *out, char **cause);

/* One row per day of the period (the session's time zone), oldest first,
 * into *days (the caller frees with free) and *n; 0 or -1 with *cause. */
int stats_fetch_days(struct stats_conn *c, const struct stats_query *q,
    struct stats_figures **days, int *n, char **cause);

#endif
