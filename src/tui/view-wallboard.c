/* The supervisor wallboard: seven panels (the queue now, agents, quality,
 * volume, trends, low ratings, the week's best answers), tiled on a wide
 * terminal and one per page on a narrow one. Every number that stands for tickets is
 * a spot: the selection moves over the spots in reading order and Enter
 * shows the tickets behind it (app.c, board.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/labels.h"
#include "core/metrics.h"
#include "core/text.h"
#include "core/timefmt.h"
#include "i18n.h"
#include "survey.h"
#include "tui/tui-int.h"
#include "xmalloc.h"

enum wb_panel {
	WP_NOW,
	WP_AGENTS,
	WP_QUALITY,
	WP_VOLUME,
	WP_TRENDS,
	WP_LOW,
	WP_BEST,
	WP_COUNT
};

static const char *const panel_names[WP_COUNT] = {
	[WP_NOW] = N_("Queue now"),
	[WP_AGENTS] = N_("Agents"),
	[WP_QUALITY] = N_("Quality"),
	[WP_VOLUME] = N_("Volume"),
	[WP_TRENDS] = N_("Trends, 30 days"),
	[WP_LOW] = N_("Low ratings"),
	[WP_BEST] = N_("Best answers of the week"),
};

static const char *const period_names[WB_NPERIODS] = {
	[WB_TODAY] = N_("Today"),
	[WB_7D] = N_("7 days"),
	[WB_30D] = N_("30 days"),
};

/* Wide enough to tile every panel on one screen. */
#define WB_WIDE_COLS	160
#define WB_WIDE_ROWS	50

struct rect {
	int	y, x, h, w;
};

/* The spot recorded last, for the mouse target of the text drawn for it;
 * -1 when the table was full. */
static int spot_last = -1;

/* Records a spot and returns the attribute its text is drawn with. */
static attr_t
spot(struct app *app, const char *what, const char *key,
    const char *period, long long ticket, const char *label)
{
	struct wb_spot *s;
	int i = app->nspots;

	spot_last = -1;
	if (i >= APP_MAX_SPOTS)
		return A_NORMAL;
	spot_last = i;
	s = &app->spots[app->nspots++];
	memset(s, 0, sizeof *s);
	snprintf(s->what, sizeof s->what, "%s", what != NULL ? what : "");
	snprintf(s->key, sizeof s->key, "%s", key != NULL ? key : "");
	snprintf(s->period, sizeof s->period, "%s", period != NULL ? period :
	    "");
	snprintf(s->label, sizeof s->label, "%s", label != NULL ? label : "");
	s->ticket = ticket;
	return i == app->wb_sel ? A_REVERSE | A_BOLD : A_NORMAL;
}

/* Makes w columns at y, x point at the spot just recorded for the mouse. */
static void
spot_area(struct app *app, int y, int x, int w)
{
	if (spot_last != -1)
		tui_target(app, y, x, w, TARGET_SPOT, spot_last);
}

/* Draws the text of the spot just recorded, cut to w columns at y, x. */
static void
spot_put(struct app *app, int y, int x, int w, const char *text, int flags,
    attr_t attr)
{
	tui_put(app, y, x, w, text, flags, attr);
	spot_area(app, y, x, w);
}

/* The same, right-aligned to end at x_end, as numbers are. */
static void
spot_put_right(struct app *app, int y, int x_end, const char *text,
    attr_t attr)
{
	int w = text_width(text);

	tui_put_right(app, y, x_end, text, attr);
	if (w <= x_end)
		spot_area(app, y, x_end - w, w);
}

/* Minutes as a person reads a duration: 45m, 3h05m, 2d04h; "-" for none. */
static void
fmt_minutes(double m, char *buf, size_t len)
{
	long t;

	if (isnan(m)) {
		snprintf(buf, len, "-");
		return;
	}
	t = lround(m);
	/* TRANSLATORS: durations on the wallboard, with one-letter units
	 * for minutes, hours and days: "45m", "2h05m", "3d04h". */
	if (t < 60)
		snprintf(buf, len, _("%ldm"), t);
	else if (t < 24 * 60)
		snprintf(buf, len, _("%ldh%02ldm"), t / 60, t % 60);
	else
		snprintf(buf, len, _("%ldd%02ldh"), t / (24 * 60), t / 60 % 24);
}

static void
fmt_percent(double v, char *buf, size_t len)
{
	long r;

	if (metrics_round(v, &r))
		snprintf(buf, len, "%ld%%", r);
	else
		snprintf(buf, len, "-");
}

static double
share(long long part, long long whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : NAN;
}

/* The panel's title over its first row. */
static void
panel_title(struct app *app, const struct rect *r, const char *title,
    const char *right)
{
	mvhline(r->y, r->x, ' ', r->w);
	tui_put(app, r->y, r->x, r->w, title, 0, A_BOLD | A_UNDERLINE);
	if (right != NULL && text_width(title) + text_width(right) + 2 < r->w)
		tui_put_right(app, r->y, r->x + r->w, right, A_DIM);
}

