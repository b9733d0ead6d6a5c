/* Unit tests of core/text: hostile input in, inert text of known width out. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"

#include "core/text.h"

/* Input given as a literal: its length includes any NUL inside. */
#define IN(s)	(s), sizeof(s) - 1

/* UTF-8 of the marks sanitizing writes. */
#define REPL	"\xef\xbf\xbd"		/* U+FFFD */
#define PIC_NUL	"\xe2\x90\x80"		/* U+2400 */
#define PIC_BEL	"\xe2\x90\x87"		/* U+2407 */
#define PIC_BS	"\xe2\x90\x88"		/* U+2408 */
#define PIC_ESC	"\xe2\x90\x9b"		/* U+241B */
#define PIC_DEL	"\xe2\x90\xa1"		/* U+2421 */
#define ELLIPSIS "\xe2\x80\xa6"		/* U+2026 */

#define NIHON	"\xe6\x97\xa5\xe6\x9c\xac"	/* two wide CJK characters */
#define GO	"\xe8\xaa\x9e"			/* one more */
#define GRIN	"\xf0\x9f\x98\x80"		/* U+1F600, wide emoji */
#define E_ACUTE	"e\xcc\x81"			/* e + U+0301 combining */

struct decode_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	uint32_t	 cp;
	size_t		 used;
};

static const struct decode_case decode_cases[] = {
	{ "ascii", IN("A"), 'A', 1 },
	{ "nul", IN("\0"), 0, 1 },
	{ "two bytes", IN("\xc3\xa9"), 0xe9, 2 },
	{ "three bytes", IN("\xe2\x82\xac"), 0x20ac, 3 },
	{ "four bytes", IN(GRIN), 0x1f600, 4 },
	{ "last scalar", IN("\xf4\x8f\xbf\xbf"), 0x10ffff, 4 },
	{ "before surrogates", IN("\xed\x9f\xbf"), 0xd7ff, 3 },
	{ "after surrogates", IN("\xee\x80\x80"), 0xe000, 3 },
	{ "lone continuation", IN("\x80"), 0xfffd, 1 },
	{ "overlong slash", IN("\xc0\xaf"), 0xfffd, 1 },
	{ "overlong three", IN("\xe0\x80\xaf"), 0xfffd, 1 },
	{ "overlong four", IN("\xf0\x8f\xbf\xbf"), 0xfffd, 1 },
	{ "surrogate", IN("\xed\xa0\x80"), 0xfffd, 1 },
	{ "above U+10FFFF", IN("\xf4\x90\x80\x80"), 0xfffd, 1 },
	{ "lead F5", IN("\xf5\x80\x80\x80"), 0xfffd, 1 },
	{ "byte FF", IN("\xff"), 0xfffd, 1 },
	{ "truncated four", IN("\xf0\x9f\x98"), 0xfffd, 3 },
	{ "cut before ascii", IN("\xe2\x82" "A"), 0xfffd, 2 },
	{ "len stops early", "\xe2\x82\xac", 2, 0xfffd, 2 },
	{ "empty", "", 0, 0xfffd, 0 },
};

static void
test_utf8_decode(void **state)
{
	size_t		i, used;
	uint32_t	cp;

	(void)state;
	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		const struct decode_case *c = &decode_cases[i];

		cp = 0x12345;
		used = text_utf8_decode(c->in, c->len, &cp);
		check_int(c->name, (long)used, (long)c->used);
		check_int(c->name, (long)cp, (long)c->cp);
	}
}

struct sanitize_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	int		 flags;
	const char	*want;
};

