/* Unit tests of core/metrics against figures worked out by hand.
 *
 * Rounding: the figures are exact (one division of whole counts), so the
 * tables give them unrounded, compared within 1e-9; NAN means "no answers".
 * For display, metrics_round rounds half away from zero: 12.5 is 13, -12.5
 * is -13, 33.33 is 33, 66.67 is 67. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/metrics.h"

#define EPSILON	1e-9

struct metrics_case {
	const char	*name;
	long long	 csat[METRICS_CSAT_MAX + 1];	/* answers per score */
	long long	 nps[METRICS_NPS_MAX + 1];
	long long	 asked, answered;
	double		 csat_average, csat_percent;
	double		 promoters, passives, detractors, nps_score;
	double		 response_rate;
	const char	*nps_shown;	/* metrics_round of the NPS, "-": none */
};

/*                                 score: 0  1  2  3  4  5  6  7  8  9 10 */
static const struct metrics_case cases[] = {
	{ "no answers at all",
	  { 0 }, { 0 }, 0, 0,
	  NAN, NAN, NAN, NAN, NAN, NAN, NAN, "-" },
	/* The textbook case: 30% promoters, 50% passives, 20% detractors. */
	{ "30/50/20 gives +10",
	  { 0 }, { 1, 0, 0, 0, 0, 0, 1, 3, 2, 1, 2 }, 0, 0,
	  NAN, NAN, 30, 50, 20, 10, NAN, "10" },
	{ "all promoters give +100",
	  { 0 }, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4 }, 0, 0,
	  NAN, NAN, 100, 0, 0, 100, NAN, "100" },
	{ "all detractors give -100",
	  { 0 }, { 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0 }, 0, 0,
	  NAN, NAN, 0, 0, 100, -100, NAN, "-100" },
	{ "all passives give 0",
	  { 0 }, { 0, 0, 0, 0, 0, 0, 0, 5, 5, 0, 0 }, 0, 0,
	  NAN, NAN, 0, 100, 0, 0, NAN, "0" },
	/* The band edges: 6 detracts, 7 and 8 are passive, 9 promotes. */
	{ "band edges 6, 7, 8, 9",
	  { 0 }, { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0 }, 0, 0,
	  NAN, NAN, 25, 50, 25, 0, NAN, "0" },
	{ "one promoter, two detractors: -33.33",
	  { 0 }, { 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1 }, 0, 0,
	  NAN, NAN, 100.0 / 3, 0, 200.0 / 3, -100.0 / 3, NAN, "-33" },
	{ "two promoters, one passive: 66.67",
	  { 0 }, { 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1 }, 0, 0,
	  NAN, NAN, 200.0 / 3, 100.0 / 3, 0, 200.0 / 3, NAN, "67" },
	{ "12.5 rounds up to 13",
	  { 0 }, { 0, 0, 0, 0, 0, 0, 0, 7, 0, 1, 0 }, 0, 0,
	  NAN, NAN, 12.5, 87.5, 0, 12.5, NAN, "13" },
	{ "-12.5 rounds down to -13",
	  { 0 }, { 0, 0, 0, 0, 0, 1, 0, 0, 7, 0, 0 }, 0, 0,
	  NAN, NAN, 0, 87.5, 12.5, -12.5, NAN, "-13" },
	{ "one of each CSAT score: 3.0 and 40%",
	  { 0, 1, 1, 1, 1, 1 }, { 0 }, 0, 0,
	  3.0, 40, NAN, NAN, NAN, NAN, NAN, "-" },
	{ "CSAT all 5s",
	  { 0, 0, 0, 0, 0, 6 }, { 0 }, 0, 0,
	  5.0, 100, NAN, NAN, NAN, NAN, NAN, "-" },
	{ "CSAT all 3s: none satisfied",
	  { 0, 0, 0, 2, 0, 0 }, { 0 }, 0, 0,
	  3.0, 0, NAN, NAN, NAN, NAN, NAN, "-" },
	{ "CSAT 4 counts as satisfied, 3 does not",
	  { 0, 0, 0, 1, 3, 0 }, { 0 }, 0, 0,
	  3.75, 75, NAN, NAN, NAN, NAN, NAN, "-" },
	{ "CSAT 1, 2, 2: 1.67",
	  { 0, 1, 2, 0, 0, 0 }, { 0 }, 0, 0,
	  5.0 / 3, 0, NAN, NAN, NAN, NAN, NAN, "-" },
	{ "response rate 3 of 8",
	  { 0, 0, 0, 0, 1, 2 }, { 0 }, 8, 3,
	  14.0 / 3, 100, NAN, NAN, NAN, NAN, 37.5, "-" },
	{ "asked, none answered",
	  { 0 }, { 0 }, 5, 0,
	  NAN, NAN, NAN, NAN, NAN, NAN, 0, "-" },
	{ "every one answered",
	  { 0 }, { 0 }, 7, 7,
	  NAN, NAN, NAN, NAN, NAN, NAN, 100, "-" },
	/* A year of a large helpdesk does not overflow. */
	{ "billions of answers",
	  { 0, 3000000000LL, 0, 0, 0, 3000000000LL },
	  { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4000000000LL }, 9000000000LL,
	  6000000000LL,
	  3.0, 50, 100, 0, 0, 100, 200.0 / 3, "100" },
	/* Both kinds of answers at once, as the wallboard sees them. */
	{ "CSAT and NPS together",
	  { 0, 1, 0, 1, 2, 4 }, { 0, 0, 0, 0, 0, 1, 1, 2, 1, 3, 2 }, 12, 8,
	  4.0, 75, 50, 30, 20, 30, 200.0 / 3, "30" },
};

