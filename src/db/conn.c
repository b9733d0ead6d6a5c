/* The connection state machine: connect off the main thread, one request in
 * flight at a time, LISTEN for changes, and reconnection with back-off.
 *
 * Connecting is the one thing done on a second thread. libpq's asynchronous
 * connect looks host names up with a blocking getaddrinfo() and leaves
 * connect_timeout to the caller, with no way to move on to the next host of
 * a multi-host conninfo: a standby list behind a primary that accepts and
 * never answers would hang the console on "connecting" for good. A thread
 * running the blocking PQconnectdbParams() gets libpq's own per-host
 * timeout and failover; it touches nothing but its own struct db_connect
 * and hands the finished connection over through a pipe that the main
 * loop polls. Everything after that stays on the main thread. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db-int.h"
#include "i18n.h"
#include "xmalloc.h"

#define DB_CHANNEL	"frontline_changes"
#define DB_BACKOFF_MAX	15.0

struct db_req {
	char		 *sql;
	int		  nparams;
	char		**params;
	db_result_cb	  cb;
	void		 *arg;
	struct db_req	 *next;
};

/*
 * One connection attempt, shared by the main thread and the connecting
 * thread under the lock; the last of the two to let go frees it (the
 * console may quit while a host is still timing out).
 */
struct db_connect {
	pthread_mutex_t	  lock;
	int		  refs;
	char		 *conninfo;
	int		  wake;		/* write end of db->pipe; -1 once gone */
	int		  done;
	PGconn		 *conn;		/* the result, until taken */
};

struct db {
	char		 *conninfo;
	struct db_events  ev;
	PGconn		 *conn;
	enum db_state	  state;
	struct db_connect *connect;	/* the attempt in progress */
	int		  pipe[2];	/* the connecting thread's wake-up */
	int		  flushing;	/* output still queued in libpq */
	char		 *error;
	char		 *user;

	struct db_req	 *head, *tail;	/* pending; head is in flight if busy */
	int		  busy;
	PGresult	 *last;		/* result of the request in flight */

	double		  retry_at;
	double		  backoff;
};

double
db_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct db *
db_new(const char *conninfo, const struct db_events *ev)
{
	struct db *db = xcalloc(1, sizeof *db);

	db->conninfo = xstrdup(conninfo != NULL ? conninfo : "");
	db->ev = *ev;
	db->state = DB_IDLE;
	db->error = xstrdup("");
	db->user = xstrdup("");
	db->backoff = 1.0;
	db->pipe[0] = db->pipe[1] = -1;
	return db;
}

static void
db_req_free(struct db_req *r)
{
	for (int i = 0; i < r->nparams; i++)
		free(r->params[i]);
	free(r->params);
	free(r->sql);
	free(r);
}

static struct db_req *
db_req_pop(struct db *db)
{
	struct db_req *r = db->head;

	if (r != NULL) {
		db->head = r->next;
		if (db->head == NULL)
			db->tail = NULL;
	}
	return r;
}

/* Fails every queued request: their results will never come. */
static void
db_fail_requests(struct db *db, const char *why)
{
	struct db_req *r;

	db->busy = 0;
	PQclear(db->last);
	db->last = NULL;
	while ((r = db_req_pop(db)) != NULL) {
		if (r->cb != NULL)
			r->cb(db, NULL, why, r->arg);
		db_req_free(r);
	}
}

/* Lets go of an attempt; frees it if the other side already has. */
static void
db_connect_release(struct db_connect *c)
{
	int last;

	pthread_mutex_lock(&c->lock);
	last = --c->refs == 0;
	pthread_mutex_unlock(&c->lock);
	if (!last)
		return;
	if (c->conn != NULL)
		PQfinish(c->conn);
	pthread_mutex_destroy(&c->lock);
	free(c->conninfo);
	free(c);
}

/* The main thread gives up on the attempt in progress: the thread finishes
 * it on its own and throws the connection away. */
