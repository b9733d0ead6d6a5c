/* The customer and knowledge panels of the ticket screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/labels.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui-int.h"
#include "xmalloc.h"

static void
panel_title(struct app *app, int y, int x, int w, const char *title,
    bool focused)
{
	mvhline(y, x, app->ascii ? '-' : ACS_HLINE, w);
	tui_put(app, y, x + 1, w - 2, title, 0, focused ? A_REVERSE | A_BOLD :
	    A_BOLD);
}

static void
panel_date(double t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || localtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, size, "-");
}

/* Writes lines of wrapped text from row y; returns the next free row. */
static int
panel_wrapped(struct app *app, int y, int x, int w, int ymax,
    const char *raw, attr_t attr, int max_lines)
{
	char *clean = text_sanitize(raw, strlen(raw), TEXT_ONE_LINE |
	    tui_text_flags(app));
	struct text_lines l;

	text_wrap(clean, w, &l);
	for (size_t i = 0; i < l.n && y < ymax && (int)i < max_lines; i++)
		tui_put(app, y++, x, w, l.line[i], 0, attr);
	text_lines_free(&l);
	free(clean);
	return y;
}

void
tui_draw_customer_panel(struct app *app, int y0, int x, int h, int w)
{
	const struct customer *c = app->customer;
	int y = y0, ymax = y0 + h, first, per = 2;
	char *text, date[16];
	const char *dot = app->ascii ? "|" : "·";

	panel_title(app, y++, x, w, _("Customer"), app->panel_focus);
	if (c == NULL) {
		tui_put(app, y, x + 1, w - 1, _("loading..."), 0, A_DIM);
		return;
	}
	xasprintf(&text, "%s %s %s %s %s", c->name, dot, c->tier, dot,
	    c->language);
	tui_put(app, y++, x + 1, w - 1, text, 0, A_BOLD);
	free(text);
	if (c->organization != NULL)
		tui_put(app, y++, x + 1, w - 1, c->organization, 0, A_NORMAL);
	xasprintf(&text, "%s %s %s", c->email != NULL ? c->email : "",
	    c->email != NULL && c->phone != NULL ? dot : "",
	    c->phone != NULL ? c->phone : "");
	tui_put(app, y++, x + 1, w - 1, text, 0, A_NORMAL);
	free(text);
	if (c->notes != NULL && *c->notes != '\0')
		y = panel_wrapped(app, y, x + 1, w - 1, ymax, c->notes, A_DIM, 2);

	/* At a glance. */
	xasprintf(&text, _("90 days: %lld tickets %s open now: %lld"),
	    c->tickets_90d, dot, c->open_now);
	tui_put(app, y++, x + 1, w - 1, text, 0, A_NORMAL);
	free(text);
	if (c->last_csat > 0 || c->nps_category != NULL) {
		char csat[16] = "-";

		if (c->last_csat > 0)
			snprintf(csat, sizeof csat, "%d/5", c->last_csat);
		xasprintf(&text, _("last CSAT %s %s NPS %s"), csat, dot,
		    c->nps_category == NULL ? "-" :
		    strcmp(c->nps_category, "promoter") == 0 ? _("promoter") :
		    strcmp(c->nps_category, "passive") == 0 ? _("passive") :
		    _("detractor"));
		tui_put(app, y++, x + 1, w - 1, text, 0, c->last_csat > 0 &&
		    c->last_csat <= 2 ? tui_attr(app, TC_BREACHED) : A_NORMAL);
		free(text);
	}
	xasprintf(&text, "%s (%d)%s", c->with_org ?
	    _("History of the organization") : _("History"), c->nhistory,
	    c->organization != NULL ? _("  o: switch") : "");
	panel_title(app, y++, x, w, text, false);
	free(text);
	if (c->nhistory == 0) {
		tui_put(app, y, x + 1, w - 1, _("no earlier tickets"), 0,
		    A_DIM);
		return;
	}
	/* Keep the selection in view, two rows an entry. */
	first = app->hist_sel - (ymax - y) / per + 1;
	if (first < 0)
		first = 0;
	for (int i = first; i < c->nhistory && y + 1 < ymax; i++) {
		const struct history_row *r = &c->history[i];
		bool sel = app->panel_focus && app->panel == PANEL_CUSTOMER &&
		    i == app->hist_sel;
		char csat[24] = "";

		panel_date(r->created_at, date, sizeof date);
		if (r->csat > 0)
			snprintf(csat, sizeof csat, " %s%d", app->ascii ? "*" :
			    "★", r->csat);
		xasprintf(&text, "#%lld %s %s %s%s %s", r->id, date,
		    _(label_channel(r->channel)), _(label_status(r->status)),
		    csat, r->subject);
		tui_target(app, y, x, w, TARGET_HISTORY, i);
		tui_target(app, y + 1, x, w, TARGET_HISTORY, i);
		tui_put(app, y++, x + 1, w - 1, text, TEXT_PAD, sel ?
		    A_REVERSE : A_NORMAL);
		free(text);
		if (c->with_org)
			xasprintf(&text, "  %s: %s", r->customer, r->first_line);
		else
			xasprintf(&text, "  %s", r->first_line);
		tui_put(app, y++, x + 1, w - 1, text, 0, A_DIM);
		free(text);
	}
}

