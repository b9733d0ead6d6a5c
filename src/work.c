/* Opening, taking and answering tickets. Every write carries what it needs
 * to be retried safely; every reply finds its ticket by id. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "core/editbuf.h"
#include "core/filter.h"
#include "core/template.h"
#include "core/search.h"
#include "db/context.h"
#include "db/ticket.h"
#include "i18n.h"
#include "paths.h"
#include "work.h"
#include "xmalloc.h"

/* Seconds between presence heartbeats; others see us for 60. */
#define WORK_HEARTBEAT	20
/* Seconds after the last keystroke before the draft goes to the database. */
#define WORK_DRAFT_DELAY 1.0

static void work_open(struct app *app, long long id);
static void work_feedback(struct app *app);

static void
work_got_customer(long long customer, struct customer *c, const char *error,
    void *arg)
{
	struct app *app = arg;

	if (app->ticket == NULL || app->ticket->customer_id != customer) {
		customer_free(c);
		return;
	}
	if (c == NULL) {
		app_flash(app, true, _("cannot load the customer: %s"), error);
		return;
	}
	customer_free(app->customer);
	app->customer = c;
	if (app->hist_sel >= c->nhistory)
		app->hist_sel = 0;
	app->dirty = true;
}

static void
work_got_kb(long long ticket, struct kb_list *l, const char *error, void *arg)
{
	struct app *app = arg;

	if (ticket != app->open_id) {
		kb_list_free(l);
		return;
	}
	if (l == NULL) {
		app_flash(app, true, _("knowledge search failed: %s"), error);
		return;
	}
	kb_list_free(app->kb);
	app->kb = l;
	app->kb_sel = 0;
	app->dirty = true;
}

static void
work_got_article(struct kb_article *a, const char *error, void *arg)
{
	struct app *app = arg;

	if (a == NULL) {
		app_flash(app, true, _("cannot open the article: %s"), error);
		return;
	}
	kb_article_free(app->article);
	app->article = a;
	app->article_top = 0;
	app->panel = PANEL_KB;
	app->panel_focus = true;
	app->dirty = true;
}

static void
work_open_article(struct app *app, long long id)
{
	kb_article_fetch(app->db, id, work_got_article, app);
}

static void
work_kb_search(struct app *app, const char *query)
{
	if (app->open_id == 0)
		return;
	if (*query == '\0')
		kb_suggest(app->db, app->open_id, work_got_kb, app);
	else	/* The agent types in any language: search them all. */
		kb_search(app->db, app->open_id, query, NULL, work_got_kb, app);
}

static void
work_org_history(struct app *app)
{
	if (app->ticket == NULL || app->customer == NULL)
		return;
	if (app->customer->organization == NULL) {
		app_flash(app, false, "%s", _("this customer has no "
		    "organization"));
		return;
	}
	app->org_history = !app->org_history;
	app->hist_sel = 0;
	customer_fetch(app->db, app->ticket->customer_id, app->org_history,
	    app->ticket->id, work_got_customer, app);
}

/* Drafts on disk: one file per database and ticket, so a draft survives a
 * dropped SSH session, kill -9 and a database that is away. */
static char *
work_draft_path(const struct app *app, long long ticket)
{
	char *path;

	xasprintf(&path, "%s/drafts/%s-%lld.txt", app->state_dir,
	    app->draft_tag, ticket);
	return path;
}

static void
work_draft_write_local(const struct app *app, long long ticket,
    const char *body)
{
	char *path = work_draft_path(app, ticket), *tmp, *dir;
	FILE *f;

	if (body == NULL || *body == '\0') {
		unlink(path);
		free(path);
		return;
	}
	xasprintf(&dir, "%s/drafts", app->state_dir);
	paths_mkdir_p(dir, 0700);
	free(dir);
	/* Write then rename: a crash mid-write leaves the old draft whole. */
	xasprintf(&tmp, "%s.tmp", path);
	if ((f = fopen(tmp, "w")) != NULL) {
		fputs(body, f);
		if (fclose(f) == 0)
			rename(tmp, path);
	}
	unlink(tmp);
	free(tmp);
	free(path);
}

static char *
work_draft_read_local(const struct app *app, long long ticket)
{
	char *path = work_draft_path(app, ticket), *body;

	body = paths_read_file(path, NULL);
	free(path);
	return body;
}