static void
db_connect_abandon(struct db *db)
{
	struct db_connect *c = db->connect;

	if (c == NULL)
		return;
	pthread_mutex_lock(&c->lock);
	c->wake = -1;
	pthread_mutex_unlock(&c->lock);
	db->connect = NULL;
	db_connect_release(c);
}

static void
db_set_error(struct db *db, const char *msg)
{
	size_t len;

	free(db->error);
	db->error = xstrdup(msg != NULL ? msg : "");
	len = strlen(db->error);
	while (len > 0 && (db->error[len - 1] == '\n' || db->error[len - 1] == ' '))
		db->error[--len] = '\0';
}

static void
db_set_state(struct db *db, enum db_state state)
{
	db->state = state;
	if (db->ev.state != NULL)
		db->ev.state(db->ev.arg, state, db->error);
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	/* The owner hears that the database is gone before the requests
	 * fail, so their callbacks do not ask for more. */
	db_set_state(db, DB_IDLE);
	db_fail_requests(db, "closing");
	db_connect_abandon(db);
	for (int i = 0; i < 2; i++)
		if (db->pipe[i] != -1)
			close(db->pipe[i]);
	if (db->conn != NULL)
		PQfinish(db->conn);
	free(db->conninfo);
	free(db->error);
	free(db->user);
	free(db);
}

/* Drops the connection and schedules the next attempt. */
static void
db_lost(struct db *db, const char *why)
{
	db_set_error(db, why);
	if (db->conn != NULL) {
		PQfinish(db->conn);
		db->conn = NULL;
	}
	db->retry_at = db_now() + db->backoff;
	db->backoff = db->backoff * 2 > DB_BACKOFF_MAX ? DB_BACKOFF_MAX :
	    db->backoff * 2;
	/* The owner hears of the loss before the failed requests do, so a
	 * write lost with the connection is not taken for a refusal. */
	db_set_state(db, DB_RETRY_WAIT);
	db_fail_requests(db, db->error);
}

/*
 * libpq prints notices, and an error the server sends while no query runs
 * (a shutdown's FATAL), on stderr: on the console's screen that is garbage
 * that scrolls the terminal under curses. The loss itself reaches us as an
 * I/O failure with the same text; a notice has no reader here.
 */
static void
db_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static void *
db_connect_thread(void *arg)
{
	/* Our defaults come first so the user's conninfo can override them;
	 * keepalives notice a dead peer in about 30 s rather than hours, and
	 * connect_timeout moves on to the next host after 10 s. */
	static const char *const keys[] = {
		"application_name", "connect_timeout", "keepalives",
		"keepalives_idle", "keepalives_interval", "keepalives_count",
		"tcp_user_timeout", "client_encoding", "dbname", NULL
	};
	struct db_connect *c = arg;
	const char *values[] = {
		"frontline", "10", "1", "10", "5", "3", "30000", "UTF8",
		c->conninfo, NULL
	};
	PGconn *conn = PQconnectdbParams(keys, values, 1);
	ssize_t n;

	pthread_mutex_lock(&c->lock);
	c->conn = conn;
	c->done = 1;
	if (c->wake != -1) {
		do
			n = write(c->wake, "", 1);
		while (n == -1 && errno == EINTR);
	}
	pthread_mutex_unlock(&c->lock);
	db_connect_release(c);
	return NULL;
}

/* Starts an attempt on its own thread, which takes no signals: they stay
 * with the main loop's self-pipe. */
static int
db_connect_spawn(struct db *db)
{
	struct db_connect *c;
	pthread_attr_t attr;
	pthread_t thread;
	sigset_t all, old;
	int rc;

	if (db->pipe[0] == -1) {
		if (pipe(db->pipe) == -1)
			return errno;
		for (int i = 0; i < 2; i++) {
			fcntl(db->pipe[i], F_SETFD, FD_CLOEXEC);
			fcntl(db->pipe[i], F_SETFL, O_NONBLOCK);
		}
	}
	c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->lock, NULL);
	c->refs = 2;
	c->conninfo = xstrdup(db->conninfo);
	c->wake = db->pipe[1];

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&thread, &attr, db_connect_thread, c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	if (rc != 0) {
		c->refs = 1;
		db_connect_release(c);
		return rc;
	}
	db->connect = c;
	return 0;
}