static const struct sanitize_case sanitize_cases[] = {
	{ "plain", IN("Order #42 late"), 0, "Order #42 late" },
	{ "empty", IN(""), 0, "" },
	{ "utf-8 kept", IN("Zo\xc3\xab " NIHON " " GRIN " " E_ACUTE), 0,
	    "Zo\xc3\xab " NIHON " " GRIN " " E_ACUTE },

	/* Escape sequences lose their ESC and show as text. */
	{ "csi colour", IN("\033[31mred\033[0m"), 0,
	    PIC_ESC "[31mred" PIC_ESC "[0m" },
	{ "csi clear", IN("\033[2J\033[H"), 0, PIC_ESC "[2J" PIC_ESC "[H" },
	{ "osc title", IN("\033]0;title\007"), 0, PIC_ESC "]0;title" PIC_BEL },
	{ "osc 8 link", IN("\033]8;;http://x\033\\y"), 0,
	    PIC_ESC "]8;;http://x" PIC_ESC "\\y" },
	{ "dcs", IN("\033P+q\033\\"), 0, PIC_ESC "P+q" PIC_ESC "\\" },
	{ "8-bit csi byte", IN("\x9b" "31m"), 0, REPL "31m" },
	{ "c1 csi encoded", IN("\xc2\x9b" "2J"), 0, REPL "2J" },
	{ "c1 osc encoded", IN("\xc2\x9d" "0;x\xc2\x9c"), 0,
	    REPL "0;x" REPL },
	{ "c1 nel", IN("a\xc2\x85" "b"), 0, "a" REPL "b" },
	{ "backspace", IN("ok\b\b\bNO"), 0, "ok" PIC_BS PIC_BS PIC_BS "NO" },
	{ "del", IN("a\x7f"), 0, "a" PIC_DEL },
	{ "nul inside", IN("a\0b"), 0, "a" PIC_NUL "b" },
	{ "nul at end", IN("a\0"), 0, "a" PIC_NUL },
	{ "vt ff", IN("\v\f"), 0, "\xe2\x90\x8b\xe2\x90\x8c" },

	/* Bidi controls and invisible characters go. */
	{ "rlo filename", IN("invoice\xe2\x80\xae" "fdp.exe"), 0,
	    "invoicefdp.exe" },
	{ "all embeddings", IN("\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac"
	    "c\xe2\x80\xad" "d\xe2\x80\xae" "e"), 0, "abcde" },
	{ "isolates", IN("\xe2\x81\xa6" "a\xe2\x81\xa7" "b\xe2\x81\xa8" "c"
	    "\xe2\x81\xa9"), 0, "abc" },
	{ "marks", IN("\xe2\x80\x8e" "a\xe2\x80\x8f" "b\xd8\x9c" "c"), 0,
	    "abc" },
	{ "zero widths", IN("a\xe2\x80\x8b" "b\xe2\x80\x8c" "c\xe2\x80\x8d"
	    "d\xe2\x81\xa0" "e\xef\xbb\xbf" "f"), 0, "abcdef" },
	{ "tag smuggling", IN("hi\xf3\xa0\x81\x81\xf3\xa0\x81\x82"), 0, "hi" },

	/* Each ill-formed subpart becomes one U+FFFD. */
	{ "lone continuation", IN("a\x80" "b"), 0, "a" REPL "b" },
	{ "overlong", IN("\xc0\xaf"), 0, REPL REPL },
	{ "overlong nul", IN("\xc0\x80"), 0, REPL REPL },
	{ "surrogate", IN("\xed\xa0\x80"), 0, REPL REPL REPL },
	{ "surrogate pair", IN("\xed\xa0\xbd\xed\xb8\x80"), 0,
	    REPL REPL REPL REPL REPL REPL },
	{ "truncated at end", IN("ok\xf0\x9f\x98"), 0, "ok" REPL },
	{ "truncated mid", IN("\xe2\x82x"), 0, REPL "x" },
	{ "above U+10FFFF", IN("\xf4\x90\x80\x80"), 0,
	    REPL REPL REPL REPL },
	{ "lead F8", IN("\xf8\x88\x80\x80\x80"), 0,
	    REPL REPL REPL REPL REPL },
	{ "ff fe", IN("\xff\xfe"), 0, REPL REPL },
	{ "replacement kept", IN(REPL), 0, REPL },

	/* Tabs stop every 8 columns, counted in display columns. */
	{ "tab", IN("a\tb"), 0, "a       b" },
	{ "tab alone", IN("\t"), 0, "        " },
	{ "tab at 7", IN("1234567\tx"), 0, "1234567 x" },
	{ "tab at 8", IN("12345678\tx"), 0, "12345678        x" },
	{ "tab after wide", IN(NIHON "\tx"), 0, NIHON "    x" },
	{ "tab after mark", IN(E_ACUTE "\tx"), 0, E_ACUTE "       x" },
	{ "tab after newline", IN("abc\n\tx"), 0, "abc\n        x" },
	{ "tab after esc", IN("\033\tx"), 0, PIC_ESC "       x" },
	{ "tab kept", IN("a\tb"), TEXT_KEEP_TABS, "a\tb" },

	/* Line breaks. */
	{ "crlf", IN("a\r\nb\rc\nd"), 0, "a\nb\nc\nd" },
	{ "cr cr lf", IN("a\r\r\nb"), 0, "a\n\nb" },
	{ "line separator", IN("a\xe2\x80\xa8" "b"), 0, "a\nb" },
	{ "one line", IN("a\r\nb\rc\nd"), TEXT_ONE_LINE, "a b c d" },
	{ "one line blank", IN("\r\n\r\n"), TEXT_ONE_LINE, "  " },
	{ "one line tab", IN("ab\ncd\tx"), TEXT_ONE_LINE, "ab cd   x" },

	/* ASCII for terminals without UTF-8. */
	{ "ascii csi", IN("\033[31mred"), TEXT_ASCII, "^[[31mred" },
	{ "ascii osc", IN("\033]0;t\007"), TEXT_ASCII, "^[]0;t^G" },
	{ "ascii del nul", IN("\x7f\0"), TEXT_ASCII, "^?^@" },
	{ "ascii latin", IN("caf\xc3\xa9"), TEXT_ASCII, "caf?" },
	{ "ascii combining", IN(E_ACUTE), TEXT_ASCII, "e?" },
	{ "ascii wide", IN(NIHON GRIN), TEXT_ASCII, "???" },
	{ "ascii invalid", IN("\xc0\xaf" "x\xf0\x9f\x98"), TEXT_ASCII, "??x?" },
	{ "ascii replacement", IN(REPL), TEXT_ASCII, "?" },
	{ "ascii c1", IN("\x9b\xc2\x9b"), TEXT_ASCII, "??" },
	{ "ascii rlo", IN("a\xe2\x80\xae" "b"), TEXT_ASCII, "ab" },
	{ "ascii tab", IN("\033\tx"), TEXT_ASCII, "^[      x" },
	{ "ascii one line", IN("\033\r\nb"), TEXT_ASCII | TEXT_ONE_LINE,
	    "^[ b" },
};

