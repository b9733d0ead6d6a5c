/* The terminal side of the console. Only src/tui includes curses.h. */
#ifndef FRONTLINE_TUI_H
#define FRONTLINE_TUI_H

#include "app.h"

/* Takes over the terminal; 0, or -1 with *cause (caller frees). */
int tui_init(struct app *app, char **cause);
/* Gives the terminal back (safe to call twice, and from a fatal path). */
void tui_done(void);

/* Re-reads the terminal size after SIGWINCH. */
void tui_resize(struct app *app);
/* Repaints after the process was stopped and continued (SIGCONT). */
void tui_resume(struct app *app);

/* Reads every pending key and applies it as an action. */
void tui_read_keys(struct app *app);

/* Draws the current view if anything changed, with one doupdate. */
void tui_draw(struct app *app);

/* One line per key binding for the man page check: "keys\tdescription". */
void tui_print_keys(void);

#endif
