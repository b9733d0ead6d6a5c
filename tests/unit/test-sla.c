/* How SLA clocks read on screen: classification and markers. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/sla.h"

struct classify_case {
	const char	*state;
	bool		 has_due;
	double		 left;
	enum sla_mark	 want;
};

static const struct classify_case cases[] = {
	{ NULL, false, 0, SLA_NONE },
	{ "running", false, 100, SLA_NONE },
	{ "met", true, -500, SLA_MET },
	{ "paused", true, -10, SLA_PAUSED },
	{ "paused", true, 10, SLA_PAUSED },
	{ "breached", true, 10, SLA_BREACHED },
	/* Crossing the deadline between two fetches breaches at once. */
	{ "running", true, -0.5, SLA_BREACHED },
	{ "running", true, 0, SLA_RISK },
	{ "running", true, SLA_RISK_SECONDS - 1, SLA_RISK },
	{ "running", true, SLA_RISK_SECONDS, SLA_OK },
	{ "running", true, 86400 * 3, SLA_OK },
};

static void
test_classify(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_int_equal(sla_classify(cases[i].state, cases[i].has_due,
		    cases[i].left), cases[i].want);
}

static void
test_markers_distinct(void **state)
{
	/* State must read without colour: every mark has its own marker. */
	const enum sla_mark marks[] = { SLA_NONE, SLA_OK, SLA_RISK,
	    SLA_PAUSED, SLA_BREACHED, SLA_MET };

	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		for (size_t j = i + 1; j < sizeof marks / sizeof *marks; j++)
			assert_int_not_equal(sla_marker(marks[i]),
			    sla_marker(marks[j]));
	assert_int_equal(sla_marker(SLA_BREACHED), '!');
	assert_int_equal(sla_marker(SLA_PAUSED), '=');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_markers_distinct),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