/* A label and a count that drills down, in w columns. */
static void
count_cell(struct app *app, int y, int x, int w, const char *label,
    long long n, const char *what, const char *key, const char *period,
    attr_t emphasis)
{
	char num[24], *title;
	int nw;
	attr_t a;

	snprintf(num, sizeof num, "%lld", n);
	nw = text_width(num);
	if (w < nw + 2)
		return;
	xasprintf(&title, "%s: %s", _(panel_names[WP_NOW]), label);
	a = spot(app, what, key, period, 0, title);
	free(title);
	tui_put(app, y, x, w - nw - 1, label, TEXT_PAD, A_NORMAL);
	spot_put(app, y, x + w - nw, nw, num, 0, a | (n > 0 ? emphasis : 0));
}

static const char *
count_label(const char *dimension, const char *key)
{
	if (strcmp(dimension, "status") == 0)
		return _(label_status(key));
	if (strcmp(dimension, "priority") == 0)
		return _(label_priority(key));
	if (strcmp(dimension, "channel") == 0)
		return _(label_channel(key));
	return key;
}

static void
draw_now(struct app *app, const struct rect *r)
{
	static const char *const dims[] = { "status", "priority", "channel",
	    "queue" };
	static const char *const dim_names[] = { N_("By status"),
	    N_("By priority"), N_("By channel"), N_("By queue") };
	const struct wb_live *w = app->wb_live;
	double now;
	int y = r->y + 1, ncol, cw, top, most = 0;
	char *line, age[TIMEFMT_SIZE];

	panel_title(app, r, _(panel_names[WP_NOW]), NULL);
	if (w == NULL)
		return;
	cw = r->w / 4 > 14 ? (r->w - 3) / 4 : (r->w - 1) / 2;
	/* Every open ticket is the queue's own "All" view (app.c). */
	count_cell(app, y, r->x, cw, _("Open"), w->open, "open", NULL, NULL,
	    A_BOLD);
	count_cell(app, y, r->x + cw + 1, cw, _("Breached"), w->breached,
	    "risk", "breached", NULL, tui_attr(app, TC_BREACHED));
	if (cw * 4 + 3 <= r->w) {
		count_cell(app, y, r->x + 2 * (cw + 1), cw, _("Due < 15 min"),
		    w->due_15, "risk", "due_15", NULL, tui_attr(app, TC_RISK));
		count_cell(app, y, r->x + 3 * (cw + 1), cw, _("Due < 60 min"),
		    w->due_60, "risk", "due_60", NULL, tui_attr(app, TC_RISK));
	} else {
		y++;
		count_cell(app, y, r->x, cw, _("Due < 15 min"), w->due_15,
		    "risk", "due_15", NULL, tui_attr(app, TC_RISK));
		count_cell(app, y, r->x + cw + 1, cw, _("Due < 60 min"),
		    w->due_60, "risk", "due_60", NULL, tui_attr(app, TC_RISK));
	}
	y++;
	if (w->oldest_id != 0) {
		now = w->server_now + (db_now() - app->wb_live_at);
		timefmt_age((long)(now - w->oldest_created), age, sizeof age);
		xasprintf(&line, _("Oldest waiting: %s  #%lld %s"), age,
		    w->oldest_id, w->oldest_subject != NULL ?
		    w->oldest_subject : "");
		spot_put(app, y, r->x, r->w, line, TEXT_PAD,
		    spot(app, NULL, NULL, NULL, w->oldest_id, NULL));
		free(line);
	} else
		tui_put(app, y, r->x, r->w, _("Nobody is waiting on us."),
		    TEXT_PAD, A_DIM);
	y += 2;

	/* Four lists side by side, or two and two below. */
	ncol = r->w >= 4 * 16 + 3 ? 4 : 2;
	cw = (r->w - (ncol - 1)) / ncol;
	for (int d = 0; d < 4; d++) {
		int n = 0;

		for (int i = 0; i < w->nqueue; i++)
			n += strcmp(w->queue[i].dimension, dims[d]) == 0;
		if (n > most)
			most = n;
	}
	top = y;
	for (int d = 0; d < 4; d++) {
		int x = r->x + (d % ncol) * (cw + 1), row;

		if (d == ncol) {
			top += most + 2;
			most = 0;
		}
		row = top;
		if (row >= r->y + r->h)
			break;
		tui_put(app, row++, x, cw, _(dim_names[d]), TEXT_PAD, A_BOLD);
		for (int i = 0; i < w->nqueue; i++) {
			const struct wb_count *c = &w->queue[i];

			if (strcmp(c->dimension, dims[d]) != 0)
				continue;
			if (row >= r->y + r->h)
				break;
			count_cell(app, row++, x, cw, count_label(c->dimension,
			    c->key), c->n, c->dimension, c->key, NULL, 0);
		}
		if (row == top + 1 && row < r->y + r->h)
			tui_put(app, row, x, cw, "-", 0, A_DIM);
	}
}

