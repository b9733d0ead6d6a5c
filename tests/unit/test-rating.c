/* Unit tests of core/rating: good records with their defaults, and broken
 * ones with the exact message a person importing a file would read. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/rating.h"

struct good_case {
	const char	*json;
	long long	 ticket;
	int		 csat, nps;
	const char	*reason, *comment;
	bool		 callback;
	const char	*via, *key;
};

static const struct good_case good[] = {
	{ "{\"ticket\": 1, \"csat\": 5}",
	  1, 5, -1, NULL, NULL, false, "import", "import:1" },
	/* 0 is a real NPS answer, not "none". */
	{ "{\"ticket\": 42, \"nps\": 0}",
	  42, 0, 0, NULL, NULL, false, "import", "import:42" },
	{ "{\"ticket\": 7, \"csat\": 1, \"nps\": 10, \"reason\": \"other\", "
	  "\"comment\": \"Kept me waiting\", \"callback\": true, "
	  "\"via\": \"ivr\", \"key\": \"ivr-call-99\"}",
	  7, 1, 10, "other", "Kept me waiting", true, "ivr", "ivr-call-99" },
	/* null is the same as leaving a field out. */
	{ "{\"ticket\": 3, \"csat\": 4, \"nps\": null, \"reason\": null, "
	  "\"comment\": null, \"callback\": null, \"via\": null, \"key\": null}",
	  3, 4, -1, NULL, NULL, false, "import", "import:3" },
	{ "{\"csat\": 2, \"ticket\": 8, \"reason\": \"long_wait\", "
	  "\"callback\": false, \"via\": \"web\"}",
	  8, 2, -1, "long_wait", NULL, false, "web", "import:8" },
	{ "{\"ticket\": 9, \"nps\": 6, \"reason\": \"low_expertise\", "
	  "\"via\": \"email\"}",
	  9, 0, 6, "low_expertise", NULL, false, "email", "import:9" },
	{ "{\"ticket\": 10, \"csat\": 3, \"reason\": \"not_resolved\"}",
	  10, 3, -1, "not_resolved", NULL, false, "import", "import:10" },
	{ "{\"ticket\": 11, \"csat\": 2, \"reason\": \"manner\"}",
	  11, 2, -1, "manner", NULL, false, "import", "import:11" },
	/* Spreadsheets write whole numbers with a point. */
	{ "{\"ticket\": 12.0, \"csat\": 5.0, \"nps\": 1e1}",
	  12, 5, 10, NULL, NULL, false, "import", "import:12" },
	/* An empty comment is no comment. */
	{ "{\"ticket\": 13, \"csat\": 5, \"comment\": \"\"}",
	  13, 5, -1, NULL, NULL, false, "import", "import:13" },
	{ "  {\"ticket\": 9223372036854775807, \"csat\": 1}\r\n",
	  9223372036854775807LL, 1, -1, NULL, NULL, false, "import",
	  "import:9223372036854775807" },
	{ "{\"ticket\": 14, \"csat\": 4, \"comment\": \"\\u00e9t\\u00e9 \xd0\xb4\xd0\xb0\"}",
	  14, 4, -1, NULL, "\xc3\xa9t\xc3\xa9 \xd0\xb4\xd0\xb0", false, "import",
	  "import:14" },
	/* The key is the caller's, kept as given. */
	{ "{\"ticket\": 15, \"nps\": 9, \"key\": \"survey 2024-05/15 #1\"}",
	  15, 0, 9, NULL, NULL, false, "import", "survey 2024-05/15 #1" },
};

struct bad_case {
	const char	*json;
	const char	*want;		/* the message, exactly */
};

