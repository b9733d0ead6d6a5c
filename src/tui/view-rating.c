/* The rating prompt, drawn as a box over the ticket: what was answered so
 * far, then the current question and its keys. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/context.h"
#include "db/feedback.h"
#include "i18n.h"
#include "core/text.h"
#include "survey.h"
#include "tui/tui-int.h"
#include "xmalloc.h"

void
tui_rating_key(struct app *app, bool fkey, int key)
{
	int ch = key;

	if (fkey) {
		switch (key) {
		case KEY_UP:
			ch = 'k';
			break;
		case KEY_DOWN:
			ch = 'j';
			break;
		case KEY_ENTER:
			ch = '\n';
			break;
		case KEY_BACKSPACE:
			ch = 127;
			break;
		default:
			return;
		}
	} else if (key == '\r')
		ch = '\n';
	survey_key(app, ch);
}

/* Why this contact is not surveyed, in words. */
static char *
rating_why_not(const struct survey_plan *p)
{
	char *text;

	if (p == NULL || p->reason == NULL)
		return xstrdup(_("Not surveyed."));
	if (strcmp(p->reason, "not_nth") == 0)
		xasprintf(&text, _("Not surveyed: this is contact %d, and one "
		    "contact in %d is asked."), p->contact_no, p->every_nth);
	else if (strcmp(p->reason, "fatigue") == 0)
		xasprintf(&text, P_("Not surveyed: this customer was asked %d "
		    "day ago.", "Not surveyed: this customer was asked %d days "
		    "ago.", (unsigned long)p->days_since_last),
		    p->days_since_last);
	else if (strcmp(p->reason, "already_rated") == 0)
		text = xstrdup(_("Not surveyed: this ticket already has a "
		    "rating."));
	else
		text = xstrdup(_("Not surveyed by the survey policy."));
	return text;
}

static void
rating_line(struct app *app, int *y, int x, int w, const char *text,
    attr_t attr)
{
	tui_put(app, (*y)++, x, w, text, TEXT_PAD, attr);
}

void
tui_draw_rating(struct app *app, int rows, int cols)
{
	const struct survey *s = &app->survey;
	int w = cols < 64 ? cols : 64, h = 15, x0, y0, y;
	char *text;

	if (h > rows - 1)
		h = rows - 1;
	x0 = (cols - w) / 2;
	y0 = (rows - h) / 2;
	for (y = y0; y < y0 + h; y++)
		mvhline(y, x0, ' ', w);
	mvhline(y0, x0, app->ascii ? '=' : ACS_HLINE, w);
	mvhline(y0 + h - 1, x0, app->ascii ? '=' : ACS_HLINE, w);
	mvvline(y0, x0, app->ascii ? '|' : ACS_VLINE, h);
	mvvline(y0, x0 + w - 1, app->ascii ? '|' : ACS_VLINE, h);
	xasprintf(&text, _(" Rating for #%lld %s "), s->ticket, s->subject);
	tui_put(app, y0, x0 + 2, w - 4, text, 0, A_BOLD);
	free(text);
	y = y0 + 2;
	x0 += 2;
	w -= 4;

	/* What is known so far. */
	if (s->fcr >= 0) {
		xasprintf(&text, _("Resolved at first contact: %s"), s->fcr ?
		    _("yes") : _("no"));
		rating_line(app, &y, x0, w, text, A_DIM);
		free(text);
	}
	if (s->topic != NULL) {
		xasprintf(&text, _("Topic: %s"), s->topics->items[s->sel].label);
		rating_line(app, &y, x0, w, text, A_DIM);
		free(text);
	}
	if (s->csat > 0) {
		xasprintf(&text, _("Satisfaction: %d (%s)"), s->csat,
		    _(survey_csat_labels[s->csat - 1]));
		rating_line(app, &y, x0, w, text, A_DIM);
		free(text);
	}
	y++;

	switch (s->step) {
	case SS_LOADING:
		rating_line(app, &y, x0, w, _("Checking the survey policy..."),
		    A_DIM);
		break;
	case SS_FCR:
		rating_line(app, &y, x0, w, _("Resolved at first contact?"),
		    A_BOLD);
		rating_line(app, &y, x0, w, _("y yes   n no"), A_NORMAL);
		break;
	case SS_TOPIC:
		rating_line(app, &y, x0, w, _("Topic:"), A_BOLD);
		for (int i = 0; i < s->topics->n && y < y0 + h - 2; i++) {
			xasprintf(&text, " %d %s", i + 1, s->topics->items[i].label);
			rating_line(app, &y, x0, w, text, i == s->sel ?
			    A_REVERSE : A_NORMAL);
			free(text);
		}
		break;
	case SS_CSAT:
		rating_line(app, &y, x0, w, _("How satisfied is the customer?"),
		    A_BOLD);
		for (int i = 0; i < 5; i++) {
			xasprintf(&text, " %d %s", i + 1, _(survey_csat_labels[i]));
			rating_line(app, &y, x0, w, text, A_NORMAL);
			free(text);
		}
		break;
	case SS_REASON:
		rating_line(app, &y, x0, w, _("What could be better?"), A_BOLD);
		for (int i = 0; survey_reasons[i][0] != NULL; i++) {
			xasprintf(&text, " %d %s", i + 1, _(survey_reasons[i][1]));
			rating_line(app, &y, x0, w, text, A_NORMAL);
			free(text);
		}
		break;
	case SS_CALLBACK:
		rating_line(app, &y, x0, w, _("Does the customer want a "
		    "callback?"), A_BOLD);
		rating_line(app, &y, x0, w, _("y yes   n no"), A_NORMAL);
		break;
	case SS_NPS:
		rating_line(app, &y, x0, w, _("How likely is the customer to "
		    "recommend us? 0-10"), A_BOLD);
		xasprintf(&text, "> %s_", s->nps_text);
		rating_line(app, &y, x0, w, text, A_NORMAL);
		free(text);
		rating_line(app, &y, x0, w, _("type the number and Enter; "
		    "Enter alone skips"), A_DIM);
		break;
	case SS_SURVEY:
		rating_line(app, &y, x0, w, _("The customer cannot be asked "
		    "live on this channel."), A_NORMAL);
		rating_line(app, &y, x0, w, _("Send them a satisfaction "
		    "survey?"), A_BOLD);
		rating_line(app, &y, x0, w, _("y yes   n no"), A_NORMAL);
		break;
	case SS_NOT_SAMPLED:
		text = rating_why_not(s->plan);
		rating_line(app, &y, x0, w, text, A_NORMAL);
		free(text);
		rating_line(app, &y, x0, w, _("Enter records the outcome only"),
		    A_BOLD);
		break;
	case SS_SAVING:
		rating_line(app, &y, x0, w, _("Saving..."), A_DIM);
		break;
	case SS_NONE:
		break;
	}
	tui_put(app, y0 + h - 2, x0, w, _("Esc: customer declined / not "
	    "asked"), TEXT_PAD, A_DIM);
}
