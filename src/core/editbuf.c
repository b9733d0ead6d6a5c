/* The reply editor's text: a gap buffer of sanitized UTF-8 and its cursor. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/editbuf.h"
#include "core/text.h"
#include "xmalloc.h"

/*
 * The text lives in buf with a gap at offset gap: bytes before the gap are
 * in place, bytes after it are shifted up by gaplen. Edits happen at the
 * gap, so a run of keys or pieces of a paste at one place moves nothing;
 * the gap moves only when an edit comes somewhere else, or when the text is
 * read whole. It always sits on a character boundary, so no character
 * straddles it. It is never empty: a NUL goes there when the text is read.
 *
 * Everything in buf is valid UTF-8 that editbuf_put let in, so reading it
 * back needs no checks.
 */
struct editbuf {
	char		*buf;
	size_t		 size;
	size_t		 gap;
	size_t		 gaplen;
	size_t		 cursor;
	size_t		 max;
	unsigned long	 generation;
	int		 goal;		/* column up and down aim for, or -1 */
	int		 after_cr;	/* the last insert ended in a CR */
	unsigned char	 held[4];	/* a character cut at its end */
	size_t		 nheld;
};

/* Flags for editbuf_put. */
#define EDITBUF_FINAL	0x1	/* nothing follows: hold nothing back */
#define EDITBUF_CUT	0x2	/* past the limit, keep what fits */

#define EDITBUF_REPL	"\xef\xbf\xbd"	/* U+FFFD */

/* An insertion in progress: bytes written to the gap but not yet kept. */
struct editbuf_put {
	struct editbuf	*eb;
	size_t		 out;
	size_t		 room;		/* bytes the limit allows */
};


/* Punctuation and symbols outside ASCII: they end words, as ASCII ones do. */
static const struct text_range editbuf_not_word[] = {
	{ 0x00a1, 0x00a9 }, { 0x00ab, 0x00b4 }, { 0x00b6, 0x00b9 },
	{ 0x00bb, 0x00bf }, { 0x00d7, 0x00d7 }, { 0x00f7, 0x00f7 },
	{ 0x037e, 0x037e }, { 0x0387, 0x0387 }, { 0x055a, 0x055f },
	{ 0x0589, 0x058a }, { 0x05be, 0x05be }, { 0x05c0, 0x05c0 },
	{ 0x05c3, 0x05c3 }, { 0x05c6, 0x05c6 }, { 0x05f3, 0x05f4 },
	{ 0x060c, 0x060d }, { 0x061b, 0x061b }, { 0x061d, 0x061f },
	{ 0x066a, 0x066d }, { 0x06d4, 0x06d4 }, { 0x0964, 0x0965 },
	{ 0x0e4f, 0x0e4f }, { 0x0e5a, 0x0e5b }, { 0x2010, 0x2027 },
	{ 0x2030, 0x205e }, { 0x20a0, 0x20cf }, { 0x2190, 0x2bff },
	{ 0x2e00, 0x2e7f }, { 0x3001, 0x3003 }, { 0x3008, 0x3011 },
	{ 0x3014, 0x301f }, { 0x30fb, 0x30fb }, { 0xfe10, 0xfe19 },
	{ 0xfe30, 0xfe4f }, { 0xfe50, 0xfe6b }, { 0xff01, 0xff0f },
	{ 0xff1a, 0xff20 }, { 0xff3b, 0xff40 }, { 0xff5b, 0xff65 },
	{ 0xfffc, 0xfffd }, { 0x1f000, 0x1faff },
};


/* White space, and the invisible characters that a blank reply hides in. */
static int
editbuf_is_blank(uint32_t cp)
{
	return (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x00a0 ||
	    cp == 0x1680 || cp == 0x180e || (cp >= 0x2000 && cp <= 0x200d) ||
	    cp == 0x202f || cp == 0x205f || cp == 0x2060 || cp == 0x3000 ||
	    cp == 0xfeff);
}

