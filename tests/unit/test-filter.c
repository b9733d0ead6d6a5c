/* The queue filter: field:value words and a pattern, all must match. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/filter.h"

static const struct filter_row rows[] = {
	{ "pending", "urgent", "email", "vip billing", "Refund overdue",
	  "John Smith" },
	{ "on_hold", "low", "walk-in", "", "Printer on fire", "Olga Ivanova" },
	{ "open", "urgent", "chat", "vip", "Login fails", "Piotr Nowak" },
};

struct filter_case {
	const char	*text;
	const char	*want;	/* which rows match: "101" */
};

static const struct filter_case cases[] = {
	{ "status:pending", "100" },
	{ "priority:urgent", "101" },
	{ "priority:urgent channel:chat", "001" },
	{ "status:open status:pending", "101" },
	{ "status:on-hold", "010" },
	{ "channel:walk-in", "010" },
	{ "tag:vip", "101" },
	{ "tag:billing", "100" },
	{ "tag:bill", "000" },
	{ "printer|NOWAK", "011" },
	{ "tag:vip login fails", "001" },
	{ "priority:urgent olga", "000" },
	/* An unknown field is part of the pattern, as typed. */
	{ "colour:red", "000" },
};

static void
test_matches(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *cause = NULL;
		struct filter *f = filter_new(cases[i].text, &cause);
		char got[4];

		assert_non_null(f);
		for (int r = 0; r < 3; r++)
			got[r] = filter_match(f, &rows[r]) ? '1' : '0';
		got[3] = '\0';
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("filter \"%s\": got %s, want %s",
			    cases[i].text, got, cases[i].want);
		assert_string_equal(filter_text(f), cases[i].text);
		filter_free(f);
	}
}

static void
test_empty_and_bad(void **state)
{
	char *cause = NULL;

	assert_null(filter_new("   ", &cause));
	assert_null(cause);
	assert_null(filter_new("status:open (unclosed", &cause));
	assert_non_null(cause);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_empty_and_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