static void
draw_agents(struct app *app, const struct rect *r)
{
	const struct wb_live *w = app->wb_live;
	int y = r->y + 1, online = 0, away = 0, off = 0;
	int nw, sw = 8, hw = 5, rw = 5, cw = 5, now_w, x;
	char *right, num[32], id[32];

	if (w != NULL)
		for (int i = 0; i < w->nagents; i++) {
			online += strcmp(w->agents[i].presence, "online") == 0;
			away += strcmp(w->agents[i].presence, "away") == 0;
		}
	off = w != NULL ? w->nagents - online - away : 0;
	xasprintf(&right, _("%d online, %d away, %d offline"), online, away,
	    off);
	panel_title(app, r, _(panel_names[WP_AGENTS]), w != NULL ? right :
	    NULL);
	free(right);
	if (w == NULL)
		return;
	nw = r->w / 4 > 22 ? 22 : r->w / 4;
	now_w = r->w - nw - sw - hw - rw - cw - 5;
	if (now_w < 8) {
		now_w = 0;
		nw = r->w - sw - hw - rw - cw - 4;
	}
	x = r->x;
	tui_put(app, y, x, nw, _("AGENT"), TEXT_PAD, A_BOLD);
	tui_put(app, y, x += nw + 1, sw, _("STATE"), TEXT_PAD, A_BOLD);
	tui_put_right(app, y, (x += sw + 1) + hw, _("OPEN"), A_BOLD);
	if (now_w > 0)
		tui_put(app, y, x + hw + 1, now_w, _("WORKING ON"), TEXT_PAD,
		    A_BOLD);
	x += hw + 1 + (now_w > 0 ? now_w + 1 : 0);
	tui_put_right(app, y, x + rw, _("REPL"), A_BOLD);
	tui_put_right(app, y, x + rw + 1 + cw, _("CSAT"), A_BOLD);
	y++;
	if (w->nagents == 0)
		tui_put(app, y, r->x, r->w, _("No agents."), TEXT_PAD, A_DIM);
	for (int i = 0; i < w->nagents && y < r->y + r->h; i++, y++) {
		const struct wb_agent *a = &w->agents[i];
		bool on = strcmp(a->presence, "online") == 0;
		bool aw = strcmp(a->presence, "away") == 0;
		char *label;

		mvhline(y, r->x, ' ', r->w);
		x = r->x;
		tui_put(app, y, x, nw, a->name, TEXT_PAD, on ? A_NORMAL :
		    A_DIM);
		tui_put(app, y, x += nw + 1, sw, on ? _("online") : aw ?
		    _("away") : _("offline"), TEXT_PAD, on ? tui_attr(app,
		    TC_OK) : aw ? tui_attr(app, TC_RISK) : A_DIM);
		snprintf(num, sizeof num, "%lld", a->in_hand);
		xasprintf(&label, _("Open tickets of %s"), a->name);
		snprintf(id, sizeof id, "%lld", a->id);
		spot_put_right(app, y, (x += sw + 1) + hw, num, spot(app,
		    "agent", id, NULL, 0, label));
		free(label);
		if (now_w > 0 && a->current_id != 0) {
			xasprintf(&label, "#%lld %s", a->current_id,
			    a->current_subject != NULL ? a->current_subject :
			    "");
			spot_put(app, y, x + hw + 1, now_w, label, TEXT_PAD,
			    spot(app, NULL, NULL, NULL, a->current_id, NULL));
			free(label);
		}
		x += hw + 1 + (now_w > 0 ? now_w + 1 : 0);
		snprintf(num, sizeof num, "%lld", a->replies_today);
		xasprintf(&label, _("Answered by %s today"), a->name);
		spot_put_right(app, y, x + rw, num, spot(app, "agent_replies",
		    id, NULL, 0, label));
		free(label);
		if (a->csat_n > 0)
			snprintf(num, sizeof num, "%.1f", (double)a->csat_sum /
			    (double)a->csat_n);
		else
			snprintf(num, sizeof num, "-");
		xasprintf(&label, _("Rated today, %s"), a->name);
		spot_put_right(app, y, x + rw + 1 + cw, num, spot(app,
		    "agent_csat", id, NULL, 0, label) | (a->csat_n > 0 &&
		    (double)a->csat_sum / (double)a->csat_n < 3.5 ?
		    tui_attr(app, TC_BREACHED) : A_NORMAL));
		free(label);
	}
}

/* One row of the quality table: a figure in each period. */
struct qrow {
	const char	*label;
	const char	*what;		/* the drill-down */
	int		 kind;		/* how to compute and show it */
	const char	*drill;		/* its title, when not the label */
};

