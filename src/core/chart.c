/* Bar charts in block characters. A chart is worked out in eighths of a
 * cell: each value becomes a signed count of eighths from the zero line,
 * and each cell then picks the character for how many of its own eighths
 * that bar covers. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "xmalloc.h"

#define CHART_LEVELS	8	/* eighths in a cell */
#define CHART_HALF	4	/* a downward end this deep draws full */

/* Longest UTF-8 sequence written for one cell. */
#define CHART_CELL_MAX	3

#define CHART_FULL	"\xe2\x96\x88"	/* U+2588 full block */
#define CHART_TOP	"\xe2\x96\x94"	/* U+2594 upper one eighth */
#define CHART_NODATA	"\xc2\xb7"	/* U+00B7 middle dot */

/* U+2581..U+2587, lower one to seven eighths. */
static const char *chart_lower[CHART_LEVELS] = {
	NULL,
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87",
};

/* Rounds a non-negative x to the nearest whole number, halves up. Written
 * out rather than with floor() or round(): the library links no libm, and
 * the x here (eighths, or a label scaled to whole units below 2^52) are
 * small enough that the cast and the subtraction are exact. */
static long long
chart_round(double x)
{
	long long	t = (long long)x;

	return x - (double)t >= 0.5 ? t + 1 : t;
}

/* A bar of the value v, in eighths: positive up, negative down. room is
 * the eighths the bar's side has, and edge the value at the end of that
 * side (hi or lo, non-zero whenever a bar of that sign exists). */
static int
chart_eighths(double v, double edge, int room)
{
	int	e;

	if (v == 0 || room == 0)
		return 0;
	e = (int)chart_round(v / edge * room);
	if (e < 1)
		e = 1;		/* small is not the same as nothing */
	if (e > room)
		e = room;
	return e;
}

/* The character for one cell: fill is how many of its eighths the bar
 * covers there (0 or less: none, 8 or more: all), down whether the bar
 * grows downward. */
static const char *
chart_cell(int fill, bool down, bool ascii)
{
	if (fill <= 0)
		return " ";
	if (fill >= CHART_LEVELS)
		return ascii ? "#" : CHART_FULL;
	if (ascii) {
		if (fill >= CHART_HALF)
			return ":";
		return down ? "'" : ".";
	}
	if (down)
		return fill < CHART_HALF ? CHART_TOP : CHART_FULL;
	return chart_lower[fill];
}

/* The row boundary for the zero line, counted in rows from the bottom: the
 * nearest to its true place that leaves a row to each sign present. */
static int
chart_zero_row(double lo, double hi, int height)
{
	int	z;

	if (lo >= 0)
		return 0;
	if (hi <= 0)
		return height;
	if (height == 1)
		return hi >= -lo ? 0 : 1;
	z = (int)chart_round(-lo / (hi - lo) * height);
	if (z < 1)
		z = 1;
	if (z > height - 1)
		z = height - 1;
	return z;
}

int
chart_render(struct chart *c, const double *values, int n, int width,
    int height, bool ascii)
{
	int	 shown, pad, zero, up, down, *bars, i, x, r;
	bool	 any = false;
	char	*p;

	memset(c, 0, sizeof *c);
	if (width < 1 || height < 1 || n < 0 || (n > 0 && values == NULL))
		return -1;

	shown = n < width ? n : width;
	c->height = height;
	c->width = width;
	c->first = n - shown;
	c->per = (n > 0 && width / n > 1) ? width / n : 1;
	pad = width - c->per * shown;

	for (i = c->first; i < n; i++) {
		if (!isfinite(values[i]))
			continue;
		if (!any || values[i] < c->lo)
			c->lo = values[i];
		if (!any || values[i] > c->hi)
			c->hi = values[i];
		any = true;
	}
	if (c->lo > 0)
		c->lo = 0;
	if (c->hi < 0)
		c->hi = 0;
	if (c->hi == c->lo)
		c->hi = c->lo + 1;

	zero = chart_zero_row(c->lo, c->hi, height);
	up = (height - zero) * CHART_LEVELS;
	down = zero * CHART_LEVELS;

	/* Eighths per shown value; no data stays 0 and is told apart from
	 * zero by looking at the value again when drawing. */
	bars = xcalloc(shown > 0 ? (size_t)shown : 1, sizeof *bars);
	for (i = 0; i < shown; i++) {
		double v = values[c->first + i];

		if (!isfinite(v))
			continue;
		if (v > 0)
			bars[i] = chart_eighths(v, c->hi, up);
		else if (v < 0)
			bars[i] = -chart_eighths(v, c->lo, down);
	}

	c->rows = xcalloc((size_t)height, sizeof *c->rows);
	for (r = 0; r < height; r++) {
		/* Rows are stored top first; work in rows from the bottom. */
		int	from_bottom = height - 1 - r;

		c->rows[r] = p = xmalloc((size_t)width * CHART_CELL_MAX + 1);
		for (x = 0; x < width; x++) {
			const char	*s;
			int		 k, b;

			if (x < pad) {
				*p++ = ' ';
				continue;
			}
			k = (x - pad) / c->per;
			b = bars[k];
			if (!isfinite(values[c->first + k])) {
				if (from_bottom == 0)
					s = ascii ? "?" : CHART_NODATA;
				else
					s = " ";
			} else if (b > 0 && from_bottom >= zero) {
				s = chart_cell(b - (from_bottom - zero) *
				    CHART_LEVELS, false, ascii);
			} else if (b < 0 && from_bottom < zero) {
				s = chart_cell(-b - (zero - 1 - from_bottom) *
				    CHART_LEVELS, true, ascii);
			} else
				s = " ";
			p = stpcpy(p, s);
		}
		*p = '\0';
	}
	free(bars);
	return 0;
}

void
chart_free(struct chart *c)
{
	if (c->rows != NULL) {
		for (int r = 0; r < c->height; r++)
			free(c->rows[r]);
		free(c->rows);
	}
	memset(c, 0, sizeof *c);
}

/* Past this many decimals, or this magnitude once scaled, a double has no
 * fraction left to round and printf's own rounding is used. */
#define CHART_LABEL_DECIMALS	15
#define CHART_LABEL_EXACT	4503599627370496.0	/* 2^52 */

void
chart_label(char *buf, size_t len, double v, int decimals)
{
	double	scale = 1, a;
	bool	negative;

	if (len == 0)
		return;
	if (!isfinite(v)) {
		snprintf(buf, len, "-");
		return;
	}
	if (decimals < 0)
		decimals = 0;

	/* printf rounds halves to even (12.5 is "12"), but the wallboard's
	 * tiles use metrics_round, halves away from zero; round here first so
	 * a chart's latest value reads the same as the tile beside it. */
	if (decimals <= CHART_LABEL_DECIMALS) {
		for (int i = 0; i < decimals; i++)
			scale *= 10;
		negative = v < 0;
		a = (negative ? -v : v) * scale;
		if (a < CHART_LABEL_EXACT) {
			a = (double)chart_round(a) / scale;
			v = negative ? -a : a;
		}
	}

	/* A value that rounds to zero, or -0 itself, would print as "-0"; a
	 * wallboard reading "-0" looks like a fault. */
	if (v == 0)
		v = 0;
	snprintf(buf, len, "%.*f", decimals, v);
}
