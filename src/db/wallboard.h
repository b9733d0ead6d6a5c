/* The supervisor wallboard's figures, from share/sql/009-wallboard.sql and
 * the stats functions of 008, with the caller's rights (an agent who opens
 * the wallboard sees their team's floor, a supervisor everything).
 *
 * Two fetches, because the parts change at different speeds: the live part
 * (the queue now, SLA risk, agents, today's figures and volume, the low
 * ratings) moves with every change and is refetched on each NOTIFY; the
 * slow part (7 and 30 days, the trends, their volume, the best answers) is
 * refetched on changes too, but at most once a minute. Strings are raw from the database:
 * untrusted, sanitized by the view. */
#ifndef FRONTLINE_DB_WALLBOARD_H
#define FRONTLINE_DB_WALLBOARD_H

#include <stdbool.h>

#include "db/feedback.h"
#include "db/stats.h"

struct db;

/* The periods of the quality figures, in this order everywhere. */
enum wb_period {
	WB_TODAY,
	WB_7D,
	WB_30D,
	WB_NPERIODS
};

/* The period's name in the database (borrowed): today, 7d, 30d. */
const char *wb_period_code(enum wb_period p);

/* A count by one dimension: status, priority, channel, queue, topic. */
struct wb_count {
	char		*dimension;
	char		*key;
	long long	 n;
};

struct wb_agent {
	long long	 id;
	char		*name;
	char		*team;
	char		*presence;	/* online, away, offline */
	long long	 in_hand;	/* open tickets assigned */
	long long	 current_id;	/* 0: not in a ticket now */
	char		*current_subject;
	long long	 replies_today;
	long long	 csat_sum;	/* today's CSAT answers added up */
	long long	 csat_n;
};

struct wb_live {
	struct wb_count		*queue;		/* open tickets now */
	int			 nqueue;
	long long		 open;
	long long		 breached;
	long long		 due_15;	/* due within 15 minutes */
	long long		 due_60;
	long long		 oldest_id;	/* 0: none waiting */
	char			*oldest_subject;
	double			 oldest_created;	/* epoch seconds */
	double			 server_now;		/* when this was read */
	struct wb_agent		*agents;
	int			 nagents;
	struct stats_figures	 today;
	struct wb_count		*volume;	/* today's, by channel and topic */
	int			 nvolume;
	struct feedback		*low;		/* the low ratings feed */
};

/* A public reply on one of the week's best-rated tickets. */
struct wb_answer {
	long long	 ticket;
	char		*subject;
	char		*agent;
	int		 csat;		/* 0: none */
	int		 nps;		/* -1: none */
	char		*body;
	double		 reply_at;
};

struct wb_slow {
	struct stats_figures	 period[WB_NPERIODS];	/* [WB_TODAY] unused */
	struct wb_count		*volume[WB_NPERIODS];	/* [WB_TODAY]: see
							   wb_live */
	int			 nvolume[WB_NPERIODS];
	struct stats_figures	*days;		/* the last 30 days, oldest first */
	int			 ndays;
	struct wb_answer	*best;
	int			 nbest;
};

/* Called with the fetched part (the callee owns it) or NULL and a reason. */
typedef void (*wb_live_cb)(struct wb_live *w, const char *error, void *arg);
typedef void (*wb_slow_cb)(struct wb_slow *w, const char *error, void *arg);

void wb_live_fetch(struct db *db, wb_live_cb cb, void *arg);
void wb_slow_fetch(struct db *db, wb_slow_cb cb, void *arg);
void wb_live_free(struct wb_live *w);
void wb_slow_free(struct wb_slow *w);

/* A heartbeat of the logged-in agent for the wallboards' presence column:
 * away after a while without a key. */
void wb_heartbeat(struct db *db, bool away);

#endif
