/* Keys map to named actions in one table: the help screen and the man page
 * are made from it. */
#ifndef FRONTLINE_KEYMAP_H
#define FRONTLINE_KEYMAP_H

#include "app.h"

/* Which views a binding works in. */
#define KV_QUEUE	0x1
#define KV_TICKET	0x2
#define KV_HELP		0x4
#define KV_FEEDBACK	0x8
#define KV_WALLBOARD	0x10
#define KV_ALL		(KV_QUEUE | KV_TICKET | KV_HELP | KV_FEEDBACK | \
			 KV_WALLBOARD)

struct keybinding {
	unsigned	 views;		/* KV_* */
	int		 key;		/* curses key code or character */
	enum action	 action;
	const char	*name;		/* as the help shows it, e.g. "j, Down" */
	const char	*help;		/* untranslated description, or NULL */
};

/* The table, ended by a zero entry. */
extern const struct keybinding keymap[];

/* The action bound to key in a view (KV_*), or ACT_NONE. */
enum action keymap_lookup(unsigned view, int key);

#endif
