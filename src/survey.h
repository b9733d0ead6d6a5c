/* The rating prompt after a ticket is solved or closed: the agent's outcome
 * (resolved at first contact, topic), then, when the survey policy samples
 * this contact, satisfaction 1-5 with a reason and a callback offer for low
 * scores, and NPS 0-10; or a survey sent for channels where the agent
 * cannot ask live; or, when not sampled, why not. */
#ifndef FRONTLINE_SURVEY_H
#define FRONTLINE_SURVEY_H

#include <stdbool.h>

struct app;
struct pick_list;
struct survey_plan;

enum survey_step {
	SS_NONE,
	SS_LOADING,	/* the plan and the topics are on their way */
	SS_FCR,		/* resolved at first contact? y/n */
	SS_TOPIC,
	SS_CSAT,	/* 1-5, one key */
	SS_REASON,	/* for 1-3: what could be better */
	SS_CALLBACK,	/* does the customer want a callback? y/n */
	SS_NPS,		/* 0-10 and Enter; Enter alone skips */
	SS_SURVEY,	/* not live: send a survey? y/n */
	SS_NOT_SAMPLED,	/* why not, then Enter */
	SS_SAVING
};

struct survey {
	enum survey_step	 step;
	long long		 ticket;
	char			*subject;
	struct survey_plan	*plan;
	struct pick_list	*topics;
	int			 sel;		/* in the topic list */
	int			 fcr;		/* 1, 0, -1 not given */
	char			*topic;
	int			 csat;		/* -1 none */
	int			 nps;		/* -1 none */
	const char		*reason;	/* a reason code, or NULL */
	char			*comment;
	bool			 callback;
	char			 nps_text[3];
	char			*key;
	const char		*status;	/* what is being saved */
};

/* Reason codes with their labels (untranslated), ended by NULLs. */
extern const char *const survey_reasons[][2];
/* A reason code's label, translated; an unknown code as it is, NULL as "". */
const char *survey_reason_label(const char *code);
/* A low rating's scores as the lists show them: "CSAT 2 NPS 3", "CSAT 2"
 * or "NPS 3". */
struct feedback_row;
void survey_score_text(const struct feedback_row *r, char *buf, size_t len);
/* The labels of the CSAT scale, 1..5 at [0..4] (untranslated). */
extern const char *const survey_csat_labels[5];

/* Starts the prompt for a ticket just solved or closed. */
void survey_start(struct app *app, long long ticket, const char *subject);
/* A key in the prompt: a character, '\n' for Enter, 27 for Esc, 127 for
 * Backspace; KEY_UP/DOWN arrive as 'k'/'j'. */
void survey_key(struct app *app, int ch);
/* The comment that "other" needs, from the prompt (NULL: cancelled). */
void survey_comment(struct app *app, const char *text);
/* After a reconnect: a rating lost on its way is sent again. */
void survey_reconnected(struct app *app);
void survey_done(struct app *app);

#endif