enum {
	Q_CREATED, Q_SOLVED, Q_CSAT_AVG, Q_CSAT_PCT, Q_NPS, Q_NPS_SPLIT,
	Q_FRT_BMED, Q_FRT_BP90, Q_FRT_WMED, Q_FRT_WP90,
	Q_RES_BMED, Q_RES_BP90, Q_RES_WMED, Q_RES_WP90,
	Q_FCR, Q_REOPEN, Q_FRT_BREACHED, Q_RES_BREACHED, Q_RESPONSE
};

static const struct qrow qrows[] = {
	{ N_("Tickets created"), "created", Q_CREATED, NULL },
	{ N_("Solved"), "solved", Q_SOLVED, NULL },
	{ N_("CSAT average (1-5)"), "csat", Q_CSAT_AVG, NULL },
	{ N_("CSAT % (4 and 5)"), "csat_low", Q_CSAT_PCT,
	    N_("CSAT 1 to 3") },
	{ N_("NPS"), "nps_detractors", Q_NPS, N_("NPS detractors") },
	{ N_("  promoters/passives/detractors %"), "nps_promoters",
	    Q_NPS_SPLIT, N_("NPS promoters") },
	{ N_("First response, median (business)"), "frt", Q_FRT_BMED, NULL },
	{ N_("First response, p90 (business)"), "frt", Q_FRT_BP90, NULL },
	{ N_("First response, median (wall)"), "frt", Q_FRT_WMED, NULL },
	{ N_("First response, p90 (wall)"), "frt", Q_FRT_WP90, NULL },
	{ N_("Resolution, median (business)"), "resolution", Q_RES_BMED, NULL },
	{ N_("Resolution, p90 (business)"), "resolution", Q_RES_BP90, NULL },
	{ N_("Resolution, median (wall)"), "resolution", Q_RES_WMED, NULL },
	{ N_("Resolution, p90 (wall)"), "resolution", Q_RES_WP90, NULL },
	{ N_("First-contact resolution"), "fcr", Q_FCR, NULL },
	{ N_("Reopen rate"), "reopened", Q_REOPEN, NULL },
	{ N_("First response breached"), "frt_breached", Q_FRT_BREACHED, NULL },
	{ N_("Resolution breached"), "res_breached", Q_RES_BREACHED, NULL },
	{ N_("Survey response rate"), "csat", Q_RESPONSE, NULL },
};

static void
quality_value(const struct stats_figures *f, int kind, char *buf, size_t len)
{
	const struct metrics_ratings *m = &f->ratings;
	long p, pa, d;

	switch (kind) {
	case Q_CREATED:
		snprintf(buf, len, "%lld", f->created);
		break;
	case Q_SOLVED:
		snprintf(buf, len, "%lld", f->solved);
		break;
	case Q_CSAT_AVG:
		if (m->csat_n > 0)
			snprintf(buf, len, "%.2f", metrics_csat_average(m));
		else
			snprintf(buf, len, "-");
		break;
	case Q_CSAT_PCT:
		fmt_percent(metrics_csat_percent(m), buf, len);
		break;
	case Q_NPS:
		if (metrics_round(metrics_nps(m), &p))
			snprintf(buf, len, "%+ld", p);
		else
			snprintf(buf, len, "-");
		break;
	case Q_NPS_SPLIT:
		if (metrics_round(metrics_nps_promoters(m), &p) &&
		    metrics_round(metrics_nps_passives(m), &pa) &&
		    metrics_round(metrics_nps_detractors(m), &d))
			snprintf(buf, len, "%ld/%ld/%ld", p, pa, d);
		else
			snprintf(buf, len, "-");
		break;
	case Q_FRT_BMED:
		fmt_minutes(f->frt_business_median, buf, len);
		break;
	case Q_FRT_BP90:
		fmt_minutes(f->frt_business_p90, buf, len);
		break;
	case Q_FRT_WMED:
		fmt_minutes(f->frt_wall_median, buf, len);
		break;
	case Q_FRT_WP90:
		fmt_minutes(f->frt_wall_p90, buf, len);
		break;
	case Q_RES_BMED:
		fmt_minutes(f->res_business_median, buf, len);
		break;
	case Q_RES_BP90:
		fmt_minutes(f->res_business_p90, buf, len);
		break;
	case Q_RES_WMED:
		fmt_minutes(f->res_wall_median, buf, len);
		break;
	case Q_RES_WP90:
		fmt_minutes(f->res_wall_p90, buf, len);
		break;
	case Q_FCR:
		fmt_percent(share(f->fcr_yes, f->fcr_answers), buf, len);
		break;
	case Q_REOPEN:
		fmt_percent(share(f->reopened, f->solved_once), buf, len);
		break;
	case Q_FRT_BREACHED:
		snprintf(buf, len, "%lld", f->frt_breached);
		break;
	case Q_RES_BREACHED:
		snprintf(buf, len, "%lld", f->res_breached);
		break;
	case Q_RESPONSE:
		fmt_percent(metrics_response_rate(m), buf, len);
		break;
	}
}

