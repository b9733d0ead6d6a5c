/* The console's state: what the views draw and what actions change. No
 * curses and no libpq here, so it can be tested and reasoned about alone. */
#ifndef FRONTLINE_APP_H
#define FRONTLINE_APP_H

#include <stdbool.h>

#include "db/db.h"
#include "db/queue.h"

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_HELP,
	ACT_BACK,
	ACT_REDRAW,
	ACT_QUIT
};

enum view_id {
	VIEW_QUEUE,
	VIEW_HELP
};

struct app {
	struct db		*db;
	struct queue		*queue;		/* owned; NULL until first fetch */
	struct agent_info	*agent;		/* owned */
	char			*cursor;	/* changes cursor (xid8 text) */

	enum db_state		 db_state;
	char			*db_error;	/* last connection error */
	char			*fetch_error;	/* last query error */
	double			 synced_at;	/* local time of last queue fetch */
	bool			 fetching;	/* a refresh is in flight */
	bool			 stale;		/* a change arrived meanwhile */

	enum view_id		 view;
	int			 selected;	/* row index in queue */
	int			 top;		/* first visible row */
	int			 page;		/* rows per page, set by the view */
	int			 help_top;

	bool			 ascii;		/* no UTF-8 on this terminal */
	bool			 color;
	bool			 dirty;		/* redraw at the end of this turn */
	bool			 redraw_all;	/* clear and redraw everything */
	bool			 quit;
};

/* Applies an action to the state (moving, switching views, quitting). */
void app_action(struct app *app, enum action act);

/* Replaces the queue, keeping the selection on the same ticket when it is
 * still there. Takes ownership of q. */
void app_set_queue(struct app *app, struct queue *q);

/* Local time adjusted to the server's clock, in epoch seconds. */
double app_server_now(const struct app *app, double local_now);

#endif
