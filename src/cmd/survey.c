/* `frontline survey show|set`: how often customers are asked to rate, per
 * channel. An option left out of `set` keeps that row's value; a channel
 * without a row of its own starts from the default row (the database's
 * survey_policy_set does both, in one statement). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/text.h"
#include "db/rating.h"
#include "i18n.h"
#include "xmalloc.h"

#define SURVEY_COLUMNS	5
#define SURVEY_GAP	2	/* spaces between columns */

static void
survey_usage(FILE *f)
{
	fprintf(f, "%s", _("usage: frontline survey show [-d CONNINFO]\n"
	    "       frontline survey set [-d CONNINFO] [--channel CHANNEL] "
	    "[--every N]\n"
	    "                            [--min-days DAYS] [--csat on|off] "
	    "[--nps on|off]\n"));
}

/* A whole number from min to INT_MAX, digits only, the whole of s; -1
 * when not. The database knows the real limits and says them. */
static int
survey_parse_count(const char *s, int min, int *out)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || n < min || n > INT_MAX)
		return -1;
	*out = (int)n;
	return 0;
}

/* on or off as 1 or 0; -1 when neither. */
static int
survey_parse_switch(const char *s, int *out)
{
	if (strcmp(s, "on") == 0)
		*out = 1;
	else if (strcmp(s, "off") == 0)
		*out = 0;
	else
		return -1;
	return 0;
}

/* Text from the database or the command line made fit for the terminal;
 * the caller frees. */
static char *
survey_clean(const char *s)
{
	int flags = TEXT_ONE_LINE;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		flags |= TEXT_ASCII;
	return text_sanitize(s, strlen(s), flags);
}

/* Says why something failed: the database's words, made inert. */
static void
survey_warn(const char *cause)
{
	char *clean = survey_clean(cause);

	cmd_warn("%s", clean);
	free(clean);
}

/* Prints cell padded to width columns, on the right for numbers. */
static void
survey_print_cell(const char *cell, int width, bool right, bool last)
{
	int pad = width - text_width(cell);

	if (right)
		printf("%*s%s", pad > 0 ? pad : 0, "", cell);
	else if (last)
		fputs(cell, stdout);
	else
		printf("%s%*s", cell, pad > 0 ? pad : 0, "");
	if (!last)
		printf("%*s", SURVEY_GAP, "");
}

/* The policy as a table aligned by display width (the headers are
 * translated, so bytes are no measure); numbers to the right. */
static void
survey_print(const struct rating_policy *rows, int n)
{
	static const bool right[SURVEY_COLUMNS] = {
		false, true, true, false, false
	};
	char *(*cells)[SURVEY_COLUMNS];
	int width[SURVEY_COLUMNS] = { 0 };

	cells = xcalloc((size_t)n + 1, sizeof *cells);
	cells[0][0] = survey_clean(_("channel"));
	cells[0][1] = survey_clean(_("every Nth"));
	cells[0][2] = survey_clean(_("min days"));
	cells[0][3] = survey_clean(_("CSAT"));
	cells[0][4] = survey_clean(_("NPS"));
	for (int i = 0; i < n; i++) {
		char **c = cells[i + 1];

		c[0] = survey_clean(rows[i].channel != NULL ? rows[i].channel :
		    _("default"));
		xasprintf(&c[1], "%d", rows[i].every_nth);
		xasprintf(&c[2], "%d", rows[i].min_days);
		c[3] = survey_clean(rows[i].ask_csat ? _("on") : _("off"));
		c[4] = survey_clean(rows[i].ask_nps ? _("on") : _("off"));
	}
	for (int i = 0; i <= n; i++)
		for (int j = 0; j < SURVEY_COLUMNS; j++)
			if (text_width(cells[i][j]) > width[j])
				width[j] = text_width(cells[i][j]);
	for (int i = 0; i <= n; i++) {
		for (int j = 0; j < SURVEY_COLUMNS; j++) {
			survey_print_cell(cells[i][j], width[j], right[j] && i > 0,
			    j == SURVEY_COLUMNS - 1);
			free(cells[i][j]);
		}
		putchar('\n');
	}
	free(cells);
}

