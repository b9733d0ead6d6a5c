/* Thread search and queue filters: PCRE2, caseless in every script. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/search.h"

struct match_case {
	const char	*pattern;
	const char	*subject;
	int		 start, end;	/* -1: no match */
};

static const struct match_case cases[] = {
	{ "printer", "My PRINTER is on fire", 3, 10 },
	/* Caseless beyond ASCII: Cyrillic and Polish. */
	{ "принтер", "Мой ПРИНТЕР горит", 7, 21 },
	{ "zażółć", "ZAŻÓŁĆ gęślą jaźń", 0, 10 },
	{ "refund|return", "Please RETURN it", 7, 13 },
	{ "^order #\\d+", "order #1234 lost", 0, 11 },
	{ "nothing", "something else", -1, -1 },
	/* Empty matches never count. */
	{ "x*", "abc", -1, -1 },
};

static void
test_matches(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *cause = NULL;
		struct search *s = search_new(cases[i].pattern, &cause);
		size_t a = 0, b = 0;
		bool found;

		assert_non_null(s);
		found = search_next(s, cases[i].subject,
		    strlen(cases[i].subject), 0, &a, &b);
		if (cases[i].start < 0)
			assert_false(found);
		else {
			assert_true(found);
			assert_int_equal(a, cases[i].start);
			assert_int_equal(b, cases[i].end);
		}
		search_free(s);
	}
}

static void
test_all_matches_in_a_line(void **state)
{
	char *cause = NULL;
	struct search *s = search_new("o", &cause);
	const char *line = "foo bar boo";
	size_t from = 0, a, b;
	int n = 0;

	while (search_next(s, line, strlen(line), from, &a, &b)) {
		n++;
		from = b;
	}
	assert_int_equal(n, 4);
	search_free(s);
}

static void
test_bad_pattern_says_where(void **state)
{
	char *cause = NULL;
	struct search *s = search_new("order (#\\d+", &cause);

	assert_null(s);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "12"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_all_matches_in_a_line),
		cmocka_unit_test(test_bad_pattern_says_where),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
