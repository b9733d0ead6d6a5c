/* Unit tests of core/chart: small charts whose every row is worked out by
 * hand, in cells of eighths.
 *
 * How to read a case: with lo, hi and the zero row known, a positive value
 * v fills round(v / hi * eighths above the zero line) eighths, a negative
 * one round(v / lo * eighths below it); then each row takes its share from
 * the zero line outwards, 8 eighths a cell. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"

#include "core/chart.h"

/* UTF-8 of the characters a chart draws. */
#define B1	"\xe2\x96\x81"		/* U+2581 lower one eighth */
#define B2	"\xe2\x96\x82"
#define B3	"\xe2\x96\x83"
#define B4	"\xe2\x96\x84"		/* lower half */
#define B5	"\xe2\x96\x85"
#define B6	"\xe2\x96\x86"
#define B7	"\xe2\x96\x87"
#define FULL	"\xe2\x96\x88"		/* U+2588 full block */
#define TOP	"\xe2\x96\x94"		/* U+2594 upper one eighth */
#define NODATA	"\xc2\xb7"		/* U+00B7 middle dot */

#define MAX_ROWS	4
#define MAX_VALUES	20

struct chart_case {
	const char	*name;
	double		 values[MAX_VALUES];
	int		 n, width, height;
	bool		 ascii;
	double		 lo, hi;
	int		 first, per;
	const char	*rows[MAX_ROWS];	/* top row first */
};

static const struct chart_case cases[] = {
	/* One value per column, each one eighth taller. */
	{ "ascending 1..8 in one row",
	  { 1, 2, 3, 4, 5, 6, 7, 8 }, 8, 8, 1, false,
	  0, 8, 0, 1,
	  { B1 B2 B3 B4 B5 B6 B7 FULL } },
	/* 16 eighths in two rows: v eighths for the value v. */
	{ "0..16 in two rows",
	  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
	  17, 17, 2, false,
	  0, 16, 0, 1,
	  { "         " B1 B2 B3 B4 B5 B6 B7 FULL,
	    " " B1 B2 B3 B4 B5 B6 B7 FULL FULL FULL FULL FULL FULL FULL FULL
	    FULL } },
	/* Zero line between the rows; 8 eighths each way. Downward ends
	 * under half a cell are the upper eighth, from half on full. */
	{ "negative and positive, zero in the middle",
	  { -8, -6, -4, -3, -1, 0, 1, 4, 8 }, 9, 9, 2, false,
	  -8, 8, 0, 1,
	  { "      " B1 B4 FULL,
	    FULL FULL FULL TOP TOP "    " } },
	/* lo -2, hi 6 in four rows: the zero line one row up (2/8 of 4),
	 * 24 eighths above it for 0..6 and 8 below it for -2..0. */
	{ "zero line where the range puts it",
	  { -2, -0.5, 0, 3, 6 }, 5, 5, 4, false,
	  -2, 6, 0, 1,
	  { "    " FULL,
	    "   " B4 FULL,
	    "   " FULL FULL,
	    FULL TOP "   " } },
	/* lo -1, hi 100: the zero line would round onto the bottom edge,
	 * but the negatives keep one row. */
	{ "a small negative keeps its row",
	  { -1, 50, 100 }, 3, 3, 2, false,
	  -1, 100, 0, 1,
	  { " " B4 FULL,
	    FULL "  " } },
	/* One row has no boundary inside for the zero line: the larger
	 * side is drawn, the other is not (documented). */
	{ "one row, mostly positive",
	  { -1, 2 }, 2, 2, 1, false,
	  -1, 2, 0, 1,
	  { " " FULL } },
	{ "one row, mostly negative",
	  { -3, 1 }, 2, 2, 1, false,
	  -3, 1, 0, 1,
	  { FULL " " } },
	{ "all negative hang from the top",
	  { -8, -7, -4, -3, -1 }, 5, 5, 1, false,
	  -8, 0, 0, 1,
	  { FULL FULL FULL TOP TOP } },
	/* No data is a dot in the bottom row; zero is nothing. */
	{ "no data slots",
	  { 2, NAN, 0, 4, INFINITY }, 5, 5, 2, false,
	  0, 4, 0, 1,
	  { "   " FULL " ",
	    FULL NODATA " " FULL NODATA } },
	/* Six values in four columns: the last four, scaled by themselves
	 * alone (the hidden -50 and 100 do not stretch the range). */
	{ "more values than columns keeps the last",
	  { -50, 100, 1, 2, 3, 4 }, 6, 4, 1, false,
	  0, 4, 2, 1,
	  { B2 B4 B6 FULL } },
	{ "fewer values than columns, right-aligned, two each",
	  { 1, 2, 4 }, 3, 8, 1, false,
	  0, 4, 0, 2,
	  { "  " B2 B2 B4 B4 FULL FULL } },
	{ "fewer values than columns, three each",
	  { 1, 2, 4 }, 3, 10, 1, false,
	  0, 4, 0, 3,
	  { " " B2 B2 B2 B4 B4 B4 FULL FULL FULL } },
	{ "one value fills the width",
	  { 3 }, 1, 4, 1, false,
	  0, 3, 0, 4,
	  { FULL FULL FULL FULL } },
	/* 0.5, 1.5 and 2.5 eighths round up; 1/1000 of the top is still
	 * one eighth, since it is not zero. */
	{ "rounding to eighths",
	  { 1, 3, 5, 16, 0.016 }, 5, 5, 1, false,
	  0, 16, 0, 1,
	  { B1 B2 B3 FULL B1 } },
	{ "all zero",
	  { 0, 0, 0 }, 3, 3, 2, false,
	  0, 1, 0, 1,
	  { "   ", "   " } },
	{ "no data at all",
	  { NAN, NAN }, 2, 2, 2, false,
	  0, 1, 0, 1,
	  { "  ", NODATA NODATA } },
	{ "no values",
	  { 0 }, 0, 3, 1, false,
	  0, 1, 0, 1,
	  { "   " } },
	/* The ASCII ramp: 1..3 '.', 4..7 ':', 8 '#'; downward 1..3 '\''. */
	{ "ascii ascending",
	  { 1, 2, 3, 4, 5, 6, 7, 8 }, 8, 8, 1, true,
	  0, 8, 0, 1,
	  { "...::::#" } },
	{ "ascii descending",
	  { -8, -7, -6, -5, -4, -3, -2, -1 }, 8, 8, 1, true,
	  -8, 0, 0, 1,
	  { "#::::'''" } },
	{ "ascii both signs",
	  { -8, -6, -4, -3, -1, 0, 1, 4, 8 }, 9, 9, 2, true,
	  -8, 8, 0, 1,
	  { "      .:#",
	    "#::''    " } },
	{ "ascii no data",
	  { 2, NAN, 0, 4 }, 4, 4, 2, true,
	  0, 4, 0, 1,
	  { "   #",
	    "#? #" } },
};

