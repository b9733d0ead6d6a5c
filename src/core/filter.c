/* Parsing and matching the queue filter. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/filter.h"
#include "core/search.h"
#include "i18n.h"
#include "xmalloc.h"

enum filter_field {
	FF_STATUS,
	FF_PRIORITY,
	FF_CHANNEL,
	FF_TAG,
	FF_COUNT
};

static const char *const field_names[FF_COUNT] = {
	"status", "priority", "channel", "tag"
};

#define FILTER_MAX_VALUES 8

struct filter {
	char		*text;
	char		*values[FF_COUNT][FILTER_MAX_VALUES];
	int		 nvalues[FF_COUNT];
	struct search	*pattern;	/* NULL: none */
};

void
filter_free(struct filter *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < FF_COUNT; i++)
		for (int j = 0; j < f->nvalues[i]; j++)
			free(f->values[i][j]);
	search_free(f->pattern);
	free(f->text);
	free(f);
}

/* "on hold" is typed on_hold or on-hold; both mean the code on_hold. */
static char *
filter_value(const char *s, size_t n)
{
	char *v = xstrndup(s, n);

	for (char *p = v; *p != '\0'; p++)
		if (*p == '-' && strcmp(v, "walk-in") != 0)
			*p = '_';
	return v;
}

struct filter *
filter_new(const char *text, char **cause)
{
	struct filter *f = xcalloc(1, sizeof *f);
	const char *p = text, *word, *colon;
	char *rest = xstrdup(""), *tmp;
	size_t n;
	int i;

	*cause = NULL;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		word = p;
		while (*p != '\0' && *p != ' ')
			p++;
		n = (size_t)(p - word);
		colon = memchr(word, ':', n);
		for (i = 0; colon != NULL && i < FF_COUNT; i++)
			if ((size_t)(colon - word) == strlen(field_names[i]) &&
			    strncmp(word, field_names[i], (size_t)(colon - word))
			    == 0)
				break;
		if (colon != NULL && i < FF_COUNT && colon + 1 < word + n) {
			if (f->nvalues[i] < FILTER_MAX_VALUES)
				f->values[i][f->nvalues[i]++] = filter_value(
				    colon + 1, n - (size_t)(colon + 1 - word));
			continue;
		}
		/* Anything else is part of the pattern, spaces kept. */
		xasprintf(&tmp, "%s%s%.*s", rest, *rest != '\0' ? " " : "",
		    (int)n, word);
		free(rest);
		rest = tmp;
	}
	if (*rest != '\0' && (f->pattern = search_new(rest, cause)) == NULL) {
		free(rest);
		filter_free(f);
		return NULL;
	}
	free(rest);
	if (f->pattern == NULL && f->nvalues[FF_STATUS] == 0 &&
	    f->nvalues[FF_PRIORITY] == 0 && f->nvalues[FF_CHANNEL] == 0 &&
	    f->nvalues[FF_TAG] == 0) {
		filter_free(f);
		return NULL;
	}
	f->text = xstrdup(text);
	return f;
}

static bool
filter_field_match(const struct filter *f, enum filter_field i,
    const char *value)
{
	if (f->nvalues[i] == 0)
		return true;
	for (int j = 0; j < f->nvalues[i]; j++)
		if (value != NULL && strcmp(f->values[i][j], value) == 0)
			return true;
	return false;
}

/* Whether the space-separated list holds one of the tag values. */
static bool
filter_tag_match(const struct filter *f, const char *tags)
{
	const char *p, *end;
	size_t n;

	if (f->nvalues[FF_TAG] == 0)
		return true;
	for (int j = 0; tags != NULL && j < f->nvalues[FF_TAG]; j++) {
		n = strlen(f->values[FF_TAG][j]);
		for (p = tags; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
			end = strchr(p, ' ');
			if (end == NULL)
				end = p + strlen(p);
			if ((size_t)(end - p) == n &&
			    strncmp(p, f->values[FF_TAG][j], n) == 0)
				return true;
		}
	}
	return false;
}

bool
filter_match(const struct filter *f, const struct filter_row *r)
{
	if (!filter_field_match(f, FF_STATUS, r->status) ||
	    !filter_field_match(f, FF_PRIORITY, r->priority) ||
	    !filter_field_match(f, FF_CHANNEL, r->channel) ||
	    !filter_tag_match(f, r->tags))
		return false;
	if (f->pattern == NULL)
		return true;
	return (r->subject != NULL && search_any(f->pattern, r->subject)) ||
	    (r->customer != NULL && search_any(f->pattern, r->customer));
}

const char *
filter_text(const struct filter *f)
{
	return f->text;
}
