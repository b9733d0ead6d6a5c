/* Where frontline keeps state and finds its shared files. */
#ifndef FRONTLINE_PATHS_H
#define FRONTLINE_PATHS_H

#include <stddef.h>

/* The state directory ($XDG_STATE_HOME/frontline or
 * ~/.local/state/frontline), created if missing; the caller frees. */
char *paths_state_dir(void);

/* The directory holding sql/, demo/ and the man page: $FRONTLINE_SHAREDIR,
 * the source tree when running uninstalled, or PKGDATADIR. Borrowed. */
const char *paths_share_dir(void);

/* Creates dir and its parents with the given mode; 0 or -1 with errno. */
int paths_mkdir_p(const char *dir, int mode);

/* Reads a whole file into a NUL-terminated string the caller frees, its
 * length in *len when len is not NULL; NULL with errno set. */
char *paths_read_file(const char *path, size_t *len);

/* Removes a directory tree; 0 or -1 (the tree may be partly gone). */
int paths_rm_rf(const char *dir);

#endif
