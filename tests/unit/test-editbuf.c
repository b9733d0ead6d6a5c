/* Unit tests of core/editbuf: keys and pastes in, valid text and rows out. */
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

#include "core/editbuf.h"
#include "core/text.h"

/* Input given as a literal: its length includes any NUL inside. */
#define IN(s)	(s), sizeof(s) - 1

#define REPL	"\xef\xbf\xbd"			/* U+FFFD */
#define ACUTE	"\xcc\x81"			/* U+0301, combining */
#define E_ACUTE	"e" ACUTE
#define NIHON	"\xe6\x97\xa5\xe6\x9c\xac"	/* two wide CJK characters */
#define GO	"\xe8\xaa\x9e"			/* one more */
#define GRIN	"\xf0\x9f\x98\x80"		/* U+1F600, wide */
/* Thumbs up and a skin tone, which is a wide character of its own. */
#define THUMB	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"
#define NBSP	"\xc2\xa0"
#define RLO	"\xe2\x80\xae"
#define LRI	"\xe2\x81\xa6"
#define PDI	"\xe2\x81\xa9"
#define LRM	"\xe2\x80\x8e"
#define ZWJ	"\xe2\x80\x8d"

/* Where the cursor is in the texts of the tables below. */
#define MARK	'|'

/*
 * Where the cursor may rest, worked out here without the buffer: on a
 * character boundary, not before a zero-width character unless that starts
 * the text or a line.
 */
static int
is_stop(const char *s, size_t len, size_t pos)
{
	uint32_t	cp;

	if (pos == 0 || pos == len)
		return (1);
	if (((unsigned char)s[pos] & 0xc0) == 0x80)
		return (0);
	if (s[pos - 1] == '\n')
		return (1);
	text_utf8_decode(s + pos, len - pos, &cp);
	return (text_cp_width(cp) != 0);
}

/* The text is what sanitizing lets through and the cursor is on a stop. */
static void
check_sane(const char *what, const struct editbuf *eb)
{
	const char	*s = editbuf_text(eb);
	size_t		 len = editbuf_len(eb), i = 0, n;
	uint32_t	 cp;

	check_int(what, (long)strlen(s), (long)len);
	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xfffd && memcmp(s + i, REPL, 3) != 0) {
			print_error("%s: invalid UTF-8 at %zu\n", what, i);
			fail();
		}
		if ((cp < 0x20 && cp != '\n' && cp != '\t') ||
		    (cp >= 0x7f && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069)) {
			print_error("%s: U+%04X at %zu\n", what,
			    (unsigned int)cp, i);
			fail();
		}
		i += n;
	}
	assert_true(editbuf_cursor(eb) <= len);
	if (!is_stop(s, len, editbuf_cursor(eb))) {
		print_error("%s: cursor %zu is not a stop\n", what,
		    editbuf_cursor(eb));
		fail();
	}
}

/* A copy of marked without its MARK; the caller frees it. */
static char *
unmarked(const char *marked)
{
	char	*s = strdup(marked), *mark;

	assert_non_null(s);
	if ((mark = strchr(s, MARK)) != NULL)
		memmove(mark, mark + 1, strlen(mark));
	return (s);
}

/* A buffer holding text with MARK where the cursor is. */
static struct editbuf *
marked_new(const char *marked)
{
	struct editbuf	*eb;
	char		*text;
	size_t		 cursor;

	assert_non_null(strchr(marked, MARK));
	cursor = (size_t)(strchr(marked, MARK) - marked);
	text = unmarked(marked);
	eb = editbuf_new(text);
	editbuf_set_cursor(eb, cursor);
	check_int("marked cursor", (long)editbuf_cursor(eb), (long)cursor);
	free(text);
	return (eb);
}

/* The text of eb with MARK at the cursor; the caller frees it. */
static char *
marked_text(const struct editbuf *eb)
{
	const char	*s = editbuf_text(eb);
	size_t		 len = editbuf_len(eb), cursor = editbuf_cursor(eb);
	char		*out = malloc(len + 2);

	assert_non_null(out);
	memcpy(out, s, cursor);
	out[cursor] = MARK;
	memcpy(out + cursor + 1, s + cursor, len - cursor + 1);
	return (out);
}

/*
 * Scripts and marks a customer's mail brings in. The text around them is
 * ordinary: what matters is that the bytes are anything but ASCII.
 */
static const char *const mixed[] = {
	"Здравствуйте! Ваш заказ №4521 задерживается. ",
	"Zażółć gęślą jaźń — dziękujemy za cierpliwość. ",
	"您好，您的订单已经发货了。",
	"注文番号：４５２１、ありがとうございます。",
	THUMB " Thanks! " GRIN GRIN " ",
	"caf" E_ACUTE " na" "\xc3\xaf" "ve " "a\xcc\x8a\xcc\x81" " ",
	"\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab",	/* conjoining Hangul */
	"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 ",	/* 한국어 */
	"\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xac ",
	"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d ",		/* Hebrew */
	"\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xa6\xe0"
	    "\xa5\x80 ",				/* Hindi, with marks */
	"\xf0\x9f\x91\xa8" ZWJ "\xf0\x9f\x91\xa9" ZWJ "\xf0\x9f\x91\xa7 ",
	"\tindented\n",
	"> quoted line that goes on for a while, long enough to wrap twice\n",
	"\n",
	"https://example.com/a/very/long/path/without/any/spaces/at/all ",
};

