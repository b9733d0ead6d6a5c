/* The database connection as the rest of frontline sees it: asynchronous,
 * self-reconnecting, and free of libpq types. */
#ifndef FRONTLINE_DB_H
#define FRONTLINE_DB_H

#include <stdbool.h>

struct db;

enum db_state {
	DB_IDLE,		/* not started */
	DB_CONNECTING,
	DB_READY,
	DB_RETRY_WAIT		/* lost; reconnecting after a back-off */
};

/* What the owner hears from the connection, all from inside db_io/db_tick. */
struct db_events {
	void (*state)(void *arg, enum db_state state, const char *why);
	void (*changed)(void *arg);	/* a NOTIFY on frontline_changes */
	void *arg;
};

/* A new connection to conninfo (a libpq string or URI, may be empty);
 * nothing happens until db_start. The caller frees with db_free. */
struct db *db_new(const char *conninfo, const struct db_events *ev);
void db_free(struct db *db);

/* Begins connecting (asynchronously). */
void db_start(struct db *db);

enum db_state db_state(const struct db *db);
/* The last connection error, or "" (borrowed). */
const char *db_last_error(const struct db *db);
/* The current role and server, for the status line (borrowed). */
const char *db_user(const struct db *db);

/* The socket to poll, or -1, and the events it waits for (POLLIN/POLLOUT). */
int db_fd(const struct db *db);
short db_events(const struct db *db);
/* Drives the connection when its socket is ready. */
void db_io(struct db *db, short revents);
/* Milliseconds until db_tick must run (reconnect back-off), or -1. */
int db_timeout(const struct db *db, double now);
void db_tick(struct db *db, double now);

/* Seconds since the epoch, as a double, from CLOCK_REALTIME. */
double db_now(void);

#endif
