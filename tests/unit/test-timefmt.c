/* Unit tests of core/timefmt: every unit boundary, both signs, the extremes. */
#include "config.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/timefmt.h"

#define MIN	60L
#define HOUR	(60 * MIN)
#define DAY	(24 * HOUR)
#define WEEK	(7 * DAY)
#define YEAR	(365 * DAY)

struct time_case {
	long		 seconds;
	const char	*want;
};

static const struct time_case countdown_cases[] = {
	{ 0, "00:00" },
	{ 1, "00:01" },
	{ 59, "00:59" },
	{ 60, "01:00" },
	{ 4 * MIN + 9, "04:09" },
	{ HOUR - 1, "59:59" },
	{ HOUR, "1h00" },
	{ 3 * HOUR + 5 * MIN + 59, "3h05" },
	{ DAY - 1, "23h59" },
	{ DAY, "1d00" },
	{ 2 * DAY + 4 * HOUR + 59 * MIN, "2d04" },
	{ 10 * DAY, "10d00" },
	{ 99 * DAY, "99d00" },
	{ 99 * DAY + 1, "99d+" },
	{ 1000 * DAY, "99d+" },
	{ LONG_MAX, "99d+" },
	{ -1, "-00:01" },
	{ -59, "-00:59" },
	{ -60, "-01:00" },
	{ -(4 * MIN + 9), "-04:09" },
	{ -(HOUR - 1), "-59:59" },
	{ -HOUR, "-1h00" },
	{ -(3 * HOUR + 5 * MIN), "-3h05" },
	{ -(DAY - 1), "-23h59" },
	{ -DAY, "-1d00" },
	{ -(2 * DAY + 4 * HOUR), "-2d04" },
	{ -99 * DAY, "-99d00" },
	{ -99 * DAY - 1, "-99d+" },
	{ LONG_MIN, "-99d+" },
};

static const struct time_case age_cases[] = {
	{ LONG_MIN, "now" },
	{ -5, "now" },
	{ 0, "now" },
	{ 59, "now" },
	{ MIN, "1m" },
	{ 5 * MIN + 59, "5m" },
	{ HOUR - 1, "59m" },
	{ HOUR, "1h" },
	{ 3 * HOUR + 59 * MIN, "3h" },
	{ DAY - 1, "23h" },
	{ DAY, "1d" },
	{ WEEK - 1, "6d" },
	{ WEEK, "1w" },
	{ 7 * WEEK + 6 * DAY, "7w" },
	{ YEAR - 1, "52w" },
	{ YEAR, "1y" },
/* A century of seconds needs more than 32 bits. */
#if LONG_MAX > 0x7fffffffL
	{ 100 * YEAR - 1, "99y" },
	{ 100 * YEAR, "99y+" },
#endif
	{ LONG_MAX, "99y+" },
};

static void
check_cases(const struct time_case *cases, size_t n,
    void (*format)(long, char *, size_t), size_t columns)
{
	char	buf[TIMEFMT_SIZE];
	size_t	i;

	for (i = 0; i < n; i++) {
		memset(buf, 'X', sizeof buf);
		format(cases[i].seconds, buf, sizeof buf);
		if (strcmp(buf, cases[i].want) != 0) {
			print_error("%ld: got \"%s\", want \"%s\"\n",
			    cases[i].seconds, buf, cases[i].want);
			fail();
		}
		assert_true(strlen(buf) <= columns);
	}
}

static void
test_countdown(void **state)
{
	(void)state;
	check_cases(countdown_cases,
	    sizeof countdown_cases / sizeof countdown_cases[0],
	    timefmt_countdown, 7);
}

static void
test_age(void **state)
{
	(void)state;
	check_cases(age_cases, sizeof age_cases / sizeof age_cases[0],
	    timefmt_age, 4);
}

/* Every value on a sweep across the units fits the SLA column. */
static void
test_countdown_sweep(void **state)
{
	char	buf[TIMEFMT_SIZE];
	long	s;

	(void)state;
	for (s = -101 * DAY; s <= 101 * DAY; s += 599) {
		timefmt_countdown(s, buf, sizeof buf);
		assert_true(strlen(buf) >= 4 && strlen(buf) <= 6);
		assert_true((s < 0) == (buf[0] == '-'));
		timefmt_age(s, buf, sizeof buf);
		assert_true(strlen(buf) >= 2 && strlen(buf) <= 4);
	}
}

/* A short buffer is cut like snprintf; size 0 leaves it alone. */
static void
test_short_buffer(void **state)
{
	char	buf[4];

	(void)state;
	timefmt_countdown(-(4 * MIN + 9), buf, sizeof buf);
	assert_string_equal(buf, "-04");
	timefmt_age(5 * MIN, buf, 1);
	assert_string_equal(buf, "");
	memcpy(buf, "abc", 4);
	timefmt_countdown(0, buf, 0);
	timefmt_age(0, buf, 0);
	assert_string_equal(buf, "abc");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_countdown),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_countdown_sweep),
		cmocka_unit_test(test_short_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