/* White space a row may break after: not the no-break spaces. */
static int
editbuf_is_break_space(uint32_t cp)
{
	return (cp == ' ' || cp == '\t' || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200b && cp != 0x2007) || cp == 0x205f ||
	    cp == 0x3000);
}

/* What delete word back deletes up to: white space but a no-break space. */
static int
editbuf_is_not_space(uint32_t cp)
{
	return (cp != '\n' && !editbuf_is_break_space(cp));
}

/* Letters, digits and the underscore, in any script. */
static int
editbuf_is_word(uint32_t cp)
{
	if (cp < 0x80) {
		return ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z') || cp == '_');
	}
	return (!editbuf_is_blank(cp) && !text_in_table(cp,
	    editbuf_not_word, sizeof editbuf_not_word /
	    sizeof editbuf_not_word[0]));
}

/* The bidi embeddings, overrides and isolates, which reorder what follows. */
static int
editbuf_is_bidi(uint32_t cp)
{
	return ((cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069));
}

/* Bytes of the sequence a lead byte starts, as text_utf8_decode reads it. */
static size_t
editbuf_seq_len(unsigned char lead)
{
	if (lead >= 0xc2 && lead <= 0xdf)
		return (2);
	if (lead >= 0xe0 && lead <= 0xef)
		return (3);
	if (lead >= 0xf0 && lead <= 0xf4)
		return (4);
	return (1);
}

static size_t
editbuf_length(const struct editbuf *eb)
{
	return (eb->size - eb->gaplen);
}

static unsigned char
editbuf_byte(const struct editbuf *eb, size_t pos)
{
	if (pos >= eb->gap)
		pos += eb->gaplen;
	return ((unsigned char)eb->buf[pos]);
}

/* Decodes the character at pos, which is before the end; returns its size. */
static size_t
editbuf_decode(const struct editbuf *eb, size_t pos, uint32_t *cp)
{
	const char	*s;
	size_t		 avail;

	if (pos < eb->gap) {
		s = eb->buf + pos;
		avail = eb->gap - pos;
	} else {
		s = eb->buf + pos + eb->gaplen;
		avail = eb->size - pos - eb->gaplen;
	}
	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return (1);
	}
	return (text_utf8_decode(s, avail, cp));
}

/* Copies the text from..to into out, across the gap. */
static void
editbuf_copy(const struct editbuf *eb, size_t from, size_t to, char *out)
{
	size_t	n;

	if (from < eb->gap) {
		n = (to < eb->gap ? to : eb->gap) - from;
		memcpy(out, eb->buf + from, n);
		out += n;
		from += n;
	}
	if (from < to)
		memcpy(out, eb->buf + from + eb->gaplen, to - from);
}

static void
editbuf_move_gap(struct editbuf *eb, size_t pos)
{
	if (pos < eb->gap) {
		memmove(eb->buf + pos + eb->gaplen, eb->buf + pos,
		    eb->gap - pos);
	} else if (pos > eb->gap) {
		memmove(eb->buf + eb->gap, eb->buf + eb->gap + eb->gaplen,
		    pos - eb->gap);
	}
	eb->gap = pos;
}

/*
 * Makes the gap longer than need bytes, keeping what is written at its
 * start. The buffer at least doubles, so growing costs O(1) a byte.
 */
static void
editbuf_grow(struct editbuf *eb, size_t need)
{
	size_t	size, tail;

	if (eb->gaplen > need)
		return;
	if (need >= SIZE_MAX / 4 || eb->size >= SIZE_MAX / 4)
		size = SIZE_MAX;	/* never granted: xrealloc says so */
	else {
		size = eb->size * 2;
		if (size - editbuf_length(eb) <= need)
			size = editbuf_length(eb) + need + 1;
	}
	tail = eb->size - eb->gap - eb->gaplen;
	eb->buf = xrealloc(eb->buf, size);
	memmove(eb->buf + size - tail, eb->buf + eb->gap + eb->gaplen, tail);
	eb->gaplen += size - eb->size;
	eb->size = size;
}

