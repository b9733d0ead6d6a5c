/* The console's state: what the views draw and what actions change. No
 * curses and no libpq here, so it can be tested and reasoned about alone. */
#ifndef FRONTLINE_APP_H
#define FRONTLINE_APP_H

#include <stdbool.h>

#include "db/context.h"
#include "db/feedback.h"
#include "db/db.h"
#include "db/queue.h"
#include "db/ticket.h"
#include "db/wallboard.h"
#include "survey.h"

struct editbuf;
struct filter;
struct search;

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_HELP,
	ACT_BACK,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_OPEN,		/* open the selected ticket */
	ACT_TAKE_NEXT,		/* take the most urgent ticket that fits */
	ACT_REPLY,		/* compose a public reply */
	ACT_NOTE,		/* compose an internal note */
	ACT_STATUS,		/* choose a status */
	ACT_PRIORITY,		/* choose a priority */
	ACT_RELOAD,		/* fetch the ticket again */
	ACT_SEARCH,		/* / : search the thread, or filter the queue */
	ACT_MATCH_NEXT,		/* n in a ticket */
	ACT_MATCH_PREV,		/* N in a ticket */
	ACT_PANEL,		/* Tab: thread, customer, knowledge */
	ACT_ORG,		/* o: the organization's history too */
	ACT_INSERT,		/* a: the snippet into the reply */
	ACT_INSERT_ALL,		/* A: the whole article into the reply */
	ACT_VIEW_MINE,		/* 1..5: the views of the queue */
	ACT_VIEW_TEAM,
	ACT_VIEW_ALL,
	ACT_VIEW_WAITING,
	ACT_VIEW_BREACHED,
	ACT_TRANSFER,		/* T: to another queue, with a handover note */
	ACT_ASSIGN,		/* @: to an agent */
	ACT_TAGS,		/* t: edit the tags */
	ACT_MERGE,		/* M: into another ticket */
	ACT_MACRO,		/* m: a canned reply into the reply */
	ACT_FEEDBACK,		/* f: low ratings and their callbacks */
	ACT_WALLBOARD,		/* w: the wallboard, or back to the queue */
	ACT_PANEL_PREV		/* Shift-Tab: the previous wallboard page */
};

/* The panel beside the thread (wide terminals) or instead of it. */
enum panel_id {
	PANEL_CUSTOMER,
	PANEL_KB
};

/* What the one-line prompt at the bottom is asking for. */
enum prompt_kind {
	PROMPT_NONE,
	PROMPT_THREAD_SEARCH,
	PROMPT_QUEUE_FILTER,
	PROMPT_KB_SEARCH,
	PROMPT_TRANSFER_NOTE,	/* required before a transfer */
	PROMPT_TAGS,
	PROMPT_MERGE,		/* the ticket to merge into */
	PROMPT_RATING_COMMENT	/* "other": what could be better */
};

enum view_id {
	VIEW_QUEUE,
	VIEW_TICKET,
	VIEW_HELP,
	VIEW_FEEDBACK,
	VIEW_WALLBOARD
};

/* A number or a row on the wallboard that Enter follows: the tickets
 * behind it (what, key, period as frontline.wallboard_tickets takes them),
 * or one ticket. The view records them as it draws, in reading order. */
struct wb_spot {
	char		 what[16];
	char		 key[64];
	char		 period[8];
	char		 label[96];	/* the drill-down's title */
	long long	 ticket;	/* nonzero: open this ticket */
};
#define APP_MAX_SPOTS	384
#define APP_WB_PAGES	7	/* the wallboard's panels, one per page */

/* What a mouse click can land on, recorded by the views as they draw and
 * rebuilt with every draw: the click selects it, a double click acts as
 * Enter on it. */
enum target_kind {
	TARGET_ROW,		/* a queue row: index into vis */
	TARGET_SPOT,		/* a wallboard number or row: into spots */
	TARGET_FEEDBACK,	/* a row of the feedback list */
	TARGET_MENU,		/* an entry of the open menu: a click chooses */
	TARGET_HISTORY,		/* a ticket in the customer panel's history */
	TARGET_ARTICLE,		/* a knowledge panel hit */
	TARGET_THREAD,		/* the thread beside a panel: takes the focus */
	TARGET_KEY		/* a drawn key hint: index is the key */
};

