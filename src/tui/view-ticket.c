/* The ticket screen: who and what at the top, every SLA clock with its
 * countdown, the handover note and who else is here, then the whole
 * conversation, oldest first; the reply editor opens below it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/labels.h"
#include "core/search.h"
#include "core/sla.h"
#include "core/text.h"
#include "core/timefmt.h"
#include "i18n.h"
#include "tui/tui-int.h"
#include "xmalloc.h"

/* One row of the laid-out thread. */
struct trow {
	char		*text;		/* sanitized, fitted */
	attr_t		 attr;
};

struct tlines {
	struct trow	*row;
	int		 n, cap;
};

static void
tlines_add(struct tlines *l, char *text, attr_t attr)
{
	if (l->n == l->cap) {
		l->cap = l->cap * 2 + 32;
		l->row = xreallocarray(l->row, (size_t)l->cap, sizeof *l->row);
	}
	l->row[l->n].text = text;
	l->row[l->n].attr = attr;
	l->n++;
}

static void
tlines_free(struct tlines *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->row[i].text);
	free(l->row);
}

static const char *
message_kind_label(const char *kind)
{
	if (strcmp(kind, "customer") == 0)
		return _("customer");
	if (strcmp(kind, "reply") == 0)
		return _("reply");
	if (strcmp(kind, "note") == 0)
		return _("internal note");
	if (strcmp(kind, "auto") == 0)
		return _("automatic");
	return kind;
}

static attr_t
message_attr(const struct app *app, const char *kind)
{
	if (strcmp(kind, "note") == 0)
		return tui_attr(app, TC_RISK);
	if (strcmp(kind, "reply") == 0)
		return tui_attr(app, TC_OK);
	if (strcmp(kind, "auto") == 0)
		return A_DIM;
	return A_BOLD;
}

static void
format_local_time(double t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "?");
}

/* Lays the thread out for a width: a heading per message, then its body
 * wrapped and indented. Notes are marked in words as well as in colour. */
static void
ticket_layout(const struct app *app, const struct ticket *t, int cols,
    struct tlines *out)
{
	int flags = tui_text_flags(app), width = cols - 4;
	const char *dot = app->ascii ? "|" : "·", *author;
	char when[32], *head, *clean;
	struct text_lines wrapped;

	for (int i = 0; i < t->nmsgs; i++) {
		const struct message *m = &t->msgs[i];
		attr_t attr = message_attr(app, m->kind);

		format_local_time(m->created_at, when, sizeof when);
		/* Automatic messages have no person behind them. */
		author = *m->author != '\0' ? m->author : _("system");
		if (m->ticket_id != t->id)
			xasprintf(&head, "%s %s %s %s %s %s %s %s %s #%lld",
			    app->ascii ? "--" : "──", author, dot,
			    message_kind_label(m->kind), dot,
			    _(label_channel(m->channel)), dot, when,
			    _("from merged ticket"), m->ticket_id);
		else
			xasprintf(&head, "%s %s %s %s %s %s %s %s",
			    app->ascii ? "--" : "──", author, dot,
			    message_kind_label(m->kind), dot,
			    _(label_channel(m->channel)), dot, when);
		clean = text_sanitize(head, strlen(head), TEXT_ONE_LINE | flags);
		tlines_add(out, text_fit(clean, cols, flags), attr);
		free(clean);
		free(head);

		clean = text_sanitize(m->body, strlen(m->body), flags);
		text_wrap(clean, width > 10 ? width : 10, &wrapped);
		for (size_t j = 0; j < wrapped.n; j++) {
			char *indented;

			xasprintf(&indented, "%s%s", strcmp(m->kind, "note") ==
			    0 ? (app->ascii ? "| " : "│ ") : "  ",
			    wrapped.line[j]);
			tlines_add(out, indented, strcmp(m->kind, "note") == 0 ?
			    tui_attr(app, TC_RISK) : A_NORMAL);
		}
		text_lines_free(&wrapped);
		free(clean);
		tlines_add(out, xstrdup(""), A_NORMAL);
	}
}

/* Moves to the next (dir 1) or previous (-1) row holding a match, after or
 * before the current one, wrapping around; says so when there is none. */
static void
ticket_jump(struct app *app, const struct tlines *l, int body_rows)
{
	int dir = app->match_dir, r = app->match_row;

	app->match_dir = 0;
	for (int step = 0; step < l->n; step++) {
		r += dir;
		if (r >= l->n)
			r = 0;
		if (r < 0)
			r = l->n - 1;
		if (search_any(app->thread_search, l->row[r].text)) {
			app->match_row = r;
			/* Some context above the match. */
			app->thread_top = r - body_rows / 3;
			return;
		}
	}
	app_flash(app, true, _("no match for /%s/"),
	    search_pattern(app->thread_search));
}