/*
 * Whether the cursor may rest at pos, a character boundary: not between a
 * character and the zero-width marks that go with it. A mark at the start
 * of a line has nothing to go with and stands alone.
 */
static int
editbuf_is_stop(const struct editbuf *eb, size_t pos)
{
	uint32_t	cp;

	if (pos == 0 || pos >= editbuf_length(eb))
		return (1);
	if (editbuf_byte(eb, pos - 1) == '\n')
		return (1);
	editbuf_decode(eb, pos, &cp);
	return (text_cp_width(cp) != 0);
}

/* The end of the cluster at pos, a stop before the end; *cp is its base. */
static size_t
editbuf_next(const struct editbuf *eb, size_t pos, uint32_t *cp)
{
	uint32_t	mark;

	pos += editbuf_decode(eb, pos, cp);
	while (!editbuf_is_stop(eb, pos))
		pos += editbuf_decode(eb, pos, &mark);
	return (pos);
}

/* The stop before pos, which is above 0; *cp is the base of its cluster. */
static size_t
editbuf_prev(const struct editbuf *eb, size_t pos, uint32_t *cp)
{
	do {
		pos--;
		while (pos > 0 && (editbuf_byte(eb, pos) & 0xc0) == 0x80)
			pos--;
	} while (!editbuf_is_stop(eb, pos));
	editbuf_decode(eb, pos, cp);
	return (pos);
}

static size_t
editbuf_line_start(const struct editbuf *eb, size_t pos)
{
	while (pos > 0 && editbuf_byte(eb, pos - 1) != '\n')
		pos--;
	return (pos);
}

static size_t
editbuf_line_end(const struct editbuf *eb, size_t pos)
{
	const char	*nl;
	size_t		 len = editbuf_length(eb);

	if (pos < eb->gap) {
		nl = memchr(eb->buf + pos, '\n', eb->gap - pos);
		if (nl != NULL)
			return ((size_t)(nl - eb->buf));
		pos = eb->gap;
	}
	nl = memchr(eb->buf + pos + eb->gaplen, '\n', len - pos);
	if (nl == NULL)
		return (len);
	return ((size_t)(nl - eb->buf) - eb->gaplen);
}

/* Moves the cursor off a place it may not rest, as after an edit. */
static void
editbuf_snap(struct editbuf *eb)
{
	uint32_t	cp;

	if (!editbuf_is_stop(eb, eb->cursor))
		eb->cursor = editbuf_next(eb, eb->cursor, &cp);
}

/* Writes n bytes into the gap, or fails if the limit is in the way. */
static int
editbuf_emit(struct editbuf_put *put, const char *s, size_t n)
{
	struct editbuf	*eb = put->eb;

	if (n > put->room - put->out)
		return (-1);
	editbuf_grow(eb, put->out + n);
	memcpy(eb->buf + eb->gap + put->out, s, n);
	put->out += n;
	return (0);
}

/* Writes one decoded character of used bytes at s, as sanitizing says. */
static int
editbuf_emit_cp(struct editbuf_put *put, uint32_t cp, const char *s,
    size_t used)
{
	if (cp == 0xfffd)
		return (editbuf_emit(put, EDITBUF_REPL, 3));
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return (0);
	if (cp == 0x2028 || cp == 0x2029)
		return (editbuf_emit(put, "\n", 1));
	if (editbuf_is_bidi(cp))
		return (0);
	return (editbuf_emit(put, s, used));
}

/* Printable ASCII, newline and tab: bytes that go in as they are. */
static int
editbuf_is_plain(unsigned char c)
{
	return ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t');
}

/*
 * Sanitizes len bytes at s into the gap at the cursor, then keeps them all,
 * or with EDITBUF_CUT as many as fit; otherwise, if they pass the limit,
 * keeps none and returns -1. Without EDITBUF_FINAL, a character cut at the
 * end is held back for the next call, and a CR at the end is remembered so
 * an LF starting the next call does not make a second newline.
 */
