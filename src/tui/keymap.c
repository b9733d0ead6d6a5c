/* The key table. An entry with a name and help is one line of the help
 * screen; further keys for the same action leave them NULL. */
#include "config.h"

#include <curses.h>

#include "i18n.h"
#include "tui/keymap.h"

#define CTRL(c) ((c) & 0x1f)

const struct keybinding keymap[] = {
	{ 'k', ACT_UP, "k, Up", N_("move up") },
	{ KEY_UP, ACT_UP, NULL, NULL },
	{ 'j', ACT_DOWN, "j, Down", N_("move down") },
	{ KEY_DOWN, ACT_DOWN, NULL, NULL },
	{ KEY_PPAGE, ACT_PAGE_UP, "PgUp, Ctrl-B", N_("page up") },
	{ CTRL('b'), ACT_PAGE_UP, NULL, NULL },
	{ KEY_NPAGE, ACT_PAGE_DOWN, "PgDn, Ctrl-F, Space", N_("page down") },
	{ CTRL('f'), ACT_PAGE_DOWN, NULL, NULL },
	{ ' ', ACT_PAGE_DOWN, NULL, NULL },
	{ KEY_HOME, ACT_HOME, "Home, g", N_("first ticket") },
	{ 'g', ACT_HOME, NULL, NULL },
	{ KEY_END, ACT_END, "End, G", N_("last ticket") },
	{ 'G', ACT_END, NULL, NULL },
	{ '?', ACT_HELP, "?, F1", N_("show or close this help") },
	{ KEY_F(1), ACT_HELP, NULL, NULL },
	{ 27, ACT_BACK, "Esc", N_("close the help") },
	{ CTRL('l'), ACT_REDRAW, "Ctrl-L", N_("redraw the screen") },
	{ 'q', ACT_QUIT, "q", N_("quit (closes the help first)") },
	{ 0, ACT_NONE, NULL, NULL }
};

enum action
keymap_lookup(int key)
{
	for (const struct keybinding *k = keymap; k->action != ACT_NONE; k++)
		if (k->key == key)
			return k->action;
	return ACT_NONE;
}
