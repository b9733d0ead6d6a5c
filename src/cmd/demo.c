/* `frontline demo`: a private PostgreSQL cluster on a Unix socket, the
 * schema, a realistic data set and live traffic, then the console. As root
 * the cluster runs as the unprivileged postgres user. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "db/demo.h"
#include "db/migrate.h"
#include "i18n.h"
#include "paths.h"
#include "xmalloc.h"

#define DEMO_DB		"frontline"
#define DEMO_OS_USER	"postgres"	/* who runs the cluster for root */

struct demo {
	char		*dir;		/* the demo's own directory */
	char		*data;		/* PGDATA */
	char		*run;		/* socket directory */
	char		*log;
	char		*pidfile;	/* the traffic simulator */
	char		*bindir;	/* PostgreSQL server programs */
	struct passwd	*owner;		/* set when root: the cluster's user */
};

static void
demo_usage(void)
{
	fprintf(stderr, "%s", _("usage: frontline demo [--supervisor] "
	    "[--agent ROLE] [--setup] [--stop] [--reset]\n"));
}

/* Every parent of path can be traversed by other users. */
static int
demo_traversable(const char *path)
{
	char *copy = xstrdup(path), *slash;
	struct stat st;
	int ok = 1;

	while ((slash = strrchr(copy, '/')) != NULL && slash != copy) {
		*slash = '\0';
		if (stat(copy, &st) == 0 && !(st.st_mode & S_IXOTH))
			ok = 0;
	}
	free(copy);
	return ok;
}

static char *
demo_find_bindir(void)
{
	const char *env = getenv("FRONTLINE_PG_BINDIR");
	char *probe;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	xasprintf(&probe, "%s/initdb", PG_BINDIR);
	if (*PG_BINDIR != '\0' && access(probe, X_OK) == 0) {
		free(probe);
		return xstrdup(PG_BINDIR);
	}
	free(probe);
	return NULL;
}

static int
demo_init(struct demo *d, char **cause)
{
	const char *env = getenv("FRONTLINE_DEMO_DIR");
	char *state;

	memset(d, 0, sizeof *d);
	if (geteuid() == 0) {
		d->owner = getpwnam(DEMO_OS_USER);
		if (d->owner == NULL) {
			*cause = xstrdup(_("as root, the demo runs its database as "
			    "the postgres user, which is missing: apt-get install "
			    "postgresql"));
			return -1;
		}
	}
	if (env != NULL && *env == '/')
		d->dir = xstrdup(env);
	else {
		state = paths_state_dir();
		xasprintf(&d->dir, "%s/demo", state);
		/* postgres cannot reach root's home: keep root's demo where
		 * it can. */
		if (d->owner != NULL && !demo_traversable(d->dir)) {
			free(d->dir);
			d->dir = xstrdup("/var/lib/frontline/demo");
		}
		free(state);
	}
	xasprintf(&d->data, "%s/data", d->dir);
	xasprintf(&d->run, "%s/run", d->dir);
	xasprintf(&d->log, "%s/postgresql.log", d->dir);
	xasprintf(&d->pidfile, "%s/traffic.pid", d->dir);
	if ((d->bindir = demo_find_bindir()) == NULL) {
		*cause = xstrdup(_("PostgreSQL server programs not found: "
		    "apt-get install postgresql (or set FRONTLINE_PG_BINDIR)"));
		return -1;
	}
	return 0;
}

static void
demo_done(struct demo *d)
{
	free(d->dir);
	free(d->data);
	free(d->run);
	free(d->log);
	free(d->pidfile);
	free(d->bindir);
}

/* Runs a PostgreSQL program (as the cluster's user when root) with its
 * output appended to the demo log; returns its exit status or -1. */