static int
editbuf_put(struct editbuf *eb, const char *s, size_t len, int flags)
{
	struct editbuf_put	 put;
	unsigned char		 tmp[4], held[4] = { 0, 0, 0, 0 };
	size_t			 i = 0, n, used, take, nheld = 0, textlen;
	uint32_t		 cp;
	int			 after_cr = 0, error = 0;

	textlen = editbuf_length(eb);
	put.eb = eb;
	put.out = 0;
	put.room = eb->max > textlen ? eb->max - textlen : 0;
	editbuf_move_gap(eb, eb->cursor);
	editbuf_grow(eb, len < put.room ? len : put.room);

	if (eb->nheld > 0) {
		memcpy(tmp, eb->held, eb->nheld);
		take = len < 4 - eb->nheld ? len : 4 - eb->nheld;
		memcpy(tmp + eb->nheld, s, take);
		n = eb->nheld + take;
		used = text_utf8_decode((const char *)tmp, n, &cp);
		if (used == n && n < editbuf_seq_len(tmp[0]) &&
		    (~flags & EDITBUF_FINAL)) {
			memcpy(held, tmp, n);
			nheld = n;
			i = len;
		} else {
			/* Held bytes are a valid start: used covers them. */
			error = editbuf_emit_cp(&put, cp, (const char *)tmp,
			    used);
			i = used - eb->nheld;
		}
	} else if (eb->after_cr && len > 0 && s[0] == '\n')
		i = 1;

	while (i < len && error == 0) {
		if (editbuf_is_plain((unsigned char)s[i])) {
			for (n = 1; i + n < len; n++) {
				if (!editbuf_is_plain((unsigned char)s[i + n]))
					break;
			}
			error = editbuf_emit(&put, s + i, n);
			if (error != 0 && (flags & EDITBUF_CUT)) {
				n = put.room - put.out;
				(void)editbuf_emit(&put, s + i, n);
			}
			i += n;
			continue;
		}
		if (s[i] == '\r') {
			error = editbuf_emit(&put, "\n", 1);
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			else if (i + 1 == len && (~flags & EDITBUF_FINAL))
				after_cr = 1;
			i++;
			continue;
		}
		used = text_utf8_decode(s + i, len - i, &cp);
		if (used == len - i && cp == 0xfffd &&
		    used < editbuf_seq_len((unsigned char)s[i]) &&
		    (~flags & EDITBUF_FINAL)) {
			memcpy(held, s + i, used);
			nheld = used;
			break;
		}
		error = editbuf_emit_cp(&put, cp, s + i, used);
		i += used;
	}
	if (error != 0 && (~flags & EDITBUF_CUT))
		return (-1);

	if (put.out > 0) {
		eb->gap += put.out;
		eb->gaplen -= put.out;
		eb->cursor = eb->gap;
		eb->generation++;
		editbuf_snap(eb);
	}
	memcpy(eb->held, held, nheld);
	eb->nheld = nheld;
	eb->after_cr = after_cr;
	eb->goal = -1;
	return (0);
}

/*
 * Ends a run of inserts before any other call: a character still held back
 * will never be finished, so it becomes U+FFFD (if it fits).
 */
static void
editbuf_settle(struct editbuf *eb)
{
	eb->after_cr = 0;
	if (eb->nheld == 0)
		return;
	eb->nheld = 0;
	(void)editbuf_put(eb, EDITBUF_REPL, 3, EDITBUF_FINAL);
}

/*
 * Deletes the text from..to, stops one of which is the cursor, and leaves
 * the cursor at from, or after the cluster that from now falls inside.
 */
static void
editbuf_remove(struct editbuf *eb, size_t from, size_t to)
{
	if (eb->gap == to)
		eb->gap = from;
	else
		editbuf_move_gap(eb, from);
	eb->gaplen += to - from;
	eb->cursor = from;
	eb->generation++;
	eb->goal = -1;
	editbuf_snap(eb);
}

