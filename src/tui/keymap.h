/* Keys map to named actions in one table: the help screen and the man page
 * are made from it. */
#ifndef FRONTLINE_KEYMAP_H
#define FRONTLINE_KEYMAP_H

#include "app.h"

struct keybinding {
	int		 key;		/* curses key code or character */
	enum action	 action;
	const char	*name;		/* as the help shows it, e.g. "j, Down" */
	const char	*help;		/* untranslated description, or NULL */
};

/* The table, ended by a zero entry. */
extern const struct keybinding keymap[];

/* The action bound to key in the console, or ACT_NONE. */
enum action keymap_lookup(int key);

#endif