static const struct bad_case bad[] = {
	{ "{\"ticket\": 5, \"csat\": 7}",
	  "\"csat\" must be a whole number from 1 to 5, got 7" },
	{ "{\"ticket\": 5, \"csat\": 0}",
	  "\"csat\" must be a whole number from 1 to 5, got 0" },
	{ "{\"ticket\": 5, \"csat\": \"5\"}",
	  "\"csat\" must be a whole number from 1 to 5, got \"5\"" },
	{ "{\"ticket\": 5, \"csat\": 4.5}",
	  "\"csat\" must be a whole number from 1 to 5, got 4.5" },
	{ "{\"ticket\": 5, \"csat\": true}",
	  "\"csat\" must be a whole number from 1 to 5, got true" },
	{ "{\"ticket\": 5, \"nps\": 11}",
	  "\"nps\" must be a whole number from 0 to 10, got 11" },
	{ "{\"ticket\": 5, \"nps\": -1}",
	  "\"nps\" must be a whole number from 0 to 10, got -1" },
	{ "{\"ticket\": 5, \"csat\": 4, \"nps\": [9]}",
	  "\"nps\" must be a whole number from 0 to 10, got [9]" },
	{ "{\"csat\": 5}", "\"ticket\" is missing" },
	{ "{\"ticket\": 0, \"csat\": 5}",
	  "\"ticket\" must be a positive whole number, got 0" },
	{ "{\"ticket\": -3, \"csat\": 5}",
	  "\"ticket\" must be a positive whole number, got -3" },
	{ "{\"ticket\": \"12\", \"csat\": 5}",
	  "\"ticket\" must be a positive whole number, got \"12\"" },
	{ "{\"ticket\": null, \"csat\": 5}",
	  "\"ticket\" must be a positive whole number, got null" },
	{ "{\"ticket\": 1.5, \"csat\": 5}",
	  "\"ticket\" must be a positive whole number, got 1.5" },
	{ "{\"ticket\": 5}", "a rating needs \"csat\" or \"nps\" (or both)" },
	{ "{\"ticket\": 5, \"csat\": null, \"nps\": null}",
	  "a rating needs \"csat\" or \"nps\" (or both)" },
	{ "{\"ticket\": 5, \"csat\": 1, \"reason\": \"rude\"}",
	  "\"reason\" must be one of low_expertise, long_wait, not_resolved, "
	  "manner, other; got \"rude\"" },
	{ "{\"ticket\": 5, \"csat\": 1, \"reason\": \"\"}",
	  "\"reason\" must be one of low_expertise, long_wait, not_resolved, "
	  "manner, other; got \"\"" },
	{ "{\"ticket\": 5, \"csat\": 1, \"reason\": 3}",
	  "\"reason\" must be a string, got 3" },
	{ "{\"ticket\": 5, \"csat\": 1, \"reason\": \"other\"}",
	  "\"comment\" is required when \"reason\" is \"other\"" },
	{ "{\"ticket\": 5, \"csat\": 1, \"reason\": \"other\", "
	  "\"comment\": \" \\t \"}",
	  "\"comment\" is required when \"reason\" is \"other\"" },
	{ "{\"ticket\": 5, \"csat\": 1, \"comment\": 42}",
	  "\"comment\" must be a string, got 42" },
	{ "{\"ticket\": 5, \"csat\": 1, \"callback\": \"yes\"}",
	  "\"callback\" must be true or false, got \"yes\"" },
	{ "{\"ticket\": 5, \"csat\": 1, \"callback\": 1}",
	  "\"callback\" must be true or false, got 1" },
	{ "{\"ticket\": 5, \"csat\": 1, \"via\": \"fax\"}",
	  "\"via\" must be one of import, web, email, ivr; got \"fax\"" },
	{ "{\"ticket\": 5, \"csat\": 1, \"via\": \"live\"}",
	  "\"via\" must be one of import, web, email, ivr; got \"live\"" },
	{ "{\"ticket\": 5, \"csat\": 1, \"key\": \"\"}",
	  "\"key\" must not be empty" },
	{ "{\"ticket\": 5, \"csat\": 1, \"key\": 17}",
	  "\"key\" must be a string, got 17" },
	{ "{\"ticket\": 5, \"cast\": 1}",
	  "unknown field \"cast\" (the fields are ticket, csat, nps, reason, "
	  "comment, callback, via, key)" },
	/* Broken JSON: jansson's message, and the column where it is. */
	{ "{\"ticket\": 1, \"csat\": }",
	  "invalid JSON at column 23: unexpected token near '}'" },
	{ "{\"ticket\": 1, \"csat\": 5, \"csat\": 1}",
	  "invalid JSON at column 31: duplicate object key near '\"csat\"'" },
	{ "{\"ticket\": 1, \"csat\": 5} x",
	  "invalid JSON at column 26: end of file expected near 'x'" },
	{ "{\"ticket\": 1, \"csat\": 4,",
	  "invalid JSON at column 24: string or '}' expected near end of "
	  "file" },
	{ "5", "invalid JSON at column 1: '[' or '{' expected near '5'" },
	{ "[1, 2]", "a rating must be a JSON object {...}, got [1,2]" },
	{ "{\"ticket\": 1, \"csat\": 5, \"comment\": \"\xff\"}",
	  "invalid JSON at column 37: unable to decode byte 0xff near '\"'" },
	/* Values quoted in a message are cut to 40 columns. */
	{ "{\"ticket\": 5, \"csat\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
	  "\"csat\" must be a whole number from 1 to 5, got "
	  "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xe2\x80\xa6" },
};