static void
editbuf_init(struct editbuf *eb, size_t max)
{
	memset(eb, 0, sizeof *eb);
	eb->size = 64;
	eb->buf = xmalloc(eb->size);
	eb->gaplen = eb->size;
	eb->max = max;
	eb->goal = -1;
}

/* Returns a new buffer holding initial, cut to fit; the caller frees it. */
struct editbuf *
editbuf_new(const char *initial)
{
	struct editbuf	*eb = xmalloc(sizeof *eb);

	editbuf_init(eb, EDITBUF_MAX);
	if (initial != NULL) {
		(void)editbuf_put(eb, initial, strlen(initial),
		    EDITBUF_FINAL | EDITBUF_CUT);
	}
	eb->generation = 0;
	return (eb);
}

void
editbuf_free(struct editbuf *eb)
{
	if (eb == NULL)
		return;
	free(eb->buf);
	free(eb);
}

/* Returns the text, borrowed until the next call that is not a reader. */
const char *
editbuf_text(const struct editbuf *ceb)
{
	/*
	 * Where the gap lies is no part of the buffer's value, so closing it
	 * keeps the promise const makes; the buffer is never a const object.
	 */
	struct editbuf	*eb = (struct editbuf *)ceb;

	editbuf_move_gap(eb, editbuf_length(eb));
	eb->buf[eb->gap] = '\0';
	return (eb->buf);
}

size_t
editbuf_len(const struct editbuf *eb)
{
	return (editbuf_length(eb));
}

/* Whether nothing but white space and invisible characters is there. */
int
editbuf_is_empty(const struct editbuf *eb)
{
	size_t		pos, n, len = editbuf_length(eb);
	uint32_t	cp;

	for (pos = 0; pos < len; pos += n) {
		n = editbuf_decode(eb, pos, &cp);
		if (!editbuf_is_blank(cp))
			return (0);
	}
	return (1);
}

unsigned long
editbuf_generation(const struct editbuf *eb)
{
	return (eb->generation);
}

/* Replaces the text, or returns -1 and keeps it if s does not fit. */
int
editbuf_set(struct editbuf *eb, const char *s)
{
	struct editbuf	 fresh;
	const char	*old;
	size_t		 len;

	editbuf_init(&fresh, eb->max);
	if (editbuf_put(&fresh, s, strlen(s), EDITBUF_FINAL) != 0) {
		free(fresh.buf);
		return (-1);
	}
	len = editbuf_length(&fresh);
	old = editbuf_text(eb);
	if (len != editbuf_length(eb) || memcmp(old, fresh.buf, len) != 0) {
		free(eb->buf);
		eb->buf = fresh.buf;
		eb->size = fresh.size;
		eb->gap = fresh.gap;
		eb->gaplen = fresh.gaplen;
		eb->generation++;
	} else
		free(fresh.buf);
	eb->cursor = len;
	eb->nheld = 0;
	eb->after_cr = 0;
	eb->goal = -1;
	return (0);
}

void
editbuf_set_max(struct editbuf *eb, size_t max)
{
	eb->max = max;
}

size_t
editbuf_cursor(const struct editbuf *eb)
{
	return (eb->cursor);
}

/* Puts the cursor at pos, or the nearest stop before it. */
void
editbuf_set_cursor(struct editbuf *eb, size_t pos)
{
	size_t		len;
	uint32_t	cp;

	editbuf_settle(eb);
	len = editbuf_length(eb);
	if (pos > len)
		pos = len;
	while (pos > 0 && pos < len && (editbuf_byte(eb, pos) & 0xc0) == 0x80)
		pos--;
	if (!editbuf_is_stop(eb, pos))
		pos = editbuf_prev(eb, pos, &cp);
	eb->cursor = pos;
	eb->goal = -1;
}

/* Moves the cursor to pos, or says there is nowhere to go. */
static int
editbuf_go(struct editbuf *eb, size_t pos)
{
	eb->goal = -1;
	if (pos == eb->cursor)
		return (-1);
	eb->cursor = pos;
	return (0);
}

