/* `frontline rating import`: customers' ratings from JSON lines (a survey
 * tool's export, a web form's log, an IVR's dump), one record a line. Good
 * records go in even when others are bad; each bad one is reported with its
 * line number, and a summary says what became of them all. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cmd/cmd.h"
#include "core/rating.h"
#include "core/text.h"
#include "db/rating.h"
#include "i18n.h"

struct rating_import_counts {
	unsigned long	imported;
	unsigned long	duplicates;
	unsigned long	refused;
	unsigned long	invalid;
};

static void
rating_usage(FILE *f)
{
	fprintf(f, "%s", _("usage: frontline rating import "
	    "[-d CONNINFO] [FILE | -]\n"));
}

/* "frontline: LINE n: why", or without a line number for 0, with why
 * (which may quote the file or the database) made inert for the terminal. */
static void
rating_warn_line(unsigned long line, const char *why)
{
	int flags = TEXT_ONE_LINE;
	char *clean;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		flags |= TEXT_ASCII;
	clean = text_sanitize(why, strlen(why), flags);
	if (line > 0)
		cmd_warn(_("LINE %lu: %s"), line, clean);
	else
		cmd_warn("%s", clean);
	free(clean);
}

/* Blank lines and lines starting with # (after blanks) carry no record. */
static bool
rating_skip_line(const char *s)
{
	s += strspn(s, " \t\r\n");
	return *s == '\0' || *s == '#';
}

/* Checks and stores the record on one line, and counts what became of it. */
static void
rating_import_line(struct rating_conn *conn, unsigned long lineno,
    const char *line, size_t len, struct rating_import_counts *counts)
{
	struct rating_record r;
	struct rating_entry e;
	char *why = NULL;

	if (rating_parse_record(line, len, &r, &why) == -1) {
		rating_warn_line(lineno, why);
		free(why);
		counts->invalid++;
		return;
	}
	e.ticket = r.ticket;
	e.key = r.key;
	e.csat = r.csat;
	e.nps = r.nps;
	e.reason = r.reason;
	e.comment = r.comment;
	e.callback = r.callback;
	e.via = r.via;
	switch (rating_import(conn, &e, NULL, &why)) {
	case RATING_RECORDED:
		counts->imported++;
		break;
	case RATING_DUPLICATE:
		counts->duplicates++;
		break;
	case RATING_REFUSED:
	case RATING_FAILED:
		rating_warn_line(lineno, why);
		counts->refused++;
		break;
	}
	free(why);
	rating_record_done(&r);
}

/* Reads f to its end; 0, or -1 when it could not be read through. */
static int
rating_import_file(struct rating_conn *conn, FILE *f,
    struct rating_import_counts *counts)
{
	unsigned long lineno = 0;
	char *line = NULL, *start;
	size_t size = 0, len;
	ssize_t got;

	while ((got = getline(&line, &size, f)) != -1) {
		lineno++;
		start = line;
		len = (size_t)got;
		/* Editors on some systems begin a UTF-8 file with a BOM. */
		if (lineno == 1 && len >= 3 && memcmp(start, "\xef\xbb\xbf",
		    3) == 0) {
			start += 3;
			len -= 3;
		}
		while (len > 0 && (start[len - 1] == '\n' ||
		    start[len - 1] == '\r'))
			start[--len] = '\0';
		if (memchr(start, '\0', len) == NULL && rating_skip_line(start))
			continue;
		rating_import_line(conn, lineno, start, len, counts);
	}
	free(line);
	return ferror(f) ? -1 : 0;
}

int
cmd_rating(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dbname", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct rating_import_counts counts = { 0 };
	struct rating_conn *conn;
	const char *conninfo = "", *path = "-";
	char *cause = NULL;
	FILE *f;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			conninfo = optarg;
			break;
		case 'h':
			rating_usage(stdout);
			return 0;
		default:
			rating_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc || strcmp(argv[optind], "import") != 0 ||
	    argc - optind > 2) {
		rating_usage(stderr);
		return EXIT_USAGE;
	}
	if (argc - optind == 2)
		path = argv[optind + 1];

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "r")) == NULL) {
		cmd_warn("%s: %s", path, strerror(errno));
		return 1;
	}
	if ((conn = rating_connect(conninfo, &cause)) == NULL) {
		rating_warn_line(0, cause);
		free(cause);
		if (f != stdin)
			fclose(f);
		return 1;
	}
	rc = rating_import_file(conn, f, &counts);
	if (rc == -1)
		cmd_warn("%s: %s", strcmp(path, "-") == 0 ? _("standard input") :
		    path, _("read error"));
	if (f != stdin)
		fclose(f);
	rating_disconnect(conn);

	/* TRANSLATORS: the import's summary. Where the words must agree with
	 * the numbers, "imported: %lu, ..." reads well for any number. */
	printf(_("%lu imported, %lu already there, %lu refused, %lu invalid\n"),
	    counts.imported, counts.duplicates, counts.refused, counts.invalid);
	if (rc == -1 || counts.refused > 0 || counts.invalid > 0)
		return 1;
	return 0;
}