static int
survey_show(struct rating_conn *conn)
{
	struct rating_policy *rows;
	char *cause = NULL;
	int n;

	if (rating_policy_list(conn, &rows, &n, &cause) == -1) {
		survey_warn(cause);
		free(cause);
		return 1;
	}
	survey_print(rows, n);
	rating_policy_free(rows, n);
	return 0;
}

/* Changes what ch says, in one statement (what it leaves out keeps its
 * value in the database), then shows the result. */
static int
survey_set(struct rating_conn *conn, const struct rating_policy_change *ch)
{
	char *cause = NULL;

	if (rating_policy_set(conn, ch, &cause) == -1) {
		survey_warn(cause);
		free(cause);
		return 1;
	}
	return survey_show(conn);
}

/* Says what is wrong with an option's value (fmt has one %s for it). */
static int
survey_bad_value(const char *fmt, const char *arg)
{
	char *clean = survey_clean(arg);

	cmd_warn(fmt, clean);
	free(clean);
	return -1;
}

/* Checks an option's value into ch; -1 (after saying why) when it is bad. */
static int
survey_option(int c, const char *arg, struct rating_policy_change *ch)
{
	switch (c) {
	case 'c':
		if (*arg == '\0') {
			cmd_warn("%s", _("--channel needs a channel name, or "
			    "default"));
			return -1;
		}
		ch->channel = strcmp(arg, "default") == 0 ? NULL : arg;
		return 0;
	case 'e':
		if (survey_parse_count(arg, 1, &ch->every_nth) == 0)
			return 0;
		return survey_bad_value(_("--every must be a whole number, 1 or "
		    "more (1 asks every customer, 3 every third); got \"%s\""),
		    arg);
	case 'm':
		if (survey_parse_count(arg, 0, &ch->min_days) == 0)
			return 0;
		return survey_bad_value(_("--min-days must be a whole number of "
		    "days, 0 or more; got \"%s\""), arg);
	case 'C':
		if (survey_parse_switch(arg, &ch->ask_csat) == 0)
			return 0;
		return survey_bad_value(_("--csat must be on or off; got \"%s\""),
		    arg);
	case 'N':
		if (survey_parse_switch(arg, &ch->ask_nps) == 0)
			return 0;
		return survey_bad_value(_("--nps must be on or off; got \"%s\""),
		    arg);
	}
	return -1;
}

int
cmd_survey(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dbname", required_argument, NULL, 'd' },
		{ "channel", required_argument, NULL, 'c' },
		{ "every", required_argument, NULL, 'e' },
		{ "min-days", required_argument, NULL, 'm' },
		{ "csat", required_argument, NULL, 'C' },
		{ "nps", required_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct rating_policy_change ch = { NULL, -1, -1, -1, -1 };
	struct rating_conn *conn;
	const char *conninfo = "", *what;
	char *cause = NULL;
	bool any = false, set;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			conninfo = optarg;
			break;
		case 'h':
			survey_usage(stdout);
			return 0;
		case 'c':
		case 'e':
		case 'm':
		case 'C':
		case 'N':
			if (survey_option(c, optarg, &ch) == -1)
				return EXIT_USAGE;
			any = true;
			break;
		default:
			survey_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		survey_usage(stderr);
		return EXIT_USAGE;
	}
	what = argv[optind];
	set = strcmp(what, "set") == 0;
	if (!set && strcmp(what, "show") != 0) {
		survey_usage(stderr);
		return EXIT_USAGE;
	}
	if (!set && any) {
		cmd_warn("%s", _("survey show takes no options but -d; "
		    "did you mean survey set?"));
		return EXIT_USAGE;
	}
	if (set && ch.every_nth == -1 && ch.min_days == -1 &&
	    ch.ask_csat == -1 && ch.ask_nps == -1) {
		cmd_warn("%s", _("nothing to set: give --every, --min-days, "
		    "--csat or --nps"));
		return EXIT_USAGE;
	}

	if ((conn = rating_connect(conninfo, &cause)) == NULL) {
		survey_warn(cause);
		free(cause);
		return 1;
	}
	rc = set ? survey_set(conn, &ch) : survey_show(conn);
	rating_disconnect(conn);
	return rc;
}