int
editbuf_left(struct editbuf *eb)
{
	uint32_t	cp;

	editbuf_settle(eb);
	if (eb->cursor == 0)
		return (editbuf_go(eb, 0));
	return (editbuf_go(eb, editbuf_prev(eb, eb->cursor, &cp)));
}

int
editbuf_right(struct editbuf *eb)
{
	uint32_t	cp;

	editbuf_settle(eb);
	if (eb->cursor == editbuf_length(eb))
		return (editbuf_go(eb, eb->cursor));
	return (editbuf_go(eb, editbuf_next(eb, eb->cursor, &cp)));
}

/* Where word left goes: back over non-word clusters, then over a word. */
static size_t
editbuf_word_start(const struct editbuf *eb, size_t pos, int (*in)(uint32_t))
{
	size_t		prev;
	uint32_t	cp;

	while (pos > 0) {
		prev = editbuf_prev(eb, pos, &cp);
		if (in(cp))
			break;
		pos = prev;
	}
	while (pos > 0) {
		prev = editbuf_prev(eb, pos, &cp);
		if (!in(cp))
			break;
		pos = prev;
	}
	return (pos);
}

int
editbuf_word_left(struct editbuf *eb)
{
	editbuf_settle(eb);
	return (editbuf_go(eb, editbuf_word_start(eb, eb->cursor,
	    editbuf_is_word)));
}

int
editbuf_word_right(struct editbuf *eb)
{
	size_t		pos, next, len;
	uint32_t	cp;

	editbuf_settle(eb);
	len = editbuf_length(eb);
	pos = eb->cursor;
	while (pos < len) {
		next = editbuf_next(eb, pos, &cp);
		if (editbuf_is_word(cp))
			break;
		pos = next;
	}
	while (pos < len) {
		next = editbuf_next(eb, pos, &cp);
		if (!editbuf_is_word(cp))
			break;
		pos = next;
	}
	return (editbuf_go(eb, pos));
}

int
editbuf_home(struct editbuf *eb)
{
	editbuf_settle(eb);
	return (editbuf_go(eb, editbuf_line_start(eb, eb->cursor)));
}

int
editbuf_end(struct editbuf *eb)
{
	editbuf_settle(eb);
	return (editbuf_go(eb, editbuf_line_end(eb, eb->cursor)));
}

int
editbuf_top(struct editbuf *eb)
{
	editbuf_settle(eb);
	return (editbuf_go(eb, 0));
}

int
editbuf_bottom(struct editbuf *eb)
{
	editbuf_settle(eb);
	return (editbuf_go(eb, editbuf_length(eb)));
}

/* Columns a tab at col takes: to the next stop, but not past the row. */
static int
editbuf_tab_width(int col, int width)
{
	int	w = EDITBUF_TAB - col % EDITBUF_TAB;

	if (w > width - col)
		w = width - col;
	return (w < 1 ? 1 : w);
}

/* Columns of a cluster with base cp at col. */
static int
editbuf_cluster_width(uint32_t cp, int col, int width)
{
	if (cp == '\t')
		return (editbuf_tab_width(col, width));
	return (text_cp_width(cp));
}

/* Columns the text from..to takes at the start of a row. */
static int
editbuf_columns(const struct editbuf *eb, size_t from, size_t to, int width)
{
	uint32_t	cp;
	int		col = 0;

	while (from < to) {
		from = editbuf_next(eb, from, &cp);
		col += editbuf_cluster_width(cp, col, width);
	}
	return (col);
}

static void
editbuf_add_row(struct editbuf_view *v, size_t *size, size_t start,
    size_t end, int cols)
{
	struct editbuf_row	*r;

	if (v->nrows == *size) {
		*size = *size != 0 ? *size * 2 : 16;
		v->rows = xreallocarray(v->rows, *size, sizeof *v->rows);
	}
	r = &v->rows[v->nrows++];
	r->start = start;
	r->end = end;
	r->cols = cols;
	r->newline = 0;
}

