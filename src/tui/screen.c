/* Terminal set-up, keys, resize and the once-per-turn draw. */
#include "config.h"

#include <sys/ioctl.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/editbuf.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/keymap.h"
#include "tui/tui-int.h"
#include "tui/tui.h"
#include "xmalloc.h"

/* Smaller than this and no view is usable: say so instead. */
#define TUI_MIN_COLS	40
#define TUI_MIN_ROWS	8

static SCREEN *screen;

static const struct view_ops *const views[] = {
	[VIEW_QUEUE] = &view_queue_ops,
	[VIEW_TICKET] = &view_ticket_ops,
	[VIEW_HELP] = &view_help_ops,
	[VIEW_FEEDBACK] = &view_feedback_ops,
	[VIEW_WALLBOARD] = &view_wallboard_ops,
};

int
tui_text_flags(const struct app *app)
{
	return app->ascii ? TEXT_ASCII : 0;
}

const char *
tui_dot(const struct app *app)
{
	return app->ascii ? "|" : "\xc2\xb7";
}

attr_t
tui_attr(const struct app *app, enum tui_color c)
{
	static const attr_t mono[TC_COUNT] = {
		[TC_NONE] = A_NORMAL,
		[TC_BREACHED] = A_BOLD,
		[TC_RISK] = A_BOLD,
		[TC_PAUSED] = A_DIM,
		[TC_OK] = A_NORMAL,
		[TC_TITLE] = A_REVERSE,
		[TC_BANNER] = A_REVERSE | A_BOLD,
	};

	if (!app->color || c == TC_NONE)
		return mono[c];
	if (c == TC_TITLE || c == TC_BANNER)
		return (attr_t)COLOR_PAIR(c) | A_BOLD;
	return (attr_t)COLOR_PAIR(c) | (c == TC_BREACHED ? A_BOLD : 0);
}

void
tui_put(const struct app *app, int y, int x, int cols, const char *s,
    int flags, attr_t attr)
{
	char *clean, *fit;

	if (cols <= 0)
		return;
	clean = text_sanitize(s != NULL ? s : "", s != NULL ? strlen(s) : 0,
	    TEXT_ONE_LINE | tui_text_flags(app));
	fit = text_fit(clean, cols, flags | tui_text_flags(app));
	attrset(attr);
	mvaddstr(y, x, fit);
	attrset(A_NORMAL);
	free(fit);
	free(clean);
}

void
tui_put_right(const struct app *app, int y, int x_end, const char *s,
    attr_t attr)
{
	char *clean = text_sanitize(s, strlen(s), TEXT_ONE_LINE |
	    tui_text_flags(app));
	int w = text_width(clean);

	if (w <= x_end)
		tui_put(app, y, x_end - w, w, clean, 0, attr);
	free(clean);
}

static void
tui_fatal_hook(void)
{
	tui_done();
}

int
tui_init(struct app *app, char **cause)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup(_("the console needs a terminal"));
		return -1;
	}
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		xasprintf(cause, _("cannot use terminal type \"%s\""),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return -1;
	}
	xmalloc_set_fatal_hook(tui_fatal_hook);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	/* Clicks and the wheel, as htop and tmux take them; with
	 * FRONTLINE_NO_MOUSE the terminal keeps the mouse for selecting
	 * text (most terminals also select with Shift held down). */
	if (getenv("FRONTLINE_NO_MOUSE") == NULL)
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED |
		    BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	curs_set(0);
	leaveok(stdscr, TRUE);

	app->color = false;
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
		init_pair(TC_BREACHED, COLOR_RED, -1);
		init_pair(TC_RISK, COLOR_YELLOW, -1);
		init_pair(TC_PAUSED, COLOR_CYAN, -1);
		init_pair(TC_OK, COLOR_GREEN, -1);
		init_pair(TC_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(TC_BANNER, COLOR_WHITE, COLOR_RED);
		app->color = true;
	}
	app->dirty = app->redraw_all = true;
	return 0;
}

void
tui_done(void)
{
	if (screen == NULL)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
}

void
tui_resize(struct app *app)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	app->dirty = app->redraw_all = true;
}

void
tui_resume(struct app *app)
{
	tui_resize(app);
}

/* Keys while a menu is open: move, choose, cancel; a digit chooses. */
static void
tui_menu_key(struct app *app, int key)
{
	struct menu *m = &app->menu;

	app->dirty = true;
	switch (key) {
	case 'k':
	case KEY_UP:
		if (m->selected > 0)
			m->selected--;
		break;
	case 'j':
	case KEY_DOWN:
		if (m->selected < m->n - 1)
			m->selected++;
		break;
	case '\r':
	case '\n':
	case KEY_ENTER:
		app_menu_choose(app, m->selected);
		break;
	case 27:
	case 'q':
		app_menu_choose(app, -1);
		break;
	default:
		if (key >= '1' && key < '1' + m->n)
			app_menu_choose(app, key - '1');
		break;
	}
}

