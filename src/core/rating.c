/* Checking a rating record from JSON. The first problem found is the one
 * reported, in a fixed order (unknown fields, then the fields as the header
 * lists them), so the same bad line always gives the same message. A JSON
 * null means the same as a field left out, except for "ticket". */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/rating.h"
#include "core/text.h"
#include "i18n.h"
#include "xmalloc.h"

/* Columns of an offending value, and of jansson's message, quoted in ours. */
#define RATING_QUOTE_COLS	40
#define RATING_ERROR_COLS	100

static const char *const rating_fields[] = {
	"ticket", "csat", "nps", "reason", "comment", "callback", "via", "key",
	NULL
};
static const char *const rating_reasons[] = {
	"low_expertise", "long_wait", "not_resolved", "manner", "other", NULL
};
static const char *const rating_vias[] = {
	"import", "web", "email", "ivr", NULL
};

void
rating_record_done(struct rating_record *r)
{
	free(r->reason);
	free(r->comment);
	free(r->via);
	free(r->key);
	memset(r, 0, sizeof *r);
	r->nps = -1;
}

static bool
rating_in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* "a, b, c" from a NULL-terminated list; the caller frees. */
static char *
rating_join_list(const char *const *list)
{
	char *s = xstrdup(""), *t;

	for (const char *const *p = list; *p != NULL; p++) {
		xasprintf(&t, "%s%s%s", s, p == list ? "" : ", ", *p);
		free(s);
		s = t;
	}
	return s;
}

/* Untrusted text made fit to quote in a message; the caller frees. */
static char *
rating_quote_text(const char *s, size_t len, int cols)
{
	char *clean = text_sanitize(s, len, TEXT_ONE_LINE), *fit;

	fit = text_fit(clean, cols, 0);
	free(clean);
	return fit;
}

/* A JSON value as it was written, fit to quote; the caller frees. */
static char *
rating_quote_value(const json_t *v)
{
	char *dump, *quoted;

	if (v == NULL)
		return xstrdup("null");
	dump = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	if (dump == NULL)
		return xstrdup("?");
	quoted = rating_quote_text(dump, strlen(dump), RATING_QUOTE_COLS);
	free(dump);
	return quoted;
}

/* Sets *cause from a format with one %s for the quoted value v. */
static int
rating_fail_value(char **cause, const char *fmt, const char *field,
    const json_t *v)
{
	char *quoted = rating_quote_value(v);

	xasprintf(cause, fmt, field, quoted);
	free(quoted);
	return -1;
}

/* A whole number (an integer, or a real with nothing after the point). */
static bool
rating_whole_number(const json_t *v, long long *out)
{
	double d;

	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return true;
	}
	if (!json_is_real(v))
		return false;
	d = json_real_value(v);
	if (!(d >= -9.2e18 && d <= 9.2e18) || d != (double)(long long)d)
		return false;
	*out = (long long)d;
	return true;
}

/* An optional whole number from lo to hi into *out; absent leaves it. */
static int
rating_get_score(json_t *obj, const char *field, int lo, int hi, int *out,
    char **cause)
{
	json_t *v = json_object_get(obj, field);
	long long n;

	if (v == NULL || json_is_null(v))
		return 0;
	if (!rating_whole_number(v, &n) || n < lo || n > hi) {
		char *quoted = rating_quote_value(v);

		xasprintf(cause, _("\"%s\" must be a whole number from %d to %d, "
		    "got %s"), field, lo, hi, quoted);
		free(quoted);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* An optional string into *out (a copy; NULL when absent or null). */
static int
rating_get_string(json_t *obj, const char *field, char **out, char **cause)
{
	json_t *v = json_object_get(obj, field);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return rating_fail_value(cause, _("\"%s\" must be a string, "
		    "got %s"), field, v);
	*out = xstrndup(json_string_value(v), json_string_length(v));
	return 0;
}

/* An optional string that must be one of list. */
static int
rating_get_code(json_t *obj, const char *field, const char *const *list,
    char **out, char **cause)
{
	char *codes, *quoted;

	if (rating_get_string(obj, field, out, cause) == -1)
		return -1;
	if (*out == NULL || rating_in_list(list, *out))
		return 0;
	codes = rating_join_list(list);
	quoted = rating_quote_value(json_object_get(obj, field));
	xasprintf(cause, _("\"%s\" must be one of %s; got %s"), field, codes,
	    quoted);
	free(quoted);
	free(codes);
	free(*out);
	*out = NULL;
	return -1;
}

/* Characters (code points) in valid UTF-8, as jansson guarantees. */
static size_t
rating_count_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static bool
rating_is_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (strchr(" \t\r\n", *s) == NULL)
			return false;
	return true;
}

static int
rating_check_fields(json_t *obj, char **cause)
{
	const char *name;
	json_t *v;
	char *quoted, *known;

	json_object_foreach(obj, name, v) {
		if (rating_in_list(rating_fields, name))
			continue;
		quoted = rating_quote_text(name, strlen(name), RATING_QUOTE_COLS);
		known = rating_join_list(rating_fields);
		xasprintf(cause, _("unknown field \"%s\" (the fields are %s)"),
		    quoted, known);
		free(known);
		free(quoted);
		return -1;
	}
	return 0;
}

static int
rating_get_ticket(json_t *obj, long long *ticket, char **cause)
{
	json_t *v = json_object_get(obj, "ticket");

	if (v == NULL) {
		xasprintf(cause, _("\"%s\" is missing"), "ticket");
		return -1;
	}
	if (!rating_whole_number(v, ticket) || *ticket < 1)
		return rating_fail_value(cause, _("\"%s\" must be a positive "
		    "whole number, got %s"), "ticket", v);
	return 0;
}

static int
rating_get_callback(json_t *obj, bool *callback, char **cause)
{
	json_t *v = json_object_get(obj, "callback");

	*callback = false;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_boolean(v))
		return rating_fail_value(cause, _("\"%s\" must be true or false, "
		    "got %s"), "callback", v);
	*callback = json_is_true(v);
	return 0;
}