void
db_start(struct db *db)
{
	int rc;

	if (db->conn != NULL) {
		PQfinish(db->conn);
		db->conn = NULL;
	}
	db_connect_abandon(db);
	if ((rc = db_connect_spawn(db)) != 0) {
		db_lost(db, strerror(rc));
		return;
	}
	db_set_state(db, DB_CONNECTING);
}

enum db_state
db_state(const struct db *db)
{
	return db->state;
}

const char *
db_last_error(const struct db *db)
{
	return db->error;
}

const char *
db_user(const struct db *db)
{
	return db->user;
}

int
db_fd(const struct db *db)
{
	if (db->state == DB_CONNECTING)
		return db->pipe[0];
	if (db->conn == NULL || db->state != DB_READY)
		return -1;
	return PQsocket(db->conn);
}

short
db_events(const struct db *db)
{
	if (db->state == DB_CONNECTING)
		return POLLIN;
	if (db->state == DB_READY)
		return (short)(POLLIN | (db->flushing ? POLLOUT : 0));
	return 0;
}

int
db_timeout(const struct db *db, double now)
{
	double ms;

	if (db->state != DB_RETRY_WAIT)
		return -1;
	ms = (db->retry_at - now) * 1000.0;
	return ms <= 0 ? 0 : (int)ms + 1;
}

void
db_tick(struct db *db, double now)
{
	if (db->state == DB_RETRY_WAIT && now >= db->retry_at)
		db_start(db);
}

static void
db_flush(struct db *db)
{
	int rc = PQflush(db->conn);

	if (rc == -1)
		db_lost(db, PQerrorMessage(db->conn));
	else
		db->flushing = rc == 1;
}

/* Sends the next queued request if none is in flight. */
static void
db_send_next(struct db *db)
{
	struct db_req *r = db->head;

	if (db->state != DB_READY || db->busy || r == NULL)
		return;
	if (!PQsendQueryParams(db->conn, r->sql, r->nparams, NULL,
	    (const char *const *)r->params, NULL, NULL, 0)) {
		db_lost(db, PQerrorMessage(db->conn));
		return;
	}
	db->busy = 1;
	db_flush(db);
}

void
db_query(struct db *db, const char *sql, int nparams,
    const char *const *params, db_result_cb cb, void *arg)
{
	struct db_req *r = xcalloc(1, sizeof *r);

	r->sql = xstrdup(sql);
	r->nparams = nparams;
	r->params = xcalloc((size_t)(nparams > 0 ? nparams : 1), sizeof *r->params);
	for (int i = 0; i < nparams; i++)
		r->params[i] = params[i] != NULL ? xstrdup(params[i]) : NULL;
	r->cb = cb;
	r->arg = arg;
	if (db->tail != NULL)
		db->tail->next = r;
	else
		db->head = r;
	db->tail = r;
	db_send_next(db);
}

static void
db_got_user(struct db *db, const PGresult *res, const char *error, void *arg)
{
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK ||
	    PQntuples(res) != 1)
		return;
	free(db->user);
	db->user = xstrdup(PQgetvalue(res, 0, 0));
}

static void
db_connected(struct db *db)
{
	PQsetnonblocking(db->conn, 1);
	db->backoff = 1.0;
	db_set_error(db, "");
	db_query(db, "LISTEN " DB_CHANNEL, 0, NULL, NULL, NULL);
	db_query(db, "SELECT current_user::text", 0, NULL, db_got_user, NULL);
	db_set_state(db, DB_READY);
}

