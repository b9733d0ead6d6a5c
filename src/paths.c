/* State and data directories. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "xmalloc.h"

int
paths_mkdir_p(const char *dir, int mode)
{
	char *copy = xstrdup(dir), *p;
	int rc = 0;

	for (p = copy + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(copy, (mode_t)mode) == -1 && errno != EEXIST)
			rc = -1;
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(copy);
	return rc;
}

char *
paths_read_file(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (f == NULL)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap = cap * 2 + 4096;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return buf;
}

int
paths_rm_rf(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat st;
	char *path;
	int rc = 0;

	if (d == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		xasprintf(&path, "%s/%s", dir, de->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			rc |= paths_rm_rf(path);
		else if (unlink(path) == -1)
			rc = -1;
		free(path);
	}
	closedir(d);
	if (rmdir(dir) == -1)
		rc = -1;
	return rc;
}

char *
paths_state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	struct passwd *pw;
	char *dir;

	if (xdg != NULL && *xdg == '/')
		xasprintf(&dir, "%s/frontline", xdg);
	else {
		if (home == NULL || *home != '/') {
			pw = getpwuid(getuid());
			home = pw != NULL ? pw->pw_dir : "/tmp";
		}
		xasprintf(&dir, "%s/.local/state/frontline", home);
	}
	paths_mkdir_p(dir, 0700);
	return dir;
}

static int
paths_is_share(const char *dir)
{
	char *probe;
	int ok;

	xasprintf(&probe, "%s/sql/001-core.sql", dir);
	ok = access(probe, R_OK) == 0;
	free(probe);
	return ok;
}

const char *
paths_share_dir(void)
{
	static char *cached;
	char exe[PATH_MAX], *slash, *cand;
	ssize_t n;
	const char *env;

	if (cached != NULL)
		return cached;
	env = getenv("FRONTLINE_SHAREDIR");
	if (env != NULL && *env != '\0')
		return cached = xstrdup(env);

	/* Uninstalled: the binary still sits in the build tree it came from. */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		if (strcmp(exe, ABS_TOP_BUILDDIR) == 0) {
			xasprintf(&cand, "%s/share", ABS_TOP_SRCDIR);
			if (paths_is_share(cand))
				return cached = cand;
			free(cand);
		}
	}
	return cached = xstrdup(PKGDATADIR);
}
