/* A customer's rating of a ticket as it arrives from outside (an import
 * file, a web form, an IVR): one JSON object, checked field by field.
 *
 *   {"ticket": 1042, "csat": 2, "nps": 6, "reason": "long_wait",
 *    "comment": "...", "callback": true, "via": "email", "key": "..."}
 *
 * Only the database knows whether the ticket exists and may be rated; this
 * checks everything that can be known from the record alone. */
#ifndef FRONTLINE_RATING_H
#define FRONTLINE_RATING_H

#include <stdbool.h>
#include <stddef.h>

/* Longest comment, in characters (code points), and longest key. */
#define RATING_COMMENT_MAX	4000
#define RATING_KEY_MAX		200

/* One checked record. The strings belong to it; rating_record_done frees
 * them. reason and comment are NULL when not given; via and key always
 * hold a value (the defaults "import" and "import:<ticket>"). */
struct rating_record {
	long long	 ticket;
	int		 csat;		/* 1..5, 0 = none */
	int		 nps;		/* 0..10, -1 = none */
	char		*reason;	/* low_expertise, long_wait, not_resolved,
					   manner, other */
	char		*comment;
	bool		 callback;	/* the customer wants a call back */
	char		*via;		/* import, web, email, ivr */
	char		*key;		/* idempotency key */
};

/*
 * Parses one line of JSON (len bytes at line, no NUL needed) into *r, which
 * it overwrites. Returns 0, or -1 with *cause (the caller frees) saying what
 * is wrong and naming the field, and *r left empty; a message quotes the
 * offending value sanitized to one short line of text.
 */
int	rating_parse_record(const char *line, size_t len,
	    struct rating_record *r, char **cause);

/* Frees the strings of *r and leaves it empty. */
void	rating_record_done(struct rating_record *r);

#endif