/* Returns at least size bytes of the mixed texts in turn; caller frees. */
static char *
mixed_text(size_t size)
{
	size_t	 len = 0, i = 0, n, longest = 0;
	char	*s;

	for (i = 0; i < sizeof mixed / sizeof mixed[0]; i++) {
		if (strlen(mixed[i]) > longest)
			longest = strlen(mixed[i]);
	}
	s = malloc(size + longest + 1);
	assert_non_null(s);
	i = 0;
	while (len < size) {
		n = strlen(mixed[i]);
		memcpy(s + len, mixed[i], n + 1);
		len += n;
		i = (i + 1) % (sizeof mixed / sizeof mixed[0]);
	}
	return (s);
}

struct sanitize_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	const char	*want;
};

static const struct sanitize_case sanitize_cases[] = {
	{ "plain", IN("Hello, world"), "Hello, world" },
	{ "empty", IN(""), "" },
	{ "scripts kept", IN("\xd0\x9f\xd1\x80\xd0\xb8 " NIHON " " GRIN " "
	    E_ACUTE " " THUMB), "\xd0\x9f\xd1\x80\xd0\xb8 " NIHON " " GRIN
	    " " E_ACUTE " " THUMB },
	{ "crlf", IN("a\r\nb\r\nc"), "a\nb\nc" },
	{ "cr alone", IN("a\rb\rc"), "a\nb\nc" },
	{ "cr cr lf", IN("a\r\r\nb"), "a\n\nb" },
	{ "lf cr", IN("a\n\rb"), "a\n\nb" },
	{ "crlf at end", IN("a\r\n"), "a\n" },
	{ "tab kept", IN("a\tb"), "a\tb" },
	{ "escape", IN("\033[31mred\033[0m"), "[31mred[0m" },
	{ "osc title", IN("\033]0;pwned\007x"), "]0;pwnedx" },
	{ "backspaces", IN("ok\b\b\bNO"), "okNO" },
	{ "nul inside", IN("a\0b"), "ab" },
	{ "all c0", IN("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
	    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e"
	    "\x1f"), "" },
	{ "del", IN("a\x7f" "b"), "ab" },
	{ "c1 encoded", IN("a\xc2\x9b" "2J\xc2\x85" "b"), "a2Jb" },
	{ "c1 raw byte", IN("a\x9b" "b"), "a" REPL "b" },
	{ "rlo", IN("invoice" RLO "fdp.exe"), "invoicefdp.exe" },
	{ "embeddings", IN("\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac"
	    "c\xe2\x80\xad" "d"), "abcd" },
	{ "isolates", IN(LRI "a" "\xe2\x81\xa7" "b\xe2\x81\xa8" "c" PDI),
	    "abc" },
	{ "marks kept", IN("a" LRM "b"), "a" LRM "b" },
	{ "zwj kept", IN("\xf0\x9f\x91\xa8" ZWJ "\xf0\x9f\x91\xa9"),
	    "\xf0\x9f\x91\xa8" ZWJ "\xf0\x9f\x91\xa9" },
	{ "line separators", IN("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c"),
	    "a\nb\nc" },
	{ "lone continuation", IN("a\x80" "b"), "a" REPL "b" },
	{ "overlong", IN("\xc0\xaf"), REPL REPL },
	{ "surrogate", IN("\xed\xa0\x80"), REPL REPL REPL },
	{ "above U+10FFFF", IN("\xf4\x90\x80\x80"), REPL REPL REPL REPL },
	{ "ff fe", IN("\xff\xfe"), REPL REPL },
	{ "truncated mid", IN("\xe2\x82x"), REPL "x" },
	{ "truncated at end", IN("ok\xf0\x9f\x98"), "ok" REPL },
	{ "replacement kept", IN(REPL), REPL },
};

/* Sanitizing the same, whether set whole or inserted and then left. */
static void
test_sanitize(void **state)
{
	struct editbuf	*eb;
	size_t		 i;
	char		*in;

	(void)state;
	for (i = 0; i < sizeof sanitize_cases / sizeof sanitize_cases[0]; i++) {
		const struct sanitize_case *c = &sanitize_cases[i];

		eb = editbuf_new(NULL);
		assert_int_equal(editbuf_insert(eb, c->in, c->len), 0);
		editbuf_end(eb);
		check_string(c->name, editbuf_text(eb), c->want);
		check_sane(c->name, eb);

		if (memchr(c->in, '\0', c->len) == NULL) {
			in = strndup(c->in, c->len);
			assert_non_null(in);
			assert_int_equal(editbuf_set(eb, in), 0);
			check_string(c->name, editbuf_text(eb), c->want);
			editbuf_free(eb);
			eb = editbuf_new(in);
			check_string(c->name, editbuf_text(eb), c->want);
			free(in);
		}
		editbuf_free(eb);
	}
}

/* Every pair of bytes, then a continuation byte: nothing bad gets in. */
static void
test_sanitize_all_bytes(void **state)
{
	struct editbuf	*eb = editbuf_new(NULL);
	char		 in[3];
	int		 a, b;

	(void)state;
	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			in[0] = (char)a;
			in[1] = (char)b;
			in[2] = (char)0x80;
			editbuf_insert(eb, in, 3);
		}
		editbuf_home(eb);
		check_sane("all bytes", eb);
		editbuf_set(eb, "");
	}
	editbuf_free(eb);
}