/* Draws a row with every match of the search shown in reverse video. */
static void
ticket_put_row(struct app *app, int y, const struct trow *r, bool current)
{
	const char *text = r->text;
	size_t len = strlen(text), from = 0, a, b;
	int x = 0;
	char *piece;

	if (app->thread_search == NULL) {
		attrset(r->attr);
		mvaddstr(y, 0, text);
		attrset(A_NORMAL);
		return;
	}
	move(y, 0);
	while (search_next(app->thread_search, text, len, from, &a, &b)) {
		piece = xstrndup(text + from, a - from);
		attrset(r->attr);
		addstr(piece);
		x += text_width(piece);
		free(piece);
		piece = xstrndup(text + a, b - a);
		attrset(A_REVERSE | (current ? A_BOLD | A_UNDERLINE : 0));
		addstr(piece);
		free(piece);
		from = b;
	}
	attrset(r->attr);
	addstr(text + from);
	attrset(A_NORMAL);
	(void)x;
}

static int
ticket_draw_clocks(struct app *app, const struct ticket *t, int y, int cols,
    double now)
{
	int x = 0;

	if (t->nclocks == 0) {
		tui_put(app, y, 0, cols, _("no SLA clock on this ticket"), 0,
		    A_DIM);
		return y + 1;
	}
	for (int i = 0; i < t->nclocks; i++) {
		const struct ticket_clock *c = &t->clocks[i];
		double left = strcmp(c->state, "paused") == 0 ? c->remaining :
		    c->due_at - now;
		enum sla_mark m = sla_classify(c->state, c->has_due, left);
		char cd[TIMEFMT_SIZE], *text;
		enum tui_color color = m == SLA_BREACHED ? TC_BREACHED :
		    m == SLA_RISK ? TC_RISK : m == SLA_PAUSED ? TC_PAUSED :
		    m == SLA_MET ? TC_OK : TC_NONE;

		if (m == SLA_MET)
			xasprintf(&text, "%s %c %s", _(label_clock(c->kind)),
			    sla_marker(m), c->breached ? _("met late") :
			    _("met"));
		else if (m == SLA_NONE)
			xasprintf(&text, "%s %c", _(label_clock(c->kind)),
			    sla_marker(m));
		else {
			long secs = (long)(left < 0 ? left - 0.999 : left);

			timefmt_countdown(secs, cd, sizeof cd);
			xasprintf(&text, "%s %c %s%s", _(label_clock(c->kind)),
			    sla_marker(m), cd, m == SLA_PAUSED ?
			    _(" (paused)") : "");
		}
		if (x + text_width(text) >= cols && x > 0) {
			y++;
			x = 0;
		}
		tui_put(app, y, x, cols - x, text, 0, tui_attr(app, color));
		x += text_width(text) + 3;
		free(text);
	}
	return y + 1;
}

static const char *
menu_title(enum menu_kind kind)
{
	switch (kind) {
	case MENU_STATUS:
		return _("Set status");
	case MENU_PRIORITY:
		return _("Set priority");
	case MENU_TRANSFER:
		return _("Transfer to queue");
	case MENU_ASSIGN:
		return _("Assign to (* online)");
	case MENU_MACRO:
		return _("Canned reply");
	default:
		return _("New messages arrived");
	}
}

/* The label of entry i; *owned says whether the caller frees it. */
static char *
menu_label(const struct menu *m, int i)
{
	char *label;

	switch (m->kind) {
	case MENU_STATUS:
		return xstrdup(_(label_status(m->codes[i])));
	case MENU_PRIORITY:
		return xstrdup(_(label_priority(m->codes[i])));
	case MENU_CONFLICT:
		return xstrdup(i == 0 ? _("read them first (keep my text)") :
		    _("send my text anyway"));
	case MENU_ASSIGN:
		if (i == m->pick->n)
			return xstrdup(_("nobody (unassign)"));
		/* FALLTHROUGH */
	default:
		if (*m->pick->items[i].detail != '\0')
			xasprintf(&label, "%s (%s)", m->pick->items[i].label,
			    m->pick->items[i].detail);
		else
			label = xstrdup(m->pick->items[i].label);
		return label;
	}
}