struct target {
	int		 y, x, w;
	enum target_kind kind;
	int		 index;
};
#define APP_MAX_TARGETS	512

/* A small menu over the current view: status or priority choices. */
enum menu_kind {
	MENU_NONE,
	MENU_STATUS,
	MENU_PRIORITY,
	MENU_CONFLICT,		/* newer messages arrived: send anyway? */
	MENU_TRANSFER,		/* which queue (pick) */
	MENU_ASSIGN,		/* which agent (pick; last: nobody) */
	MENU_MACRO		/* which canned reply (pick) */
};

struct menu {
	enum menu_kind	 kind;
	const char	*const *codes;	/* database codes, NULL-terminated */
	struct pick_list *pick;		/* owned, for the pick menus */
	int		 n;
	int		 selected;
};

struct app {
	struct db		*db;
	struct queue		*queue;		/* owned; NULL until first fetch */
	struct agent_info	*agent;		/* owned */
	char			*cursor;	/* changes cursor (xid8 text) */

	enum db_state		 db_state;
	char			*db_error;	/* last connection error */
	char			*fetch_error;	/* last query error */
	double			 synced_at;	/* local time of last queue fetch */
	bool			 fetching;	/* a refresh is in flight */
	enum queue_view		 qview;		/* which view of the queue */
	bool			 want_queue;	/* refetch it whatever changed */
	bool			 stale;		/* a change arrived meanwhile */

	enum view_id		 view;
	enum view_id		 help_from;	/* where the help returns to */
	enum view_id		 ticket_from;	/* where Esc leaves a ticket to */
	enum view_id		 feedback_from;	/* and the feedback view */
	bool			 view_chosen;	/* the first view was decided */

	/* The wallboard: src/board.c decides when to fetch, the view draws
	 * and records the spots Enter can follow. */
	struct wb_live		*wb_live;	/* owned */
	struct wb_slow		*wb_slow;	/* owned */
	char			*wb_error;
	bool			 wb_live_busy;
	bool			 wb_slow_busy;
	bool			 wb_live_stale;	/* a change since the fetch */
	bool			 wb_slow_stale;
	double			 wb_live_at;	/* local time of the fetches */
	double			 wb_slow_at;
	int			 wb_page;	/* narrow screens: which panel */
	int			 wb_sel;	/* index into spots */
	struct wb_spot		 spots[APP_MAX_SPOTS];
	int			 nspots;
	struct queue_drill	 drill;		/* the queue shows these when
						   drill.what is set */

	/* Presence for the wallboards: away after a while without keys. */
	double			 last_key_at;
	double			 beat_at;
	bool			 away;

	/* The ticket screen. Replies find it by id: open_id. */
	long long		 open_id;
	struct ticket		*ticket;	/* owned; NULL while loading */
	int			 thread_top;	/* first visual row shown */
	struct search		*thread_search;	/* owned */
	int			 match_row;	/* visual row of the current match */
	int			 match_dir;	/* +1/-1: jump on the next draw */
	bool			 thread_bottom;	/* scroll to the end on load */

	/* The customer and knowledge panels of the ticket screen. */
	enum panel_id		 panel;
	bool			 panel_focus;	/* keys go to the panel */
	bool			 panel_beside;	/* wide: drawn beside the thread */
	struct customer		*customer;	/* owned */
	bool			 org_history;
	int			 hist_sel;
	struct kb_list		*kb;		/* owned */
	int			 kb_sel;
	struct kb_article	*article;	/* owned: being read */
	int			 article_top;

	/* Tickets opened from the history: Esc comes back to each. */
	struct {
		long long	 id;
		int		 top;
	}			 back[8];
	int			 nback;

	/* The reply editor, open over the ticket screen. */
	struct editbuf		*edit;		/* owned; NULL when closed */
	bool			 edit_note;	/* an internal note, not a reply */
	long long		 edit_seen;	/* newest message seen while
						   writing; -1: take the next */
	unsigned long		 edit_saved;	/* generation last saved */
	unsigned long		 edit_written;	/* generation in the local file */
	double			 edit_changed_at;
	char			*state_dir;	/* owned: drafts live below it */
	char			*draft_tag;	/* owned: which database */

