/* `frontline console`: the agent's screen. Wires the database, the loop and
 * the terminal together; the state itself lives in struct app. */
#include "config.h"

#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "board.h"
#include "cmd/cmd.h"
#include "db/db.h"
#include "db/queue.h"
#include "i18n.h"
#include "loop.h"
#include "tui/tui.h"
#include "work.h"
#include "xmalloc.h"

/* Rows fetched for the queue: more than any screen shows, fewer than a
 * slow link minds. */
#define CONSOLE_QUEUE_LIMIT 500

static void console_refresh(struct app *app);

static void
console_set_error(char **slot, const char *error)
{
	free(*slot);
	*slot = error != NULL ? xstrdup(error) : NULL;
}

static void
console_got_queue(struct queue *q, const char *error, void *arg)
{
	struct app *app = arg;

	app->fetching = false;
	console_set_error(&app->fetch_error, error);
	if (q != NULL) {
		/* A view switched while the fetch was out comes next. */
		app->want_queue = q->view != app->qview ||
		    q->drill != app_drilling(app);
		app_set_queue(app, q);
		app->synced_at = db_now();
	}
	app->dirty = true;
	if (app->stale && app->db_state == DB_READY)
		console_refresh(app);
}

static void
console_got_changes(int nchanged, const long long *tickets, char *cursor,
    const char *error, void *arg)
{
	struct app *app = arg;
	bool first = app->cursor == NULL;

	if (error != NULL) {
		app->fetching = false;
		console_set_error(&app->fetch_error, error);
		app->dirty = true;
		return;
	}
	if (cursor != NULL) {
		free(app->cursor);
		app->cursor = cursor;
	}
	if (nchanged > 0) {
		work_any_change(app);
		board_changed(app);
	}
	for (int i = 0; i < nchanged && app->open_id != 0; i++)
		if (tickets[i] == app->open_id) {
			work_changed(app);
			break;
		}
	if (!(nchanged > 0 || first || app->queue == NULL || app->want_queue))
		app->fetching = false;
	else if (app_drilling(app))
		queue_fetch_drill(app->db, &app->drill, CONSOLE_QUEUE_LIMIT,
		    console_got_queue, app);
	else
		queue_fetch(app->db, app->qview, CONSOLE_QUEUE_LIMIT,
		    console_got_queue, app);
}

/* Asks what changed and refetches the queue if anything did; a change that
 * arrives meanwhile is remembered and followed by one more refresh. */
static void
console_refresh(struct app *app)
{
	if (app->fetching) {
		app->stale = true;
		return;
	}
	app->stale = false;
	app->fetching = true;
	changes_fetch(app->db, app->cursor, console_got_changes, app);
}

static void
console_got_agent(struct agent_info *a, const char *error, void *arg)
{
	struct app *app = arg;

	if (a != NULL) {
		agent_info_free(app->agent);
		app->agent = a;
		/* A supervisor's day starts on the wallboard. */
		if (!app->view_chosen && a->supervisor &&
		    app->view == VIEW_QUEUE) {
			app->view = VIEW_WALLBOARD;
			board_show(app);
		}
		app->view_chosen = true;
	}
	app->dirty = true;
}

static void
console_db_state(void *arg, enum db_state state, const char *why)
{
	struct app *app = arg;

	app->db_state = state;
	console_set_error(&app->db_error, why);
	app->dirty = true;
	if (state == DB_READY) {
		/* After a reconnect the queue is refetched whole, since time
		 * moved on: the cursor starts again from now. */
		app->fetching = false;
		free(app->cursor);
		app->cursor = NULL;
		agent_fetch(app->db, console_got_agent, app);
		console_refresh(app);
		work_reconnected(app);
		board_reconnected(app);
	}
}

static void
console_db_changed(void *arg)
{
	struct app *app = arg;

	console_refresh(app);
}

/* Loop sources: the database socket, the keyboard, and the clock. */

