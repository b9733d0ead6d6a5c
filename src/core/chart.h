/* Trend charts for the wallboard: a run of daily figures (tickets per day,
 * CSAT %, NPS, first response median) drawn as vertical bars in a block of
 * terminal cells. The curses side prints the rows as they are; nothing here
 * knows about curses.
 *
 * Layout. Each value gets per = max(1, width / n) columns. When n values do
 * not fit (n > width) the last width of them are shown, so a trend always
 * ends today at the right edge; first says where the shown values start.
 * Unused columns are on the left and are spaces.
 *
 * Scale. lo = min(0, smallest shown value), hi = max(0, largest), exactly:
 * the axis labels are the real extremes, not rounded "nice" numbers. When
 * hi == lo (all zero, or no data) hi is lo + 1. Bars grow from the zero line,
 * up for positive values and down for negative ones (NPS runs -100..100).
 * The zero line has to lie on a boundary between rows, because block
 * characters only fill a cell from its bottom up; it goes to the row
 * boundary nearest its true place, but never onto an edge while both signs
 * have values, so each sign keeps at least one row. Each side is then
 * scaled on its own, 0..hi over the rows above and 0..lo over the rows
 * below, so the top and bottom edges are hi and lo exactly. A one-row chart
 * has no inner boundary: the zero line goes to the edge away from the
 * larger magnitude (the bottom on a tie) and bars of the other sign are not
 * drawn (use two rows or more for a figure that can be negative).
 *
 * Resolution. A cell has 8 levels, so a bar is a whole number of eighths:
 * its height rounded to the nearest eighth, but at least one eighth for any
 * value that is not zero, so "small" differs from "none". Zero draws
 * nothing. A slot with no data (NAN or an infinity) draws nothing but a
 * mark in the bottom row, so "no data" differs from zero.
 *
 * Characters, per cell (eighths filled in that cell):
 *
 *                      UTF-8                    ASCII (ascii = true)
 *   up, 1..7           U+2581..U+2587 ▁▂▃▄▅▆▇   1..3 '.', 4..7 ':'
 *   up, 8              U+2588 █                 '#'
 *   down, 1..3         U+2594 ▔                 '\''
 *   down, 4..7         U+2588 █                 ':'
 *   down, 8            U+2588 █                 '#'
 *   no data            U+00B7 ·                 '?'
 *
 * Unicode has no "upper three eighths" and so on, only the upper eighth
 * and upper half, so the last cell of a downward bar is approximated: less
 * than half a cell shows as the upper eighth ▔, half or more as a full
 * block. A downward bar is thus drawn at most half a cell too long or 3/8
 * too short, never as zero. The ASCII ramp is coarser still and mirrors
 * itself: '.' sits low in its cell and '\'' high, for the small ends of up
 * and down bars; ':' is about half a cell either way. No data is '?' in
 * ASCII, since '.' already means a small bar. */
#ifndef FRONTLINE_CHART_H
#define FRONTLINE_CHART_H

#include <stdbool.h>
#include <stddef.h>

/* A rendered chart; chart_render fills it, chart_free empties it. */
struct chart {
	char	**rows;		/* height strings, top row first, each exactly
				   width columns (every character here is one
				   column wide), UTF-8 or pure ASCII */
	int	  height;
	int	  width;	/* plot columns */
	double	  lo, hi;	/* the values at the bottom and top edges */
	int	  first;	/* index of the first value shown */
	int	  per;		/* columns per value */
};

/* Renders n values (NAN or an infinity: no data for that slot) as bars in a
 * width x height block of cells. c is overwritten without being freed, so
 * chart_free an earlier chart first; the rows it gets are c's, to free with
 * chart_free. Returns 0, or
 * -1 with c zeroed for width < 1, height < 1, n < 0, or values NULL when n
 * is not 0. With n = 0 the rows are blank, per is 1, lo 0 and hi 1. */
int	chart_render(struct chart *c, const double *values, int n, int width,
	    int height, bool ascii);

/* Frees the rows and zeroes c; safe on a zeroed chart. */
void	chart_free(struct chart *c);

/* An axis or latest-value label: v with the given number of decimals ("12",
 * "4.5", "-20"), or "-" for NAN and infinities. Halves round away from zero
 * as in metrics_round (12.5 is "13", -0.25 with 1 decimal "-0.3"), and a
 * value that rounds to zero has no minus sign ("0.0", not "-0.0"). Negative
 * decimals count as 0. The label is cut to fit len, like snprintf; nothing
 * is written when len is 0. */
void	chart_label(char *buf, size_t len, double v, int decimals);

#endif