/* A client-generated key: the same reply retried is the same key. */
static char *
work_new_key(void)
{
	unsigned char b[16];
	char *key;
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd == -1 || read(fd, b, sizeof b) != (ssize_t)sizeof b) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		for (size_t i = 0; i < sizeof b; i++)
			b[i] = (unsigned char)((ts.tv_nsec >> (i % 8)) ^
			    (getpid() >> (i % 4)) ^ (int)i * 131);
	}
	if (fd != -1)
		close(fd);
	xasprintf(&key, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
	return key;
}

static void
work_got_ticket(long long id, struct ticket *t, const char *error, void *arg)
{
	struct app *app = arg;

	if (id != app->open_id) {
		ticket_free(t);	/* the agent moved on meanwhile */
		return;
	}
	if (t == NULL) {
		if (app->ticket == NULL) {
			app_show(app, app->ticket_from);
			app->open_id = 0;
		}
		app_flash(app, true, _("cannot open ticket #%lld: %s"), id,
		    error);
		return;
	}
	/* Someone wrote while the agent types: say so at once. */
	if (app->edit != NULL && app->ticket != NULL && app->ticket->id == t->id &&
	    t->last_message_id > app->ticket->last_message_id) {
		int customer = 0, others = 0;

		for (int i = 0; i < t->nmsgs; i++) {
			if (t->msgs[i].id <= app->ticket->last_message_id)
				continue;
			if (strcmp(t->msgs[i].kind, "customer") == 0)
				customer++;
			else
				others++;
		}
		if (customer > 0)
			app_flash(app, true, "%s", _("the customer wrote again "
			    "while you were typing: read it before you send"));
		else if (others > 0)
			app_flash(app, true, "%s", _("another agent wrote on this "
			    "ticket while you were typing"));
		app->thread_bottom = true;
	}
	if (app->edit_seen == -1)
		app->edit_seen = t->last_message_id;
	/* The first load of a ticket brings its customer and suggestions;
	 * reloads after changes keep what the agent is reading. */
	if (app->ticket == NULL || app->ticket->id != t->id) {
		customer_fetch(app->db, t->customer_id, app->org_history, t->id,
		    work_got_customer, app);
		if (app->kb == NULL)
			kb_suggest(app->db, t->id, work_got_kb, app);
	}
	ticket_free(app->ticket);
	app->ticket = t;
	app->dirty = true;
}

static void
work_got_draft(long long ticket, char *body, const char *error, void *arg)
{
	struct app *app = arg;

	/* The local file is the newer copy when both exist: it is written
	 * at every keystroke, the database only a second later. */
	if (ticket == app->open_id && app->edit != NULL && body != NULL &&
	    editbuf_is_empty(app->edit)) {
		if (editbuf_set(app->edit, body) == -1)
			app_flash(app, true, "%s", _("the saved draft is too long "
			    "to restore whole"));
		app->edit_saved = editbuf_generation(app->edit);
		app->dirty = true;
	}
	free(body);
}

/* Leaves the open ticket: the draft is kept, others stop seeing us. */
static void
work_leave(struct app *app)
{
	if (app->edit != NULL)
		work_edit_close(app);
	if (app->open_id != 0 && app->db_state == DB_READY)
		ticket_presence(app->db, app->open_id, NULL);
}

static void
work_open(struct app *app, long long id)
{
	if (app->open_id != 0 && app->open_id != id)
		work_leave(app);
	app->open_id = id;
	if (app->view != VIEW_TICKET && app->view != VIEW_HELP)
		app->ticket_from = app->view;
	app->view = VIEW_TICKET;
	app->thread_top = 0;
	kb_list_free(app->kb);
	app->kb = NULL;
	kb_article_free(app->article);
	app->article = NULL;
	app->kb_sel = 0;
	ticket_free(app->ticket);
	app->ticket = NULL;
	/* Another ticket may be another customer's: never show the wrong one. */
	customer_free(app->customer);
	app->customer = NULL;
	app->hist_sel = 0;
	search_free(app->thread_search);
	app->thread_search = NULL;
	app->match_row = -1;
	app->thread_bottom = true;
	ticket_fetch(app->db, id, work_got_ticket, app);
	ticket_presence(app->db, id, "viewing");
	app->dirty = true;
}

