/* PCRE2 behind a small interface: compile once, match many lines. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "i18n.h"
#include "xmalloc.h"

struct search {
	char			*pattern;
	pcre2_code		*code;
	pcre2_match_data	*md;
};

struct search *
search_new(const char *pattern, char **cause)
{
	struct search *s;
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	s = xcalloc(1, sizeof *s);
	/* UTF with validity checks: the pattern is typed, subjects are
	 * sanitized already but need not be trusted. */
	s->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
	if (s->code == NULL) {
		pcre2_get_error_message(err, msg, sizeof msg);
		xasprintf(cause, _("bad pattern at character %zu: %s"),
		    (size_t)off + 1, (const char *)msg);
		free(s);
		return NULL;
	}
	s->md = pcre2_match_data_create_from_pattern(s->code, NULL);
	s->pattern = xstrdup(pattern);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	pcre2_match_data_free(s->md);
	pcre2_code_free(s->code);
	free(s->pattern);
	free(s);
}

bool
search_next(const struct search *s, const char *subject, size_t len,
    size_t from, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov;
	int rc;

	while (from <= len) {
		rc = pcre2_match(s->code, (PCRE2_SPTR)subject, len, from, 0,
		    s->md, NULL);
		if (rc < 0)
			return false;
		ov = pcre2_get_ovector_pointer(s->md);
		if (ov[1] > ov[0]) {
			*start = ov[0];
			*end = ov[1];
			return true;
		}
		/* An empty match: try one code point further. */
		from = ov[0] + 1;
		while (from < len && ((unsigned char)subject[from] & 0xc0) ==
		    0x80)
			from++;
	}
	return false;
}

bool
search_any(const struct search *s, const char *subject)
{
	size_t a, b;

	return search_next(s, subject, strlen(subject), 0, &a, &b);
}

const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}
