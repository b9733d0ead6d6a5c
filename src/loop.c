/* poll() loop with a signal self-pipe. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "loop.h"

#define LOOP_MAX_SOURCES 8

static const struct loop_source *sources[LOOP_MAX_SOURCES];
static int nsources;
static int sigpipe[2] = { -1, -1 };
static void (*signal_cb)(int, void *);
static void *signal_arg;

static const int loop_signals[] = { SIGWINCH, SIGTERM, SIGHUP, SIGINT,
    SIGCONT };

static void
loop_signal_handler(int signo)
{
	unsigned char c = (unsigned char)signo;
	int saved = errno;

	(void)!write(sigpipe[1], &c, 1);
	errno = saved;
}

int
loop_init(void)
{
	struct sigaction sa;

	if (pipe(sigpipe) == -1)
		return -1;
	for (int i = 0; i < 2; i++) {
		fcntl(sigpipe[i], F_SETFL, fcntl(sigpipe[i], F_GETFL) |
		    O_NONBLOCK);
		fcntl(sigpipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = loop_signal_handler;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof loop_signals / sizeof *loop_signals; i++)
		sigaction(loop_signals[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	return 0;
}

void
loop_done(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	for (size_t i = 0; i < sizeof loop_signals / sizeof *loop_signals; i++)
		sigaction(loop_signals[i], &sa, NULL);
	for (int i = 0; i < 2; i++) {
		if (sigpipe[i] != -1)
			close(sigpipe[i]);
		sigpipe[i] = -1;
	}
	nsources = 0;
}

void
loop_add(const struct loop_source *src)
{
	if (nsources < LOOP_MAX_SOURCES)
		sources[nsources++] = src;
}

void
loop_on_signal(void (*cb)(int, void *), void *arg)
{
	signal_cb = cb;
	signal_arg = arg;
}

int
loop_once(int max_ms)
{
	struct pollfd pfd[LOOP_MAX_SOURCES + 1];
	int owner[LOOP_MAX_SOURCES + 1];
	int n = 0, timeout = max_ms, t, rc;
	unsigned char buf[64];
	ssize_t got;

	pfd[n].fd = sigpipe[0];
	pfd[n].events = POLLIN;
	owner[n++] = -1;
	for (int i = 0; i < nsources; i++) {
		const struct loop_source *s = sources[i];
		int fd = s->fd != NULL ? s->fd(s->arg) : -1;

		if (fd >= 0) {
			pfd[n].fd = fd;
			pfd[n].events = s->events(s->arg);
			owner[n++] = i;
		}
		if (s->timeout != NULL && (t = s->timeout(s->arg)) >= 0 &&
		    (timeout < 0 || t < timeout))
			timeout = t;
	}

	rc = poll(pfd, (nfds_t)n, timeout);
	if (rc == -1 && errno != EINTR)
		return -1;

	if (rc > 0 && (pfd[0].revents & POLLIN)) {
		while ((got = read(sigpipe[0], buf, sizeof buf)) > 0)
			for (ssize_t i = 0; i < got; i++)
				if (signal_cb != NULL)
					signal_cb(buf[i], signal_arg);
	}
	for (int i = 1; rc > 0 && i < n; i++) {
		const struct loop_source *s = sources[owner[i]];

		if (pfd[i].revents != 0)
			s->ready(s->arg, pfd[i].revents);
	}
	for (int i = 0; i < nsources; i++) {
		const struct loop_source *s = sources[i];

		if (s->tick != NULL)
			s->tick(s->arg);
	}
	return 0;
}