static int
src_db_fd(void *arg)
{
	return db_fd(((struct app *)arg)->db);
}

static short
src_db_events(void *arg)
{
	return db_events(((struct app *)arg)->db);
}

static void
src_db_ready(void *arg, short revents)
{
	db_io(((struct app *)arg)->db, revents);
}

static int
src_db_timeout(void *arg)
{
	return db_timeout(((struct app *)arg)->db, db_now());
}

static void
src_db_tick(void *arg)
{
	db_tick(((struct app *)arg)->db, db_now());
}

static int
src_keys_fd(void *arg)
{
	return STDIN_FILENO;
}

static short
src_keys_events(void *arg)
{
	return POLLIN;
}

static void
src_keys_ready(void *arg, short revents)
{
	tui_read_keys(arg);
}

/* The countdowns tick on each wall-clock second. */
static int
src_clock_timeout(void *arg)
{
	double now = db_now();

	return (int)((1.0 - (now - (long)now)) * 1000.0) + 1;
}

static void
src_clock_tick(void *arg)
{
	static long last;
	struct app *app = arg;
	long now = (long)db_now();

	if (now != last) {
		last = now;
		app->dirty = true;
	}
	work_tick(app, db_now());
	board_tick(app, db_now());
}

static void
console_signal(int signo, void *arg)
{
	struct app *app = arg;

	switch (signo) {
	case SIGWINCH:
		tui_resize(app);
		break;
	case SIGCONT:
		tui_resume(app);
		break;
	default:
		app->quit = true;
		break;
	}
}

int
cmd_console(const struct console_opts *opts)
{
	struct app app;
	struct db_events ev = { console_db_state, console_db_changed, &app };
	struct loop_source db_src = { src_db_fd, src_db_events, src_db_ready,
	    src_db_timeout, src_db_tick, &app };
	struct loop_source key_src = { src_keys_fd, src_keys_events,
	    src_keys_ready, NULL, NULL, &app };
	struct loop_source clock_src = { NULL, NULL, NULL, src_clock_timeout,
	    src_clock_tick, &app };
	char *cause = NULL;
	int rc = 0;

	memset(&app, 0, sizeof app);
	app.ascii = opts->ascii;
	app.last_key_at = db_now();
	app.db = db_new(opts->conninfo, &ev);
	work_init(&app, opts->conninfo);
	if (tui_init(&app, &cause) == -1) {
		cmd_warn("%s", cause);
		free(cause);
		db_free(app.db);
		return 1;
	}
	if (loop_init() == -1) {
		tui_done();
		cmd_warn("%s", _("cannot set up the event loop"));
		db_free(app.db);
		return 1;
	}
	loop_on_signal(console_signal, &app);
	loop_add(&db_src);
	loop_add(&key_src);
	loop_add(&clock_src);
	db_start(app.db);

	/* Everything the role may see, most urgent first: an agent's team
	 * queues and their own tickets, a supervisor's whole floor. */
	app.qview = QV_ALL;
	while (!app.quit) {
		if (app.want_queue && !app.fetching && app.db_state == DB_READY)
			console_refresh(&app);
		work_flush(&app);
		tui_draw(&app);
		if (loop_once(-1) == -1) {
			rc = 1;
			break;
		}
	}
	tui_done();
	loop_done();
	/* The database first: its requests still out are failed to their
	 * callbacks, which update the queue and the board they belong to. */
	db_free(app.db);
	work_done(&app);
	board_done(&app);
	queue_free(app.queue);
	agent_info_free(app.agent);
	free(app.cursor);
	free(app.db_error);
	free(app.fetch_error);
	return rc;
}

int
cmd_console_main(int argc, char **argv, bool ascii)
{
	static const struct option longopts[] = {
		{ "dbname", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct console_opts opts = { .conninfo = "", .ascii = ascii };
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opts.conninfo = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	return cmd_console(&opts);
}
