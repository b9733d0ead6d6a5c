/* Shared by the files of src/tui: drawing helpers and the view table. */
#ifndef FRONTLINE_TUI_INT_H
#define FRONTLINE_TUI_INT_H

#include <curses.h>

#include "app.h"

enum tui_color {
	TC_NONE,
	TC_BREACHED,
	TC_RISK,
	TC_PAUSED,
	TC_OK,
	TC_TITLE,
	TC_BANNER,
	TC_COUNT
};

/* The attribute for a colour role: a colour pair, or a plain attribute on
 * a terminal (or a user) without colours. */
attr_t tui_attr(const struct app *app, enum tui_color c);

/* Writes text (untrusted or not) at y, x: sanitized, cut to cols columns,
 * and padded to exactly cols with TEXT_PAD in flags. */
void tui_put(const struct app *app, int y, int x, int cols, const char *s,
    int flags, attr_t attr);

/* Writes s right-aligned so that it ends at column x_end. */
void tui_put_right(const struct app *app, int y, int x_end, const char *s,
    attr_t attr);

/* Makes w columns at y, x a mouse target (see struct target). */
void tui_target(struct app *app, int y, int x, int w, enum target_kind kind,
    int index);

/* Sanitize flags for this terminal (TEXT_ASCII without UTF-8). */
int tui_text_flags(const struct app *app);
/* The separator of title lines: a middle dot, "|" without UTF-8. */
const char *tui_dot(const struct app *app);

struct view_ops {
	const char	*name;
	void		(*draw)(struct app *app, int rows, int cols);
};

extern const struct view_ops view_queue_ops;
extern const struct view_ops view_ticket_ops;
extern const struct view_ops view_help_ops;
extern const struct view_ops view_feedback_ops;
extern const struct view_ops view_wallboard_ops;

/* The reply editor (src/tui/editor.c): drawn in rows [y, y + h) and fed
 * the keys while it is open. */
void tui_draw_editor(struct app *app, int y, int h, int cols);
/* fkey: key is a curses KEY_* code; otherwise a character. */
void tui_editor_key(struct app *app, bool fkey, int key);

/* The ticket screen's side panels (src/tui/panels.c), in a box. */
void tui_draw_customer_panel(struct app *app, int y, int x, int h, int w);
void tui_draw_kb_panel(struct app *app, int y, int x, int h, int w);

/* The rating prompt (src/tui/view-rating.c): modal while it is open. */
void tui_rating_key(struct app *app, bool fkey, int key);
void tui_draw_rating(struct app *app, int rows, int cols);

/* The editing keys the reply editor and the one-line prompt share:
 * cursor movement (up and down only with a width), deletions, typing. */
struct editbuf;
enum edit_result {
	EDIT_NOT_MINE,	/* not an editing key */
	EDIT_DONE,
	EDIT_FULL	/* typing refused: the text is at its size limit */
};
enum edit_result tui_edit_key(struct editbuf *eb, bool fkey, int key,
    int width);

/* Keys of the editor, for the help screen and the man page. */
struct editor_key {
	const char	*name;
	const char	*help;	/* untranslated */
};
extern const struct editor_key editor_keys[];

/* The status line at the bottom, shared by every view. */
void tui_draw_status(struct app *app, int y, int cols, const char *hint);

#endif