/* After a conflict, "read them first": the agent has now seen them. */
static void
work_acknowledge(struct app *app)
{
	app->edit_seen = -1;
	if (app->open_id != 0)
		ticket_fetch(app->db, app->open_id, work_got_ticket, app);
}

static void
work_reload(struct app *app)
{
	if (app->open_id != 0)
		ticket_fetch(app->db, app->open_id, work_got_ticket, app);
}

static void
work_close_ticket(struct app *app)
{
	work_leave(app);
	ticket_free(app->ticket);
	app->ticket = NULL;
	app->open_id = 0;
	app_show(app, app->ticket_from);
	app->menu.kind = MENU_NONE;
	customer_free(app->customer);
	app->customer = NULL;
	kb_list_free(app->kb);
	app->kb = NULL;
	kb_article_free(app->article);
	app->article = NULL;
	app->panel_focus = false;
	app->org_history = false;
	app->hist_sel = 0;
	app->nback = 0;
	app->dirty = true;
}

static void
work_taken(long long id, const char *error, void *arg)
{
	struct app *app = arg;

	if (error != NULL)
		app_flash(app, true, _("could not take the next ticket: %s"), error);
	else if (id == 0)
		app_flash(app, false, "%s", _("nothing to take: no unassigned "
		    "ticket in your queues fits you"));
	else {
		app_flash(app, false, _("ticket #%lld is yours"), id);
		work_open(app, id);
	}
}

static void
work_take_next(struct app *app)
{
	if (app->db_state != DB_READY) {
		app_flash(app, true, "%s", _("not connected: cannot take a "
		    "ticket now"));
		return;
	}
	ticket_take_next(app->db, work_taken, app);
}

static void
work_written(long long ticket, enum ticket_write w, int newer,
    const char *error, void *arg)
{
	struct app *app = arg;

	if (w == TW_FAILED)
		app_flash(app, true, _("not saved: %s"), error);
	else
		app_flash(app, false, _("ticket #%lld updated"), ticket);
}

static void
work_set(struct app *app, const char *field, const char *value)
{
	if (app->open_id == 0)
		return;
	if (app->db_state != DB_READY) {
		app_flash(app, true, "%s", _("not connected: the change was "
		    "not made"));
		return;
	}
	ticket_set(app->db, app->open_id, field, value, work_written, app);
	work_reload(app);
}

static void
work_compose(struct app *app, bool note)
{
	char *body;

	app->edit_note = note;
	if (app->edit != NULL) {
		app->dirty = true;
		return;
	}
	/* What the agent has seen when they begin: anything newer at send
	 * time stops the send and asks. */
	app->edit_seen = app->ticket != NULL ? app->ticket->last_message_id : -1;
	body = work_draft_read_local(app, app->open_id);
	app->edit = editbuf_new(body != NULL ? body : "");
	app->edit_saved = app->edit_written = editbuf_generation(app->edit);
	if (body == NULL && app->db_state == DB_READY)
		ticket_draft_get(app->db, app->open_id, work_got_draft, app);
	free(body);
	if (app->db_state == DB_READY)
		ticket_presence(app->db, app->open_id, "replying");
	app->dirty = true;
}

static void work_send_pending(struct app *app);

static void
work_sent(long long ticket, enum ticket_write w, int newer,
    const char *error, void *arg)
{
	struct app *app = arg;

	app->pending.in_flight = false;
	switch (w) {
	case TW_DONE:
	case TW_DUPLICATE:
		app_flash(app, false, app->pending.note ?
		    _("note added to #%lld") : _("reply sent on #%lld"), ticket);
		/* The draft is spent: both copies go. */
		work_draft_write_local(app, ticket, "");
		if (app->db_state == DB_READY)
			ticket_draft_save(app->db, ticket, "");
		free(app->pending.body);
		free(app->pending.key);
		memset(&app->pending, 0, sizeof app->pending);
		if (ticket == app->open_id) {
			app->thread_bottom = true;
			work_reload(app);
		}
		break;
	case TW_CONFLICT:
		/* Nothing was written: the text goes back into the editor, and
		 * the agent reads what is new and decides. */
		if (ticket == app->open_id && app->edit == NULL) {
			app->edit = editbuf_new(app->pending.body);
			app->edit_written = editbuf_generation(app->edit);
			app->edit_note = app->pending.note;
		}
		app->edit_seen = app->pending.seen;
		free(app->pending.body);
		free(app->pending.key);
		memset(&app->pending, 0, sizeof app->pending);
		app_flash(app, true, P_("%d new message arrived since you "
		    "opened the ticket", "%d new messages arrived since you "
		    "opened the ticket", (unsigned long)newer), newer);
		app_menu_conflict(app);
		work_reload(app);
		break;
	case TW_FAILED:
		/* Lost with the connection: kept, and sent again with the same
		 * key on reconnect. Refused by the server: back to the editor. */
		if (app->db_state == DB_READY) {
			if (ticket == app->open_id && app->edit == NULL) {
				app->edit = editbuf_new(app->pending.body);
				app->edit_written = editbuf_generation(app->edit);
				app->edit_note = app->pending.note;
			}
			app_flash(app, true, _("not sent: %s"), error);
			free(app->pending.body);
			free(app->pending.key);
			memset(&app->pending, 0, sizeof app->pending);
		} else
			app_flash(app, true, "%s", _("connection lost: the "
			    "reply will be sent when it is back"));
		break;
	}
	app->dirty = true;
}