/* Keys while the one-line prompt is open: Enter answers, Esc cancels, the
 * rest edits the line as in the reply editor. */
static void
tui_prompt_key(struct app *app, bool fkey, int key)
{
	struct editbuf *eb = app->prompt.eb;

	app->dirty = true;
	if ((fkey && key == KEY_ENTER) || (!fkey && (key == '\r' ||
	    key == '\n')))
		app_prompt_done(app, editbuf_text(eb));
	else if (!fkey && key == 27)
		app_prompt_done(app, NULL);
	else
		tui_edit_key(eb, fkey, key, 0);
}

static unsigned
tui_key_view(const struct app *app)
{
	switch (app->view) {
	case VIEW_TICKET:
		return KV_TICKET;
	case VIEW_HELP:
		return KV_HELP;
	case VIEW_FEEDBACK:
		return KV_FEEDBACK;
	case VIEW_WALLBOARD:
		return KV_WALLBOARD;
	default:
		return KV_QUEUE;
	}
}

void
tui_target(struct app *app, int y, int x, int w, enum target_kind kind,
    int index)
{
	struct target *t;

	if (w <= 0 || app->ntargets >= APP_MAX_TARGETS)
		return;
	t = &app->targets[app->ntargets++];
	t->y = y;
	t->x = x;
	t->w = w;
	t->kind = kind;
	t->index = index;
}

/* The target under y, x: the last drawn wins, as a menu is drawn over the
 * view beneath it. */
static const struct target *
tui_target_at(const struct app *app, int y, int x)
{
	for (int i = app->ntargets - 1; i >= 0; i--) {
		const struct target *t = &app->targets[i];

		if (t->y == y && x >= t->x && x < t->x + t->w)
			return t;
	}
	return NULL;
}

/* A prompt, the rating or the editor holds the keyboard: the mouse waits
 * (a menu does not: a click chooses in it). */
static bool
tui_modal(const struct app *app)
{
	return app->prompt.kind != PROMPT_NONE ||
	    app->survey.step != SS_NONE ||
	    (app->edit != NULL && app->view == VIEW_TICKET);
}

static void
tui_key(struct app *app, bool fkey, int key)
{
	if (app->prompt.kind != PROMPT_NONE)
		tui_prompt_key(app, fkey, key);
	else if (app->survey.step != SS_NONE)
		tui_rating_key(app, fkey, key);
	else if (app->menu.kind != MENU_NONE)
		tui_menu_key(app, key);
	else if (app->edit != NULL && app->view == VIEW_TICKET)
		tui_editor_key(app, fkey, key);
	else
		app_action(app, keymap_lookup(tui_key_view(app), key));
}

/*
 * A click selects what it lands on and a double click opens it, as Enter
 * would; the wheel moves as three arrow keys. While text is being typed
 * (a prompt, the editor) or the rating asks, the mouse does nothing: a
 * stray click must not act on a half-written answer.
 */
static void
tui_mouse(struct app *app)
{
	MEVENT ev;
	const struct target *t;

	if (getmouse(&ev) != OK || tui_modal(app))
		return;
	app->dirty = true;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		for (int i = 0; i < 3; i++)
			tui_key(app, true, ev.bstate & BUTTON4_PRESSED ?
			    KEY_UP : KEY_DOWN);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)))
		return;
	t = tui_target_at(app, ev.y, ev.x);
	if (app->menu.kind != MENU_NONE) {
		if (t != NULL && t->kind == TARGET_MENU)
			app_menu_choose(app, t->index);
		return;
	}
	if (t == NULL)
		return;
	switch (t->kind) {
	case TARGET_ROW:
		app->selected = t->index;
		break;
	case TARGET_SPOT:
		app->wb_sel = t->index;
		break;
	case TARGET_FEEDBACK:
		app->fb_sel = t->index;
		break;
	case TARGET_HISTORY:
		app->panel_focus = true;
		app->panel = PANEL_CUSTOMER;
		app->hist_sel = t->index;
		break;
	case TARGET_ARTICLE:
		app->panel_focus = true;
		app->panel = PANEL_KB;
		app->kb_sel = t->index;
		break;
	case TARGET_THREAD:
		app->panel_focus = false;
		return;
	case TARGET_MENU:
		return;
	case TARGET_KEY:
		app_action(app, keymap_lookup(tui_key_view(app), t->index));
		return;
	}
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		app_action(app, ACT_OPEN);
}

