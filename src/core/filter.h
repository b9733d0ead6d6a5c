/* The queue filter a person types: field:value words and a pattern.
 *   status:pending priority:urgent channel:email tag:vip  printer|toner
 * Fields must all match (one value each; a field given twice matches
 * either value); the rest is a PCRE2 pattern over subject and customer. */
#ifndef FRONTLINE_FILTER_H
#define FRONTLINE_FILTER_H

#include <stdbool.h>

struct filter;

/* What a row offers to the filter; tags space-separated. Borrowed. */
struct filter_row {
	const char	*status;
	const char	*priority;
	const char	*channel;
	const char	*tags;
	const char	*subject;
	const char	*customer;
};

/* Parses text; NULL with *cause (caller frees) for an unknown field or a
 * bad pattern. An empty text gives NULL and no cause: no filter. */
struct filter *filter_new(const char *text, char **cause);
void filter_free(struct filter *f);
bool filter_match(const struct filter *f, const struct filter_row *r);
/* The text as typed (borrowed). */
const char *filter_text(const struct filter *f);

#endif