	/* A reply on its way: kept until the server confirms it, and sent
	 * again with the same key after a reconnect. */
	struct {
		long long	 ticket;
		char		*body;
		char		*key;
		bool		 note;
		bool		 force;
		long long	 seen;
		bool		 in_flight;
	} pending;

	struct menu		 menu;
	struct survey		 survey;	/* the rating prompt */
	struct feedback		*feedback;	/* owned: the feedback view */
	int			 fb_sel;
	long long		 transfer_queue;	/* chosen, awaiting the note */
	struct {
		enum prompt_kind kind;
		struct editbuf	*eb;	/* owned while open */
	} prompt;
	char			*flash;		/* a message for the status line */
	double			 flash_until;
	bool			 flash_error;
	int			 selected;	/* index into vis */
	int			*vis;		/* queue rows the filter lets through */
	int			 nvis;
	struct filter		*filter;	/* owned; NULL: every row */
	int			 top;		/* first visible row */
	int			 page;		/* rows per page, set by the view */
	int			 help_top;

	struct target		 targets[APP_MAX_TARGETS];
	int			 ntargets;

	int			 cursor_y;	/* where the editor's cursor is */
	int			 cursor_x;
	bool			 ascii;		/* no UTF-8 on this terminal */
	bool			 color;
	bool			 dirty;		/* redraw at the end of this turn */
	bool			 redraw_all;	/* clear and redraw everything */
	bool			 quit;
};

/* Applies an action to the state (moving, switching views, quitting). */
void app_action(struct app *app, enum action act);

/* Replaces the queue, keeping the selection on the same ticket when it is
 * still there. Takes ownership of q. */
void app_set_queue(struct app *app, struct queue *q);

/* The prompt was answered (text) or cancelled (NULL). */
void app_prompt_done(struct app *app, const char *text);
/* Recomputes which queue rows the filter lets through. */
void app_refilter(struct app *app);

/* Chooses entry index of the open menu (or -1 to cancel it). */
void app_menu_choose(struct app *app, int index);
/* Asks whether to send although newer messages arrived. */
void app_menu_conflict(struct app *app);

/* Shows a message on the status line for a few seconds. */
void app_flash(struct app *app, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Things only the console can do, because they talk to the database; set
 * by the console before the loop starts (src/work.c). */
struct app_work {
	void	(*open)(struct app *app, long long id);
	void	(*take_next)(struct app *app);
	void	(*set)(struct app *app, const char *field, const char *value);
	void	(*compose)(struct app *app, bool note);
	void	(*close_ticket)(struct app *app);
	void	(*reload)(struct app *app);
	void	(*send_anyway)(struct app *app);
	void	(*acknowledge)(struct app *app);
	void	(*org_history)(struct app *app);
	void	(*open_article)(struct app *app, long long id);
	void	(*kb_search)(struct app *app, const char *query);
	void	(*insert)(struct app *app, const char *text);
	void	(*go_back)(struct app *app);
	void	(*pick)(struct app *app, enum menu_kind kind);
	void	(*transfer)(struct app *app, long long queue, const char *note);
	void	(*assign)(struct app *app, long long agent);
	void	(*merge)(struct app *app, long long target);
	void	(*macro)(struct app *app, const struct pick_item *macro);
	void	(*feedback)(struct app *app);
	void	(*wallboard)(struct app *app);	/* shown: fetch what is due */
	void	(*drill)(struct app *app);	/* app->drill changed */
};

/* Shows a view; the wallboard fetches what is due as it comes back. */
void app_show(struct app *app, enum view_id v);

/* Whether the queue shows a wallboard drill-down instead of a view. */
bool app_drilling(const struct app *app);

/* Whether the open ticket is only to read: a supervisor's view of a
 * ticket that is not theirs (they take it with @ to work on it). */
bool app_read_only(const struct app *app);

/* Asks for the comment a rating of "other" needs. */
void app_prompt_rating_comment(struct app *app);

/* Opens a menu over a list the console fetched (takes ownership). */
void app_menu_pick(struct app *app, enum menu_kind kind, struct pick_list *l);
extern const struct app_work *app_work;

/* Local time adjusted to the server's clock, in epoch seconds. */
double app_server_now(const struct app *app, double local_now);

#endif