/* A paste in pieces, cut anywhere, gives what it gives in one piece. */
static void
test_pieces(void **state)
{
	struct editbuf	*whole, *eb;
	char		*text = mixed_text(20000);
	const char	*crlf = "a\r\nb\r\r\nc\r";
	size_t		 len = strlen(text), i, n, step;

	(void)state;
	whole = editbuf_new(NULL);
	assert_int_equal(editbuf_insert(whole, text, len), 0);

	for (step = 1; step <= 7; step++) {
		eb = editbuf_new(NULL);
		for (i = 0; i < len; i += n) {
			n = len - i < step ? len - i : step;
			assert_int_equal(editbuf_insert(eb, text + i, n), 0);
		}
		check_string("pieces", editbuf_text(eb), editbuf_text(whole));
		check_int("pieces cursor", (long)editbuf_cursor(eb),
		    (long)editbuf_len(eb));
		check_sane("pieces", eb);
		editbuf_free(eb);
	}

	/* CR LF cut between two pieces is one newline. */
	for (i = 0; i <= strlen(crlf); i++) {
		eb = editbuf_new(NULL);
		editbuf_insert(eb, crlf, i);
		editbuf_insert(eb, crlf + i, strlen(crlf) - i);
		check_string("crlf cut", editbuf_text(eb), "a\nb\n\nc\n");
		editbuf_free(eb);
	}

	/* A character cut short, then something else: U+FFFD. */
	eb = editbuf_new(NULL);
	editbuf_insert(eb, IN("ab\xd0"));
	check_string("held back", editbuf_text(eb), "ab");
	assert_int_equal(editbuf_left(eb), 0);
	check_string("given up", editbuf_text(eb), "ab" REPL);
	check_int("given up cursor", (long)editbuf_cursor(eb), 2);
	editbuf_end(eb);
	editbuf_insert(eb, IN("\xe2\x82"));
	editbuf_insert(eb, IN("x"));
	check_string("broken by ascii", editbuf_text(eb), "ab" REPL REPL "x");
	editbuf_insert(eb, IN("\xf0"));
	editbuf_insert(eb, IN("\x9f"));
	editbuf_insert(eb, IN("\x98"));
	editbuf_insert(eb, IN("\x80"));
	check_string("four pieces", editbuf_text(eb), "ab" REPL REPL "x" GRIN);
	editbuf_insert(eb, IN("\xe2"));
	assert_int_equal(editbuf_set(eb, "new"), 0);
	check_string("set drops it", editbuf_text(eb), "new");
	editbuf_insert(eb, IN("\r"));
	editbuf_left(eb);
	editbuf_insert(eb, IN("\n"));
	check_string("cr then key then lf", editbuf_text(eb), "new\n\n");
	editbuf_free(eb);

	editbuf_free(whole);
	free(text);
}

/* Typing: one key at a time, the cursor after each. */
static void
test_typing(void **state)
{
	struct editbuf	*eb = editbuf_new(NULL);
	const char	*keys[] = { "H", "i", " ", "\xd0\x96", GRIN, "e", ACUTE,
	    "!" };
	size_t		 i;
	char		*got;

	(void)state;
	assert_true(editbuf_is_empty(eb));
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		assert_int_equal(editbuf_insert(eb, keys[i], strlen(keys[i])),
		    0);
		check_int("cursor at end", (long)editbuf_cursor(eb),
		    (long)editbuf_len(eb));
	}
	check_string("typed", editbuf_text(eb), "Hi \xd0\x96" GRIN E_ACUTE "!");
	editbuf_left(eb);
	editbuf_left(eb);
	assert_int_equal(editbuf_newline(eb), 0);
	editbuf_insert(eb, IN("x"));
	got = marked_text(eb);
	check_string("in the middle", got, "Hi \xd0\x96" GRIN "\nx|" E_ACUTE
	    "!");
	free(got);
	assert_false(editbuf_is_empty(eb));
	editbuf_free(eb);
}

/* Left and right over a big paste: every stop, in order, both ways. */
static void
test_walk(void **state)
{
	struct editbuf	*eb;
	char		*text = mixed_text(60000);
	size_t		 len, pos, nstops = 0, i;
	size_t		*stops;

	(void)state;
	eb = editbuf_new(NULL);
	assert_int_equal(editbuf_insert(eb, text, strlen(text)), 0);
	len = editbuf_len(eb);
	check_string("pasted", editbuf_text(eb), text);

	stops = malloc((len + 1) * sizeof *stops);
	assert_non_null(stops);
	for (pos = 0; pos <= len; pos++) {
		if (is_stop(text, len, pos))
			stops[nstops++] = pos;
	}

	editbuf_top(eb);
	for (i = 1; i < nstops; i++) {
		assert_int_equal(editbuf_right(eb), 0);
		check_int("right", (long)editbuf_cursor(eb), (long)stops[i]);
	}
	assert_int_equal(editbuf_right(eb), -1);
	for (i = nstops - 1; i > 0; i--) {
		assert_int_equal(editbuf_left(eb), 0);
		check_int("left", (long)editbuf_cursor(eb), (long)stops[i - 1]);
	}
	assert_int_equal(editbuf_left(eb), -1);

	/* set_cursor falls back to the stop before. */
	for (pos = 0; pos <= len; pos += 7) {
		editbuf_set_cursor(eb, pos);
		assert_true(editbuf_cursor(eb) <= pos);
		assert_true(is_stop(text, len, editbuf_cursor(eb)));
	}
	free(stops);
	editbuf_free(eb);
	free(text);
}

/*
 * Deletes all over a big paste. Backspace and delete must take exactly the
 * cluster between two stops, whatever else has moved the gap.
 */
