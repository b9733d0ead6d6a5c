/* Untrusted text on its way to the terminal: sanitize, measure, fit, wrap. */
#ifndef FRONTLINE_CORE_TEXT_H
#define FRONTLINE_CORE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Flags for text_sanitize and text_fit. */
#define TEXT_KEEP_TABS	0x1	/* leave tabs as they are, do not expand */
#define TEXT_ONE_LINE	0x2	/* a line break becomes one space */
#define TEXT_ASCII	0x4	/* pure ASCII, for a terminal without UTF-8 */
#define TEXT_PAD	0x8	/* text_fit: pad with spaces to exactly cols */

/* Lines made by text_wrap; the lines and the array belong to the struct. */
struct text_lines {
	char	**line;
	size_t	  n;
};

/*
 * Decodes one code point from the len bytes at s into *cp. Returns the bytes
 * used: at least 1 if len > 0, 0 only if len is 0. An ill-formed sequence
 * gives U+FFFD and the length of its longest well-formed prefix (at least 1),
 * so one replacement stands for each maximal ill-formed subpart.
 */
size_t	text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* A range of code points, first to last inclusive. */
struct text_range {
	uint32_t	first;
	uint32_t	last;
};

/* Whether cp falls in one of the n ranges of table, sorted and disjoint
 * (a binary search). */
int	text_in_table(uint32_t cp, const struct text_range *table, size_t n);

/* Encodes a code point as UTF-8 into out (room for 4 bytes); returns the
 * bytes written, 0 for a surrogate or a value past U+10FFFF. */
size_t	text_utf8_encode(uint32_t cp, char *out);

/* Columns a code point takes on screen: 0, 1 or 2; controls count 1. */
int	text_cp_width(uint32_t cp);

/*
 * Makes len bytes of untrusted text safe to show: returns a new string the
 * caller frees, valid UTF-8 (pure ASCII with TEXT_ASCII) with no controls but
 * newlines (none with TEXT_ONE_LINE) and tabs (with TEXT_KEEP_TABS).
 */
char	*text_sanitize(const char *s, size_t len, int flags);

/* Columns sanitized text s takes on one row (a newline counts as a space). */
int	text_width(const char *s);

/*
 * Returns a new string, the caller's, holding s cut to at most cols columns,
 * ending in an ellipsis if cut; with TEXT_PAD exactly cols columns.
 */
char	*text_fit(const char *s, int cols, int flags);

/*
 * Word-wraps sanitized text s to rows of at most cols columns into *out,
 * which it overwrites and the caller frees with text_lines_free. Each newline
 * ends a row, as in a text file; a character wider than cols still gets a
 * row of its own; cols < 1 gives no rows.
 */
void	text_wrap(const char *s, int cols, struct text_lines *out);

/* Frees the lines of *lines and leaves it empty. */
void	text_lines_free(struct text_lines *lines);

#endif
