/* The live queue: one row per ticket, most urgent first, countdowns ticking. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/labels.h"
#include "core/filter.h"
#include "core/sla.h"
#include "core/text.h"
#include "core/timefmt.h"
#include "i18n.h"
#include "tui/tui-int.h"
#include "xmalloc.h"

enum col {
	COL_PRIORITY,
	COL_SLA,
	COL_STATUS,
	COL_CHANNEL,
	COL_CUSTOMER,
	COL_SUBJECT,
	COL_AGE,
	COL_COUNT
};

struct column {
	const char	*title;
	int		 width;		/* fixed width; 0 = flexible */
	int		 drop_below;	/* hidden on terminals narrower */
};

static const struct column columns[COL_COUNT] = {
	[COL_PRIORITY] = { N_("PRI"), 6, 0 },
	[COL_SLA] = { N_("SLA"), 8, 0 },
	[COL_STATUS] = { N_("STATUS"), 7, 56 },
	[COL_CHANNEL] = { N_("CHANNEL"), 9, 72 },
	[COL_CUSTOMER] = { N_("CUSTOMER"), 0, 0 },
	[COL_SUBJECT] = { N_("SUBJECT"), 0, 0 },
	[COL_AGE] = { N_("AGE"), 4, 0 },
};

struct layout {
	int	x[COL_COUNT];
	int	w[COL_COUNT];	/* 0 = hidden */
};

static void
queue_layout(int cols, struct layout *l)
{
	int used = 0, flex, shown = 0, x = 0;

	for (int c = 0; c < COL_COUNT; c++) {
		l->w[c] = cols >= columns[c].drop_below ? columns[c].width : 0;
		if (columns[c].drop_below > cols)
			continue;
		used += l->w[c];
		shown++;
	}
	flex = cols - used - (shown - 1);
	/* The customer gets a third of what is left, within reason. */
	l->w[COL_CUSTOMER] = flex / 3 < 10 ? 10 : flex / 3 > 24 ? 24 : flex / 3;
	l->w[COL_SUBJECT] = flex - l->w[COL_CUSTOMER];
	for (int c = 0; c < COL_COUNT; c++) {
		l->x[c] = x;
		if (l->w[c] > 0)
			x += l->w[c] + 1;
	}
}

static enum tui_color
mark_color(enum sla_mark m)
{
	switch (m) {
	case SLA_BREACHED:
		return TC_BREACHED;
	case SLA_RISK:
		return TC_RISK;
	case SLA_PAUSED:
		return TC_PAUSED;
	case SLA_MET:
		return TC_OK;
	default:
		return TC_NONE;
	}
}

/* The mark of a row and the seconds its clock shows. */
static enum sla_mark
queue_row_mark(const struct queue_row *r, double now, long *left)
{
	double l = 0;

	if (r->has_due)
		l = r->clock_state != NULL &&
		    strcmp(r->clock_state, "paused") == 0 ?
		    r->remaining : r->due_at - now;
	*left = (long)(l < 0 ? l - 0.999 : l);
	return sla_classify(r->clock_state, r->has_due, l);
}

static void
queue_draw_row(struct app *app, int y, const struct layout *l,
    const struct queue_row *r, double now, bool selected)
{
	char sla[TIMEFMT_SIZE + 4], age[TIMEFMT_SIZE];
	long left;
	enum sla_mark m = queue_row_mark(r, now, &left);
	attr_t base = selected ? A_REVERSE : A_NORMAL;
	attr_t slattr = base | tui_attr(app, mark_color(m));

	if (m == SLA_NONE || m == SLA_MET)
		snprintf(sla, sizeof sla, "%c", sla_marker(m));
	else {
		char cd[TIMEFMT_SIZE];

		timefmt_countdown(left, cd, sizeof cd);
		snprintf(sla, sizeof sla, "%c %s", sla_marker(m), cd);
	}
	timefmt_age((long)(now - r->created_at), age, sizeof age);

	mvhline(y, 0, ' ', COLS);
	if (selected)
		mvchgat(y, 0, -1, A_REVERSE, 0, NULL);
	tui_put(app, y, l->x[COL_PRIORITY], l->w[COL_PRIORITY],
	    _(label_priority(r->priority)), TEXT_PAD, base |
	    (strcmp(r->priority, "urgent") == 0 ? A_BOLD : 0));
	tui_put(app, y, l->x[COL_SLA], l->w[COL_SLA], sla, TEXT_PAD, slattr);
	tui_put(app, y, l->x[COL_STATUS], l->w[COL_STATUS],
	    _(label_status(r->status)), TEXT_PAD, base);
	tui_put(app, y, l->x[COL_CHANNEL], l->w[COL_CHANNEL],
	    _(label_channel(r->channel)), TEXT_PAD, base);
	tui_put(app, y, l->x[COL_CUSTOMER], l->w[COL_CUSTOMER], r->customer,
	    TEXT_PAD, base);
	if (r->viewers != NULL && *r->viewers != '\0') {
		char *subject;

		/* Someone else is on it: say who before the subject. */
		xasprintf(&subject, "[%s] %s", r->viewers, r->subject);
		tui_put(app, y, l->x[COL_SUBJECT], l->w[COL_SUBJECT], subject,
		    TEXT_PAD, base | A_BOLD);
		free(subject);
	} else
		tui_put(app, y, l->x[COL_SUBJECT], l->w[COL_SUBJECT],
		    r->subject, TEXT_PAD, base);
	tui_put(app, y, l->x[COL_AGE], l->w[COL_AGE], age, TEXT_PAD, base);
}

