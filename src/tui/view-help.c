/* The help screen: made from the key table, plus the SLA legend. */
#include "config.h"

#include <stdlib.h>

#include "core/sla.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/keymap.h"
#include "tui/tui-int.h"
#include "xmalloc.h"

struct legend {
	enum sla_mark	 mark;
	const char	*text;
};

static const struct legend legend[] = {
	{ SLA_BREACHED, N_("breached: the deadline has passed") },
	{ SLA_RISK, N_("at risk: less than an hour left") },
	{ SLA_OK, N_("running: time left on the clock") },
	{ SLA_PAUSED, N_("paused: waiting on the customer or on hold") },
	{ SLA_NONE, N_("no clock running") },
};

static void
help_draw(struct app *app, int rows, int cols)
{
	int y, total = 0;
	char *text;

	/* Clamp the scroll before drawing: keys, a gap, the editor's keys
	 * under a heading, a gap, the legend under a heading, a gap, the
	 * mouse under a heading. */
	for (const struct keybinding *k = keymap; k->action != ACT_NONE; k++)
		total += k->name != NULL;
	for (const struct editor_key *k = editor_keys; k->name != NULL; k++)
		total++;
	total += 4 + (int)(sizeof legend / sizeof *legend) + 4;
	app->page = rows - 3;
	if (app->help_top > total - app->page)
		app->help_top = total - app->page > 0 ? total - app->page : 0;
	y = 2 - app->help_top;

	mvhline(0, 0, ' ', cols);
	tui_put(app, 0, 0, cols, _(" frontline help"), TEXT_PAD,
	    tui_attr(app, TC_TITLE));

	for (const struct keybinding *k = keymap; k->action != ACT_NONE; k++) {
		if (k->name == NULL)
			continue;
		if (y >= 2 && y < rows - 1) {
			tui_put(app, y, 2, 22, k->name, TEXT_PAD, A_BOLD);
			tui_put(app, y, 25, cols - 25, _(k->help), 0, A_NORMAL);
		}
		y++;
	}
	y++;
	if (y >= 2 && y < rows - 1)
		tui_put(app, y, 2, cols - 2, _("In the reply editor"), 0, A_BOLD);
	y++;
	for (const struct editor_key *k = editor_keys; k->name != NULL; k++) {
		if (y >= 2 && y < rows - 1) {
			tui_put(app, y, 2, 22, k->name, TEXT_PAD, A_BOLD);
			tui_put(app, y, 25, cols - 25, _(k->help), 0, A_NORMAL);
		}
		y++;
	}
	y++;
	if (y >= 2 && y < rows - 1)
		tui_put(app, y, 2, cols - 2, _("SLA column: marker and time "
		    "left on the nearest clock"), 0, A_BOLD);
	y++;
	for (size_t i = 0; i < sizeof legend / sizeof *legend; i++, y++) {
		if (y < 2 || y >= rows - 1)
			continue;
		xasprintf(&text, "%c", sla_marker(legend[i].mark));
		tui_put(app, y, 4, 2, text, 0, A_BOLD);
		tui_put(app, y, 7, cols - 7, _(legend[i].text), 0, A_NORMAL);
		free(text);
	}
	y++;
	if (y >= 2 && y < rows - 1)
		tui_put(app, y, 2, cols - 2, _("Mouse"), 0, A_BOLD);
	y++;
	if (y >= 2 && y < rows - 1)
		tui_put(app, y, 4, cols - 4, _("click selects, double click "
		    "opens, the wheel scrolls"), 0, A_NORMAL);
	y++;
	if (y >= 2 && y < rows - 1)
		tui_put(app, y, 4, cols - 4, _("Shift and drag selects text "
		    "to copy"), 0, A_NORMAL);
	tui_draw_status(app, rows - 1, cols, _("q, Esc or ? close the help"));
}

const struct view_ops view_help_ops = {
	.name = "help",
	.draw = help_draw,
};