/* The count of key in dimension for one period; 0 when absent. */
static long long
volume_of(const struct app *app, enum wb_period p, const char *dimension,
    const char *key)
{
	/* Today's is live; the longer periods' come with the slow part. */
	const struct wb_count *v = p == WB_TODAY ? app->wb_live->volume :
	    app->wb_slow->volume[p];
	int n = p == WB_TODAY ? app->wb_live->nvolume :
	    app->wb_slow->nvolume[p];

	for (int i = 0; i < n; i++)
		if (strcmp(v[i].dimension, dimension) == 0 &&
		    strcmp(v[i].key, key) == 0)
			return v[i].n;
	return 0;
}

/* Tickets created by channel and by topic, a column per period: the keys of
 * the 30 days (they include the shorter periods'), busiest first. */
static void
draw_volume(struct app *app, const struct rect *r)
{
	static const char *const dims[] = { "channel", "topic" };
	static const char *const names[] = { N_("By channel"),
	    N_("By topic") };
	const struct wb_slow *s = app->wb_slow;
	int y = r->y + 1, vw = 9, lw = r->w - 3 * (vw + 1);
	char num[24];

	panel_title(app, r, _(panel_names[WP_VOLUME]), s == NULL ?
	    _("loading...") : NULL);
	if (s == NULL || app->wb_live == NULL || lw < 6)
		return;
	for (int d = 0; d < 2 && y < r->y + r->h; d++) {
		tui_put(app, y, r->x, lw, _(names[d]), TEXT_PAD, A_BOLD);
		for (int p = 0; p < WB_NPERIODS; p++)
			tui_put_right(app, y, r->x + lw + (p + 1) * (vw + 1),
			    _(period_names[p]), A_BOLD);
		y++;
		for (int i = 0; i < s->nvolume[WB_30D] && y < r->y + r->h;
		    i++) {
			const struct wb_count *c = &s->volume[WB_30D][i];
			const char *name;

			if (strcmp(c->dimension, dims[d]) != 0)
				continue;
			name = strcmp(c->key, "none") == 0 ? _("no topic") :
			    d == 0 ? _(label_channel(c->key)) : c->key;
			mvhline(y, r->x, ' ', r->w);
			tui_put(app, y, r->x, lw, name, TEXT_PAD, A_NORMAL);
			for (int p = 0; p < WB_NPERIODS; p++) {
				char *label;

				snprintf(num, sizeof num, "%lld",
				    volume_of(app, p, c->dimension, c->key));
				xasprintf(&label, "%s: %s, %s", _(names[d]),
				    name, _(period_names[p]));
				spot_put_right(app, y, r->x + lw + (p + 1) *
				    (vw + 1), num, spot(app, d == 0 ?
				    "channel_volume" : "topic_volume", c->key,
				    wb_period_code(p), 0, label));
				free(label);
			}
			y++;
		}
		y++;
	}
}

static void
draw_quality(struct app *app, const struct rect *r)
{
	const struct stats_figures *fig[WB_NPERIODS];
	int lw, vw = 11, y = r->y + 1, nrows = (int)(sizeof qrows /
	    sizeof qrows[0]);
	char buf[48];

	panel_title(app, r, _(panel_names[WP_QUALITY]), app->wb_slow == NULL ?
	    _("loading 7 and 30 days...") : NULL);
	if (app->wb_live == NULL)
		return;
	fig[WB_TODAY] = &app->wb_live->today;
	fig[WB_7D] = app->wb_slow != NULL ? &app->wb_slow->period[WB_7D] : NULL;
	fig[WB_30D] = app->wb_slow != NULL ? &app->wb_slow->period[WB_30D] :
	    NULL;
	lw = r->w - 3 * (vw + 1);
	if (lw < 12) {
		vw = (r->w - 13) / 3 - 1;
		lw = r->w - 3 * (vw + 1);
	}
	for (int p = 0; p < WB_NPERIODS; p++)
		tui_put_right(app, y, r->x + lw + (p + 1) * (vw + 1),
		    _(period_names[p]), A_BOLD);
	y++;
	for (int i = 0; i < nrows && y < r->y + r->h; i++, y++) {
		mvhline(y, r->x, ' ', r->w);
		tui_put(app, y, r->x, lw, _(qrows[i].label), TEXT_PAD,
		    A_NORMAL);
		for (int p = 0; p < WB_NPERIODS; p++) {
			char *label;
			attr_t a;

			if (fig[p] == NULL)
				continue;
			quality_value(fig[p], qrows[i].kind, buf, sizeof buf);
			xasprintf(&label, "%s, %s", _(qrows[i].drill != NULL ?
			    qrows[i].drill : qrows[i].label),
			    _(period_names[p]));
			a = spot(app, qrows[i].what, NULL, wb_period_code(p), 0,
			    label);
			free(label);
			if ((qrows[i].kind == Q_FRT_BREACHED ||
			    qrows[i].kind == Q_RES_BREACHED) &&
			    strcmp(buf, "0") != 0)
				a |= tui_attr(app, TC_BREACHED);
			spot_put_right(app, y, r->x + lw + (p + 1) * (vw + 1),
			    buf, a);
		}
	}
}