static void
fill(struct metrics_ratings *m, const struct metrics_case *c)
{
	metrics_ratings_init(m);
	for (int s = METRICS_CSAT_MIN; s <= METRICS_CSAT_MAX; s++)
		assert_int_equal(metrics_add_csat(m, s, c->csat[s]), 0);
	for (int s = METRICS_NPS_MIN; s <= METRICS_NPS_MAX; s++)
		assert_int_equal(metrics_add_nps(m, s, c->nps[s]), 0);
	assert_int_equal(metrics_add_surveys(m, c->asked, c->answered), 0);
}

static void
check_figure(const char *name, const char *what, double got, double want)
{
	if (isnan(want) ? !isnan(got) : isnan(got) || fabs(got - want) > EPSILON)
		fail_msg("%s: %s is %.12g, want %.12g", name, what, got, want);
}

static void
check_case(const struct metrics_case *c, const struct metrics_ratings *m)
{
	char shown[32];
	long n;

	check_figure(c->name, "CSAT average", metrics_csat_average(m),
	    c->csat_average);
	check_figure(c->name, "CSAT%", metrics_csat_percent(m), c->csat_percent);
	check_figure(c->name, "promoters", metrics_nps_promoters(m),
	    c->promoters);
	check_figure(c->name, "passives", metrics_nps_passives(m), c->passives);
	check_figure(c->name, "detractors", metrics_nps_detractors(m),
	    c->detractors);
	check_figure(c->name, "NPS", metrics_nps(m), c->nps_score);
	check_figure(c->name, "response rate", metrics_response_rate(m),
	    c->response_rate);
	if (!isnan(c->promoters))
		check_figure(c->name, "the three NPS shares",
		    metrics_nps_promoters(m) + metrics_nps_passives(m) +
		    metrics_nps_detractors(m), 100);
	if (metrics_round(metrics_nps(m), &n))
		snprintf(shown, sizeof shown, "%ld", n);
	else
		strcpy(shown, "-");
	if (strcmp(shown, c->nps_shown) != 0)
		fail_msg("%s: NPS shown as %s, want %s", c->name, shown,
		    c->nps_shown);
}

static void
test_cases(void **state)
{
	struct metrics_ratings m;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fill(&m, &cases[i]);
		check_case(&cases[i], &m);
	}
}