static void
test_deletes(void **state)
{
	struct editbuf	*eb;
	char		*text = mixed_text(30000), *want;
	size_t		 len, pos, from, to, i;
	uint64_t	 seed = 12345;

	(void)state;
	eb = editbuf_new(text);
	for (i = 0; i < 3000; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648u;
		len = editbuf_len(eb);
		editbuf_set_cursor(eb, (seed >> 8) % (len + 1));
		pos = editbuf_cursor(eb);
		free(text);
		text = strdup(editbuf_text(eb));
		assert_non_null(text);

		switch ((seed >> 4) % 6) {
		case 0:
		case 1:
			if (pos == 0) {
				assert_int_equal(editbuf_backspace(eb), -1);
				continue;
			}
			for (from = pos - 1; !is_stop(text, len, from); from--)
				;
			to = pos;
			assert_int_equal(editbuf_backspace(eb), 0);
			break;
		case 2:
		case 3:
			if (pos == len) {
				assert_int_equal(editbuf_delete(eb), -1);
				continue;
			}
			for (to = pos + 1; !is_stop(text, len, to); to++)
				;
			from = pos;
			assert_int_equal(editbuf_delete(eb), 0);
			break;
		case 4:
			editbuf_delete_word_back(eb);
			check_sane("word back", eb);
			continue;
		default:
			editbuf_insert(eb, mixed[i % (sizeof mixed /
			    sizeof mixed[0])], strlen(mixed[i %
			    (sizeof mixed / sizeof mixed[0])]));
			check_sane("insert", eb);
			continue;
		}
		want = malloc(len + 1);
		assert_non_null(want);
		memcpy(want, text, from);
		memcpy(want + from, text + to, len - to + 1);
		check_string("delete", editbuf_text(eb), want);
		check_sane("delete", eb);
		free(want);
	}
	free(text);
	editbuf_free(eb);
}

typedef int editbuf_op_cb(struct editbuf *);

struct op_case {
	const char	*name;
	const char	*before;	/* MARK is the cursor */
	editbuf_op_cb	*op;
	int		 ret;
	const char	*after;
};

static const struct op_case op_cases[] = {
	/* Marks move with their base. */
	{ "right over mark", "|" E_ACUTE "x", editbuf_right, 0,
	    E_ACUTE "|x" },
	{ "left over mark", E_ACUTE "|x", editbuf_left, 0, "|" E_ACUTE "x" },
	{ "left over marks", "a\xcc\x8a\xcc\x81|", editbuf_left, 0,
	    "|a\xcc\x8a\xcc\x81" },
	{ "right over zwj", "|" "\xf0\x9f\x91\xa8" ZWJ "\xf0\x9f\x91\xa9",
	    editbuf_right, 0, "\xf0\x9f\x91\xa8" ZWJ "|\xf0\x9f\x91\xa9" },
	{ "skin tone is wide", "|" THUMB "!", editbuf_right, 0,
	    "\xf0\x9f\x91\x8d|\xf0\x9f\x8f\xbd!" },
	{ "right over jamo", "|\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab" "x",
	    editbuf_right, 0, "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab|x" },
	{ "mark after newline", "a\n|" ACUTE "b", editbuf_right, 0,
	    "a\n" ACUTE "|b" },
	{ "right at end", "ab|", editbuf_right, -1, "ab|" },
	{ "left at start", "|ab", editbuf_left, -1, "|ab" },
	{ "right over newline", "a|\nb", editbuf_right, 0, "a\n|b" },

	/* Backspace and delete take what left and right pass. */
	{ "backspace mark", "x" E_ACUTE "|y", editbuf_backspace, 0, "x|y" },
	{ "backspace emoji", "a" GRIN "|", editbuf_backspace, 0, "a|" },
	{ "backspace cyrillic", "\xd0\xb4\xd0\xb0|", editbuf_backspace, 0,
	    "\xd0\xb4|" },
	{ "backspace newline", "a\n|b", editbuf_backspace, 0, "a|b" },
	{ "backspace at start", "|a", editbuf_backspace, -1, "|a" },
	{ "delete mark", "x|" E_ACUTE "y", editbuf_delete, 0, "x|y" },
	{ "delete polish", "|\xc5\xbc\xc3\xb3\xc5\x82w", editbuf_delete, 0,
	    "|\xc3\xb3\xc5\x82w" },
	{ "delete at end", "a|", editbuf_delete, -1, "a|" },
	{ "delete newline", "a|\nb", editbuf_delete, 0, "a|b" },
	{ "joined mark", "x\n|" ACUTE "y", editbuf_backspace, 0,
	    "x" ACUTE "|y" },

	/* Word movement: to the end of the next word, the start of the last. */
	{ "word right", "|hello world", editbuf_word_right, 0,
	    "hello| world" },
	{ "word right again", "hello| world", editbuf_word_right, 0,
	    "hello world|" },
	{ "word right punct", "|foo.bar", editbuf_word_right, 0, "foo|.bar" },
	{ "word right spaces", "|  foo  ", editbuf_word_right, 0, "  foo|  " },
	{ "word right at end", "foo  |", editbuf_word_right, -1, "foo  |" },
	{ "word right lines", "foo|\n\nbar", editbuf_word_right, 0,
	    "foo\n\nbar|" },
	{ "word right mark", "|caf" E_ACUTE " noir", editbuf_word_right, 0,
	    "caf" E_ACUTE "| noir" },
	{ "word right cyrillic", "|\xd0\xbf\xd1\x80\xd0\xb8 \xd0\xbc",
	    editbuf_word_right, 0, "\xd0\xbf\xd1\x80\xd0\xb8| \xd0\xbc" },
	{ "word right cjk punct", "|\xe6\x82\xa8\xe5\xa5\xbd\xef\xbc\x8c"
	    "\xe4\xb8\x96", editbuf_word_right, 0, "\xe6\x82\xa8\xe5\xa5\xbd|"
	    "\xef\xbc\x8c\xe4\xb8\x96" },
	{ "word right dash", "|a \xe2\x80\x94 b", editbuf_word_right, 0,
	    "a| \xe2\x80\x94 b" },
	{ "word right underscore", "|snake_case x", editbuf_word_right, 0,
	    "snake_case| x" },
	{ "word left", "hello world|", editbuf_word_left, 0, "hello |world" },
	{ "word left again", "hello |world", editbuf_word_left, 0,
	    "|hello world" },
	{ "word left punct", "foo.bar|", editbuf_word_left, 0, "foo.|bar" },
	{ "word left mark", "caf" E_ACUTE "|", editbuf_word_left, 0,
	    "|caf" E_ACUTE },
	{ "word left polish", "Za\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87 g|",
	    editbuf_word_left, 0, "Za\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87 |g" },
	{ "word left at start", "|foo", editbuf_word_left, -1, "|foo" },
	{ "word left emoji", "ok " GRIN "|", editbuf_word_left, 0,
	    "|ok " GRIN },

	/* Ctrl-W: white space, then up to the white space before. */
	{ "ctrl-w", "hello world|", editbuf_delete_word_back, 0, "hello |" },
	{ "ctrl-w spaces", "hello world  |", editbuf_delete_word_back, 0,
	    "hello |" },
	{ "ctrl-w punct", "see foo.bar/baz|", editbuf_delete_word_back, 0,
	    "see |" },
	{ "ctrl-w middle", "one two| three", editbuf_delete_word_back, 0,
	    "one | three" },
	{ "ctrl-w mid word", "one tw|o", editbuf_delete_word_back, 0,
	    "one |o" },
	{ "ctrl-w newline", "one\n|", editbuf_delete_word_back, 0, "|" },
	{ "ctrl-w nbsp", "a b" NBSP "c|", editbuf_delete_word_back, 0, "a |" },
	{ "ctrl-w cjk", "ok \xe6\x82\xa8\xe5\xa5\xbd|",
	    editbuf_delete_word_back, 0, "ok |" },
	{ "ctrl-w at start", "|one", editbuf_delete_word_back, -1, "|one" },

	/* Ctrl-U and Ctrl-K: the rest of the line, or the newline. */
	{ "ctrl-u", "abc\nde|f", editbuf_delete_line_start, 0, "abc\n|f" },
	{ "ctrl-u at line start", "abc\n|def", editbuf_delete_line_start, 0,
	    "abc|def" },
	{ "ctrl-u at start", "|abc", editbuf_delete_line_start, -1, "|abc" },
	{ "ctrl-u one line", "abc|", editbuf_delete_line_start, 0, "|" },
	{ "ctrl-k", "a|bc\ndef", editbuf_delete_line_end, 0, "a|\ndef" },
	{ "ctrl-k at line end", "abc|\ndef", editbuf_delete_line_end, 0,
	    "abc|def" },
	{ "ctrl-k at end", "abc|", editbuf_delete_line_end, -1, "abc|" },
	{ "ctrl-k wide", "|" NIHON GO, editbuf_delete_line_end, 0, "|" },

	/* Home and end of the line, top and bottom of the text. */
	{ "home", "abc\nde|f", editbuf_home, 0, "abc\n|def" },
	{ "home there", "abc\n|def", editbuf_home, -1, "abc\n|def" },
	{ "end", "a|bc\ndef", editbuf_end, 0, "abc|\ndef" },
	{ "end last line", "abc\nd|ef", editbuf_end, 0, "abc\ndef|" },
	{ "end empty line", "abc\n|\ndef", editbuf_end, -1, "abc\n|\ndef" },
	{ "top", "abc\nd|ef", editbuf_top, 0, "|abc\ndef" },
	{ "bottom", "a|bc\ndef", editbuf_bottom, 0, "abc\ndef|" },
	{ "bottom there", "abc|", editbuf_bottom, -1, "abc|" },
	{ "newline", "ab|cd", editbuf_newline, 0, "ab\n|cd" },
};