static void
queue_draw_header(struct app *app, int cols, double now)
{
	const struct queue *q = app->queue;
	int breached = 0, risk = 0, rw;
	long left;
	char *left_text, *right_text;
	const char *who = app->agent != NULL && app->agent->name != NULL ?
	    app->agent->name : db_user(app->db);
	const char *dot = tui_dot(app);

	for (int i = 0; q != NULL && i < q->n; i++) {
		enum sla_mark m = queue_row_mark(&q->rows[i], now, &left);

		breached += m == SLA_BREACHED;
		risk += m == SLA_RISK;
	}
	if (app->agent != NULL && app->agent->team != NULL &&
	    *app->agent->team != '\0')
		xasprintf(&left_text, " frontline %s %s %s %s", dot, who, dot,
		    app->agent->team);
	else
		xasprintf(&left_text, " frontline %s %s", dot, who);
	xasprintf(&right_text, _("%d in view %s %d breached %s %d at risk %s %s "),
	    q != NULL ? q->n : 0, dot, breached, dot, risk, dot,
	    app->db_state == DB_READY ? _("live") : _("offline"));
	mvhline(0, 0, ' ', cols);
	mvchgat(0, 0, -1, tui_attr(app, TC_TITLE), (short)(app->color ?
	    TC_TITLE : 0), NULL);
	/* The counts matter more than the name: the name yields space first. */
	rw = text_width(right_text);
	if (rw > cols - 12)
		rw = 0;
	tui_put(app, 0, 0, cols - rw - 1, left_text, 0, tui_attr(app, TC_TITLE));
	if (rw > 0)
		tui_put_right(app, 0, cols, right_text, tui_attr(app, TC_TITLE));
	free(left_text);
	free(right_text);
}

static const char *const view_names[QV_COUNT] = {
	[QV_MINE] = N_("Mine"),
	[QV_TEAM] = N_("Team"),
	[QV_ALL] = N_("All"),
	[QV_WAITING] = N_("Waiting"),
	[QV_BREACHED] = N_("Breached"),
};

/* The views with their counts; the current one stands out. */
static void
queue_draw_tabs(struct app *app, int y, int cols)
{
	const struct queue *q = app->queue;
	int x = 0;
	char *tab;

	mvhline(y, 0, ' ', cols);
	if (app_drilling(app)) {
		/* The tickets behind a wallboard number, not a view. */
		xasprintf(&tab, _(" %s: %d tickets  (Esc back to the "
		    "wallboard)"), app->drill.label, q != NULL ? q->n : 0);
		tui_put(app, y, 0, cols, tab, TEXT_PAD, A_REVERSE | A_BOLD);
		free(tab);
		return;
	}
	for (int v = 0; v < QV_COUNT && x < cols; v++) {
		if (q != NULL)
			xasprintf(&tab, " %d %s %lld ", v + 1, _(view_names[v]),
			    q->counts[v]);
		else
			xasprintf(&tab, " %d %s ", v + 1, _(view_names[v]));
		tui_put(app, y, x, cols - x, tab, 0, (int)app->qview == v ?
		    A_REVERSE | A_BOLD : (v == QV_BREACHED && q != NULL &&
		    q->counts[v] > 0 ? tui_attr(app, TC_BREACHED) : A_NORMAL));
		/* A click on a tab switches to it, as its digit does. */
		tui_target(app, y, x, text_width(tab), TARGET_KEY, '1' + v);
		x += text_width(tab) + 1;
		free(tab);
	}
}

static void
queue_draw(struct app *app, int rows, int cols)
{
	struct layout l;
	const struct queue *q = app->queue;
	double now = app_server_now(app, db_now());
	int list_rows = rows - 4, y;

	queue_layout(cols, &l);
	queue_draw_header(app, cols, now);
	queue_draw_tabs(app, 1, cols);
	for (int c = 0; c < COL_COUNT; c++)
		tui_put(app, 2, l.x[c], l.w[c], _(columns[c].title), TEXT_PAD,
		    A_BOLD | A_UNDERLINE);

	app->page = list_rows;
	if (app->selected < app->top)
		app->top = app->selected;
	if (app->selected >= app->top + list_rows)
		app->top = app->selected - list_rows + 1;
	if (app->top < 0)
		app->top = 0;

	if (q == NULL)
		tui_put(app, 4, 2, cols - 2, app->db_state == DB_READY ?
		    _("loading the queue...") : _("waiting for the database"),
		    0, A_DIM);
	else if (q->n == 0)
		tui_put(app, 4, 2, cols - 2, _("Nothing in this view. New "
		    "tickets appear here as they arrive."), 0, A_DIM);
	else if (app->nvis == 0)
		tui_put(app, 4, 2, cols - 2, _("No ticket matches the filter. "
		    "Press / and Enter on an empty line to clear it."), 0, A_DIM);
	for (int i = app->top; q != NULL && i < app->nvis; i++) {
		y = 3 + i - app->top;
		if (y >= rows - 1)
			break;
		queue_draw_row(app, y, &l, &q->rows[app->vis[i]], now,
		    i == app->selected);
		tui_target(app, y, 0, cols, TARGET_ROW, i);
	}
	if (app->filter != NULL && app->prompt.kind == PROMPT_NONE) {
		char *text;

		xasprintf(&text, _("filter /%s/: %d of %d  (/ then Enter on an "
		    "empty line clears it)"), filter_text(app->filter),
		    app->nvis, q != NULL ? q->n : 0);
		tui_draw_status(app, rows - 1, cols, text);
		free(text);
	} else
		tui_draw_status(app, rows - 1, cols, _("? help  Enter open  "
		    "n take next  / filter  q quit"));
}

const struct view_ops view_queue_ops = {
	.name = "queue",
	.draw = queue_draw,
};