static void
ticket_draw_menu(struct app *app, int rows, int cols)
{
	const struct menu *m = &app->menu;
	int shown = m->n < rows - 6 ? m->n : rows - 6;
	int w = cols < 48 ? cols : 48, h = shown + 4;
	int y0 = (rows - h) / 2, x0 = (cols - w) / 2, first;
	char *item, *label;

	if (shown < 1)
		shown = 1;
	first = m->selected - shown + 1 > 0 ? m->selected - shown + 1 : 0;
	for (int y = y0; y < y0 + h && y < rows; y++)
		mvhline(y, x0, ' ', w);
	/* A frame, so the menu reads as one thing over the thread. */
	mvhline(y0, x0, app->ascii ? '-' : ACS_HLINE, w);
	mvhline(y0 + h - 1, x0, app->ascii ? '-' : ACS_HLINE, w);
	mvvline(y0, x0, app->ascii ? '|' : ACS_VLINE, h);
	mvvline(y0, x0 + w - 1, app->ascii ? '|' : ACS_VLINE, h);
	mvaddch(y0, x0, app->ascii ? '+' : ACS_ULCORNER);
	mvaddch(y0, x0 + w - 1, app->ascii ? '+' : ACS_URCORNER);
	mvaddch(y0 + h - 1, x0, app->ascii ? '+' : ACS_LLCORNER);
	mvaddch(y0 + h - 1, x0 + w - 1, app->ascii ? '+' : ACS_LRCORNER);
	tui_put(app, y0, x0 + 2, w - 4, menu_title(m->kind), 0, A_BOLD);
	for (int i = first; i < m->n && i < first + shown; i++) {
		label = menu_label(m, i);
		if (i < 9)
			xasprintf(&item, " %d %s", i + 1, label);
		else
			xasprintf(&item, "   %s", label);
		tui_put(app, y0 + 1 + i - first, x0 + 1, w - 2, item, TEXT_PAD,
		    i == m->selected ? A_REVERSE : A_NORMAL);
		tui_target(app, y0 + 1 + i - first, x0 + 1, w - 2, TARGET_MENU,
		    i);
		free(item);
		free(label);
	}
	tui_put(app, y0 + h - 2, x0 + 1, w - 2, _(" Enter choose, Esc cancel"),
	    TEXT_PAD, A_DIM);
}

/* Columns from which the panel sits beside the thread. */
#define TICKET_WIDE 120

static void
ticket_draw_panel(struct app *app, int y, int x, int h, int w)
{
	if (app->panel == PANEL_KB)
		tui_draw_kb_panel(app, y, x, h, w);
	else
		tui_draw_customer_panel(app, y, x, h, w);
}

