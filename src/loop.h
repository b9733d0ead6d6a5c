/* The one poll() loop: watched descriptors, one-shot timers, and signals
 * turned into readable events through a self-pipe. */
#ifndef FRONTLINE_LOOP_H
#define FRONTLINE_LOOP_H

#include <signal.h>

/* A watched source: asked each turn which fd and events it wants (fd -1:
 * none this turn) and told when they are ready. */
struct loop_source {
	int	(*fd)(void *arg);
	short	(*events)(void *arg);
	void	(*ready)(void *arg, short revents);
	/* Milliseconds until the source needs a call to tick, or -1. */
	int	(*timeout)(void *arg);
	void	(*tick)(void *arg);
	void	 *arg;
};

/* Sets up the self-pipe and the handlers for SIGWINCH, SIGTERM, SIGHUP,
 * SIGINT and SIGCONT; 0 or -1. */
int loop_init(void);
void loop_done(void);

/* Watches a source until loop_done; src must outlive the loop. */
void loop_add(const struct loop_source *src);

/* Called for each signal that arrived, outside signal context. */
void loop_on_signal(void (*cb)(int signo, void *arg), void *arg);

/* Runs one turn: waits at most max_ms (or until a source's timeout), then
 * dispatches. Returns -1 on an unexpected poll error. */
int loop_once(int max_ms);

#endif
