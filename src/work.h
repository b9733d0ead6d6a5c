/* The agent's work on tickets: opening, taking, replying, drafts. These
 * are the actions that talk to the database; src/app.c reaches them
 * through app_work. */
#ifndef FRONTLINE_WORK_H
#define FRONTLINE_WORK_H

#include "app.h"

/* Installs app_work and sets where drafts are kept for this database. */
void work_init(struct app *app, const char *conninfo);
void work_done(struct app *app);

/* The editor changed: the draft goes to the local file at the end of
 * this loop turn (work_flush), and to the database within a second
 * (work_tick). */
void work_draft_changed(struct app *app);
/* Once per loop turn, after the keys: writes the local draft if it changed,
 * so a paste of thousands of characters is one write, not thousands. */
void work_flush(struct app *app);
/* Once a second or so: the database copy of the draft, presence. */
void work_tick(struct app *app, double now);
/* Sends the text in the editor. */
void work_send(struct app *app);
/* Closes the editor, keeping the draft. */
void work_edit_close(struct app *app);
/* After a reconnect: re-sends a reply whose fate is unknown, re-announces
 * presence, reloads the open ticket. */
void work_reconnected(struct app *app);
/* A change arrived on the open ticket: reload it. */
void work_changed(struct app *app);
/* Any change arrived: views that follow everything refresh. */
void work_any_change(struct app *app);

#endif