/* One answer at a time gives the same figures as counts added at once. */
static void
test_one_by_one(void **state)
{
	const struct metrics_case *c = &cases[sizeof cases / sizeof *cases - 1];
	struct metrics_ratings m;

	metrics_ratings_init(&m);
	for (int s = METRICS_CSAT_MIN; s <= METRICS_CSAT_MAX; s++)
		for (long long k = 0; k < c->csat[s]; k++)
			metrics_add_csat(&m, s, 1);
	for (int s = METRICS_NPS_MIN; s <= METRICS_NPS_MAX; s++)
		for (long long k = 0; k < c->nps[s]; k++)
			metrics_add_nps(&m, s, 1);
	for (long long k = 0; k < c->asked; k++)
		metrics_add_surveys(&m, 1, k < c->answered);
	check_case(c, &m);
}

/* Two halves merged are the whole: the wallboard adds up its teams. */
static void
test_merge(void **state)
{
	struct metrics_ratings a, b, whole;

	fill(&whole, &cases[sizeof cases / sizeof *cases - 1]);
	metrics_ratings_init(&a);
	metrics_ratings_init(&b);
	metrics_add_csat(&a, 1, 1);
	metrics_add_csat(&a, 3, 1);
	metrics_add_csat(&b, 4, 2);
	metrics_add_csat(&b, 5, 4);
	metrics_add_nps(&a, 5, 1);
	metrics_add_nps(&a, 6, 1);
	metrics_add_nps(&a, 7, 2);
	metrics_add_nps(&b, 8, 1);
	metrics_add_nps(&b, 9, 3);
	metrics_add_nps(&b, 10, 2);
	metrics_add_surveys(&a, 5, 2);
	metrics_add_surveys(&b, 7, 6);
	metrics_merge(&a, &b);
	assert_memory_equal(&a, &whole, sizeof a);
}

/* Out-of-range input is refused and leaves the counts as they were. */
static void
test_refused(void **state)
{
	static const int bad_csat[] = { -1, 0, 6, 100 };
	static const int bad_nps[] = { -100, -1, 11 };
	struct metrics_ratings m, before;

	fill(&m, &cases[sizeof cases / sizeof *cases - 1]);
	before = m;
	for (size_t i = 0; i < sizeof bad_csat / sizeof *bad_csat; i++)
		assert_int_equal(metrics_add_csat(&m, bad_csat[i], 1), -1);
	for (size_t i = 0; i < sizeof bad_nps / sizeof *bad_nps; i++)
		assert_int_equal(metrics_add_nps(&m, bad_nps[i], 1), -1);
	assert_int_equal(metrics_add_csat(&m, 3, -1), -1);
	assert_int_equal(metrics_add_nps(&m, 3, -1), -1);
	assert_int_equal(metrics_add_surveys(&m, 2, 3), -1);
	assert_int_equal(metrics_add_surveys(&m, -1, 0), -1);
	assert_int_equal(metrics_add_surveys(&m, 1, -1), -1);
	assert_memory_equal(&m, &before, sizeof m);
}

struct round_case {
	double		 value;
	bool		 ok;
	long		 want;
};

static const struct round_case round_cases[] = {
	{ 0, true, 0 },
	{ -0.0, true, 0 },
	{ 0.49, true, 0 },
	{ 0.5, true, 1 },
	{ -0.49, true, 0 },
	{ -0.5, true, -1 },
	{ 2.5, true, 3 },
	{ -2.5, true, -3 },
	{ 100.0 / 3, true, 33 },
	{ 200.0 / 3, true, 67 },
	{ -100.0 / 3, true, -33 },
	{ 99.5, true, 100 },
	{ 99.49, true, 99 },
	{ -100, true, -100 },
	{ NAN, false, 0 },
	{ INFINITY, false, 0 },
	{ -INFINITY, false, 0 },
};

static void
test_round(void **state)
{
	for (size_t i = 0; i < sizeof round_cases / sizeof *round_cases; i++) {
		const struct round_case *c = &round_cases[i];
		long got = 12345;
		bool ok = metrics_round(c->value, &got);

		if (ok != c->ok || (ok && got != c->want))
			fail_msg("metrics_round(%g): %s %ld, want %s %ld",
			    c->value, ok ? "true" : "false", got,
			    c->ok ? "true" : "false", c->want);
		if (!ok)
			assert_int_equal(got, 12345);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_one_by_one),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_round),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