static int
rating_check_comment(struct rating_record *r, char **cause)
{
	size_t chars;

	if (r->comment != NULL && r->comment[0] == '\0') {
		free(r->comment);
		r->comment = NULL;
	}
	if (r->comment != NULL &&
	    (chars = rating_count_chars(r->comment)) > RATING_COMMENT_MAX) {
		xasprintf(cause, _("\"%s\" is too long: %zu characters, at most "
		    "%d"), "comment", chars, RATING_COMMENT_MAX);
		return -1;
	}
	if (r->reason != NULL && strcmp(r->reason, "other") == 0 &&
	    (r->comment == NULL || rating_is_blank(r->comment))) {
		xasprintf(cause, _("\"%s\" is required when \"%s\" is \"%s\""),
		    "comment", "reason", "other");
		return -1;
	}
	return 0;
}

static int
rating_check_key(struct rating_record *r, char **cause)
{
	size_t chars;

	if (r->key == NULL) {
		xasprintf(&r->key, "import:%lld", r->ticket);
		return 0;
	}
	if (rating_is_blank(r->key)) {
		xasprintf(cause, _("\"%s\" must not be empty"), "key");
		return -1;
	}
	if ((chars = rating_count_chars(r->key)) > RATING_KEY_MAX) {
		xasprintf(cause, _("\"%s\" is too long: %zu characters, at most "
		    "%d"), "key", chars, RATING_KEY_MAX);
		return -1;
	}
	return 0;
}

static int
rating_from_object(json_t *obj, struct rating_record *r, char **cause)
{
	if (rating_check_fields(obj, cause) == -1 ||
	    rating_get_ticket(obj, &r->ticket, cause) == -1 ||
	    rating_get_score(obj, "csat", 1, 5, &r->csat, cause) == -1 ||
	    rating_get_score(obj, "nps", 0, 10, &r->nps, cause) == -1)
		return -1;
	if (r->csat == 0 && r->nps == -1) {
		xasprintf(cause, _("a rating needs \"%s\" or \"%s\" (or both)"),
		    "csat", "nps");
		return -1;
	}
	if (rating_get_code(obj, "reason", rating_reasons, &r->reason,
	    cause) == -1 ||
	    rating_get_string(obj, "comment", &r->comment, cause) == -1 ||
	    rating_check_comment(r, cause) == -1 ||
	    rating_get_callback(obj, &r->callback, cause) == -1 ||
	    rating_get_code(obj, "via", rating_vias, &r->via, cause) == -1 ||
	    rating_get_string(obj, "key", &r->key, cause) == -1 ||
	    rating_check_key(r, cause) == -1)
		return -1;
	if (r->via == NULL)
		r->via = xstrdup("import");
	return 0;
}

int
rating_parse_record(const char *line, size_t len, struct rating_record *r,
    char **cause)
{
	json_error_t error;
	json_t *root;
	char *text;
	int rc;

	memset(r, 0, sizeof *r);
	r->nps = -1;
	*cause = NULL;
	root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &error);
	if (root == NULL) {
		text = rating_quote_text(error.text, strlen(error.text),
		    RATING_ERROR_COLS);
		if (error.column > 0)
			xasprintf(cause, _("invalid JSON at column %d: %s"),
			    error.column, text);
		else
			xasprintf(cause, _("invalid JSON: %s"), text);
		free(text);
		return -1;
	}
	if (!json_is_object(root)) {
		text = rating_quote_value(root);
		xasprintf(cause, _("a rating must be a JSON object {...}, got %s"),
		    text);
		free(text);
		rc = -1;
	} else
		rc = rating_from_object(root, r, cause);
	json_decref(root);
	if (rc == -1)
		rating_record_done(r);
	return rc;
}