/* The trend figures, one chart each. */
enum {
	T_CREATED, T_CSAT, T_NPS, T_FRT, T_RES, T_FCR, T_COUNT
};

static const char *const trend_names[T_COUNT] = {
	[T_CREATED] = N_("Tickets created per day"),
	[T_CSAT] = N_("CSAT % (4 and 5)"),
	[T_NPS] = N_("NPS"),
	[T_FRT] = N_("First response median, business minutes"),
	[T_RES] = N_("Resolution median, business hours"),
	[T_FCR] = N_("First-contact resolution %"),
};

static double
trend_value(const struct stats_figures *f, int t)
{
	switch (t) {
	case T_CREATED:
		return (double)f->created;
	case T_CSAT:
		return metrics_csat_percent(&f->ratings);
	case T_NPS:
		return metrics_nps(&f->ratings);
	case T_FRT:
		return f->frt_business_median;
	case T_RES:
		return f->res_business_median / 60.0;
	case T_FCR:
		return share(f->fcr_yes, f->fcr_answers);
	}
	return NAN;
}

/* One chart in r: title with the latest value, the bars with the range
 * on the left, the first and last day below. */
static void
draw_chart(struct app *app, const struct rect *r, int t)
{
	const struct wb_slow *s = app->wb_slow;
	struct chart c;
	double *v;
	char lo[16], hi[16], latest[16], *title;
	int last = -1, aw, ph = r->h - 2, decimals = t == T_RES ? 1 : 0;

	if (s == NULL || s->ndays == 0 || ph < 1 || r->w < 12)
		return;
	v = xcalloc((size_t)s->ndays, sizeof *v);
	for (int i = 0; i < s->ndays; i++) {
		v[i] = trend_value(&s->days[i], t);
		if (!isnan(v[i]))
			last = i;
	}
	if (last >= 0) {
		chart_label(latest, sizeof latest, v[last], decimals);
		xasprintf(&title, _("%s: %s on %s"), _(trend_names[t]), latest,
		    s->days[last].day + 5);
	} else
		xasprintf(&title, _("%s: no data"), _(trend_names[t]));
	tui_put(app, r->y, r->x, r->w, title, TEXT_PAD, A_BOLD);
	free(title);
	if (chart_render(&c, v, s->ndays, r->w - 7, ph, app->ascii) == 0) {
		chart_label(hi, sizeof hi, c.hi, decimals);
		chart_label(lo, sizeof lo, c.lo, decimals);
		for (int row = 0; row < c.height; row++) {
			const char *axis = row == 0 ? hi : row == c.height - 1 ?
			    lo : "";

			mvhline(r->y + 1 + row, r->x, ' ', 7);
			tui_put_right(app, r->y + 1 + row, r->x + 5, axis,
			    A_DIM);
			mvaddstr(r->y + 1 + row, r->x + 6, app->ascii ? "|" :
			    "\xe2\x94\x82");
			/* chart_render's own output: no customer text. */
			mvaddstr(r->y + 1 + row, r->x + 7, c.rows[row]);
		}
		/* The days under the bars they belong to. */
		aw = c.per * (s->ndays - c.first);
		mvhline(r->y + 1 + c.height, r->x, ' ', r->w);
		tui_put(app, r->y + 1 + c.height, r->x + 7 + c.width - aw,
		    aw, s->days[c.first].day + 5, 0, A_DIM);
		tui_put_right(app, r->y + 1 + c.height, r->x + 7 + c.width,
		    s->days[s->ndays - 1].day + 5, A_DIM);
		chart_free(&c);
	}
	free(v);
}

static void
draw_trends(struct app *app, const struct rect *r)
{
	int ncol = r->w >= 100 ? 3 : 2, nrow = (T_COUNT + ncol - 1) / ncol;
	int cw = (r->w - (ncol - 1) * 2) / ncol, ch = (r->h - 1) / nrow;

	panel_title(app, r, _(panel_names[WP_TRENDS]), app->wb_slow == NULL ?
	    _("loading...") : NULL);
	if (ch < 3) {
		/* Too low for three rows of charts: as many as fit. */
		nrow = (r->h - 1) / 3;
		ch = 3;
	}
	for (int t = 0; t < T_COUNT && t / ncol < nrow; t++) {
		struct rect c = { r->y + 1 + (t / ncol) * ch,
		    r->x + (t % ncol) * (cw + 2), ch - (ch > 4 ? 1 : 0), cw };

		draw_chart(app, &c, t);
	}
}

