/* Actions on the console state. Actions that need the database go through
 * app_work, which the console provides (src/work.c). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/editbuf.h"
#include "core/filter.h"
#include "core/search.h"
#include "db/db.h"
#include "i18n.h"
#include "xmalloc.h"

const struct app_work *app_work;

static void app_insert(struct app *app, const char *text);
static void app_prompt_with(struct app *app, enum prompt_kind kind,
    const char *text);

static const char *const status_codes[] = { "open", "pending", "on_hold",
    "solved", "closed", NULL };
static const char *const priority_codes[] = { "urgent", "high", "normal",
    "low", NULL };
static const char *const conflict_codes[] = { "show", "send", NULL };

/* Moves an index through a list of n entries for the movement actions
 * (the caller clamps); false for any other action. */
static bool
app_move(int *pos, enum action act, int page, int n)
{
	switch (act) {
	case ACT_UP:
		(*pos)--;
		break;
	case ACT_DOWN:
		(*pos)++;
		break;
	case ACT_PAGE_UP:
		*pos -= page;
		break;
	case ACT_PAGE_DOWN:
		*pos += page;
		break;
	case ACT_HOME:
		*pos = 0;
		break;
	case ACT_END:
		*pos = n - 1;
		break;
	default:
		return false;
	}
	return true;
}

static int
app_rows(const struct app *app)
{
	return app->nvis;
}

void
app_refilter(struct app *app)
{
	const struct queue *q = app->queue;

	free(app->vis);
	app->vis = NULL;
	app->nvis = 0;
	if (q == NULL)
		return;
	app->vis = xcalloc((size_t)(q->n > 0 ? q->n : 1), sizeof *app->vis);
	for (int i = 0; i < q->n; i++) {
		const struct queue_row *r = &q->rows[i];
		struct filter_row fr = { r->status, r->priority, r->channel,
		    r->tags, r->subject, r->customer };

		if (app->filter == NULL || filter_match(app->filter, &fr))
			app->vis[app->nvis++] = i;
	}
	app->dirty = true;
}

static void
app_prompt_open(struct app *app, enum prompt_kind kind)
{
	const char *prev = "";

	if (kind == PROMPT_QUEUE_FILTER && app->filter != NULL)
		prev = filter_text(app->filter);
	else if (kind == PROMPT_THREAD_SEARCH && app->thread_search != NULL)
		prev = search_pattern(app->thread_search);
	else if (kind == PROMPT_KB_SEARCH && app->kb != NULL &&
	    app->kb->query != NULL)
		prev = app->kb->query;
	app->prompt.kind = kind;
	app->prompt.eb = editbuf_new(prev);
	editbuf_bottom(app->prompt.eb);
}

