/* When the wallboard fetches. It follows every change (NOTIFY) and the
 * clock, never a timer per second: the live part on each change and once a
 * minute (breach windows and presence move with time alone), the slow part
 * (7 and 30 days, trends) at most once a minute under changes and every
 * five minutes without. Nothing is fetched while the wallboard is not on
 * screen; it catches up when shown. The console's presence heartbeat lives
 * here too, since only the wallboards read it. */
#ifndef FRONTLINE_BOARD_H
#define FRONTLINE_BOARD_H

struct app;

/* The wallboard came on screen: fetch what is due. */
void board_show(struct app *app);
/* The queue shows a drill-down now: drop the old rows, fetch the new. */
void board_drill(struct app *app);
/* Something changed in the database. */
void board_changed(struct app *app);
/* Once a second: time-based refreshes and the heartbeat. */
void board_tick(struct app *app, double now);
/* The connection is back. */
void board_reconnected(struct app *app);
void board_done(struct app *app);

#endif
