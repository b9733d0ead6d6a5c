/* Macros: placeholders filled from the ticket, unknown ones kept visible. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/template.h"

static const struct template_var vars[] = {
	{ "customer.name", "Olga Ivanova" },
	{ "agent.name", "Alice" },
	{ "ticket.id", "42" },
	{ "ticket.subject", "Printer {{on}} fire" },
	{ "empty", NULL },
	{ NULL, NULL }
};

struct expand_case {
	const char	*in;
	const char	*out;
	const char	*unknown;	/* first unknown, or NULL */
};

static const struct expand_case cases[] = {
	{ "Hello {{customer.name}}!", "Hello Olga Ivanova!", NULL },
	{ "{{ agent.name }} here, about #{{ticket.id}}.",
	  "Alice here, about #42.", NULL },
	/* A value is never expanded again: customer text stays text. */
	{ "Re: {{ticket.subject}}", "Re: Printer {{on}} fire", NULL },
	{ "Dear {{customer.nickname}},", "Dear {{customer.nickname}},",
	  "{{customer.nickname}}" },
	{ "{{empty}}|", "|", NULL },
	{ "no placeholders", "no placeholders", NULL },
	{ "unclosed {{customer.name", "unclosed {{customer.name", NULL },
	{ "{{}}", "{{}}", "{{}}" },
	{ "Привет, {{customer.name}}", "Привет, Olga Ivanova", NULL },
};

static void
test_expand(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *out = template_expand(cases[i].in, vars);
		char *unknown = template_unknown(cases[i].in, vars);

		assert_string_equal(out, cases[i].out);
		if (cases[i].unknown == NULL)
			assert_null(unknown);
		else
			assert_string_equal(unknown, cases[i].unknown);
		free(out);
		free(unknown);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