static void
ticket_draw(struct app *app, int rows, int cols)
{
	const struct ticket *t = app->ticket;
	double now = db_now() + (t != NULL ? t->server_skew : 0);
	struct tlines lines = { NULL, 0, 0 };
	char *text, idtext[32];
	int y, body_top, body_rows, edit_rows = 0, thread_w = cols, panel_w;

	snprintf(idtext, sizeof idtext, "#%lld", app->open_id);
	mvhline(0, 0, ' ', cols);
	mvchgat(0, 0, -1, tui_attr(app, TC_TITLE), (short)(app->color ?
	    TC_TITLE : 0), NULL);
	if (t == NULL) {
		xasprintf(&text, " %s  %s", idtext, _("loading..."));
		tui_put(app, 0, 0, cols, text, 0, tui_attr(app, TC_TITLE));
		free(text);
		tui_draw_status(app, rows - 1, cols, _("Esc back"));
		return;
	}

	xasprintf(&text, " %s %s", idtext, t->subject);
	tui_put(app, 0, 0, cols - 22, text, 0, tui_attr(app, TC_TITLE));
	free(text);
	xasprintf(&text, "%s %s %s ", _(label_status(t->status)),
	    app->ascii ? "|" : "·", _(label_priority(t->priority)));
	tui_put_right(app, 0, cols, text, tui_attr(app, TC_TITLE));
	free(text);

	xasprintf(&text, "%s%s%s%s %s %s %s %s %s %s%s%s", t->customer,
	    t->organization != NULL ? " (" : "",
	    t->organization != NULL ? t->organization : "",
	    t->organization != NULL ? ")" : "", app->ascii ? "|" : "·",
	    _(label_channel(t->channel)), app->ascii ? "|" : "·", t->queue,
	    app->ascii ? "|" : "·", t->assignee != NULL ? t->assignee :
	    _("unassigned"), *t->tags != '\0' ? "  #" : "", t->tags);
	tui_put(app, 1, 0, cols, text, 0, A_BOLD);
	free(text);

	y = ticket_draw_clocks(app, t, 2, cols, now);
	if (t->pause_reason != NULL && (strcmp(t->status, "pending") == 0 ||
	    strcmp(t->status, "on_hold") == 0)) {
		xasprintf(&text, strcmp(t->status, "pending") == 0 ?
		    _("waiting on the customer: %s") : _("on hold: %s"),
		    t->pause_reason);
		tui_put(app, y++, 0, cols, text, 0, tui_attr(app, TC_PAUSED));
		free(text);
	}
	if (t->handover_note != NULL) {
		xasprintf(&text, _("Handover from %s: %s"), t->handover_by != NULL ?
		    t->handover_by : "?", t->handover_note);
		tui_put(app, y++, 0, cols, text, 0, tui_attr(app, TC_BANNER));
		free(text);
	}
	if (t->viewers != NULL && *t->viewers != '\0') {
		xasprintf(&text, _("Also viewing: %s"), t->viewers);
		tui_put(app, y++, 0, cols, text, 0, tui_attr(app, TC_RISK) |
		    A_BOLD);
		free(text);
	}
	if (app->pending.body != NULL && app->pending.ticket == t->id) {
		tui_put(app, y++, 0, cols, app->db_state == DB_READY ?
		    _("sending your reply...") : _("your reply is queued: it "
		    "will be sent when the database is back"), 0,
		    tui_attr(app, TC_RISK) | A_BOLD);
	}
	mvhline(y++, 0, app->ascii ? '-' : ACS_HLINE, cols);
	body_top = y;

	if (app->edit != NULL)
		edit_rows = rows / 3 < 5 ? 5 : rows / 3;
	body_rows = rows - 1 - body_top - edit_rows;
	if (body_rows < 1)
		body_rows = 1;

	/* Wide: the panel beside the thread. Narrow: the focused panel in
	 * place of the thread, as a tab. */
	app->panel_beside = cols >= TICKET_WIDE;
	if (app->panel_beside) {
		panel_w = cols * 2 / 5 > 64 ? 64 : cols * 2 / 5;
		thread_w = cols - panel_w - 1;
		mvvline(body_top, thread_w, app->ascii ? '|' : ACS_VLINE,
		    body_rows);
		ticket_draw_panel(app, body_top, thread_w + 1, body_rows,
		    panel_w);
	} else if (app->panel_focus) {
		ticket_draw_panel(app, body_top, 0, body_rows, cols);
		thread_w = 0;
	}
	if (thread_w == 0)
		goto below;

	/* Beside a panel, a click on the thread gives it the focus back. */
	if (app->panel_beside)
		for (int i = 0; i < body_rows; i++)
			tui_target(app, body_top + i, 0, thread_w,
			    TARGET_THREAD, 0);
	ticket_layout(app, t, thread_w, &lines);
	app->page = body_rows;
	if (app->thread_bottom) {
		app->thread_top = lines.n - body_rows;
		app->thread_bottom = false;
	}
	if (app->match_dir != 0 && app->thread_search != NULL)
		ticket_jump(app, &lines, body_rows);
	if (app->thread_top > lines.n - body_rows)
		app->thread_top = lines.n - body_rows;
	if (app->thread_top < 0)
		app->thread_top = 0;
	for (int i = 0; i < body_rows && app->thread_top + i < lines.n; i++)
		ticket_put_row(app, body_top + i, &lines.row[app->thread_top + i],
		    app->thread_top + i == app->match_row);
	tlines_free(&lines);

below:
	if (app->edit != NULL)
		tui_draw_editor(app, rows - 1 - edit_rows, edit_rows, cols);
	if (app->menu.kind != MENU_NONE)
		ticket_draw_menu(app, rows, cols);
	tui_draw_status(app, rows - 1, cols, app->edit != NULL ?
	    _("Ctrl-X send  Esc close (draft kept)  Ctrl-T reply/note  "
	    "Ctrl-O $EDITOR") :
	    app->panel_focus && app->panel == PANEL_KB ?
	    _("Enter read  a insert snippet  / search  Tab next  Esc thread") :
	    app->panel_focus ? _("Enter open  o organization  Tab next  "
	    "Esc thread") :
	    _("r reply  i note  s status  T transfer  m macro  / search  "
	    "Tab panels  ? help"));
}

const struct view_ops view_ticket_ops = {
	.name = "ticket",
	.draw = ticket_draw,
};
