/* The key table. An entry with a name and help is one line of the help
 * screen and of the man page; further keys for the same action leave them
 * NULL. Views receive the actions, never the keys. */
#include "config.h"

#include <curses.h>

#include "i18n.h"
#include "tui/keymap.h"

#define CTRL(c) ((c) & 0x1f)
#define KV_LISTS (KV_QUEUE | KV_TICKET | KV_HELP | KV_FEEDBACK | KV_WALLBOARD)

const struct keybinding keymap[] = {
	{ KV_LISTS, 'k', ACT_UP, "k, Up", N_("move up (scroll in a ticket)") },
	{ KV_LISTS, KEY_UP, ACT_UP, NULL, NULL },
	{ KV_LISTS, 'j', ACT_DOWN, "j, Down", N_("move down (scroll in a ticket)") },
	{ KV_LISTS, KEY_DOWN, ACT_DOWN, NULL, NULL },
	{ KV_LISTS, KEY_PPAGE, ACT_PAGE_UP, "PgUp, Ctrl-B", N_("page up") },
	{ KV_LISTS, CTRL('b'), ACT_PAGE_UP, NULL, NULL },
	{ KV_LISTS, KEY_NPAGE, ACT_PAGE_DOWN, "PgDn, Ctrl-F, Space", N_("page down") },
	{ KV_LISTS, CTRL('f'), ACT_PAGE_DOWN, NULL, NULL },
	{ KV_LISTS, ' ', ACT_PAGE_DOWN, NULL, NULL },
	{ KV_LISTS, KEY_HOME, ACT_HOME, "Home, g", N_("first ticket, or top of the thread") },
	{ KV_LISTS, 'g', ACT_HOME, NULL, NULL },
	{ KV_LISTS, KEY_END, ACT_END, "End, G", N_("last ticket, or end of the thread") },
	{ KV_LISTS, 'G', ACT_END, NULL, NULL },
	{ KV_QUEUE | KV_FEEDBACK | KV_WALLBOARD, '\r', ACT_OPEN, "Enter", N_("open the selected ticket (in feedback: its callback; on the wallboard: the tickets behind the number)") },
	{ KV_QUEUE | KV_FEEDBACK | KV_WALLBOARD, '\n', ACT_OPEN, NULL, NULL },
	{ KV_QUEUE | KV_FEEDBACK | KV_WALLBOARD, KEY_ENTER, ACT_OPEN, NULL, NULL },
	{ KV_QUEUE | KV_FEEDBACK | KV_WALLBOARD, 'f', ACT_FEEDBACK, "f", N_("feedback: low ratings and whether their callback happened") },
	{ KV_QUEUE | KV_WALLBOARD, 'w', ACT_WALLBOARD, "w", N_("the wallboard: queue, agents, SLA risk, quality, trends (again: back to the queue)") },
	{ KV_WALLBOARD, '\t', ACT_PANEL, "Tab, Shift-Tab", N_("wallboard: next or previous page (on narrow terminals)") },
	{ KV_WALLBOARD, KEY_BTAB, ACT_PANEL_PREV, NULL, NULL },
	{ KV_WALLBOARD, KEY_RIGHT, ACT_PANEL, NULL, NULL },
	{ KV_WALLBOARD, KEY_LEFT, ACT_PANEL_PREV, NULL, NULL },
	{ KV_TICKET, '\r', ACT_OPEN, "Enter", N_("in a panel: open the ticket or article") },
	{ KV_TICKET, '\n', ACT_OPEN, NULL, NULL },
	{ KV_TICKET, KEY_ENTER, ACT_OPEN, NULL, NULL },
	{ KV_TICKET, '\t', ACT_PANEL, "Tab", N_("move between the thread, the customer and the knowledge panel") },
	{ KV_TICKET, 'o', ACT_ORG, "o", N_("customer panel: the organization's tickets too, or not") },
	{ KV_TICKET, 'a', ACT_INSERT, "a", N_("knowledge panel: insert the snippet into the reply") },
	{ KV_TICKET, 'A', ACT_INSERT_ALL, "A", N_("knowledge panel: open the article; then A inserts all of it") },
	{ KV_QUEUE, '1', ACT_VIEW_MINE, "1", N_("view: my tickets") },
	{ KV_QUEUE, '2', ACT_VIEW_TEAM, "2", N_("view: my team's unassigned tickets") },
	{ KV_QUEUE, '3', ACT_VIEW_ALL, "3", N_("view: all open tickets") },
	{ KV_QUEUE, '4', ACT_VIEW_WAITING, "4", N_("view: waiting on the customer or on hold") },
	{ KV_QUEUE, '5', ACT_VIEW_BREACHED, "5", N_("view: breached") },
	{ KV_QUEUE, 'n', ACT_TAKE_NEXT, "n", N_("take the next ticket: the most urgent one that fits you") },
	{ KV_TICKET, 'r', ACT_REPLY, "r", N_("reply to the customer") },
	{ KV_TICKET, 'i', ACT_NOTE, "i", N_("write an internal note") },
	{ KV_QUEUE | KV_TICKET, '/', ACT_SEARCH, "/", N_("search the thread (regular expression); in the queue: filter by subject or customer") },
	{ KV_TICKET, 'n', ACT_MATCH_NEXT, "n", N_("next match") },
	{ KV_TICKET, 'N', ACT_MATCH_PREV, "N", N_("previous match") },
	{ KV_TICKET, 's', ACT_STATUS, "s", N_("set the status (solved, pending, on hold...)") },
	{ KV_TICKET, 'p', ACT_PRIORITY, "p", N_("set the priority") },
	{ KV_TICKET, 'T', ACT_TRANSFER, "T", N_("transfer to another queue, with a handover note") },
	{ KV_TICKET, '@', ACT_ASSIGN, "@", N_("assign to an agent (or to nobody)") },
	{ KV_TICKET, 't', ACT_TAGS, "t", N_("edit the tags") },
	{ KV_TICKET, 'M', ACT_MERGE, "M", N_("merge this ticket into another (history kept)") },
	{ KV_TICKET, 'm', ACT_MACRO, "m", N_("insert a canned reply (macro) into the reply") },
	{ KV_TICKET, CTRL('r'), ACT_RELOAD, "Ctrl-R", N_("reload the ticket") },
	{ KV_ALL, '?', ACT_HELP, "?, F1", N_("show or close this help") },
	{ KV_ALL, KEY_F(1), ACT_HELP, NULL, NULL },
	{ KV_QUEUE | KV_TICKET | KV_HELP | KV_FEEDBACK, 27, ACT_BACK, "Esc", N_("back: leave the ticket, the feedback, the help or a wallboard drill-down") },
	{ KV_TICKET | KV_HELP | KV_FEEDBACK, KEY_LEFT, ACT_BACK, NULL, NULL },
	{ KV_ALL, CTRL('l'), ACT_REDRAW, "Ctrl-L", N_("redraw the screen") },
	{ KV_ALL, 'q', ACT_QUIT, "q", N_("quit (in a ticket, the feedback, the help or a drill-down: go back)") },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

enum action
keymap_lookup(unsigned view, int key)
{
	for (const struct keybinding *k = keymap; k->action != ACT_NONE; k++)
		if ((k->views & view) && k->key == key)
			return k->action;
	return ACT_NONE;
}