static void
test_ops(void **state)
{
	struct editbuf	*eb;
	unsigned long	 gen;
	size_t		 i;
	char		*got, *before, *after;

	(void)state;
	for (i = 0; i < sizeof op_cases / sizeof op_cases[0]; i++) {
		const struct op_case *c = &op_cases[i];

		eb = marked_new(c->before);
		gen = editbuf_generation(eb);
		check_int(c->name, c->op(eb), c->ret);
		got = marked_text(eb);
		check_string(c->name, got, c->after);
		check_sane(c->name, eb);

		free(got);

		/* The counter moves when the text does, and only then. */
		before = unmarked(c->before);
		after = unmarked(c->after);
		check_int(c->name, editbuf_generation(eb) != gen,
		    strcmp(before, after) != 0);
		free(before);
		free(after);
		editbuf_free(eb);
	}
}

/* Rows of the view as strings, each with its newline if it has one. */
static void
check_rows(const char *what, const struct editbuf *eb, int width,
    const char *const *want)
{
	struct editbuf_view	 v;
	const char		*s = editbuf_text(eb);
	size_t			 i, n = 0;
	char			*got;

	while (want[n] != NULL)
		n++;
	editbuf_layout(eb, width, &v);
	check_int(what, (long)v.nrows, (long)n);
	for (i = 0; i < v.nrows && i < n; i++) {
		const struct editbuf_row *r = &v.rows[i];

		got = malloc(r->end - r->start + 2);
		assert_non_null(got);
		memcpy(got, s + r->start, r->end - r->start);
		got[r->end - r->start] = '\0';
		if (r->newline)
			strcat(got, "\n");
		check_string(what, got, want[i]);
		free(got);
	}
	editbuf_view_free(&v);
}

#define MAX_ROWS 8

struct wrap_case {
	const char	*name;
	const char	*in;
	int		 width;
	const char	*want[MAX_ROWS];	/* ends at the first NULL */
};