static void
test_sanitize(void **state)
{
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof sanitize_cases / sizeof sanitize_cases[0]; i++) {
		const struct sanitize_case *c = &sanitize_cases[i];

		got = text_sanitize(c->in, c->len, c->flags);
		check_string(c->name, got, c->want);
		free(got);
	}
}

/* Whatever comes in, nothing below U+0020 but \n, no DEL, no C1 goes out. */
static void
test_sanitize_all_bytes(void **state)
{
	char		 in[512];
	char		*got;
	size_t		 i, len;
	uint32_t	 cp;

	(void)state;
	for (i = 0; i < 256; i++) {
		in[2 * i] = (char)i;
		in[2 * i + 1] = (char)(255 - i);
	}
	got = text_sanitize(in, sizeof in, 0);
	len = strlen(got);
	for (i = 0; i < len; ) {
		i += text_utf8_decode(got + i, len - i, &cp);
		assert_true(cp == '\n' || cp >= 0x20);
		assert_true(cp < 0x7f || cp > 0x9f);
	}
	free(got);

	got = text_sanitize(in, sizeof in, TEXT_ASCII | TEXT_ONE_LINE);
	for (i = 0; got[i] != '\0'; i++)
		assert_true(got[i] >= 0x20 && got[i] < 0x7f);
	free(got);
}

struct width_case {
	const char	*in;
	int		 width;
};

static const struct width_case width_cases[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ NIHON GO, 6 },
	{ "\xed\x95\x9c\xea\xb5\xad", 4 },		/* Hangul syllables */
	{ "\xe1\x84\x80\xe1\x85\xa1", 2 },		/* conjoining jamo */
	{ "\xef\xbc\xa1", 2 },				/* fullwidth A */
	{ "\xef\xbd\xb1", 1 },				/* halfwidth katakana */
	{ E_ACUTE, 1 },
	{ "a\xcc\x81\xcc\x82\xcc\x83", 1 },		/* stacked marks */
	{ GRIN, 2 },
	{ "\xf0\x9f\xab\xa8", 2 },		/* U+1FAE8, Unicode 15 */
	{ "\xe2\x9c\x85", 2 },				/* U+2705 */
	{ "\xe2\x98\x80", 1 },				/* U+2600, text style */
	{ PIC_ESC "[31m", 5 },
	{ REPL, 1 },
	{ ELLIPSIS, 1 },
	{ "\xd0\x9f\xd1\x80\xd0\xb8", 3 },		/* Cyrillic */
	{ "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", 4 },	/* Hebrew */
	{ "\xe2\x80\xae", 0 },				/* unsanitized RLO */
	{ "a\tb", 9 },
	{ NIHON "\t", 8 },
	{ "a\nb", 3 },
};

