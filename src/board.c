/* The wallboard's fetching rules (board.h) and the presence heartbeat. */
#include "config.h"

#include <stdlib.h>

#include "app.h"
#include "board.h"
#include "db/wallboard.h"
#include "i18n.h"
#include "xmalloc.h"

#define BOARD_LIVE_EVERY	60.0	/* seconds: time alone moves it */
#define BOARD_SLOW_AFTER	60.0	/* changes refresh it at most this often */
#define BOARD_SLOW_EVERY	300.0	/* and without changes this often */
#define BOARD_BEAT		60.0	/* presence heartbeat */
#define BOARD_AWAY		300.0	/* no key for this long: away */
#define BOARD_RETRY		10.0	/* after a failed first fetch */

static void board_fetch_live(struct app *app);
static void board_fetch_slow(struct app *app);

static bool
board_shown(const struct app *app)
{
	return app->view == VIEW_WALLBOARD && app->db_state == DB_READY;
}

static void
board_got_live(struct wb_live *w, const char *error, void *arg)
{
	struct app *app = arg;

	app->wb_live_busy = false;
	free(app->wb_error);
	app->wb_error = NULL;
	/* A failure is tried again later, not on the next tick. */
	app->wb_live_at = db_now();
	if (w == NULL)
		xasprintf(&app->wb_error, _("cannot load the wallboard: %s"),
		    error);
	else {
		wb_live_free(app->wb_live);
		app->wb_live = w;
	}
	app->dirty = true;
	if (app->wb_live_stale)
		board_fetch_live(app);
}

static void
board_got_slow(struct wb_slow *w, const char *error, void *arg)
{
	struct app *app = arg;

	app->wb_slow_busy = false;
	/* A failure is tried again at the next change or interval. */
	app->wb_slow_at = db_now();
	if (w != NULL) {
		wb_slow_free(app->wb_slow);
		app->wb_slow = w;
	} else if (app->wb_error == NULL)
		xasprintf(&app->wb_error, _("cannot load the wallboard: %s"),
		    error);
	app->dirty = true;
}

static void
board_fetch_live(struct app *app)
{
	if (app->wb_live_busy || !board_shown(app)) {
		app->wb_live_stale = true;
		return;
	}
	app->wb_live_busy = true;
	app->wb_live_stale = false;
	wb_live_fetch(app->db, board_got_live, app);
}

static void
board_fetch_slow(struct app *app)
{
	if (app->wb_slow_busy || !board_shown(app)) {
		app->wb_slow_stale = true;
		return;
	}
	app->wb_slow_busy = true;
	app->wb_slow_stale = false;
	wb_slow_fetch(app->db, board_got_slow, app);
}

/* What is due now, by the rules of board.h. */
static void
board_due(struct app *app, double now)
{
	if ((app->wb_live == NULL && now - app->wb_live_at >= BOARD_RETRY) ||
	    app->wb_live_stale || now - app->wb_live_at >= BOARD_LIVE_EVERY)
		board_fetch_live(app);
	if ((app->wb_slow == NULL && now - app->wb_slow_at >= BOARD_RETRY) ||
	    (app->wb_slow_stale && now - app->wb_slow_at >= BOARD_SLOW_AFTER) ||
	    now - app->wb_slow_at >= BOARD_SLOW_EVERY)
		board_fetch_slow(app);
}

void
board_show(struct app *app)
{
	if (board_shown(app) && !app->wb_live_busy)
		board_due(app, db_now());
}

void
board_drill(struct app *app)
{
	queue_free(app->queue);
	app->queue = NULL;
	app->nvis = 0;
	app->selected = 0;
	app->top = 0;
	app->want_queue = true;
}

void
board_changed(struct app *app)
{
	app->wb_live_stale = true;
	app->wb_slow_stale = true;
	if (board_shown(app))
		board_due(app, db_now());
}

void
board_tick(struct app *app, double now)
{
	bool away;

	board_show(app);
	if (app->db_state != DB_READY || app->agent == NULL ||
	    app->agent->id == 0)
		return;
	away = now - app->last_key_at >= BOARD_AWAY;
	if (now - app->beat_at >= BOARD_BEAT || away != app->away) {
		wb_heartbeat(app->db, away);
		app->beat_at = now;
		app->away = away;
	}
}

void
board_reconnected(struct app *app)
{
	app->beat_at = 0;
	board_changed(app);
}

void
board_done(struct app *app)
{
	wb_live_free(app->wb_live);
	wb_slow_free(app->wb_slow);
	free(app->wb_error);
	app->wb_live = NULL;
	app->wb_slow = NULL;
	app->wb_error = NULL;
	queue_drill_clear(&app->drill);
}