/*
 * Lays out the line start..end (no newline inside) in rows of width
 * columns, appended to v. A row breaks at the last place it may, after
 * white space or next to a wide character, or if there is none, before the
 * cluster that does not fit.
 */
static void
editbuf_wrap(const struct editbuf *eb, size_t start, size_t end, int width,
    struct editbuf_view *v, size_t *size)
{
	size_t		pos, next, brk;
	uint32_t	cp;
	int		col, brkcol, w, cw, space, wide;

	for (;;) {
		pos = brk = start;
		col = brkcol = space = wide = 0;
		while (pos < end) {
			next = editbuf_next(eb, pos, &cp);
			cw = text_cp_width(cp);
			w = cp == '\t' ? editbuf_tab_width(col, width) : cw;
			if (pos > start) {
				if (space || wide || cw == 2) {
					brk = pos;
					brkcol = col;
				}
				if (col + w > width)
					break;
			}
			col += w;
			space = editbuf_is_break_space(cp);
			wide = cw == 2;
			pos = next;
		}
		if (pos == end) {
			editbuf_add_row(v, size, start, end, col);
			if (col >= width)
				editbuf_add_row(v, size, end, end, 0);
			return;
		}
		if (brk > start) {
			editbuf_add_row(v, size, start, brk, brkcol);
			start = brk;
		} else {
			editbuf_add_row(v, size, start, pos, col);
			start = pos;
		}
	}
}