static void
draw_low(struct app *app, const struct rect *r)
{
	const struct feedback *f = app->wb_live != NULL ? app->wb_live->low :
	    NULL;
	int y = r->y + 1, waiting = 0, cbw = r->w / 3 > 24 ? 24 : r->w / 3;
	char *right = NULL;

	for (int i = 0; f != NULL && i < f->n; i++)
		waiting += f->rows[i].callback_ticket != 0 &&
		    !f->rows[i].callback_done;
	if (f != NULL)
		xasprintf(&right, P_("%d callback waiting",
		    "%d callbacks waiting", waiting), waiting);
	panel_title(app, r, _(panel_names[WP_LOW]), right);
	free(right);
	if (f == NULL)
		return;
	if (f->n == 0)
		tui_put(app, y, r->x, r->w, _("No low ratings."), TEXT_PAD,
		    A_DIM);
	for (int i = 0; i < f->n && y < r->y + r->h; i++, y++) {
		const struct feedback_row *w = &f->rows[i];
		char score[32], cb[48], *line;
		attr_t a;

		survey_score_text(w, score, sizeof score);
		if (w->callback_ticket != 0)
			snprintf(cb, sizeof cb, "%s #%lld", w->callback_done ?
			    _("called back") : _("callback waiting"),
			    w->callback_ticket);
		else
			snprintf(cb, sizeof cb, "%s", _("no callback"));
		a = spot(app, NULL, NULL, NULL, w->callback_ticket != 0 ?
		    w->callback_ticket : w->ticket, NULL);
		mvhline(y, r->x, ' ', r->w);
		spot_area(app, y, r->x, r->w);
		tui_put(app, y, r->x, 13, score, TEXT_PAD, a | (w->csat > 0 &&
		    w->csat <= 2 ? tui_attr(app, TC_BREACHED) : 0));
		tui_put(app, y, r->x + 14, cbw, cb, TEXT_PAD, w->callback_ticket
		    != 0 && !w->callback_done ? tui_attr(app, TC_RISK) : A_DIM);
		xasprintf(&line, "%s %s %s%s#%lld %s", w->agent != NULL ?
		    w->agent : "-", tui_dot(app),
		    survey_reason_label(w->reason),
		    w->reason != NULL ? ": " : "", w->ticket,
		    w->subject != NULL ? w->subject : "");
		tui_put(app, y, r->x + 15 + cbw, r->w - 15 - cbw, line,
		    TEXT_PAD, A_NORMAL);
		free(line);
	}
}

static void
draw_best(struct app *app, const struct rect *r)
{
	const struct wb_slow *s = app->wb_slow;
	int y = r->y + 1, shown = -1;
	long long prev = 0;
	struct text_lines lines;

	panel_title(app, r, _(panel_names[WP_BEST]), s == NULL ?
	    _("loading...") : NULL);
	if (s == NULL)
		return;
	if (s->nbest == 0) {
		tui_put(app, y, r->x, r->w, _("No ticket rated 5 this week."),
		    TEXT_PAD, A_DIM);
		return;
	}
	/* One line per ticket; the selected one's replies below. */
	for (int i = 0; i < s->nbest && y < r->y + r->h - 2; i++) {
		const struct wb_answer *a = &s->best[i];
		char *line;
		attr_t at;

		if (a->ticket == prev)
			continue;
		prev = a->ticket;
		if (a->nps >= 0)
			xasprintf(&line, "CSAT %d NPS %d  %s: #%lld %s",
			    a->csat, a->nps, a->agent, a->ticket, a->subject);
		else
			xasprintf(&line, "CSAT %d  %s: #%lld %s", a->csat,
			    a->agent, a->ticket, a->subject);
		at = spot(app, NULL, NULL, NULL, a->ticket, NULL);
		if (at & A_REVERSE)
			shown = i;
		spot_put(app, y++, r->x, r->w, line, TEXT_PAD, at);
		free(line);
	}
	/* Nothing of ours is selected: read the first ticket's. */
	if (shown < 0)
		shown = 0;
	y++;
	for (int i = shown; i < s->nbest && y < r->y + r->h; i++) {
		const struct wb_answer *a = &s->best[i];
		char *clean;

		if (a->ticket != s->best[shown].ticket)
			break;
		clean = text_sanitize(a->body, strlen(a->body),
		    tui_text_flags(app));
		text_wrap(clean, r->w - 2, &lines);
		free(clean);
		for (size_t l = 0; l < lines.n && y < r->y + r->h; l++)
			tui_put(app, y++, r->x + 2, r->w - 2, lines.line[l],
			    TEXT_PAD, A_NORMAL);
		text_lines_free(&lines);
		y++;
	}
}

static void
draw_panel(struct app *app, enum wb_panel p, const struct rect *r)
{
	for (int y = r->y; y < r->y + r->h; y++)
		mvhline(y, r->x, ' ', r->w);
	switch (p) {
	case WP_NOW:
		draw_now(app, r);
		break;
	case WP_AGENTS:
		draw_agents(app, r);
		break;
	case WP_QUALITY:
		draw_quality(app, r);
		break;
	case WP_VOLUME:
		draw_volume(app, r);
		break;
	case WP_TRENDS:
		draw_trends(app, r);
		break;
	case WP_LOW:
		draw_low(app, r);
		break;
	case WP_BEST:
		draw_best(app, r);
		break;
	case WP_COUNT:
		break;
	}
}