static int
demo_run(const struct demo *d, const char *prog, const char *const *args)
{
	const char *argv[32];
	char *path;
	int n = 0, status, fd;
	pid_t pid;

	xasprintf(&path, "%s/%s", d->bindir, prog);
	if (d->owner != NULL) {
		argv[n++] = "runuser";
		argv[n++] = "-u";
		argv[n++] = DEMO_OS_USER;
		argv[n++] = "--";
	}
	argv[n++] = path;
	for (int i = 0; args[i] != NULL && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;

	pid = fork();
	if (pid == -1) {
		free(path);
		return -1;
	}
	if (pid == 0) {
		fd = open(d->log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		if (fd != -1) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			close(fd);
		}
		fd = open("/dev/null", O_RDONLY);
		if (fd != -1)
			dup2(fd, STDIN_FILENO);
		/* The cluster's user must be able to cd into the log's
		 * directory, not into ours. */
		if (chdir(d->dir) == -1)
			(void)!chdir("/");
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	free(path);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int
demo_mkdir(const struct demo *d, const char *dir, int mode)
{
	char *parent = xstrdup(dir), *slash = strrchr(parent, '/');

	/* Parents are traversable (the cluster's user must reach its own
	 * directory inside them); the directory itself is private. */
	if (slash != NULL && slash != parent) {
		*slash = '\0';
		if (paths_mkdir_p(parent, 0755) == -1) {
			free(parent);
			return -1;
		}
	}
	free(parent);
	if (paths_mkdir_p(dir, mode) == -1)
		return -1;
	chmod(dir, (mode_t)mode);
	if (d->owner != NULL && chown(dir, d->owner->pw_uid,
	    d->owner->pw_gid) == -1)
		return -1;
	return 0;
}

static int
demo_initdb(const struct demo *d, char **cause)
{
	const char *args[] = { "-D", d->data, "-U", "postgres", "-A", "trust",
	    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", NULL };
	char *conf;
	FILE *f;

	if (demo_mkdir(d, d->dir, 0700) == -1 ||
	    demo_mkdir(d, d->run, 0700) == -1) {
		xasprintf(cause, _("cannot create %s: %s"), d->dir,
		    strerror(errno));
		return -1;
	}
	if (d->owner != NULL) {
		int fd = open(d->log, O_WRONLY | O_CREAT | O_APPEND, 0600);

		if (fd != -1) {
			if (fchown(fd, d->owner->pw_uid, d->owner->pw_gid) == -1)
				(void)0;
			close(fd);
		}
	}
	fprintf(stderr, _("frontline: creating the demo database in %s\n"),
	    d->dir);
	if (demo_run(d, "initdb", args) != 0) {
		xasprintf(cause, _("initdb failed; see %s"), d->log);
		return -1;
	}
	/* A Unix socket only, private to the cluster's user; the demo trades
	 * durability for speed. */
	xasprintf(&conf, "%s/postgresql.conf", d->data);
	f = fopen(conf, "a");
	free(conf);
	if (f == NULL) {
		xasprintf(cause, _("cannot configure the demo cluster: %s"),
		    strerror(errno));
		return -1;
	}
	fprintf(f, "\n# frontline demo\nlisten_addresses = ''\n"
	    "unix_socket_directories = '%s'\nunix_socket_permissions = 0700\n"
	    "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
	    "shared_buffers = 64MB\nmax_connections = 60\n", d->run);
	fclose(f);
	return 0;
}

static int
demo_running(const struct demo *d)
{
	const char *args[] = { "status", "-D", d->data, NULL };

	return demo_run(d, "pg_ctl", args) == 0;
}

static int
demo_start(const struct demo *d, char **cause)
{
	const char *args[] = { "start", "-w", "-t", "60", "-D", d->data, "-l",
	    d->log, NULL };

	if (demo_running(d))
		return 0;
	if (demo_run(d, "pg_ctl", args) != 0) {
		xasprintf(cause, _("the demo database did not start; see %s"),
		    d->log);
		return -1;
	}
	return 0;
}

static pid_t
demo_traffic_pid(const struct demo *d)
{
	FILE *f = fopen(d->pidfile, "r");
	long pid = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%ld", &pid) != 1)
		pid = 0;
	fclose(f);
	if (pid > 0 && kill((pid_t)pid, 0) == 0)
		return (pid_t)pid;
	return 0;
}

static void
demo_stop_traffic(const struct demo *d)
{
	pid_t pid = demo_traffic_pid(d);

	if (pid > 0)
		kill(pid, SIGTERM);
	unlink(d->pidfile);
}

static int
demo_stop(const struct demo *d)
{
	const char *args[] = { "stop", "-w", "-m", "fast", "-D", d->data,
	    NULL };
	char *probe;
	int rc = 0;

	demo_stop_traffic(d);
	xasprintf(&probe, "%s/PG_VERSION", d->data);
	if (access(probe, F_OK) == 0 && demo_running(d))
		rc = demo_run(d, "pg_ctl", args) == 0 ? 0 : -1;
	free(probe);
	return rc;
}

static char *
demo_conninfo(const struct demo *d, const char *db, const char *user)
{
	char *s;

	/* Socket paths and role names come from us, never from a customer;
	 * still, quote them as libpq wants. */
	xasprintf(&s, "host='%s' dbname='%s' user='%s'", d->run, db, user);
	return s;
}

static int
demo_prepare(const struct demo *d, char **cause)
{
	char *admin, *conninfo, *sqldir, *seed, *exists;
	int rc = -1;

	admin = demo_conninfo(d, "postgres", "postgres");
	conninfo = demo_conninfo(d, DEMO_DB, "postgres");
	xasprintf(&sqldir, "%s/sql", paths_share_dir());
	xasprintf(&seed, "%s/demo/seed.sql", paths_share_dir());

	exists = db_fetch_value(admin, "SELECT 1 FROM pg_database"
	    " WHERE datname = $1", DEMO_DB, cause);
	if (exists == NULL && *cause != NULL)
		goto out;
	if (exists == NULL && db_run_statement(admin,
	    "CREATE DATABASE " DEMO_DB, cause) == -1)
		goto out;
	free(exists);
	if (migrate_apply(conninfo, sqldir, NULL, cause) == -1)
		goto out;
	exists = db_fetch_value(conninfo, "SELECT to_regclass($1)::text",
	    "frontline_demo.seeded", cause);
	if (exists == NULL) {
		if (*cause != NULL)
			goto out;
		fprintf(stderr, "%s", _("frontline: loading the demo data "
		    "(first run only, this takes a little while)...\n"));
		if (db_run_script(conninfo, seed, cause) == -1)
			goto out;
	}
	free(exists);
	rc = 0;
out:
	free(admin);
	free(conninfo);
	free(sqldir);
	free(seed);
	return rc;
}

static pid_t traffic_parent;

static int
demo_parent_alive(void *arg)
{
	return getppid() == traffic_parent;
}

/* Forks the traffic simulator; it ends when the console that started it
 * does, or when the cluster goes away. */
static void
demo_start_traffic(const struct demo *d)
{
	char *conninfo;
	pid_t pid;
	FILE *f;
	int fd;

	if (demo_traffic_pid(d) > 0)
		return;
	traffic_parent = getpid();
	conninfo = demo_conninfo(d, DEMO_DB, "postgres");
	pid = fork();
	if (pid == 0) {
		setsid();
		fd = open("/dev/null", O_RDWR);
		if (fd != -1) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			close(fd);
		}
		signal(SIGHUP, SIG_IGN);
		_exit(demo_simulate(conninfo, demo_parent_alive, NULL));
	}
	free(conninfo);
	if (pid > 0 && (f = fopen(d->pidfile, "w")) != NULL) {
		fprintf(f, "%ld\n", (long)pid);
		fclose(f);
	}
}

static char *
demo_default_role(const struct demo *d, int supervisor, char **cause)
{
	char *conninfo = demo_conninfo(d, DEMO_DB, "postgres"), *role;

	role = db_fetch_value(conninfo, "SELECT role_name::text FROM"
	    " frontline.agents WHERE is_supervisor = $1::bool AND active"
	    " ORDER BY id LIMIT 1", supervisor ? "true" : "false", cause);
	free(conninfo);
	if (role == NULL && *cause == NULL)
		*cause = xstrdup(_("the demo data has no such agent"));
	return role;
}

int
cmd_demo(int argc, char **argv, bool ascii)
{
	static const struct option longopts[] = {
		{ "supervisor", no_argument, NULL, 's' },
		{ "agent", required_argument, NULL, 'a' },
		{ "setup", no_argument, NULL, 'S' },
		{ "stop", no_argument, NULL, 'x' },
		{ "reset", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct demo d;
	struct console_opts opts = { .ascii = ascii };
	char *cause = NULL, *probe, *role = NULL, *conninfo = NULL;
	const char *agent = NULL;
	int c, supervisor = 0, setup = 0, stop = 0, reset = 0, rc = 1;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			supervisor = 1;
			break;
		case 'a':
			agent = optarg;
			break;
		case 'S':
			setup = 1;
			break;
		case 'x':
			stop = 1;
			break;
		case 'r':
			reset = 1;
			break;
		default:
			demo_usage();
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		demo_usage();
		return EXIT_USAGE;
	}
	if (demo_init(&d, &cause) == -1)
		goto out;

	if (stop || reset) {
		if (demo_stop(&d) == -1) {
			xasprintf(&cause, _("could not stop the demo database;"
			    " see %s"), d.log);
			goto out;
		}
		if (stop) {
			printf("%s\n", _("the demo database is stopped"));
			rc = 0;
			goto out;
		}
		if (paths_rm_rf(d.dir) == -1) {
			xasprintf(&cause, _("cannot remove %s: %s"), d.dir,
			    strerror(errno));
			goto out;
		}
	}

	xasprintf(&probe, "%s/PG_VERSION", d.data);
	if (access(probe, F_OK) != 0 && demo_initdb(&d, &cause) == -1) {
		free(probe);
		goto out;
	}
	free(probe);
	if (demo_start(&d, &cause) == -1 || demo_prepare(&d, &cause) == -1)
		goto out;

	if (agent == NULL &&
	    (role = demo_default_role(&d, supervisor, &cause)) == NULL)
		goto out;
	conninfo = demo_conninfo(&d, DEMO_DB, agent != NULL ? agent : role);
	if (setup) {
		printf("%s\n", conninfo);
		rc = 0;
		goto out;
	}
	demo_start_traffic(&d);
	opts.conninfo = conninfo;
	rc = cmd_console(&opts);
	demo_stop_traffic(&d);
out:
	if (cause != NULL) {
		cmd_warn("%s", cause);
		free(cause);
	}
	free(role);
	free(conninfo);
	if (d.dir != NULL)
		demo_done(&d);
	return rc;
}
