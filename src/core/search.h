/* Searching text a person typed a pattern for: PCRE2, UTF, caseless. */
#ifndef FRONTLINE_SEARCH_H
#define FRONTLINE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct search;

/* Compiles pattern; NULL with *cause (caller frees) naming the problem and
 * where, when it is not a valid expression. */
struct search *search_new(const char *pattern, char **cause);
void search_free(struct search *s);

/* Finds the first match in s[from..len); true with its byte range. A
 * match of nothing moves on, so a loop always ends. */
bool search_next(const struct search *s, const char *subject, size_t len,
    size_t from, size_t *start, size_t *end);

/* Whether subject matches anywhere. */
bool search_any(const struct search *s, const char *subject);

/* The pattern as typed (borrowed). */
const char *search_pattern(const struct search *s);

#endif