static void
wallboard_header(struct app *app, int cols, bool wide)
{
	const struct wb_live *w = app->wb_live;
	char *left, *right;
	const char *dot = tui_dot(app);
	int x, rw;

	mvhline(0, 0, ' ', cols);
	mvchgat(0, 0, -1, tui_attr(app, TC_TITLE), (short)(app->color ?
	    TC_TITLE : 0), NULL);
	xasprintf(&left, _(" frontline %s wallboard %s %s"), dot, dot,
	    app->agent != NULL && app->agent->name != NULL ?
	    app->agent->name : db_user(app->db));
	if (w != NULL)
		xasprintf(&right, _("%lld open %s %lld breached %s %s %lds "),
		    w->open, dot, w->breached, dot, app->db_state == DB_READY ?
		    _("live") : _("offline"), (long)(db_now() - app->wb_live_at));
	else
		xasprintf(&right, "%s ", app->db_state == DB_READY ?
		    _("loading...") : _("offline"));
	tui_put(app, 0, 0, cols, left, 0, tui_attr(app, TC_TITLE));
	x = text_width(left) + 2;
	free(left);
	rw = text_width(right);
	/* On a narrow screen, which page this is: "3/6 Quality". */
	if (!wide) {
		char *tab;
		int p = app->wb_page % WP_COUNT;

		xasprintf(&tab, " %d/%d %s ", p + 1, WP_COUNT,
		    _(panel_names[p]));
		if (x + text_width(tab) >= cols - rw) {
			free(tab);
			xasprintf(&tab, " %d/%d ", p + 1, WP_COUNT);
		}
		if (x + text_width(tab) < cols - rw)
			tui_put(app, 0, x, text_width(tab), tab, 0, A_REVERSE |
			    A_BOLD);
		free(tab);
	}
	if (rw < cols - 20)
		tui_put_right(app, 0, cols, right, tui_attr(app, TC_TITLE));
	free(right);
}

static void
wallboard_draw(struct app *app, int rows, int cols)
{
	bool wide = cols >= WB_WIDE_COLS && rows >= WB_WIDE_ROWS;
	int body = rows - 2;

	app->nspots = 0;
	wallboard_header(app, cols, wide);
	if (app->wb_live == NULL) {
		for (int y = 1; y < rows - 1; y++)
			mvhline(y, 0, ' ', cols);
		tui_put(app, 2, 2, cols - 2, app->wb_error != NULL ?
		    app->wb_error : app->db_state == DB_READY ?
		    _("loading the wallboard...") :
		    _("waiting for the database"), 0, app->wb_error != NULL ?
		    tui_attr(app, TC_BREACHED) : A_DIM);
	} else if (wide) {
		/* Three panels over three: the live floor on top, the
		 * record below. The quality table needs 24 rows. */
		int top = body - body * 2 / 5 < 24 ? body - body * 2 / 5 : 24;
		int bottom = body - top - 1;
		int w1 = cols * 7 / 25, w2 = cols * 8 / 25;
		int w3 = cols - w1 - w2 - 4;
		/* Below: trends, volume, and the low ratings over the
		 * best answers. */
		int b1 = cols * 2 / 5, b2 = cols / 5, b3 = cols - b1 - b2 - 6;
		int lh = bottom / 2;
		struct rect r[WP_COUNT] = {
			[WP_NOW] = { 1, 1, top, w1 - 1 },
			[WP_AGENTS] = { 1, w1 + 2, top, w2 - 1 },
			[WP_QUALITY] = { 1, w1 + w2 + 3, top, w3 },
			[WP_VOLUME] = { top + 2, b1 + 3, bottom, b2 },
			[WP_TRENDS] = { top + 2, 1, bottom, b1 },
			[WP_LOW] = { top + 2, b1 + b2 + 5, lh, b3 },
			[WP_BEST] = { top + 3 + lh, b1 + b2 + 5, bottom - lh - 1,
			    b3 },
		};

		for (int y = 1; y < rows - 1; y++)
			mvhline(y, 0, ' ', cols);
		for (int p = 0; p < WP_COUNT; p++)
			draw_panel(app, (enum wb_panel)p, &r[p]);
	} else {
		struct rect r = { 1, 0, body, cols };

		draw_panel(app, (enum wb_panel)(app->wb_page % WP_COUNT), &r);
	}
	if (app->wb_sel >= app->nspots)
		app->wb_sel = app->nspots > 0 ? app->nspots - 1 : 0;
	tui_draw_status(app, rows - 1, cols, wide ?
	    _("j/k select  Enter tickets behind it  w queue  f feedback  "
	    "? help  q quit") : _("Tab page  j/k select  Enter tickets "
	    "behind it  w queue  ? help  q quit"));
}

const struct view_ops view_wallboard_ops = {
	.name = "wallboard",
	.draw = wallboard_draw,
};