static void
work_send_pending(struct app *app)
{
	if (app->pending.body == NULL || app->pending.in_flight ||
	    app->db_state != DB_READY)
		return;
	app->pending.in_flight = true;
	ticket_send(app->db, app->pending.ticket, app->pending.note,
	    app->pending.body, app->pending.key, app->pending.seen,
	    app->pending.force, work_sent, app);
}

static void
work_send_text(struct app *app, bool force)
{
	if (app->edit == NULL || app->ticket == NULL)
		return;
	if (editbuf_is_empty(app->edit)) {
		app_flash(app, true, "%s", _("nothing to send: the reply is "
		    "empty"));
		return;
	}
	if (app->pending.body != NULL) {
		app_flash(app, true, "%s", _("the previous reply is still on "
		    "its way"));
		return;
	}
	app->pending.ticket = app->ticket->id;
	app->pending.body = xstrdup(editbuf_text(app->edit));
	app->pending.key = work_new_key();
	app->pending.note = app->edit_note;
	app->pending.seen = app->edit_seen > 0 ? app->edit_seen :
	    app->ticket->last_message_id;
	app->pending.force = force;
	/* The draft stays on disk until the server has the reply. */
	work_draft_write_local(app, app->pending.ticket, app->pending.body);
	editbuf_free(app->edit);
	app->edit = NULL;
	if (app->db_state == DB_READY)
		ticket_presence(app->db, app->pending.ticket, "viewing");
	app_flash(app, false, "%s", _("sending..."));
	work_send_pending(app);
}

void
work_send(struct app *app)
{
	work_send_text(app, false);
}

/* After a conflict the agent chose to send what they wrote regardless. */
static void
work_send_anyway(struct app *app)
{
	work_send_text(app, true);
}

void
work_edit_close(struct app *app)
{
	if (app->edit == NULL)
		return;
	work_draft_write_local(app, app->open_id, editbuf_text(app->edit));
	if (app->db_state == DB_READY) {
		ticket_draft_save(app->db, app->open_id, editbuf_text(app->edit));
		ticket_presence(app->db, app->open_id, "viewing");
	}
	if (!editbuf_is_empty(app->edit))
		app_flash(app, false, "%s", _("draft kept"));
	editbuf_free(app->edit);
	app->edit = NULL;
	app->dirty = true;
}

void
work_draft_changed(struct app *app)
{
	if (app->edit == NULL)
		return;
	app->edit_changed_at = db_now();
}

void
work_flush(struct app *app)
{
	if (app->edit == NULL ||
	    editbuf_generation(app->edit) == app->edit_written)
		return;
	work_draft_write_local(app, app->open_id, editbuf_text(app->edit));
	app->edit_written = editbuf_generation(app->edit);
}

void
work_tick(struct app *app, double now)
{
	static double last_beat;

	if (app->edit != NULL && app->db_state == DB_READY &&
	    editbuf_generation(app->edit) != app->edit_saved &&
	    now - app->edit_changed_at >= WORK_DRAFT_DELAY) {
		ticket_draft_save(app->db, app->open_id, editbuf_text(app->edit));
		app->edit_saved = editbuf_generation(app->edit);
	}
	if (app->open_id != 0 && app->db_state == DB_READY &&
	    now - last_beat >= WORK_HEARTBEAT) {
		last_beat = now;
		ticket_presence(app->db, app->open_id, app->edit != NULL ?
		    "replying" : "viewing");
	}
	if (app->flash != NULL && now >= app->flash_until) {
		free(app->flash);
		app->flash = NULL;
		app->dirty = true;
	}
}