void
tui_read_keys(struct app *app)
{
	wint_t wc;
	int rc, key;

	/* get_wch: typed Cyrillic, Polish and CJK arrive as characters,
	 * not as their UTF-8 bytes. */
	while ((rc = get_wch(&wc)) != ERR) {
		key = (int)wc;
		if (rc == KEY_CODE_YES && key == KEY_RESIZE) {
			app->dirty = app->redraw_all = true;
			continue;
		}
		/* Any key or click is the agent at work (presence), typing a
		 * reply or a prompt's answer included. */
		app->last_key_at = db_now();
		if (rc == KEY_CODE_YES && key == KEY_MOUSE)
			tui_mouse(app);
		else
			tui_key(app, rc == KEY_CODE_YES, key);
	}
}

/* The last message, errors in the banner's colours, on line y. */
static void
draw_flash(const struct app *app, int y, int cols)
{
	if (app->flash == NULL || y < 0)
		return;
	tui_put(app, y, 0, cols, app->flash, TEXT_PAD, app->flash_error ?
	    tui_attr(app, TC_BANNER) : A_BOLD);
}

void
tui_draw_status(struct app *app, int y, int cols, const char *hint)
{
	char *line = NULL;

	if (app->prompt.kind != PROMPT_NONE) {
		const char *text = editbuf_text(app->prompt.eb);
		char *before = xstrndup(text, editbuf_cursor(app->prompt.eb));
		char *clean = text_sanitize(before, strlen(before),
		    TEXT_ONE_LINE | tui_text_flags(app));

		const char *label;

		switch (app->prompt.kind) {
		case PROMPT_TRANSFER_NOTE:
			label = _("Handover note (required): ");
			break;
		case PROMPT_TAGS:
			label = _("Tags: ");
			break;
		case PROMPT_MERGE:
			label = _("Merge into ticket #");
			break;
		case PROMPT_RATING_COMMENT:
			label = _("What could be better? ");
			break;
		default:
			label = "/";
			break;
		}
		/* A message about the answer shows above the question. */
		draw_flash(app, y - 1, cols);
		xasprintf(&line, "%s%s", label, text);
		tui_put(app, y, 0, cols, line, TEXT_PAD, A_BOLD);
		app->cursor_y = y;
		app->cursor_x = text_width(label) + text_width(clean);
		if (app->cursor_x >= cols)
			app->cursor_x = cols - 1;
		free(clean);
		free(before);
		free(line);
		return;
	}
	switch (app->db_state) {
	case DB_READY:
		if (app->fetch_error != NULL)
			xasprintf(&line, _("query failed: %s"),
			    app->fetch_error);
		break;
	case DB_CONNECTING:
	case DB_IDLE:
		line = xstrdup(_("connecting to the database..."));
		break;
	case DB_RETRY_WAIT:
		xasprintf(&line, _("database unreachable, reconnecting: %s"),
		    app->db_error != NULL ? app->db_error : "");
		break;
	}
	if (line != NULL) {
		/* The banner keeps its line; a message (often about the very
		 * outage: "not connected: ...") shows above it. */
		draw_flash(app, y - 1, cols);
		tui_put(app, y, 0, cols, line, TEXT_PAD, tui_attr(app,
		    TC_BANNER));
		free(line);
	} else if (app->flash != NULL)
		draw_flash(app, y, cols);
	else
		tui_put(app, y, 0, cols, hint, TEXT_PAD, A_NORMAL);
}

void
tui_draw(struct app *app)
{
	int rows = LINES, cols = COLS;

	if (!app->dirty)
		return;
	if (app->redraw_all)
		clearok(curscr, TRUE);
	erase();
	app->ntargets = 0;
	if (cols < TUI_MIN_COLS || rows < TUI_MIN_ROWS) {
		char *msg;

		xasprintf(&msg, _("terminal too small (%dx%d): needs %dx%d"),
		    cols, rows, TUI_MIN_COLS, TUI_MIN_ROWS);
		tui_put(app, 0, 0, cols, msg, 0, A_BOLD);
		free(msg);
	} else {
		app->cursor_y = -1;
		views[app->view]->draw(app, rows, cols);
		if (app->survey.step != SS_NONE && app->view != VIEW_HELP)
			tui_draw_rating(app, rows, cols);
	}
	/* The cursor shows only where the agent types. */
	if (app->cursor_y >= 0 && (app->prompt.kind != PROMPT_NONE ||
	    (app->view == VIEW_TICKET && app->edit != NULL))) {
		leaveok(stdscr, FALSE);
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else {
		leaveok(stdscr, TRUE);
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
	app->dirty = app->redraw_all = false;
}

void
tui_print_keys(void)
{
	for (const struct keybinding *k = keymap; k->action != ACT_NONE; k++)
		if (k->name != NULL)
			printf("%s\t%s\n", k->name, _(k->help));
	for (const struct editor_key *k = editor_keys; k->name != NULL; k++)
		printf("%s\t%s\n", k->name, _(k->help));
}