static void
test_width(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		char *name = check_escape(width_cases[i].in);

		check_int(name, text_width(width_cases[i].in),
		    width_cases[i].width);
		free(name);
	}
}

struct fit_case {
	const char	*name;
	const char	*in;
	int		 cols;
	int		 flags;
	const char	*want;
};

static const struct fit_case fit_cases[] = {
	{ "fits", "hello", 10, 0, "hello" },
	{ "exact", "hello", 5, 0, "hello" },
	{ "pad", "hello", 8, TEXT_PAD, "hello   " },
	{ "pad empty", "", 3, TEXT_PAD, "   " },
	{ "cut", "hello world", 5, 0, "hell" ELLIPSIS },
	{ "cut ascii", "hello", 4, TEXT_ASCII, "hel~" },
	{ "cut pad", "abcdef", 4, TEXT_PAD, "abc" ELLIPSIS },
	{ "one column", "hello", 1, 0, ELLIPSIS },
	{ "zero columns", "hello", 0, TEXT_PAD, "" },
	{ "negative", "hello", -3, 0, "" },
	{ "wide fits", NIHON GO, 6, 0, NIHON GO },
	{ "wide at 5", NIHON GO, 5, 0, NIHON ELLIPSIS },
	{ "wide at 4", NIHON GO, 4, 0, "\xe6\x97\xa5 " ELLIPSIS },
	{ "wide at 3", NIHON GO, 3, 0, "\xe6\x97\xa5" ELLIPSIS },
	{ "wide at 2", NIHON GO, 2, 0, " " ELLIPSIS },
	{ "wide at 1", NIHON GO, 1, TEXT_PAD, ELLIPSIS },
	{ "odd start", "a" NIHON, 4, 0, "a\xe6\x97\xa5" ELLIPSIS },
	{ "odd start fits", "a" NIHON, 5, TEXT_PAD, "a" NIHON },
	{ "wide pad", NIHON, 7, TEXT_PAD, NIHON "   " },
	{ "emoji", GRIN GRIN, 3, 0, GRIN ELLIPSIS },
	{ "emoji edge", "ab" GRIN "cd", 4, 0, "ab " ELLIPSIS },
	{ "marks stay", E_ACUTE E_ACUTE E_ACUTE, 2, 0, E_ACUTE ELLIPSIS },
	{ "marks fit", E_ACUTE "xyz", 4, 0, E_ACUTE "xyz" },
	{ "tab expands", "a\tb", 10, 0, "a       b" },
	{ "tab cut", "a\tb", 5, 0, "a   " ELLIPSIS },
	{ "newline", "a\nb", 5, 0, "a b" },
	{ "stray invalid", "a\xff" "b", 5, 0, "a" REPL "b" },
	{ "stray control", "a\033b", 5, 0, "a" REPL "b" },
	{ "ascii wide", NIHON, 3, TEXT_ASCII, "??" },
	{ "ascii cut wide", NIHON GO "x", 3, TEXT_ASCII, "??~" },
};

static void
test_fit(void **state)
{
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		const struct fit_case *c = &fit_cases[i];

		got = text_fit(c->in, c->cols, c->flags);
		check_string(c->name, got, c->want);
		if (c->cols > 0 && (c->flags & TEXT_PAD))
			check_int(c->name, text_width(got), c->cols);
		else if (c->cols > 0)
			assert_true(text_width(got) <= c->cols);
		free(got);
	}
}

#define MAX_LINES 8

struct wrap_case {
	const char	*name;
	const char	*in;
	int		 cols;
	const char	*want[MAX_LINES];	/* ends at the first NULL */
};