static const struct wrap_case wrap_cases[] = {
	{ "empty", "", 10, { "" } },
	{ "fits", "hello", 10, { "hello" } },
	{ "words", "the quick brown fox", 10, { "the quick ", "brown fox" } },
	{ "words exact", "the quick brown fox", 9,
	    { "the ", "quick ", "brown fox", "" } },
	{ "long word", "abcdefghij", 4, { "abcd", "efgh", "ij" } },
	{ "word then long", "a abcdefghij", 4, { "a ", "abcd", "efgh", "ij" } },
	{ "full row", "abcd", 4, { "abcd", "" } },
	{ "full then space", "abcd efg", 4, { "abcd", " efg", "" } },
	{ "space run", "a    b", 3, { "a  ", "  b", "" } },
	{ "newlines", "a\n\nb\n", 5, { "a\n", "\n", "b\n", "" } },
	{ "full line", "abcd\nx", 4, { "abcd", "\n", "x" } },
	{ "wide", NIHON GO "\xe3\x81\xa7\xe3\x81\x99", 5,
	    { NIHON, GO "\xe3\x81\xa7", "\xe3\x81\x99" } },
	{ "wide after latin", "ab" NIHON, 3, { "ab", "\xe6\x97\xa5",
	    "\xe6\x9c\xac" } },
	{ "wide odd edge", "a" NIHON, 2, { "a", "\xe6\x97\xa5",
	    "\xe6\x9c\xac", "" } },
	{ "emoji", "hi " GRIN GRIN, 4, { "hi ", GRIN GRIN, "" } },
	{ "marks stay", E_ACUTE E_ACUTE E_ACUTE, 2, { E_ACUTE E_ACUTE,
	    E_ACUTE } },
	{ "nbsp holds", "a b" NBSP "c", 4, { "a ", "b" NBSP "c" } },
	{ "tab", "a\tb", 12, { "a\tb" } },
	{ "tab clipped", "abcdefgh\tx", 9, { "abcdefgh\t", "x" } },
	{ "tab fills", "abc\t", 6, { "abc\t", "" } },
	{ "too wide", GRIN "a", 1, { GRIN, "a", "" } },
};

static void
test_wrap(void **state)
{
	struct editbuf	*eb;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		eb = editbuf_new(wrap_cases[i].in);
		check_rows(wrap_cases[i].name, eb, wrap_cases[i].width,
		    wrap_cases[i].want);
		editbuf_free(eb);
	}
}

/*
 * For a big mixed text at many widths: the rows are the text, in order,
 * each at most width columns as drawn, none starting inside a cluster; and
 * the cursor, wherever it is, shows on a column that exists.
 */
static void
test_layout(void **state)
{
	struct editbuf		*eb;
	struct editbuf_view	 v;
	char			*text = mixed_text(6000), *line;
	const char		*s;
	size_t			 len, i, pos, next;
	int			 width;

	(void)state;
	eb = editbuf_new(text);
	s = editbuf_text(eb);
	len = editbuf_len(eb);
	for (width = 2; width <= 90; width++) {
		editbuf_layout(eb, width, &v);
		check_int("width", v.width, width);
		assert_true(v.nrows > 0);
		check_int("first row", (long)v.rows[0].start, 0);
		for (i = 0; i < v.nrows; i++) {
			const struct editbuf_row *r = &v.rows[i];

			assert_true(r->start <= r->end);
			assert_null(memchr(s + r->start, '\n',
			    r->end - r->start));
			assert_true(is_stop(s, len, r->start));
			assert_true(r->cols <= width);
			line = editbuf_view_line(eb, &v, i);
			check_int("drawn width", text_width(line), r->cols);
			free(line);
			next = i + 1 < v.nrows ? v.rows[i + 1].start : len;
			check_int("contiguous", (long)next,
			    (long)(r->end + (r->newline ? 1 : 0)));
			if (r->newline)
				check_int("newline", s[r->end], '\n');
			else if (i + 1 < v.nrows)
				assert_true(r->end > r->start ||
				    v.rows[i + 1].start == r->end);
		}
		check_int("last row", (long)v.rows[v.nrows - 1].end,
		    (long)len);
		editbuf_view_free(&v);
	}

	/* The cursor's row holds it, and its column is on screen. */
	for (pos = 0; pos <= len; pos += 3) {
		editbuf_set_cursor(eb, pos);
		editbuf_layout(eb, 37, &v);
		assert_true(v.cursor_row < v.nrows);
		assert_true(v.rows[v.cursor_row].start <= editbuf_cursor(eb));
		assert_true(editbuf_cursor(eb) <= v.rows[v.cursor_row].end);
		assert_true(v.cursor_col >= 0 && v.cursor_col < 37);
		editbuf_view_free(&v);
	}
	editbuf_free(eb);
	free(text);
}

/* Layout reads the text across the gap as well as with it closed. */
static void
test_layout_gap(void **state)
{
	struct editbuf		*eb;
	struct editbuf_view	 open, closed;
	char			*text = mixed_text(3000), *a, *b;
	size_t			 i;

	(void)state;
	eb = editbuf_new(text);
	editbuf_set_cursor(eb, 1500);
	editbuf_insert(eb, IN("x"));
	editbuf_backspace(eb);		/* the gap is at 1500 now */
	editbuf_layout(eb, 23, &open);
	a = malloc(open.nrows * 256);
	assert_non_null(a);
	for (i = 0; i < open.nrows; i++) {
		b = editbuf_view_line(eb, &open, i);
		strcpy(a + i * 256, b);
		free(b);
	}
	check_string("text", editbuf_text(eb), text);
	editbuf_layout(eb, 23, &closed);
	check_int("rows", (long)open.nrows, (long)closed.nrows);
	assert_memory_equal(open.rows, closed.rows,
	    open.nrows * sizeof *open.rows);
	check_int("cursor row", (long)open.cursor_row,
	    (long)closed.cursor_row);
	check_int("cursor col", open.cursor_col, closed.cursor_col);
	for (i = 0; i < closed.nrows; i++) {
		b = editbuf_view_line(eb, &closed, i);
		check_string("line", a + i * 256, b);
		free(b);
	}
	free(a);
	editbuf_view_free(&open);
	editbuf_view_free(&closed);

	/* Nothing to lay out in, or nowhere to go: still a sane answer. */
	editbuf_layout(eb, 0, &open);
	check_int("width 0", open.width, 1);
	editbuf_view_free(&open);
	assert_int_equal(editbuf_down(eb, -5), 0);
	check_sane("width -5", eb);
	editbuf_set_cursor(eb, (size_t)-1);
	check_int("past the end", (long)editbuf_cursor(eb),
	    (long)editbuf_len(eb));
	editbuf_free(eb);
	editbuf_free(NULL);
	free(text);
}

