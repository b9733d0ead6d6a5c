/* The reply editor: keys to editing-buffer calls, the buffer drawn with
 * its cursor, and composition in $VISUAL/$EDITOR as git and mutt do it. */
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/editbuf.h"
#include "core/text.h"
#include "paths.h"
#include "i18n.h"
#include "tui/keymap.h"
#include "tui/tui-int.h"
#include "work.h"
#include "xmalloc.h"

#define CTRL(c) ((c) & 0x1f)

const struct editor_key editor_keys[] = {
	{ "Ctrl-X", N_("send the reply (or the note)") },
	{ "Esc", N_("close the editor; the draft is kept") },
	{ "Ctrl-T", N_("switch between public reply and internal note") },
	{ "Ctrl-O", N_("compose in $VISUAL or $EDITOR") },
	{ "Ctrl-P", N_("pick a canned reply (macro) to insert") },
	{ "Ctrl-A, Home", N_("start of the line") },
	{ "Ctrl-E, End", N_("end of the line") },
	{ "Alt-B, Alt-F", N_("word left, word right") },
	{ "Ctrl-W", N_("delete the word before the cursor") },
	{ "Ctrl-U", N_("delete to the start of the line") },
	{ "Ctrl-K", N_("delete to the end of the line") },
	{ NULL, NULL }
};

/* Hands the text to $VISUAL or $EDITOR in a private file, and takes back
 * what the agent saved. The loop waits meanwhile: that is the agent's
 * choice, as in git and mutt. */
static void
editor_external(struct app *app)
{
	const char *editor = getenv("VISUAL");
	char *path, *cmd, *buf = NULL;
	size_t len = 0;
	FILE *f;
	int fd, status;
	pid_t pid;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	xasprintf(&path, "%s/reply-XXXXXX", app->state_dir);
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		app_flash(app, true, _("cannot start the editor: %s"),
		    strerror(errno));
		free(path);
		return;
	}
	fputs(editbuf_text(app->edit), f);
	fclose(f);

	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		/* The file name is ours; the editor command is the user's
		 * own setting, run by their shell as git does. */
		xasprintf(&cmd, "%s \"$1\"", editor);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	reset_prog_mode();
	app->dirty = app->redraw_all = true;

	if (pid <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		app_flash(app, true, "%s", _("the editor failed: the text is "
		    "unchanged"));
	} else if ((buf = paths_read_file(path, &len)) != NULL) {
		/* Editors end files with a newline; a reply does not need it. */
		while (len > 0 && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (editbuf_set(app->edit, buf) == -1)
			app_flash(app, true, "%s", _("the text from the editor is "
			    "too long for a reply: nothing was changed"));
		else
			work_draft_changed(app);
		free(buf);
	}
	unlink(path);
	free(path);
}

enum edit_result
tui_edit_key(struct editbuf *eb, bool fkey, int key, int width)
{
	char utf8[4];
	size_t n;

	if (fkey) {
		switch (key) {
		case KEY_LEFT:
			editbuf_left(eb);
			break;
		case KEY_RIGHT:
			editbuf_right(eb);
			break;
		case KEY_UP:
			if (width > 0)
				editbuf_up(eb, width);
			break;
		case KEY_DOWN:
			if (width > 0)
				editbuf_down(eb, width);
			break;
		case KEY_HOME:
			editbuf_home(eb);
			break;
		case KEY_END:
			editbuf_end(eb);
			break;
		case KEY_BACKSPACE:
			editbuf_backspace(eb);
			break;
		case KEY_DC:
			editbuf_delete(eb);
			break;
		default:
			return EDIT_NOT_MINE;
		}
		return EDIT_DONE;
	}
	switch (key) {
	case CTRL('a'):
		editbuf_home(eb);
		break;
	case CTRL('e'):
		editbuf_end(eb);
		break;
	case CTRL('w'):
		editbuf_delete_word_back(eb);
		break;
	case CTRL('u'):
		editbuf_delete_line_start(eb);
		break;
	case CTRL('k'):
		editbuf_delete_line_end(eb);
		break;
	case CTRL('h'):
	case 127:
		editbuf_backspace(eb);
		break;
	default:
		if (key < 0x20)
			return EDIT_NOT_MINE;
		n = text_utf8_encode((uint32_t)key, utf8);
		if (n > 0 && editbuf_insert(eb, utf8, n) == -1)
			return EDIT_FULL;
		break;
	}
	return EDIT_DONE;
}