static const struct wrap_case wrap_cases[] = {
	{ "fits", "hello", 10, { "hello" } },
	{ "words", "the quick brown fox", 10, { "the quick", "brown fox" } },
	{ "words exact", "the quick brown fox", 9,
	    { "the quick", "brown fox" } },
	{ "words 8", "the quick brown fox", 8,
	    { "the", "quick", "brown", "fox" } },
	{ "break at space", "abc def", 3, { "abc", "def" } },
	{ "long word", "abcdefghij", 4, { "abcd", "efgh", "ij" } },
	{ "word then long", "a abcdefghij", 4, { "a", "abcd", "efgh", "ij" } },
	{ "long then word", "abcdefgh ij", 4, { "abcd", "efgh", "ij" } },
	{ "space run", "a    b", 3, { "a", "b" } },
	{ "trailing spaces", "abc   ", 3, { "abc" } },
	{ "indent kept", "  > quoted text", 8, { "  >", "quoted", "text" } },
	{ "empty lines", "a\n\nb", 5, { "a", "", "b" } },
	{ "final newline", "abc\n", 5, { "abc" } },
	{ "only newline", "\n", 5, { "" } },
	{ "empty", "", 5, { NULL } },
	{ "wide", NIHON GO "\xe3\x83\x86", 5,
	    { NIHON, GO "\xe3\x83\x86" } },
	{ "wide odd", NIHON GO, 3, { "\xe6\x97\xa5", "\xe6\x9c\xac", GO } },
	{ "wide spaced", NIHON " " GO, 3,
	    { "\xe6\x97\xa5", "\xe6\x9c\xac", GO } },
	{ "wide too wide", NIHON, 1, { "\xe6\x97\xa5", "\xe6\x9c\xac" } },
	{ "emoji", "ok " GRIN GRIN, 4, { "ok", GRIN GRIN } },
	{ "marks", E_ACUTE E_ACUTE E_ACUTE, 2,
	    { E_ACUTE E_ACUTE, E_ACUTE } },
	{ "lone mark", "\xcc\x81", 3, { "\xcc\x81" } },
	{ "tab", "a\tb", 4, { "a", "b" } },
	{ "tab wide enough", "a\tb", 9, { "a       b" } },
	{ "one column", "ab c", 1, { "a", "b", "c" } },
	{ "zero columns", "abc", 0, { NULL } },
};

static void
test_wrap(void **state)
{
	struct text_lines	 lines;
	size_t			 i, j, n;
	char			 what[128];

	(void)state;
	for (i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		const struct wrap_case *c = &wrap_cases[i];

		for (n = 0; n < MAX_LINES && c->want[n] != NULL; n++)
			;
		text_wrap(c->in, c->cols, &lines);
		for (j = 0; j < lines.n && j < n; j++) {
			snprintf(what, sizeof what, "%s, line %zu", c->name, j);
			check_string(what, lines.line[j], c->want[j]);
		}
		check_int(c->name, (long)lines.n, (long)n);
		text_lines_free(&lines);
		assert_null(lines.line);
		assert_int_equal(lines.n, 0);
	}
}

/* The path a ticket subject takes to a list row. */
static void
test_subject_to_row(void **state)
{
	static const char	 subject[] =
	    "\033[2J\xe2\x80\xae" "Refund\r\nnow \xe6\x80\xa5\xe3\x81\x8e\x9b";
	char			*clean, *row;

	(void)state;
	clean = text_sanitize(subject, sizeof subject - 1, TEXT_ONE_LINE);
	check_string("clean", clean,
	    PIC_ESC "[2JRefund now \xe6\x80\xa5\xe3\x81\x8e" REPL);
	check_int("clean width", text_width(clean), 20);
	row = text_fit(clean, 18, TEXT_PAD);
	check_string("row 18", row,
	    PIC_ESC "[2JRefund now \xe6\x80\xa5" ELLIPSIS);
	check_int("row 18 width", text_width(row), 18);
	free(row);
	row = text_fit(clean, 17, TEXT_PAD);
	check_string("row 17", row, PIC_ESC "[2JRefund now  " ELLIPSIS);
	check_int("row 17 width", text_width(row), 17);
	free(row);
	free(clean);

	clean = text_sanitize(subject, sizeof subject - 1,
	    TEXT_ONE_LINE | TEXT_ASCII);
	check_string("ascii", clean, "^[[2JRefund now ???");
	row = text_fit(clean, 10, TEXT_PAD | TEXT_ASCII);
	check_string("ascii row", row, "^[[2JRefu~");
	free(row);
	free(clean);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_all_bytes),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_subject_to_row),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