/* The connecting thread woke us: take its connection, good or bad. */
static void
db_connect_finish(struct db *db)
{
	struct db_connect *c = db->connect;
	char byte;
	int done;

	while (read(db->pipe[0], &byte, 1) == 1)
		continue;
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->lock);
	if ((done = c->done)) {
		db->conn = c->conn;
		c->conn = NULL;
	}
	pthread_mutex_unlock(&c->lock);
	if (!done)
		return;
	db->connect = NULL;
	db_connect_release(c);
	if (db->conn == NULL) {
		db_lost(db, _("out of memory"));
		return;
	}
	PQsetNoticeProcessor(db->conn, db_notice, NULL);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		db_lost(db, PQerrorMessage(db->conn));
		return;
	}
	db_connected(db);
}

/* Finishes the request in flight once all its results are in. */
static void
db_collect(struct db *db)
{
	PGresult *res;
	struct db_req *r;

	while (db->busy && !PQisBusy(db->conn)) {
		res = PQgetResult(db->conn);
		if (res != NULL) {
			/* Keep the last result of the request. */
			PQclear(db->last);
			db->last = res;
			continue;
		}
		r = db_req_pop(db);
		db->busy = 0;
		/* The callback owns nothing, but may queue a query whose send
		 * finds the connection gone: db_lost then must not free the
		 * result the callback is still reading. */
		res = db->last;
		db->last = NULL;
		if (r->cb != NULL) {
			const char *err = NULL;
			ExecStatusType st = res != NULL ?
			    PQresultStatus(res) : PGRES_FATAL_ERROR;
			char *conn_err = NULL;

			if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
				if (res != NULL)
					err = PQresultErrorMessage(res);
				else
					err = conn_err =
					    xstrdup(PQerrorMessage(db->conn));
			}
			r->cb(db, res, err, r->arg);
			free(conn_err);
		}
		PQclear(res);
		db_req_free(r);
		db_send_next(db);
		if (db->state != DB_READY)
			return;
	}
}

void
db_io(struct db *db, short revents)
{
	PGnotify *n;
	int changed = 0;

	if (db->state == DB_CONNECTING) {
		db_connect_finish(db);
		return;
	}
	if (db->state != DB_READY)
		return;
	if ((revents & POLLOUT) && db->flushing)
		db_flush(db);
	if (db->state != DB_READY || !(revents & (POLLIN | POLLHUP | POLLERR)))
		return;
	if (!PQconsumeInput(db->conn) || PQstatus(db->conn) == CONNECTION_BAD) {
		db_lost(db, PQerrorMessage(db->conn));
		return;
	}
	db_collect(db);
	if (db->state != DB_READY)
		return;
	while ((n = PQnotifies(db->conn)) != NULL) {
		changed = 1;
		PQfreemem(n);
	}
	if (changed && db->ev.changed != NULL)
		db->ev.changed(db->ev.arg);
}

char *
db_value_dup(const PGresult *res, int row, int col)
{
	if (PQgetisnull(res, row, col))
		return NULL;
	return xstrdup(PQgetvalue(res, row, col));
}

double
db_value_double(const PGresult *res, int row, int col, bool *isnull)
{
	int null = PQgetisnull(res, row, col);

	if (isnull != NULL)
		*isnull = null;
	return null ? 0.0 : strtod(PQgetvalue(res, row, col), NULL);
}

char *
db_value_dup_or_empty(const PGresult *res, int row, int col)
{
	char *s = db_value_dup(res, row, col);

	return s != NULL ? s : xstrdup("");
}

long long
db_value_ll(const PGresult *res, int row, int col, long long none)
{
	return PQgetisnull(res, row, col) ? none :
	    strtoll(PQgetvalue(res, row, col), NULL, 10);
}

bool
db_value_bool(const PGresult *res, int row, int col)
{
	return !PQgetisnull(res, row, col) &&
	    strcmp(PQgetvalue(res, row, col), "t") == 0;
}