/* A snippet line with the words the search matched in bold reverse: the
 * database marks them \x02..\x03; we look for the same words in each
 * wrapped line. */
static void
panel_snippet(struct app *app, int y, int x, int w, int ymax,
    const char *snippet)
{
	char *plain = xstrdup(snippet), *p = plain, *clean;
	char *terms[16];
	int nterms = 0;
	struct text_lines l;

	for (const char *r = snippet; *r != '\0'; r++) {
		if (*r == '\x02' && nterms < 16) {
			const char *end = strchr(r + 1, '\x03');

			if (end != NULL && end > r + 1)
				terms[nterms++] = xstrndup(r + 1,
				    (size_t)(end - r - 1));
			continue;
		}
		if (*r != '\x03')
			*p++ = *r;
	}
	*p = '\0';
	clean = text_sanitize(plain, strlen(plain), TEXT_ONE_LINE |
	    tui_text_flags(app));
	text_wrap(clean, w, &l);
	for (size_t i = 0; i < l.n && i < 2 && y < ymax; i++, y++) {
		const char *line = l.line[i];
		size_t pos = 0, len = strlen(line);

		move(y, x);
		while (pos < len) {
			size_t best = len, blen = 0;

			for (int t = 0; t < nterms; t++) {
				const char *hit = strstr(line + pos, terms[t]);

				if (hit != NULL && (size_t)(hit - line) < best) {
					best = (size_t)(hit - line);
					blen = strlen(terms[t]);
				}
			}
			addnstr(line + pos, (int)(best - pos));
			if (blen == 0)
				break;
			attron(A_BOLD | A_UNDERLINE);
			addnstr(line + best, (int)blen);
			attroff(A_BOLD | A_UNDERLINE);
			pos = best + blen;
		}
	}
	text_lines_free(&l);
	for (int t = 0; t < nterms; t++)
		free(terms[t]);
	free(clean);
	free(plain);
}

void
tui_draw_kb_panel(struct app *app, int y0, int x, int h, int w)
{
	const struct kb_list *l = app->kb;
	int y = y0, ymax = y0 + h, first, per = 3;
	bool focused = app->panel_focus && app->panel == PANEL_KB;
	char *text;

	if (app->article != NULL) {
		struct text_lines lines;
		char *clean;

		panel_title(app, y++, x, w, app->article->title, focused);
		clean = text_sanitize(app->article->body,
		    strlen(app->article->body), tui_text_flags(app));
		text_wrap(clean, w - 1, &lines);
		app->page = h - 2;
		if (app->article_top > (int)lines.n - 1)
			app->article_top = lines.n > 0 ? (int)lines.n - 1 : 0;
		for (size_t i = (size_t)app->article_top; i < lines.n &&
		    y < ymax - 1; i++)
			tui_put(app, y++, x + 1, w - 1, lines.line[i], 0,
			    A_NORMAL);
		text_lines_free(&lines);
		free(clean);
		tui_put(app, ymax - 1, x + 1, w - 1, _("A insert all  Esc back "
		    "to the list"), 0, A_DIM);
		return;
	}
	if (l != NULL && l->query != NULL)
		xasprintf(&text, _("Knowledge: \"%s\" (%d)"), l->query, l->n);
	else
		xasprintf(&text, _("Knowledge: suggested (%d)"),
		    l != NULL ? l->n : 0);
	panel_title(app, y++, x, w, text, focused);
	free(text);
	if (l == NULL) {
		tui_put(app, y, x + 1, w - 1, _("loading..."), 0, A_DIM);
		return;
	}
	if (l->n == 0) {
		tui_put(app, y, x + 1, w - 1, _("nothing found; / searches the "
		    "knowledge base"), 0, A_DIM);
		return;
	}
	first = app->kb_sel - (ymax - y) / per + 1;
	if (first < 0)
		first = 0;
	for (int i = first; i < l->n && y + 1 < ymax; i++) {
		bool sel = focused && i == app->kb_sel;

		xasprintf(&text, "%s [%s]", l->hits[i].title,
		    l->hits[i].language);
		for (int row = 0; row < 3 && y + row < ymax; row++)
			tui_target(app, y + row, x, w, TARGET_ARTICLE, i);
		tui_put(app, y++, x + 1, w - 1, text, TEXT_PAD, sel ?
		    A_REVERSE : A_BOLD);
		free(text);
		panel_snippet(app, y, x + 2, w - 2, ymax, l->hits[i].snippet);
		y += 2;
	}
}
