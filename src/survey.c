/* The rating prompt, step by step. Nothing half-answered is stored: Esc
 * records that the customer declined (when they were being asked) or was
 * not asked, with the agent's outcome if given, and nothing else. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db/context.h"
#include "db/feedback.h"
#include "i18n.h"
#include "survey.h"
#include "xmalloc.h"

const char *const survey_reasons[][2] = {
	{ "low_expertise", N_("low expertise") },
	{ "long_wait", N_("long wait") },
	{ "not_resolved", N_("issue not resolved") },
	{ "manner", N_("manner") },
	{ "other", N_("other (say what)") },
	{ NULL, NULL }
};

const char *
survey_reason_label(const char *code)
{
	for (int i = 0; code != NULL && survey_reasons[i][0] != NULL; i++)
		if (strcmp(survey_reasons[i][0], code) == 0)
			return _(survey_reasons[i][1]);
	return code != NULL ? code : "";
}

void
survey_score_text(const struct feedback_row *r, char *buf, size_t len)
{
	if (r->csat > 0 && r->nps >= 0)
		snprintf(buf, len, "CSAT %d NPS %d", r->csat, r->nps);
	else if (r->csat > 0)
		snprintf(buf, len, "CSAT %d", r->csat);
	else
		snprintf(buf, len, "NPS %d", r->nps);
}

const char *const survey_csat_labels[5] = {
	N_("very dissatisfied"),
	N_("dissatisfied"),
	N_("neither"),
	N_("satisfied"),
	N_("very satisfied"),
};

static void survey_submit(struct app *app, const char *status);

static void
survey_reset(struct survey *s)
{
	survey_plan_free(s->plan);
	pick_list_free(s->topics);
	free(s->subject);
	free(s->topic);
	free(s->comment);
	free(s->key);
	memset(s, 0, sizeof *s);
	s->fcr = -1;
	s->csat = -1;
	s->nps = -1;
}

/* A new key per prompt: a retry of the same answers is one rating. */
static char *
survey_key_new(long long ticket)
{
	char *key;

	xasprintf(&key, "rating:%lld:%ld:%d", ticket, (long)db_now(),
	    rand() % 100000);
	return key;
}

/* After the outcome: ask, offer a survey, or say why not. */
static void
survey_after_outcome(struct app *app)
{
	struct survey *s = &app->survey;

	if (s->plan == NULL || !s->plan->ask)
		s->step = SS_NOT_SAMPLED;
	else if (!s->plan->live)
		s->step = SS_SURVEY;
	else if (s->plan->ask_csat)
		s->step = SS_CSAT;
	else if (s->plan->ask_nps)
		s->step = SS_NPS;
	else
		survey_submit(app, "not_asked");
}

static void
survey_after_csat_block(struct app *app)
{
	struct survey *s = &app->survey;

	if (s->plan->ask_nps)
		s->step = SS_NPS;
	else
		survey_submit(app, "answered");
}

static void
survey_ready(struct app *app)
{
	struct survey *s = &app->survey;

	if (s->step == SS_LOADING && s->plan != NULL && s->topics != NULL)
		s->step = SS_FCR;
	app->dirty = true;
}

static void
survey_got_plan(long long ticket, struct survey_plan *p, const char *error,
    void *arg)
{
	struct app *app = arg;

	if (ticket != app->survey.ticket || app->survey.step != SS_LOADING) {
		survey_plan_free(p);
		return;
	}
	if (p == NULL) {
		app_flash(app, true, _("cannot prepare the rating: %s"), error);
		survey_reset(&app->survey);
		return;
	}
	/* Rated already: nothing to ask, and a second rating would be
	 * refused; say so at once instead of opening the prompt. */
	if (p->reason != NULL && strcmp(p->reason, "already_rated") == 0) {
		app_flash(app, true, _("ticket #%lld already has a rating; it "
		    "is not asked again"), ticket);
		survey_plan_free(p);
		survey_reset(&app->survey);
		return;
	}
	app->survey.plan = p;
	survey_ready(app);
}

static void
survey_got_topics(struct pick_list *l, const char *error, void *arg)
{
	struct app *app = arg;

	if (app->survey.step != SS_LOADING) {
		pick_list_free(l);
		return;
	}
	/* Without topics the prompt still works: it skips that question. */
	app->survey.topics = l != NULL ? l : xcalloc(1, sizeof *l);
	survey_ready(app);
}

void
survey_start(struct app *app, long long ticket, const char *subject)
{
	struct survey *s = &app->survey;

	survey_reset(s);
	s->ticket = ticket;
	s->subject = xstrdup(subject != NULL ? subject : "");
	s->key = survey_key_new(ticket);
	s->step = SS_LOADING;
	survey_plan_fetch(app->db, ticket, survey_got_plan, app);
	pick_fetch(app->db, PICK_TOPICS, NULL, survey_got_topics, app);
	app->dirty = true;
}

static void
survey_saved(long long ticket, const char *status, long long callback,
    const char *message, const char *error, void *arg)
{
	struct app *app = arg;
	struct survey *s = &app->survey;

	if (ticket != s->ticket || s->step != SS_SAVING)
		return;
	if (status == NULL) {
		/* Lost with the connection: kept, and sent again on reconnect.
		 * Refused by the database: said, and the prompt closes. */
		if (app->db_state != DB_READY) {
			app_flash(app, true, "%s", _("connection lost: the rating "
			    "will be saved when it is back"));
			return;
		}
		app_flash(app, true, _("rating not saved: %s"), error);
	} else if (strcmp(status, "refused") == 0)
		app_flash(app, true, "%s", message != NULL ? message :
		    _("this ticket already has a rating"));
	else if (callback != 0)
		app_flash(app, true, _("rating saved; callback ticket #%lld "
		    "created, due within the hour"), callback);
	else if (strcmp(s->status, "survey_sent") == 0)
		app_flash(app, false, "%s", _("outcome saved; a survey goes to "
		    "the customer"));
	else if (strcmp(s->status, "answered") == 0)
		app_flash(app, false, "%s", _("rating saved"));
	else	/* declined or not asked: no score, the outcome only */
		app_flash(app, false, "%s", _("outcome saved, no rating"));
	survey_reset(s);
	app->dirty = true;
}

