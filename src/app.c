/* Actions on the console state. */
#include "config.h"

#include <stdlib.h>

#include "app.h"

static int
app_rows(const struct app *app)
{
	return app->queue != NULL ? app->queue->n : 0;
}

static void
app_clamp(struct app *app)
{
	int n = app_rows(app);

	if (app->selected >= n)
		app->selected = n - 1;
	if (app->selected < 0)
		app->selected = 0;
}

static void
app_queue_action(struct app *app, enum action act)
{
	int page = app->page > 1 ? app->page - 1 : 1;

	switch (act) {
	case ACT_UP:
		app->selected--;
		break;
	case ACT_DOWN:
		app->selected++;
		break;
	case ACT_PAGE_UP:
		app->selected -= page;
		break;
	case ACT_PAGE_DOWN:
		app->selected += page;
		break;
	case ACT_HOME:
		app->selected = 0;
		break;
	case ACT_END:
		app->selected = app_rows(app) - 1;
		break;
	case ACT_HELP:
		app->view = VIEW_HELP;
		app->help_top = 0;
		break;
	case ACT_BACK:
		break;
	case ACT_QUIT:
		app->quit = true;
		break;
	default:
		break;
	}
	app_clamp(app);
}

static void
app_help_action(struct app *app, enum action act)
{
	switch (act) {
	case ACT_UP:
		if (app->help_top > 0)
			app->help_top--;
		break;
	case ACT_DOWN:
		app->help_top++;
		break;
	case ACT_PAGE_UP:
		app->help_top -= app->page;
		if (app->help_top < 0)
			app->help_top = 0;
		break;
	case ACT_PAGE_DOWN:
		app->help_top += app->page;
		break;
	case ACT_HOME:
		app->help_top = 0;
		break;
	case ACT_HELP:
	case ACT_BACK:
	case ACT_QUIT:
		app->view = VIEW_QUEUE;
		break;
	default:
		break;
	}
}

void
app_action(struct app *app, enum action act)
{
	if (act == ACT_NONE)
		return;
	app->dirty = true;
	if (act == ACT_REDRAW) {
		app->redraw_all = true;
		return;
	}
	if (app->view == VIEW_HELP)
		app_help_action(app, act);
	else
		app_queue_action(app, act);
}

void
app_set_queue(struct app *app, struct queue *q)
{
	long long keep = -1;

	if (app->queue != NULL && app->selected < app->queue->n)
		keep = app->queue->rows[app->selected].id;
	queue_free(app->queue);
	app->queue = q;
	if (keep != -1) {
		for (int i = 0; i < q->n; i++)
			if (q->rows[i].id == keep) {
				app->selected = i;
				break;
			}
	}
	app_clamp(app);
	app->dirty = true;
}

double
app_server_now(const struct app *app, double local_now)
{
	return local_now + (app->queue != NULL ? app->queue->server_skew : 0);
}