static void
test_view_line(void **state)
{
	struct editbuf		*eb;
	struct editbuf_view	 v;
	char			*line;

	(void)state;
	eb = editbuf_new("a\tb " NIHON "\n\tx\nabcdefgh\tx");
	editbuf_layout(eb, 9, &v);
	check_int("rows", (long)v.nrows, 6);
	line = editbuf_view_line(eb, &v, 0);
	check_string("tab to 8", line, "a       ");
	free(line);
	line = editbuf_view_line(eb, &v, 1);
	check_string("wrapped", line, "b " NIHON);
	free(line);
	line = editbuf_view_line(eb, &v, 2);
	check_string("tab first", line, "        x");
	free(line);
	line = editbuf_view_line(eb, &v, 3);
	check_string("full row", line, "");
	free(line);
	line = editbuf_view_line(eb, &v, 4);
	check_string("tab clipped", line, "abcdefgh ");
	free(line);
	editbuf_view_free(&v);
	editbuf_free(eb);
}

/* Where the cursor shows: row and column. */
static void
check_cursor_at(const char *what, const struct editbuf *eb, int width,
    long row, long col)
{
	struct editbuf_view	v;

	editbuf_layout(eb, width, &v);
	check_int(what, (long)v.cursor_row, row);
	check_int(what, v.cursor_col, col);
	editbuf_view_free(&v);
}

struct updown_step {
	int	down;
	int	ret;
	long	row;
	long	col;
};

/*
 * At width 6 the text is these rows:
 *	0 abcdef	4 (empty, after the full row above)
 *	1 ghij		5 xy
 *	2 日本語		6 abcdef
 *	3 日本語		7 (empty)
 * From column 3 of row 0, down and back up, the goal column stays 3: it
 * lands before a wide character it cannot reach, and at the end of a
 * short line.
 */
static const struct updown_step updown_steps[] = {
	{ 1, 0, 1, 3 }, { 1, 0, 2, 2 }, { 1, 0, 3, 2 }, { 1, 0, 4, 0 },
	{ 1, 0, 5, 2 }, { 1, 0, 6, 3 }, { 1, 0, 7, 0 }, { 1, -1, 7, 0 },
	{ 0, 0, 6, 3 }, { 0, 0, 5, 2 }, { 0, 0, 4, 0 }, { 0, 0, 3, 2 },
	{ 0, 0, 2, 2 }, { 0, 0, 1, 3 }, { 0, 0, 0, 3 }, { 0, 0, 0, 0 },
	{ 0, -1, 0, 0 }, { 1, 0, 1, 3 },
};

static void
test_up_down(void **state)
{
	struct editbuf	*eb;
	size_t		 i;
	char		 what[32];

	(void)state;
	eb = editbuf_new("abcdefghij\n" NIHON GO NIHON GO "\nxy\nabcdef");
	editbuf_set_cursor(eb, 3);
	check_cursor_at("start", eb, 6, 0, 3);
	for (i = 0; i < sizeof updown_steps / sizeof updown_steps[0]; i++) {
		const struct updown_step *st = &updown_steps[i];

		snprintf(what, sizeof what, "step %zu", i);
		if (st->down)
			check_int(what, editbuf_down(eb, 6), st->ret);
		else
			check_int(what, editbuf_up(eb, 6), st->ret);
		check_cursor_at(what, eb, 6, st->row, st->col);
		check_sane(what, eb);
	}

	/* A move across sets a new goal. */
	editbuf_set_cursor(eb, 5);
	editbuf_down(eb, 6);
	check_cursor_at("goal 5", eb, 6, 1, 4);
	editbuf_left(eb);
	editbuf_up(eb, 6);
	check_cursor_at("goal 3", eb, 6, 0, 3);

	/* Wide rows: the goal is kept across a column they cannot hold. */
	editbuf_set(eb, "abc\n" NIHON GO "\nabc");
	editbuf_top(eb);
	editbuf_right(eb);
	editbuf_down(eb, 10);
	check_cursor_at("wide", eb, 10, 1, 0);
	editbuf_down(eb, 10);
	check_cursor_at("back to 1", eb, 10, 2, 1);
	editbuf_free(eb);
}