static void
survey_send(struct app *app)
{
	struct survey *s = &app->survey;
	struct rating_answers a = {
		.ticket = s->ticket,
		.key = s->key,
		.status = s->status,
		.fcr = s->fcr,
		.topic = s->topic,
		.csat = s->csat,
		.nps = s->nps,
		.reason = s->reason,
		.comment = s->comment,
		.callback = s->callback,
	};

	if (app->db_state == DB_READY)
		rating_submit(app->db, &a, survey_saved, app);
}

static void
survey_submit(struct app *app, const char *status)
{
	struct survey *s = &app->survey;

	/* Only complete answers: a decline or an escape keeps the agent's
	 * outcome and drops any scores. */
	if (strcmp(status, "answered") != 0) {
		s->csat = -1;
		s->nps = -1;
		s->reason = NULL;
		s->callback = false;
		free(s->comment);
		s->comment = NULL;
	}
	s->status = status;
	s->step = SS_SAVING;
	app->dirty = true;
	survey_send(app);
}

void
survey_reconnected(struct app *app)
{
	if (app->survey.step == SS_SAVING)
		survey_send(app);
}

void
survey_comment(struct app *app, const char *text)
{
	struct survey *s = &app->survey;

	if (s->step != SS_REASON)
		return;
	if (text == NULL || strspn(text, " \t\n") == strlen(text)) {
		app_flash(app, true, "%s", _("\"other\" needs a few words: what "
		    "could be better?"));
		s->reason = NULL;
		return;
	}
	free(s->comment);
	s->comment = xstrdup(text);
	s->step = SS_CALLBACK;
	app->dirty = true;
}

static bool
survey_yes_no(int ch, bool *answer)
{
	if (ch == 'y' || ch == 'Y') {
		*answer = true;
		return true;
	}
	if (ch == 'n' || ch == 'N') {
		*answer = false;
		return true;
	}
	return false;
}

void
survey_key(struct app *app, int ch)
{
	struct survey *s = &app->survey;
	bool yes;
	size_t len;
	int n;

	app->dirty = true;
	if (ch == 27) {
		switch (s->step) {
		case SS_CSAT:
		case SS_REASON:
		case SS_CALLBACK:
		case SS_NPS:
			survey_submit(app, "declined");
			break;
		case SS_SAVING:
			break;
		case SS_LOADING:
			/* Nothing known yet: record that nobody was asked
			 * once the database answers; simplest is now. */
			/* FALLTHROUGH */
		default:
			survey_submit(app, "not_asked");
			break;
		}
		return;
	}
	switch (s->step) {
	case SS_FCR:
		if (survey_yes_no(ch, &yes)) {
			s->fcr = yes;
			s->step = s->topics != NULL && s->topics->n > 0 ?
			    SS_TOPIC : SS_NONE;
			if (s->step == SS_NONE)
				survey_after_outcome(app);
		}
		break;
	case SS_TOPIC:
		n = s->topics->n;
		if (ch == 'j' && s->sel < n - 1)
			s->sel++;
		else if (ch == 'k' && s->sel > 0)
			s->sel--;
		else if (ch >= '1' && ch <= '9' && ch - '1' < n)
			s->sel = ch - '1';
		if (ch == '\n' || (ch >= '1' && ch <= '9' && ch - '1' < n)) {
			free(s->topic);
			s->topic = xstrdup(s->topics->items[s->sel].body != NULL ?
			    s->topics->items[s->sel].body : "");
			survey_after_outcome(app);
		}
		break;
	case SS_CSAT:
		if (ch >= '1' && ch <= '5') {
			s->csat = ch - '0';
			if (s->csat <= 3)
				s->step = SS_REASON;
			else
				survey_after_csat_block(app);
		}
		break;
	case SS_REASON:
		if (ch >= '1' && ch <= '5') {
			s->reason = survey_reasons[ch - '1'][0];
			if (strcmp(s->reason, "other") == 0)
				app_prompt_rating_comment(app);
			else
				s->step = SS_CALLBACK;
		}
		break;
	case SS_CALLBACK:
		if (survey_yes_no(ch, &yes)) {
			s->callback = yes;
			survey_after_csat_block(app);
		}
		break;
	case SS_NPS:
		len = strlen(s->nps_text);
		if (ch >= '0' && ch <= '9' && len < 2) {
			s->nps_text[len] = (char)ch;
			s->nps_text[len + 1] = '\0';
			if (atoi(s->nps_text) > 10)
				s->nps_text[len] = '\0';
		} else if ((ch == 127 || ch == 8) && len > 0)
			s->nps_text[len - 1] = '\0';
		else if (ch == '\n') {
			s->nps = s->nps_text[0] != '\0' ? atoi(s->nps_text) : -1;
			if (s->nps < 0 && s->csat < 0)
				survey_submit(app, "declined");
			else
				survey_submit(app, "answered");
		}
		break;
	case SS_SURVEY:
		if (survey_yes_no(ch, &yes))
			survey_submit(app, yes ? "survey_sent" : "not_asked");
		break;
	case SS_NOT_SAMPLED:
		if (ch == '\n')
			survey_submit(app, "not_asked");
		break;
	default:
		break;
	}
}

void
survey_done(struct app *app)
{
	survey_reset(&app->survey);
}