static void
test_good(void **state)
{
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		const struct good_case *c = &good[i];
		struct rating_record r;
		char *cause = NULL;

		if (rating_parse_record(c->json, strlen(c->json), &r,
		    &cause) != 0)
			fail_msg("%s: %s", c->json, cause);
		assert_null(cause);
		assert_true(r.ticket == c->ticket);
		assert_int_equal(r.csat, c->csat);
		assert_int_equal(r.nps, c->nps);
		if (c->reason == NULL)
			assert_null(r.reason);
		else
			assert_string_equal(r.reason, c->reason);
		if (c->comment == NULL)
			assert_null(r.comment);
		else
			assert_string_equal(r.comment, c->comment);
		assert_int_equal(r.callback, c->callback);
		assert_string_equal(r.via, c->via);
		assert_string_equal(r.key, c->key);
		rating_record_done(&r);
		assert_null(r.key);
	}
}

static void
test_bad(void **state)
{
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const struct bad_case *c = &bad[i];
		struct rating_record r;
		char *cause = NULL;

		if (rating_parse_record(c->json, strlen(c->json), &r,
		    &cause) != -1)
			fail_msg("%s: accepted", c->json);
		assert_non_null(cause);
		if (strcmp(cause, c->want) != 0)
			fail_msg("%s:\n got \"%s\"\nwant \"%s\"", c->json, cause,
			    c->want);
		/* A failed parse leaves nothing to free. */
		assert_null(r.reason);
		assert_null(r.comment);
		assert_null(r.via);
		assert_null(r.key);
		free(cause);
	}
}

/* A string of n copies of the UTF-8 character ch, as a JSON comment. */
static char *
comment_record(const char *ch, size_t n)
{
	static const char head[] = "{\"ticket\": 1, \"csat\": 3, \"comment\": \"";
	size_t len = strlen(ch), at = sizeof head - 1;
	char *s = malloc(at + n * len + 3);

	assert_non_null(s);
	memcpy(s, head, at);
	for (size_t i = 0; i < n; i++, at += len)
		memcpy(s + at, ch, len);
	memcpy(s + at, "\"}", 3);
	return s;
}

/* The comment limit counts characters, not bytes: 4000 Cyrillic letters
 * (8000 bytes) are fine, 4001 are not. */
static void
test_comment_length(void **state)
{
	struct rating_record r;
	char *json, *cause = NULL;

	json = comment_record("\xd0\xb4", RATING_COMMENT_MAX);
	assert_int_equal(rating_parse_record(json, strlen(json), &r, &cause), 0);
	assert_int_equal(strlen(r.comment), 2 * RATING_COMMENT_MAX);
	rating_record_done(&r);
	free(json);

	json = comment_record("x", RATING_COMMENT_MAX + 1);
	assert_int_equal(rating_parse_record(json, strlen(json), &r, &cause),
	    -1);
	assert_string_equal(cause,
	    "\"comment\" is too long: 4001 characters, at most 4000");
	free(cause);
	free(json);

	json = comment_record("\xd0\xb4", RATING_COMMENT_MAX + 1);
	assert_int_equal(rating_parse_record(json, strlen(json), &r, &cause),
	    -1);
	assert_string_equal(cause,
	    "\"comment\" is too long: 4001 characters, at most 4000");
	free(cause);
	free(json);
}

/* The record need not end in a NUL: only len bytes are read. */
static void
test_length_bounded(void **state)
{
	static const char line[] = "{\"ticket\": 2, \"nps\": 8}GARBAGE";
	struct rating_record r;
	char *cause = NULL;

	assert_int_equal(rating_parse_record(line, strlen(line) - 7, &r,
	    &cause), 0);
	assert_int_equal(r.nps, 8);
	rating_record_done(&r);
}

/* Hostile field names and values come back inert: no control characters,
 * whatever the record held, so a message is safe to print on a terminal. */
static void
test_hostile(void **state)
{
	static const char *const hostile[] = {
		"{\"\\u001b[2J\\u001b]0;owned\\u0007\": 1}",
		"{\"ticket\": 1, \"csat\": \"\\u001b[31mred\\u009b\"}",
		"{\"ticket\": 1, \"csat\": 1, \"via\": \"\\u202eliame\"}",
		"{\"ticket\": 1, \"csat\": 1, \"reason\": \"a\\nb\\rc\"}",
		"{\"ticket\": 1, \"csat\": \x1b[2J 1}",
		"{\"ticket\": 1, \"csat\": 1, \"x\x01\": 2}",
	};

	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		struct rating_record r;
		char *cause = NULL;

		assert_int_equal(rating_parse_record(hostile[i],
		    strlen(hostile[i]), &r, &cause), -1);
		for (const unsigned char *p = (const unsigned char *)cause;
		    *p != '\0'; p++)
			if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 &&
			    p[1] >= 0x80 && p[1] <= 0x9f) || (p[0] == 0xe2 &&
			    p[1] == 0x80 && p[2] == 0xae))
				fail_msg("%s: control in \"%s\"", hostile[i],
				    cause);
		free(cause);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_comment_length),
		cmocka_unit_test(test_length_bounded),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