void
work_reconnected(struct app *app)
{
	if (app->open_id != 0) {
		ticket_presence(app->db, app->open_id, app->edit != NULL ?
		    "replying" : "viewing");
		work_reload(app);
	}
	if (app->pending.body != NULL) {
		app->pending.in_flight = false;
		work_send_pending(app);
	}
	survey_reconnected(app);
}

void
work_changed(struct app *app)
{
	work_reload(app);
}

void
work_any_change(struct app *app)
{
	/* The feedback view follows every change: a rating, a callback's
	 * reply. It is one cheap query, and only while it is shown. */
	if (app->view == VIEW_FEEDBACK)
		work_feedback(app);
}

/* Puts text into the reply at the cursor, opening the editor if needed. */
static void
work_insert(struct app *app, const char *text)
{
	if (app->ticket == NULL)
		return;
	if (app->edit == NULL)
		work_compose(app, false);
	if (editbuf_insert(app->edit, text, strlen(text)) == -1) {
		app_flash(app, true, "%s", _("the reply is too long"));
		return;
	}
	work_draft_changed(app);
	app_flash(app, false, "%s", _("inserted into the reply"));
}

/* Back to the ticket the agent came from through the history. */
static void
work_go_back(struct app *app)
{
	long long id;
	int top;

	if (app->nback == 0)
		return;
	app->nback--;
	id = app->back[app->nback].id;
	top = app->back[app->nback].top;
	work_open(app, id);
	app->thread_bottom = false;
	app->thread_top = top;
}

static void
work_got_pick(struct pick_list *l, const char *error, void *arg)
{
	struct app *app = arg;
	enum menu_kind kind;

	if (l == NULL) {
		app_flash(app, true, _("cannot load the choices: %s"), error);
		return;
	}
	if (app->view != VIEW_TICKET || app->ticket == NULL) {
		pick_list_free(l);
		return;
	}
	kind = l->kind == PICK_QUEUES ? MENU_TRANSFER : l->kind ==
	    PICK_AGENTS ? MENU_ASSIGN : MENU_MACRO;
	if (l->n == 0 && kind == MENU_MACRO) {
		app_flash(app, false, "%s", _("no canned replies in this "
		    "ticket's language"));
		pick_list_free(l);
		return;
	}
	app_menu_pick(app, kind, l);
}

static void
work_pick(struct app *app, enum menu_kind kind)
{
	if (app->ticket == NULL)
		return;
	if (app->db_state != DB_READY) {
		app_flash(app, true, "%s", _("not connected: try again when "
		    "the database is back"));
		return;
	}
	pick_fetch(app->db, kind == MENU_TRANSFER ? PICK_QUEUES :
	    kind == MENU_ASSIGN ? PICK_AGENTS : PICK_MACROS,
	    kind == MENU_MACRO && *app->ticket->language != '\0' ?
	    app->ticket->language : NULL, work_got_pick, app);
}

static void
work_moved(long long ticket, enum ticket_write w, int newer,
    const char *error, void *arg)
{
	struct app *app = arg;

	if (w == TW_FAILED) {
		app_flash(app, true, _("not done: %s"), error);
		return;
	}
	app_flash(app, false, _("ticket #%lld handed over"), ticket);
	/* Once transferred it is usually out of our sight: back to the
	 * queue, which the change refreshes. */
	if (ticket == app->open_id)
		work_close_ticket(app);
}

static void
work_transfer(struct app *app, long long queue, const char *note)
{
	char *key = work_new_key();

	if (app->open_id == 0)
		return;
	ticket_transfer(app->db, app->open_id, queue, 0, note, key, work_moved,
	    app);
	free(key);
}

static void
work_assign(struct app *app, long long agent)
{
	if (app->open_id == 0)
		return;
	ticket_assign(app->db, app->open_id, agent, work_written, app);
	work_reload(app);
}

