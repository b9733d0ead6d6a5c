/* Feedback: the low ratings of the agent's tickets (a supervisor's: all),
 * newest first, with each callback and whether it happened. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "survey.h"
#include "tui/tui-int.h"
#include "xmalloc.h"

static void
feedback_draw(struct app *app, int rows, int cols)
{
	const struct feedback *f = app->feedback;
	int y = 2, top;
	char *text, score[48], cb[64];
	int sw = 12, cw = 16, custw = cols / 5, rw = 20;
	int subjw = cols - sw - cw - custw - rw - 4;

	mvhline(0, 0, ' ', cols);
	tui_put(app, 0, 0, cols, _(" frontline · feedback: low ratings and "
	    "their callbacks"), TEXT_PAD, tui_attr(app, TC_TITLE));
	tui_put(app, 1, 0, sw, _("SCORE"), TEXT_PAD, A_BOLD | A_UNDERLINE);
	tui_put(app, 1, sw + 1, cw, _("CALLBACK"), TEXT_PAD, A_BOLD |
	    A_UNDERLINE);
	tui_put(app, 1, sw + cw + 2, custw, _("CUSTOMER"), TEXT_PAD, A_BOLD |
	    A_UNDERLINE);
	tui_put(app, 1, sw + cw + custw + 3, rw, _("REASON"), TEXT_PAD,
	    A_BOLD | A_UNDERLINE);
	tui_put(app, 1, sw + cw + custw + rw + 4, subjw, _("SUBJECT"),
	    TEXT_PAD, A_BOLD | A_UNDERLINE);
	if (f == NULL) {
		tui_put(app, 3, 2, cols - 2, _("loading..."), 0, A_DIM);
		tui_draw_status(app, rows - 1, cols, _("Esc back"));
		return;
	}
	if (f->n == 0)
		tui_put(app, 3, 2, cols - 2, _("No low ratings. Good work."), 0,
		    A_DIM);
	top = app->fb_sel - (rows - 4) + 1;
	if (top < 0)
		top = 0;
	for (int i = top; i < f->n && y < rows - 1; i++, y++) {
		const struct feedback_row *r = &f->rows[i];
		attr_t base = i == app->fb_sel ? A_REVERSE : A_NORMAL;

		survey_score_text(r, score, sizeof score);
		if (r->callback_ticket != 0)
			snprintf(cb, sizeof cb, "#%lld %s", r->callback_ticket,
			    r->callback_done ? _("done") : _("waiting"));
		else
			snprintf(cb, sizeof cb, "-");
		mvhline(y, 0, ' ', cols);
		tui_target(app, y, 0, cols, TARGET_FEEDBACK, i);
		tui_put(app, y, 0, sw, score, TEXT_PAD, base | (r->csat > 0 &&
		    r->csat <= 2 ? tui_attr(app, TC_BREACHED) : 0));
		tui_put(app, y, sw + 1, cw, cb, TEXT_PAD, base |
		    (r->callback_ticket != 0 && !r->callback_done ?
		    tui_attr(app, TC_RISK) : 0));
		tui_put(app, y, sw + cw + 2, custw, r->customer, TEXT_PAD, base);
		xasprintf(&text, "%s%s%s", survey_reason_label(r->reason),
		    r->reason != NULL && r->comment != NULL ? ": " : "",
		    r->comment != NULL ? r->comment : "");
		tui_put(app, y, sw + cw + custw + 3, rw, text, TEXT_PAD, base);
		free(text);
		xasprintf(&text, "#%lld %s", r->ticket, r->subject != NULL ?
		    r->subject : "");
		tui_put(app, y, sw + cw + custw + rw + 4, subjw, text, TEXT_PAD,
		    base);
		free(text);
	}
	tui_draw_status(app, rows - 1, cols, _("Enter open the callback  "
	    "Esc back  ? help"));
}

const struct view_ops view_feedback_ops = {
	.name = "feedback",
	.draw = feedback_draw,
};