void
app_prompt_done(struct app *app, const char *text)
{
	enum prompt_kind kind = app->prompt.kind;
	struct search *s = NULL;
	char *cause = NULL, *copy;

	/* text may live in the prompt's own buffer: copy it before that goes. */
	copy = text != NULL ? xstrdup(text) : NULL;
	text = copy;
	app->prompt.kind = PROMPT_NONE;
	editbuf_free(app->prompt.eb);
	app->prompt.eb = NULL;
	app->dirty = true;
	if (text == NULL)
		return;
	switch (kind) {
	case PROMPT_TRANSFER_NOTE:
		/* The next agent must not have to ask the customer again. */
		if (*text == '\0' || strspn(text, " \t\n") == strlen(text)) {
			app_flash(app, true, "%s", _("a handover note is required: "
			    "what should the next agent know?"));
			app_prompt_with(app, PROMPT_TRANSFER_NOTE, "");
		} else
			app_work->transfer(app, app->transfer_queue, text);
		free(copy);
		return;
	case PROMPT_TAGS:
		app_work->set(app, "tags", text);
		free(copy);
		return;
	case PROMPT_RATING_COMMENT:
		survey_comment(app, text);
		free(copy);
		return;
	case PROMPT_MERGE: {
		char *end;
		long long target = strtoll(text + (*text == '#'), &end, 10);

		if (target <= 0 || *end != '\0')
			app_flash(app, true, _("not a ticket number: %s"), text);
		else
			app_work->merge(app, target);
		free(copy);
		return;
	}
	default:
		break;
	}
	if (kind == PROMPT_QUEUE_FILTER) {
		/* An empty filter shows every row again. */
		struct filter *f = filter_new(text, &cause);

		if (f == NULL && cause != NULL) {
			app_flash(app, true, "%s", cause);
			free(cause);
			free(copy);
			return;
		}
		filter_free(app->filter);
		app->filter = f;
		app->selected = 0;
		app_refilter(app);
		free(copy);
		return;
	}
	/* An empty pattern clears the search. A knowledge search is not a
	 * regular expression. */
	if (kind != PROMPT_KB_SEARCH && *text != '\0' &&
	    (s = search_new(text, &cause)) == NULL) {
		app_flash(app, true, "%s", cause);
		free(cause);
		free(copy);
		return;
	}
	if (kind == PROMPT_KB_SEARCH) {
		app_work->kb_search(app, text);
	} else if (kind == PROMPT_THREAD_SEARCH) {
		search_free(app->thread_search);
		app->thread_search = s;
		app->match_row = app->thread_top - 1;
		app->match_dir = s != NULL ? 1 : 0;
	}
	free(copy);
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

void
app_flash(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	free(app->flash);
	app->flash = msg;
	app->flash_error = error;
	app->flash_until = db_now() + (error ? 8 : 4);
	app->dirty = true;
}

static void
app_open_help(struct app *app)
{
	app->help_from = app->view;
	app->view = VIEW_HELP;
	app->help_top = 0;
}

static void
app_menu_open(struct app *app, enum menu_kind kind)
{
	const char *const *codes = kind == MENU_STATUS ? status_codes :
	    kind == MENU_PRIORITY ? priority_codes : conflict_codes;
	const char *current = NULL;

	app->menu.kind = kind;
	app->menu.codes = codes;
	app->menu.selected = 0;
	for (app->menu.n = 0; codes[app->menu.n] != NULL; app->menu.n++)
		;
	if (app->ticket != NULL)
		current = kind == MENU_STATUS ? app->ticket->status :
		    kind == MENU_PRIORITY ? app->ticket->priority : NULL;
	for (int i = 0; current != NULL && i < app->menu.n; i++)
		if (strcmp(codes[i], current) == 0)
			app->menu.selected = i;
}

void
app_menu_pick(struct app *app, enum menu_kind kind, struct pick_list *l)
{
	pick_list_free(app->menu.pick);
	app->menu.kind = kind;
	app->menu.codes = NULL;
	app->menu.pick = l;
	/* Assigning may also unassign: one more entry, "nobody". */
	app->menu.n = l->n + (kind == MENU_ASSIGN);
	app->menu.selected = 0;
	app->dirty = true;
}

static void
app_prompt_with(struct app *app, enum prompt_kind kind, const char *text)
{
	app->prompt.kind = kind;
	app->prompt.eb = editbuf_new(text);
	editbuf_bottom(app->prompt.eb);
}

void
app_prompt_rating_comment(struct app *app)
{
	app_prompt_with(app, PROMPT_RATING_COMMENT, "");
}

void
app_menu_conflict(struct app *app)
{
	app_menu_open(app, MENU_CONFLICT);
}

void
app_menu_choose(struct app *app, int index)
{
	enum menu_kind kind = app->menu.kind;
	struct pick_list *pick = app->menu.pick;

	app->menu.kind = MENU_NONE;
	app->menu.pick = NULL;
	app->dirty = true;
	if (index < 0 || index >= app->menu.n) {
		pick_list_free(pick);
		return;
	}
	switch (kind) {
	case MENU_TRANSFER:
		app->transfer_queue = pick->items[index].id;
		app_prompt_with(app, PROMPT_TRANSFER_NOTE, "");
		break;
	case MENU_ASSIGN:
		app_work->assign(app, index < pick->n ? pick->items[index].id :
		    0);
		break;
	case MENU_MACRO:
		app_work->macro(app, &pick->items[index]);
		break;
	case MENU_STATUS:
		app_work->set(app, "status", app->menu.codes[index]);
		/* Solving or closing hands over to the rating prompt. */
		if ((strcmp(app->menu.codes[index], "solved") == 0 ||
		    strcmp(app->menu.codes[index], "closed") == 0) &&
		    app->ticket != NULL && app->survey.step == SS_NONE)
			survey_start(app, app->ticket->id, app->ticket->subject);
		break;
	case MENU_PRIORITY:
		app_work->set(app, "priority", app->menu.codes[index]);
		break;
	case MENU_CONFLICT:
		if (index == 1)
			app_work->send_anyway(app);
		else
			app_work->acknowledge(app);
		break;
	case MENU_NONE:
		break;
	}
	pick_list_free(pick);
}

bool
app_drilling(const struct app *app)
{
	return app->drill.what != NULL;
}

/* Leaves a drill-down: the queue shows its own view again. */
static void
app_end_drill(struct app *app)
{
	if (!app_drilling(app))
		return;
	queue_drill_clear(&app->drill);
	app->want_queue = true;
}

void
app_show(struct app *app, enum view_id v)
{
	app->view = v;
	if (v == VIEW_WALLBOARD)
		app_work->wallboard(app);
}

static void
app_open_feedback(struct app *app)
{
	app->feedback_from = app->view;
	app->view = VIEW_FEEDBACK;
	app->fb_sel = 0;
	app_work->feedback(app);
}

static char *
app_dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

/* Enter on a wallboard spot: its ticket, or the tickets behind it in the
 * queue screen, which then shows them until Esc. */
static void
app_follow_spot(struct app *app, const struct wb_spot *s)
{
	if (s->ticket != 0) {
		app_work->open(app, s->ticket);
		return;
	}
	if (strcmp(s->what, "open") == 0) {
		/* Every open ticket: the queue's own view. */
		app_end_drill(app);
		app->qview = QV_ALL;
		app->want_queue = true;
	} else {
		app_end_drill(app);
		app->drill.what = xstrdup(s->what);
		app->drill.key = app_dup_or_null(s->key);
		app->drill.period = app_dup_or_null(s->period);
		app->drill.label = xstrdup(s->label);
		app_work->drill(app);
	}
	app->view = VIEW_QUEUE;
	app->selected = 0;
	app->top = 0;
}

static void
app_wallboard_action(struct app *app, enum action act)
{
	int n = app->nspots;

	switch (act) {
	case ACT_UP:
		if (app->wb_sel > 0)
			app->wb_sel--;
		break;
	case ACT_DOWN:
		if (app->wb_sel < n - 1)
			app->wb_sel++;
		break;
	case ACT_HOME:
		app->wb_sel = 0;
		break;
	case ACT_END:
		app->wb_sel = n > 0 ? n - 1 : 0;
		break;
	case ACT_PANEL:
	case ACT_PAGE_DOWN:
		app->wb_page = (app->wb_page + 1) % APP_WB_PAGES;
		app->wb_sel = 0;
		break;
	case ACT_PANEL_PREV:
	case ACT_PAGE_UP:
		app->wb_page = (app->wb_page + APP_WB_PAGES - 1) % APP_WB_PAGES;
		app->wb_sel = 0;
		break;
	case ACT_OPEN:
		if (app->wb_sel >= 0 && app->wb_sel < n)
			app_follow_spot(app, &app->spots[app->wb_sel]);
		break;
	case ACT_WALLBOARD:
		app->view = VIEW_QUEUE;
		app->want_queue = true;
		break;
	case ACT_FEEDBACK:
		app_open_feedback(app);
		break;
	case ACT_HELP:
		app_open_help(app);
		break;
	case ACT_QUIT:
		app->quit = true;
		break;
	default:
		break;
	}
}

static void
app_queue_action(struct app *app, enum action act)
{
	int page = app->page > 1 ? app->page - 1 : 1;

	if (app_move(&app->selected, act, page, app_rows(app))) {
		app_clamp(app);
		return;
	}
	switch (act) {
	case ACT_OPEN:
		if (app->selected < app_rows(app))
			app_work->open(app,
			    app->queue->rows[app->vis[app->selected]].id);
		break;
	case ACT_SEARCH:
		app_prompt_open(app, PROMPT_QUEUE_FILTER);
		break;
	case ACT_TAKE_NEXT:
		app_work->take_next(app);
		break;
	case ACT_FEEDBACK:
		app_open_feedback(app);
		break;
	case ACT_BACK:
	case ACT_QUIT:
		/* From a drill-down back to the number it came from; q
		 * anywhere else quits. */
		if (!app_drilling(app)) {
			if (act == ACT_QUIT)
				app->quit = true;
			break;
		}
		/* FALLTHROUGH */
	case ACT_WALLBOARD:
		app_end_drill(app);
		app_show(app, VIEW_WALLBOARD);
		break;
	case ACT_VIEW_MINE:
	case ACT_VIEW_TEAM:
	case ACT_VIEW_ALL:
	case ACT_VIEW_WAITING:
	case ACT_VIEW_BREACHED:
		app->qview = (enum queue_view)(act - ACT_VIEW_MINE);
		app_end_drill(app);
		app->want_queue = true;
		app->selected = 0;
		app->top = 0;
		break;
	case ACT_HELP:
		app_open_help(app);
		break;
	default:
		break;
	}
	app_clamp(app);
}

/* Strips the \x02..\x03 marks of a snippet for the reply. */
static char *
app_plain_snippet(const char *snippet)
{
	char *out = xstrdup(snippet), *w = out;

	for (const char *r = snippet; *r != '\0'; r++)
		if (*r != '\x02' && *r != '\x03')
			*w++ = *r;
	*w = '\0';
	return out;
}

/* Keys while the customer or knowledge panel has the focus; true when the
 * action was the panel's. */
static bool
app_panel_action(struct app *app, enum action act)
{
	int n = app->panel == PANEL_CUSTOMER ?
	    (app->customer != NULL ? app->customer->nhistory : 0) :
	    (app->kb != NULL ? app->kb->n : 0);
	int *sel = app->panel == PANEL_CUSTOMER ? &app->hist_sel :
	    &app->kb_sel;
	char *text;

	if (app->panel == PANEL_KB && app->article != NULL) {
		switch (act) {
		case ACT_UP:
		case ACT_DOWN:
		case ACT_PAGE_UP:
		case ACT_PAGE_DOWN:
		case ACT_HOME:
			app_move(&app->article_top, act, app->page, 0);
			break;
		case ACT_INSERT:
		case ACT_INSERT_ALL:
			xasprintf(&text, "%s\n\n%s", app->article->title,
			    app->article->body);
			app_insert(app, text);
			free(text);
			break;
		case ACT_BACK:
			kb_article_free(app->article);
			app->article = NULL;
			break;
		default:
			return false;
		}
		if (app->article_top < 0)
			app->article_top = 0;
		return true;
	}
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_HOME:
	case ACT_END:
		/* Entries take two rows or more: half a page of them. */
		app_move(sel, act, app->page / 2, n);
		break;
	case ACT_OPEN:
		if (*sel >= 0 && *sel < n) {
			if (app->panel == PANEL_CUSTOMER) {
				if (app->nback < (int)(sizeof app->back /
				    sizeof *app->back)) {
					app->back[app->nback].id = app->open_id;
					app->back[app->nback].top =
					    app->thread_top;
					app->nback++;
				}
				app_work->open(app,
				    app->customer->history[*sel].id);
			} else
				app_work->open_article(app,
				    app->kb->hits[*sel].id);
		}
		break;
	case ACT_ORG:
		if (app->panel != PANEL_CUSTOMER)
			return false;
		app_work->org_history(app);
		break;
	case ACT_SEARCH:
		if (app->panel != PANEL_KB)
			return false;
		app_prompt_open(app, PROMPT_KB_SEARCH);
		break;
	case ACT_INSERT:
		if (app->panel != PANEL_KB || *sel < 0 || *sel >= n)
			return false;
		text = app_plain_snippet(app->kb->hits[*sel].snippet);
		app_insert(app, text);
		free(text);
		break;
	case ACT_INSERT_ALL:
		if (app->panel != PANEL_KB || *sel < 0 || *sel >= n)
			return false;
		app_work->open_article(app, app->kb->hits[*sel].id);
		break;
	case ACT_BACK:
		app->panel_focus = false;
		break;
	default:
		return false;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	return true;
}

bool
app_read_only(const struct app *app)
{
	return app->agent != NULL && app->agent->supervisor &&
	    app->ticket != NULL && app->ticket->assignee_id != app->agent->id;
}

static void
app_read_only_flash(struct app *app)
{
	app_flash(app, true, "%s", _("read-only: this ticket is not yours; "
	    "assign it to yourself with @ to work on it"));
}

/* Text from the knowledge panel into the reply: writing, like a reply. */
static void
app_insert(struct app *app, const char *text)
{
	if (app_read_only(app))
		app_read_only_flash(app);
	else
		app_work->insert(app, text);
}

/* The actions that change a ticket; a supervisor takes it first. */
static bool
app_writes(enum action act)
{
	switch (act) {
	case ACT_REPLY:
	case ACT_NOTE:
	case ACT_STATUS:
	case ACT_PRIORITY:
	case ACT_TRANSFER:
	case ACT_TAGS:
	case ACT_MERGE:
	case ACT_MACRO:
		return true;
	default:
		return false;
	}
}

static void
app_ticket_action(struct app *app, enum action act)
{
	if (app_writes(act) && app_read_only(app)) {
		app_read_only_flash(app);
		return;
	}
	if (act == ACT_PANEL) {
		/* thread -> customer -> knowledge -> thread */
		if (!app->panel_focus) {
			app->panel_focus = true;
			app->panel = PANEL_CUSTOMER;
		} else if (app->panel == PANEL_CUSTOMER)
			app->panel = PANEL_KB;
		else
			app->panel_focus = false;
		return;
	}
	if (app->panel_focus && app_panel_action(app, act))
		return;
	if (act == ACT_BACK && app->nback > 0) {
		app_work->go_back(app);
		return;
	}
	int page = app->page > 1 ? app->page - 1 : 1;

	switch (act) {
	case ACT_ORG:
	case ACT_INSERT:
	case ACT_INSERT_ALL:
		app_flash(app, false, "%s", _("Tab to the customer or knowledge "
		    "panel first"));
		break;
	case ACT_END:
		/* The view knows where the end is: it scrolls there. */
		app->thread_bottom = true;
		break;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_HOME:
		app_move(&app->thread_top, act, page, 0);
		break;
	case ACT_REPLY:
	case ACT_NOTE:
		if (app->ticket != NULL)
			app_work->compose(app, act == ACT_NOTE);
		break;
	case ACT_STATUS:
		if (app->ticket != NULL)
			app_menu_open(app, MENU_STATUS);
		break;
	case ACT_PRIORITY:
		if (app->ticket != NULL)
			app_menu_open(app, MENU_PRIORITY);
		break;
	case ACT_RELOAD:
		app_work->reload(app);
		break;
	case ACT_SEARCH:
		app_prompt_open(app, PROMPT_THREAD_SEARCH);
		break;
	case ACT_TRANSFER:
		app_work->pick(app, MENU_TRANSFER);
		break;
	case ACT_ASSIGN:
		app_work->pick(app, MENU_ASSIGN);
		break;
	case ACT_MACRO:
		app_work->pick(app, MENU_MACRO);
		break;
	case ACT_TAGS:
		if (app->ticket != NULL)
			app_prompt_with(app, PROMPT_TAGS, app->ticket->tags);
		break;
	case ACT_MERGE:
		if (app->ticket != NULL)
			app_prompt_with(app, PROMPT_MERGE, "");
		break;
	case ACT_MATCH_NEXT:
	case ACT_MATCH_PREV:
		if (app->thread_search == NULL)
			app_flash(app, false, "%s", _("no search: press / first"));
		else
			app->match_dir = act == ACT_MATCH_NEXT ? 1 : -1;
		break;
	case ACT_HELP:
		app_open_help(app);
		break;
	case ACT_BACK:
	case ACT_QUIT:
		app_work->close_ticket(app);
		break;
	default:
		break;
	}
	if (app->thread_top < 0)
		app->thread_top = 0;
}

static void
app_help_action(struct app *app, enum action act)
{
	/* The view clamps the end; it knows how long the help is. */
	if (app_move(&app->help_top, act, app->page, 1 << 20)) {
		if (app->help_top < 0)
			app->help_top = 0;
		return;
	}
	switch (act) {
	case ACT_HELP:
	case ACT_BACK:
	case ACT_QUIT:
		app->view = app->help_from;
		break;
	default:
		break;
	}
}

static void
app_feedback_action(struct app *app, enum action act)
{
	int n = app->feedback != NULL ? app->feedback->n : 0;
	const struct feedback_row *r;

	if (app_move(&app->fb_sel, act, app->page > 1 ? app->page - 1 : 1, n))
		act = ACT_NONE;
	switch (act) {
	case ACT_OPEN:
		/* The callback is what needs doing; without one, the rating. */
		if (app->fb_sel >= 0 && app->fb_sel < n) {
			r = &app->feedback->rows[app->fb_sel];
			app_work->open(app, r->callback_ticket != 0 ?
			    r->callback_ticket : r->ticket);
		}
		break;
	case ACT_HELP:
		app_open_help(app);
		break;
	case ACT_BACK:
	case ACT_QUIT:
	case ACT_FEEDBACK:
		app_show(app, app->feedback_from);
		break;
	default:
		break;
	}
	if (app->fb_sel >= n)
		app->fb_sel = n - 1;
	if (app->fb_sel < 0)
		app->fb_sel = 0;
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
	switch (app->view) {
	case VIEW_HELP:
		app_help_action(app, act);
		break;
	case VIEW_TICKET:
		app_ticket_action(app, act);
		break;
	case VIEW_QUEUE:
		app_queue_action(app, act);
		break;
	case VIEW_FEEDBACK:
		app_feedback_action(app, act);
		break;
	case VIEW_WALLBOARD:
		app_wallboard_action(app, act);
		break;
	}
}

void
app_set_queue(struct app *app, struct queue *q)
{
	long long keep = -1;

	if (app->queue != NULL && app->selected < app->nvis)
		keep = app->queue->rows[app->vis[app->selected]].id;
	queue_free(app->queue);
	app->queue = q;
	app_refilter(app);
	if (keep != -1) {
		for (int i = 0; i < app->nvis; i++)
			if (q->rows[app->vis[i]].id == keep) {
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