static void
work_merged(long long ticket, enum ticket_write w, int newer,
    const char *error, void *arg)
{
	struct app *app = arg;

	if (w == TW_FAILED) {
		app_flash(app, true, _("not merged: %s"), error);
		return;
	}
	app_flash(app, false, _("ticket #%lld merged"), ticket);
	if (ticket == app->open_id)
		work_close_ticket(app);
}

static void
work_merge(struct app *app, long long target)
{
	char *key = work_new_key();

	if (app->open_id == 0)
		return;
	if (target == app->open_id) {
		app_flash(app, true, "%s", _("a ticket cannot be merged into "
		    "itself"));
		free(key);
		return;
	}
	ticket_merge(app->db, app->open_id, target, key, work_merged, app);
	free(key);
}

/* A canned reply, its placeholders filled from this ticket. */
static void
work_macro(struct app *app, const struct pick_item *macro)
{
	const struct ticket *t = app->ticket;
	char id[24], *text, *unknown;
	struct template_var vars[] = {
		{ "customer.name", t != NULL ? t->customer : "" },
		{ "customer.organization", t != NULL && t->organization != NULL ?
		    t->organization : "" },
		{ "customer.email", app->customer != NULL &&
		    app->customer->email != NULL ? app->customer->email : "" },
		{ "agent.name", app->agent != NULL && app->agent->name != NULL ?
		    app->agent->name : db_user(app->db) },
		{ "ticket.id", id },
		{ "ticket.subject", t != NULL ? t->subject : "" },
		{ "ticket.queue", t != NULL ? t->queue : "" },
		{ NULL, NULL }
	};

	if (t == NULL || macro->body == NULL)
		return;
	snprintf(id, sizeof id, "%lld", t->id);
	text = template_expand(macro->body, vars);
	work_insert(app, text);
	if ((unknown = template_unknown(macro->body, vars)) != NULL) {
		app_flash(app, true, _("fill in %s before sending"), unknown);
		free(unknown);
	}
	free(text);
}

static void
work_got_feedback(struct feedback *f, const char *error, void *arg)
{
	struct app *app = arg;

	if (f == NULL) {
		app_flash(app, true, _("cannot load the feedback: %s"), error);
		return;
	}
	feedback_free(app->feedback);
	app->feedback = f;
	app->dirty = true;
}

static void
work_feedback(struct app *app)
{
	if (app->db_state == DB_READY)
		feedback_fetch(app->db, 200, work_got_feedback, app);
}

static const struct app_work work_ops = {
	.open = work_open,
	.take_next = work_take_next,
	.set = work_set,
	.compose = work_compose,
	.close_ticket = work_close_ticket,
	.reload = work_reload,
	.acknowledge = work_acknowledge,
	.send_anyway = work_send_anyway,
	.org_history = work_org_history,
	.open_article = work_open_article,
	.kb_search = work_kb_search,
	.insert = work_insert,
	.go_back = work_go_back,
	.pick = work_pick,
	.transfer = work_transfer,
	.assign = work_assign,
	.merge = work_merge,
	.macro = work_macro,
	.feedback = work_feedback,
	.wallboard = board_show,
	.drill = board_drill,
};

/* FNV-1a of the connection string: drafts of two databases never mix. */
static char *
work_tag(const char *conninfo)
{
	uint64_t h = 1469598103934665603ULL;
	char *tag;

	for (const char *p = conninfo; *p != '\0'; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	xasprintf(&tag, "%016llx", (unsigned long long)h);
	return tag;
}

void
work_init(struct app *app, const char *conninfo)
{
	app_work = &work_ops;
	app->state_dir = paths_state_dir();
	app->draft_tag = work_tag(conninfo != NULL ? conninfo : "");
}

void
work_done(struct app *app)
{
	if (app->edit != NULL) {
		work_draft_write_local(app, app->open_id, editbuf_text(app->edit));
		editbuf_free(app->edit);
		app->edit = NULL;
	}
	ticket_free(app->ticket);
	app->ticket = NULL;
	customer_free(app->customer);
	kb_list_free(app->kb);
	kb_article_free(app->article);
	search_free(app->thread_search);
	filter_free(app->filter);
	free(app->vis);
	free(app->pending.body);
	free(app->pending.key);
	free(app->state_dir);
	free(app->draft_tag);
	free(app->flash);
	feedback_free(app->feedback);
	survey_done(app);
}