/* Code points in s: every byte but a UTF-8 continuation byte starts one.
 * Each character a chart draws is one column wide, so this is its width. */
static int
columns(const char *s)
{
	int	n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return false;
	}
	return true;
}

static void
check_chart(const struct chart_case *cc, const struct chart *c)
{
	char	what[128];

	snprintf(what, sizeof what, "%s: height", cc->name);
	check_int(what, c->height, cc->height);
	snprintf(what, sizeof what, "%s: width", cc->name);
	check_int(what, c->width, cc->width);
	snprintf(what, sizeof what, "%s: first", cc->name);
	check_int(what, c->first, cc->first);
	snprintf(what, sizeof what, "%s: per", cc->name);
	check_int(what, c->per, cc->per);
	if (c->lo != cc->lo || c->hi != cc->hi)
		fail_msg("%s: range %g..%g, want %g..%g", cc->name, c->lo,
		    c->hi, cc->lo, cc->hi);
	assert_non_null(c->rows);
	for (int r = 0; r < cc->height; r++) {
		snprintf(what, sizeof what, "%s: row %d", cc->name, r);
		check_string(what, c->rows[r], cc->rows[r]);
		snprintf(what, sizeof what, "%s: row %d columns", cc->name, r);
		check_int(what, columns(c->rows[r]), cc->width);
		if (cc->ascii && !is_ascii(c->rows[r]))
			fail_msg("%s: row %d is not ASCII", cc->name, r);
	}
}

static void
test_cases(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct chart_case *cc = &cases[i];
		struct chart c;

		assert_true(cc->height <= MAX_ROWS);
		if (chart_render(&c, cc->values, cc->n, cc->width, cc->height,
		    cc->ascii) != 0)
			fail_msg("%s: chart_render failed", cc->name);
		check_chart(cc, &c);
		chart_free(&c);
	}
}

/* A wallboard-sized chart of a month of NPS, swinging both ways with gaps:
 * whatever the values, each row is exactly width columns. */
