/* The reply editor's text: a multi-line UTF-8 buffer, its cursor and layout. */
#ifndef FRONTLINE_CORE_EDITBUF_H
#define FRONTLINE_CORE_EDITBUF_H

#include <stddef.h>

/* Bytes of text a new buffer holds at most: a reply, not a log file. */
#define EDITBUF_MAX	(256 * 1024)

/* A tab advances to the next multiple of this many columns in its row. */
#define EDITBUF_TAB	8

struct editbuf;

/*
 * One visual row: bytes start..end of the text, taking cols columns. The
 * next row starts at end, or at end + 1 after a newline, which no row holds.
 */
struct editbuf_row {
	size_t	start;
	size_t	end;
	int	cols;
	int	newline;	/* a newline follows end */
};

/* The text laid out in rows, and where the cursor is among them. */
struct editbuf_view {
	struct editbuf_row	*rows;
	size_t			 nrows;		/* at least 1 */
	size_t			 cursor_row;
	int			 cursor_col;
	int			 width;
};

/*
 * Returns a new buffer, the caller's, holding initial (NULL for none)
 * sanitized as editbuf_insert does, cut to EDITBUF_MAX on a character
 * boundary; the cursor is at its end.
 */
struct editbuf	*editbuf_new(const char *initial);
void		 editbuf_free(struct editbuf *eb);

/*
 * Returns the whole text, valid UTF-8 ending in a NUL, borrowed until the
 * next call that takes the buffer without const.
 */
const char	*editbuf_text(const struct editbuf *eb);
size_t		 editbuf_len(const struct editbuf *eb);

/* Whether the text holds nothing but white space and invisible marks. */
int		 editbuf_is_empty(const struct editbuf *eb);

/* A counter that changes whenever the text does, and only then. */
unsigned long	 editbuf_generation(const struct editbuf *eb);

/*
 * Replaces the text with s, sanitized, and puts the cursor at its end.
 * Returns -1, changing nothing, if it does not fit the limit.
 */
int		 editbuf_set(struct editbuf *eb, const char *s);

/*
 * Sets the limit on the text's length in bytes, EDITBUF_MAX at first. Text
 * already past a new limit stays; only what would add to it is refused.
 */
void		 editbuf_set_max(struct editbuf *eb, size_t max);

/*
 * The cursor is a byte offset into the text. It never rests inside a
 * character, nor between a character and the combining marks after it.
 */
size_t		 editbuf_cursor(const struct editbuf *eb);

/* Moves the cursor to the nearest place at or before pos where it can be. */
void		 editbuf_set_cursor(struct editbuf *eb, size_t pos);

/*
 * Movement. Each returns 0, or -1 if the cursor is already where it would
 * go (the caller may beep). Words are runs of letters, digits and
 * underscores in any script, not punctuation, symbols or emoji: word left
 * goes to the start of the word before, word right to the end of the word
 * after, as Ctrl-Left and Ctrl-Right. Home and end go to the ends of the
 * line, between newlines. Up and down go by visual row at width, as
 * editbuf_layout makes them, keeping the column they aim for across rows
 * too short for it until another call moves the cursor; from the first or
 * last row they go to the start or end of the text.
 */
int		 editbuf_left(struct editbuf *eb);
int		 editbuf_right(struct editbuf *eb);
int		 editbuf_word_left(struct editbuf *eb);
int		 editbuf_word_right(struct editbuf *eb);
int		 editbuf_home(struct editbuf *eb);
int		 editbuf_end(struct editbuf *eb);
int		 editbuf_up(struct editbuf *eb, int width);
int		 editbuf_down(struct editbuf *eb, int width);
int		 editbuf_top(struct editbuf *eb);
int		 editbuf_bottom(struct editbuf *eb);

/*
 * Inserts len bytes of untrusted UTF-8 at the cursor and moves the cursor
 * past them. Invalid sequences become U+FFFD; CR LF and CR, and U+2028 and
 * U+2029, become LF; other C0 controls, DEL, C1 controls and the bidi
 * embeddings, overrides and isolates are dropped. Text may come in pieces:
 * a character or a CR LF split between two calls is joined, and a piece
 * held back for the next call becomes U+FFFD if any other call comes
 * first. Returns -1, inserting nothing, if the result would pass the limit.
 * Costs O(len), plus moving the text between the last edit and the cursor.
 */
int		 editbuf_insert(struct editbuf *eb, const char *s, size_t len);

/* Inserts a newline as editbuf_insert does, limit and all. */
int		 editbuf_newline(struct editbuf *eb);

/*
 * Deletion. Each returns 0, or -1 if there was nothing to delete.
 * Backspace and delete remove what left and right would move over: a
 * character with its combining marks. Delete word back (Ctrl-W) removes
 * white space, then everything back to the white space before, as
 * readline's unix-word-rubout; a no-break space is no white space here.
 * Delete line start and line end (Ctrl-U, Ctrl-K) remove the line before
 * or after the cursor; where there is none, they remove the newline,
 * joining two lines, as Emacs' kill-line does.
 */
int		 editbuf_backspace(struct editbuf *eb);
int		 editbuf_delete(struct editbuf *eb);
int		 editbuf_delete_word_back(struct editbuf *eb);
int		 editbuf_delete_line_start(struct editbuf *eb);
int		 editbuf_delete_line_end(struct editbuf *eb);

/*
 * Lays the text out in rows of at most width (at least 1) columns into
 * *out, which it overwrites and the caller frees with editbuf_view_free.
 * Rows break after white space, or next to a wide character, where they
 * can, and between any two characters where they must; a character is
 * never split from its combining marks, and one wider than width gets a
 * row of its own. Each newline ends a row, and a line that fills its last
 * row exactly gets an empty row after it, so the cursor column is always
 * below width. Widths are text_cp_width's. Costs O(length of the text).
 */
void		 editbuf_layout(const struct editbuf *eb, int width,
		     struct editbuf_view *out);

/*
 * Returns a new string, the caller's, with row i of view as it is drawn:
 * exactly its cols columns, tabs expanded to spaces.
 */
char		*editbuf_view_line(const struct editbuf *eb,
		     const struct editbuf_view *view, size_t i);

/* Frees the rows of *view and leaves it empty. */
void		 editbuf_view_free(struct editbuf_view *view);

#endif