void
tui_editor_key(struct app *app, bool fkey, int key)
{
	struct editbuf *eb = app->edit;
	unsigned long before = editbuf_generation(eb);
	int width = COLS > 4 ? COLS - 2 : 2, next;
	static bool meta;

	app->dirty = true;
	if (meta) {
		meta = false;
		if (!fkey && key == 'b') {
			editbuf_word_left(eb);
			return;
		}
		if (!fkey && key == 'f') {
			editbuf_word_right(eb);
			return;
		}
		if (!fkey && key == 127) {
			editbuf_delete_word_back(eb);
			goto changed;
		}
		/* Esc and then some other key typed quickly: the Esc closes
		 * the editor (the draft is kept) and the key still acts. */
		work_edit_close(app);
		if (!fkey)
			app_action(app, keymap_lookup(KV_TICKET, key));
		return;
	}
	if (fkey && key == KEY_ENTER) {
		editbuf_insert(eb, "\n", 1);
		goto changed;
	}
	if (!fkey) {
		switch (key) {
		case 27:
			/* Esc then a key within the escape delay is Alt-key;
			 * ncurses hands Esc alone after ESCDELAY: we close. */
			nodelay(stdscr, TRUE);
			next = getch();
			if (next == ERR) {
				work_edit_close(app);
				return;
			}
			meta = true;
			tui_editor_key(app, false, next);
			return;
		case CTRL('x'):
			work_send(app);
			return;
		case CTRL('t'):
			app->edit_note = !app->edit_note;
			return;
		case CTRL('o'):
			editor_external(app);
			return;
		case CTRL('p'):
			app_action(app, ACT_MACRO);
			return;
		case '\r':
		case '\n':
			editbuf_insert(eb, "\n", 1);
			goto changed;
		case '\t':
			editbuf_insert(eb, "\t", 1);
			goto changed;
		}
	}
	if (tui_edit_key(eb, fkey, key, width) == EDIT_FULL)
		app_flash(app, true, "%s", _("the reply is too long"));
changed:
	if (editbuf_generation(eb) != before)
		work_draft_changed(app);
}

void
tui_draw_editor(struct app *app, int y, int h, int cols)
{
	struct editbuf_view v;
	int rows = h - 1, top;
	char *title;

	xasprintf(&title, " %s ", app->edit_note ?
	    _("Internal note (only agents see it)") :
	    _("Reply to the customer"));
	mvhline(y, 0, app->ascii ? '-' : ACS_HLINE, cols);
	tui_put(app, y, 2, cols - 2, title, 0, app->edit_note ?
	    tui_attr(app, TC_RISK) | A_BOLD : A_BOLD);
	free(title);

	editbuf_layout(app->edit, cols - 2, &v);
	top = (int)v.cursor_row - rows + 1;
	if (top < 0)
		top = 0;
	for (int i = 0; i < rows && top + i < (int)v.nrows; i++) {
		char *line = editbuf_view_line(app->edit, &v, (size_t)(top + i));
		char *clean = text_sanitize(line, strlen(line), TEXT_ONE_LINE |
		    tui_text_flags(app));

		mvaddstr(y + 1 + i, 1, clean);
		free(clean);
		free(line);
	}
	if (editbuf_is_empty(app->edit) && rows > 0)
		tui_put(app, y + 1, 1, cols - 1, _("type here; Ctrl-X sends, "
		    "Esc keeps a draft"), 0, A_DIM);
	app->cursor_y = y + 1 + (int)v.cursor_row - top;
	app->cursor_x = 1 + v.cursor_col;
	editbuf_view_free(&v);
}