static void
test_widths(void **state)
{
	double	values[30];
	int	sizes[][2] = { { 30, 4 }, { 17, 3 }, { 61, 5 }, { 1, 1 },
		    { 90, 8 }, { 7, 2 } };

	for (int i = 0; i < 30; i++) {
		if (i % 7 == 3)
			values[i] = NAN;
		else
			values[i] = (i * 37 % 201) - 100;
	}
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
		for (int ascii = 0; ascii <= 1; ascii++) {
			struct chart c;

			assert_int_equal(chart_render(&c, values, 30,
			    sizes[s][0], sizes[s][1], ascii), 0);
			for (int r = 0; r < c.height; r++) {
				assert_int_equal(columns(c.rows[r]),
				    sizes[s][0]);
				if (ascii)
					assert_true(is_ascii(c.rows[r]));
			}
			chart_free(&c);
		}
	}
}

static bool
is_zeroed(const struct chart *c)
{
	struct chart zero;

	memset(&zero, 0, sizeof zero);
	return memcmp(c, &zero, sizeof zero) == 0;
}

/* Refused sizes leave the chart zeroed, so chart_free after is harmless. */
static void
test_refused(void **state)
{
	static const double values[] = { 1, 2, 3 };
	struct chart c;

	memset(&c, 0xa5, sizeof c);
	assert_int_equal(chart_render(&c, values, 3, 0, 2, false), -1);
	assert_true(is_zeroed(&c));
	memset(&c, 0xa5, sizeof c);
	assert_int_equal(chart_render(&c, values, 3, 5, 0, false), -1);
	assert_true(is_zeroed(&c));
	memset(&c, 0xa5, sizeof c);
	assert_int_equal(chart_render(&c, values, -1, 5, 2, false), -1);
	assert_true(is_zeroed(&c));
	memset(&c, 0xa5, sizeof c);
	assert_int_equal(chart_render(&c, values, 3, -4, -1, true), -1);
	assert_true(is_zeroed(&c));
	memset(&c, 0xa5, sizeof c);
	assert_int_equal(chart_render(&c, NULL, 3, 5, 2, false), -1);
	assert_true(is_zeroed(&c));
	chart_free(&c);
	assert_true(is_zeroed(&c));

	/* No values need no array. */
	assert_int_equal(chart_render(&c, NULL, 0, 5, 2, false), 0);
	chart_free(&c);
}

static void
test_free_twice(void **state)
{
	static const double values[] = { 1, -2, 3 };
	struct chart c;

	assert_int_equal(chart_render(&c, values, 3, 6, 3, false), 0);
	chart_free(&c);
	assert_true(is_zeroed(&c));
	chart_free(&c);
	assert_true(is_zeroed(&c));
}

struct label_case {
	double		 v;
	int		 decimals;
	const char	*want;
};

static const struct label_case label_cases[] = {
	{ 12, 0, "12" },
	{ 4.5, 1, "4.5" },
	{ -20, 0, "-20" },
	{ 0, 0, "0" },
	{ 0, 1, "0.0" },
	{ 87.25, 1, "87.3" },
	{ 100, 1, "100.0" },
	{ 99.96, 1, "100.0" },
	/* Halves away from zero, as metrics_round: the tile beside the
	 * chart must read the same. */
	{ 12.5, 0, "13" },
	{ -12.5, 0, "-13" },
	{ 0.5, 0, "1" },
	{ -0.25, 1, "-0.3" },
	{ 2.4, 0, "2" },
	{ -2.6, 0, "-3" },
	/* Nothing reads "-0". */
	{ -0.0, 0, "0" },
	{ -0.4, 0, "0" },
	{ -0.04, 1, "0.0" },
	{ 1.0 / 3, 2, "0.33" },
	{ 7, -1, "7" },
	{ 1e20, 0, "100000000000000000000" },
	{ NAN, 0, "-" },
	{ NAN, 1, "-" },
	{ INFINITY, 0, "-" },
	{ -INFINITY, 1, "-" },
};

static void
test_label(void **state)
{
	char	buf[64], what[64];

	for (size_t i = 0; i < sizeof label_cases / sizeof *label_cases; i++) {
		const struct label_case *lc = &label_cases[i];

		chart_label(buf, sizeof buf, lc->v, lc->decimals);
		snprintf(what, sizeof what, "chart_label(%g, %d)", lc->v,
		    lc->decimals);
		check_string(what, buf, lc->want);
	}
}

/* A short buffer cuts the label and still terminates it; len 0 writes
 * nothing. */
static void
test_label_short(void **state)
{
	char	buf[4];

	chart_label(buf, sizeof buf, -1234.5, 1);
	check_string("cut to 4", buf, "-12");
	memcpy(buf, "xyz", 4);
	chart_label(buf, 0, 5, 0);
	check_string("len 0", buf, "xyz");
	chart_label(buf, 1, 5, 0);
	check_string("len 1", buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_free_twice),
		cmocka_unit_test(test_label),
		cmocka_unit_test(test_label_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