/* The limit: a piece that does not fit is refused whole. */
static void
test_limit(void **state)
{
	struct editbuf	*eb;
	unsigned long	 gen;
	char		*big;
	size_t		 i;

	(void)state;
	eb = editbuf_new(NULL);
	editbuf_set_max(eb, 10);
	assert_int_equal(editbuf_insert(eb, IN("0123456789")), 0);
	gen = editbuf_generation(eb);
	assert_int_equal(editbuf_insert(eb, IN("a")), -1);
	assert_int_equal(editbuf_newline(eb), -1);
	check_string("full", editbuf_text(eb), "0123456789");
	check_int("no change", (long)editbuf_generation(eb), (long)gen);
	assert_int_equal(editbuf_insert(eb, IN("\x01\x02\033")), 0);
	check_int("nothing to insert", (long)editbuf_generation(eb),
	    (long)gen);
	editbuf_backspace(eb);
	assert_int_equal(editbuf_insert(eb, IN("\xc3\xa9")), -1);
	assert_int_equal(editbuf_insert(eb, IN("x\r\n")), -1);
	check_string("one byte free", editbuf_text(eb), "012345678");
	assert_int_equal(editbuf_insert(eb, IN("\a\r\n\a")), 0);
	check_string("fits sanitized", editbuf_text(eb), "012345678\n");
	assert_int_equal(editbuf_set(eb, "01234567890"), -1);
	check_string("set refused", editbuf_text(eb), "012345678\n");
	assert_int_equal(editbuf_set(eb, "012\xff"), 0);
	check_string("set", editbuf_text(eb), "012" REPL);
	editbuf_free(eb);

	/* The default, a paste that passes it, and a draft that does. */
	big = malloc(EDITBUF_MAX + 8);
	assert_non_null(big);
	memset(big, 'a', EDITBUF_MAX + 1);
	eb = editbuf_new(NULL);
	assert_int_equal(editbuf_insert(eb, big, EDITBUF_MAX + 1), -1);
	check_int("refused whole", (long)editbuf_len(eb), 0);
	assert_int_equal(editbuf_insert(eb, big, EDITBUF_MAX), 0);
	assert_int_equal(editbuf_insert(eb, IN("b")), -1);
	editbuf_free(eb);
	big[EDITBUF_MAX + 1] = '\0';
	eb = editbuf_new(big);
	check_int("ascii draft cut", (long)editbuf_len(eb), EDITBUF_MAX);
	editbuf_free(eb);

	for (i = 1; i + 2 <= EDITBUF_MAX + 4; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[i] = '\0';
	eb = editbuf_new(big);
	check_int("draft cut", (long)editbuf_len(eb), EDITBUF_MAX - 1);
	check_sane("draft cut", eb);
	check_int("draft generation", (long)editbuf_generation(eb), 0);
	editbuf_free(eb);
	free(big);
}

static void
test_generation(void **state)
{
	struct editbuf	*eb = editbuf_new("hello");
	unsigned long		 gen = editbuf_generation(eb);
	struct editbuf_view	 v;

	(void)state;
	editbuf_left(eb);
	editbuf_word_left(eb);
	editbuf_end(eb);
	editbuf_down(eb, 10);
	editbuf_layout(eb, 10, &v);
	editbuf_view_free(&v);
	editbuf_text(eb);
	check_int("moves", (long)editbuf_generation(eb), (long)gen);
	editbuf_insert(eb, IN("!"));
	assert_true(editbuf_generation(eb) != gen);
	gen = editbuf_generation(eb);
	editbuf_insert(eb, IN(""));
	editbuf_delete(eb);
	editbuf_set(eb, "hello!");
	check_int("no-ops", (long)editbuf_generation(eb), (long)gen);
	editbuf_set(eb, "bye");
	assert_true(editbuf_generation(eb) != gen);
	gen = editbuf_generation(eb);
	editbuf_backspace(eb);
	assert_true(editbuf_generation(eb) != gen);
	editbuf_free(eb);
}

struct empty_case {
	const char	*in;
	int		 empty;
};

static const struct empty_case empty_cases[] = {
	{ "", 1 },
	{ " ", 1 },
	{ " \n\t\n ", 1 },
	{ NBSP "\xe3\x80\x80\xe2\x80\x83", 1 },	/* no-break, ideographic, em */
	{ "\xe2\x80\x8b\xef\xbb\xbf" ZWJ, 1 },	/* zero width, BOM, ZWJ */
	{ "\r\n\a", 1 },
	{ RLO, 1 },
	{ ".", 0 },
	{ "  x  ", 0 },
	{ ACUTE, 0 },
	{ "\xff", 0 },
};

static void
test_is_empty(void **state)
{
	struct editbuf	*eb;
	size_t		 i;
	char		*name;

	(void)state;
	for (i = 0; i < sizeof empty_cases / sizeof empty_cases[0]; i++) {
		eb = editbuf_new(empty_cases[i].in);
		name = check_escape(empty_cases[i].in);
		check_int(name, editbuf_is_empty(eb), empty_cases[i].empty);
		free(name);
		editbuf_free(eb);
	}
}

/*
 * A megabyte pasted a byte at a time into the middle of a draft, as a
 * terminal may hand it over: the same text as in one call, and quick
 * (quadratic work would take minutes here, not milliseconds).
 */
static void
test_big_paste(void **state)
{
	struct editbuf	*one, *bytes;
	char		*text = mixed_text(1 << 20);
	size_t		 len = strlen(text), i;

	(void)state;
	one = editbuf_new("Dear customer,\n\nRegards\n");
	bytes = editbuf_new("Dear customer,\n\nRegards\n");
	editbuf_set_max(one, 4 << 20);
	editbuf_set_max(bytes, 4 << 20);
	editbuf_set_cursor(one, 16);
	editbuf_set_cursor(bytes, 16);
	assert_int_equal(editbuf_insert(one, text, len), 0);
	for (i = 0; i < len; i++)
		assert_int_equal(editbuf_insert(bytes, text + i, 1), 0);
	check_int("same length", (long)editbuf_len(bytes),
	    (long)editbuf_len(one));
	assert_memory_equal(editbuf_text(bytes), editbuf_text(one),
	    editbuf_len(one));
	check_int("cursor after", (long)editbuf_cursor(bytes), 16 + (long)len);
	editbuf_free(one);
	editbuf_free(bytes);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_all_bytes),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_deletes),
		cmocka_unit_test(test_ops),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_layout_gap),
		cmocka_unit_test(test_view_line),
		cmocka_unit_test(test_up_down),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_generation),
		cmocka_unit_test(test_is_empty),
		cmocka_unit_test(test_big_paste),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
