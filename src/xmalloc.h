/* Allocation that cannot fail: on exhaustion the terminal is restored and
 * the program exits, since no caller can do better. */
#ifndef FRONTLINE_XMALLOC_H
#define FRONTLINE_XMALLOC_H

#include <stddef.h>

/* Hook run before dying of memory exhaustion (the console restores the tty). */
void xmalloc_set_fatal_hook(void (*hook)(void));

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows an array of n elements of size bytes; checks n * size overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Like asprintf, but dies on failure; returns the length. */
int xasprintf(char **out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