/* The last row of v starting at or before pos: the row pos shows on. */
static size_t
editbuf_find_row(const struct editbuf_view *v, size_t pos)
{
	size_t	lo = 0, hi = v->nrows, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (v->rows[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return (lo);
}

/* Lays out the text in rows of width into *out; the caller frees it. */
void
editbuf_layout(const struct editbuf *eb, int width, struct editbuf_view *out)
{
	size_t			 size = 0, start = 0, end;
	size_t			 len = editbuf_length(eb);
	struct editbuf_row	*r;

	if (width < 1)
		width = 1;
	out->rows = NULL;
	out->nrows = 0;
	out->width = width;
	for (;;) {
		end = editbuf_line_end(eb, start);
		editbuf_wrap(eb, start, end, width, out, &size);
		if (end == len)
			break;
		out->rows[out->nrows - 1].newline = 1;
		start = end + 1;
	}
	out->cursor_row = editbuf_find_row(out, eb->cursor);
	r = &out->rows[out->cursor_row];
	out->cursor_col = editbuf_columns(eb, r->start, eb->cursor, width);
}

/* Returns row i as drawn, tabs expanded; the caller frees it. */
char *
editbuf_view_line(const struct editbuf *eb, const struct editbuf_view *view,
    size_t i)
{
	const struct editbuf_row	*r = &view->rows[i];
	size_t				 pos = r->start, next, o = 0;
	uint32_t			 cp;
	char				*line;
	int				 col = 0, w;

	line = xmalloc(r->end - r->start + (size_t)r->cols + 1);
	while (pos < r->end) {
		next = editbuf_next(eb, pos, &cp);
		w = editbuf_cluster_width(cp, col, view->width);
		if (cp == '\t') {
			memset(line + o, ' ', (size_t)w);
			o += (size_t)w;
		} else {
			editbuf_copy(eb, pos, next, line + o);
			o += next - pos;
		}
		col += w;
		pos = next;
	}
	line[o] = '\0';
	return (line);
}

void
editbuf_view_free(struct editbuf_view *view)
{
	free(view->rows);
	view->rows = NULL;
	view->nrows = 0;
}

/*
 * Moves the cursor a visual row up or down at width, aiming for the goal
 * column: the rows are laid out just for the lines the move needs.
 */
static int
editbuf_vertical(struct editbuf *eb, int width, int down)
{
	struct editbuf_view	 v = { NULL, 0, 0, 0, 0 };
	struct editbuf_row	*r;
	size_t			 size = 0, start, end, row, pos, next, target;
	size_t			 len;
	uint32_t		 cp;
	int			 goal, col, w, last, error;

	editbuf_settle(eb);
	if (width < 1)
		width = 1;
	len = editbuf_length(eb);
	start = editbuf_line_start(eb, eb->cursor);
	end = editbuf_line_end(eb, eb->cursor);
	editbuf_wrap(eb, start, end, width, &v, &size);
	row = editbuf_find_row(&v, eb->cursor);
	goal = eb->goal;
	if (goal < 0) {
		goal = editbuf_columns(eb, v.rows[row].start, eb->cursor,
		    width);
	}

	if (!down && row > 0)
		target = row - 1;
	else if (down && row + 1 < v.nrows)
		target = row + 1;
	else if (!down && start > 0) {
		v.nrows = 0;
		editbuf_wrap(eb, editbuf_line_start(eb, start - 1), start - 1,
		    width, &v, &size);
		target = v.nrows - 1;
	} else if (down && end < len) {
		v.nrows = 0;
		editbuf_wrap(eb, end + 1, editbuf_line_end(eb, end + 1), width,
		    &v, &size);
		target = 0;
	} else {
		/* No row beyond: go to the end of the text that way. */
		editbuf_view_free(&v);
		error = editbuf_go(eb, down ? len : 0);
		eb->goal = goal;
		return (error);
	}

	/* The end of a row that wraps is the start of the next one. */
	r = &v.rows[target];
	last = target == v.nrows - 1;
	pos = r->start;
	col = 0;
	while (pos < r->end) {
		next = editbuf_next(eb, pos, &cp);
		w = editbuf_cluster_width(cp, col, width);
		if (col + w > goal || (next == r->end && !last))
			break;
		col += w;
		pos = next;
	}
	editbuf_view_free(&v);
	error = editbuf_go(eb, pos);
	eb->goal = goal;
	return (error);
}

int
editbuf_up(struct editbuf *eb, int width)
{
	return (editbuf_vertical(eb, width, 0));
}

int
editbuf_down(struct editbuf *eb, int width)
{
	return (editbuf_vertical(eb, width, 1));
}

int
editbuf_insert(struct editbuf *eb, const char *s, size_t len)
{
	return (editbuf_put(eb, s, len, 0));
}

int
editbuf_newline(struct editbuf *eb)
{
	editbuf_settle(eb);
	return (editbuf_put(eb, "\n", 1, 0));
}

int
editbuf_backspace(struct editbuf *eb)
{
	uint32_t	cp;

	editbuf_settle(eb);
	if (eb->cursor == 0)
		return (-1);
	editbuf_remove(eb, editbuf_prev(eb, eb->cursor, &cp), eb->cursor);
	return (0);
}

int
editbuf_delete(struct editbuf *eb)
{
	uint32_t	cp;

	editbuf_settle(eb);
	if (eb->cursor == editbuf_length(eb))
		return (-1);
	editbuf_remove(eb, eb->cursor, editbuf_next(eb, eb->cursor, &cp));
	return (0);
}

int
editbuf_delete_word_back(struct editbuf *eb)
{
	size_t	from;

	editbuf_settle(eb);
	from = editbuf_word_start(eb, eb->cursor, editbuf_is_not_space);
	if (from == eb->cursor)
		return (-1);
	editbuf_remove(eb, from, eb->cursor);
	return (0);
}

int
editbuf_delete_line_start(struct editbuf *eb)
{
	size_t	from;

	editbuf_settle(eb);
	from = editbuf_line_start(eb, eb->cursor);
	if (from == eb->cursor) {
		if (from == 0)
			return (-1);
		from--;
	}
	editbuf_remove(eb, from, eb->cursor);
	return (0);
}

int
editbuf_delete_line_end(struct editbuf *eb)
{
	size_t	to;

	editbuf_settle(eb);
	to = editbuf_line_end(eb, eb->cursor);
	if (to == eb->cursor) {
		if (to == editbuf_length(eb))
			return (-1);
		to++;
	}
	editbuf_remove(eb, eb->cursor, to);
	return (0);
}
