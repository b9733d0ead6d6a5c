/* `frontline stats`: the figures of a period for scripts and reports, as a
 * table for people, JSON (schema frontline.stats/1, doc/stats-json.md) or
 * CSV with one line per day. The database counts (share/sql/008-stats.sql,
 * with the caller's rights); core/metrics computes the CSAT and NPS figures
 * from the counts. */
#include "config.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmd/cmd.h"
#include "core/metrics.h"
#include "core/text.h"
#include "db/stats.h"
#include "i18n.h"
#include "xmalloc.h"

#define STATS_SCHEMA	"frontline.stats/1"
#define STATS_GAP	2	/* spaces between the label and the value */

enum stats_format {
	STATS_TEXT,
	STATS_JSON,
	STATS_CSV
};

/* What the user asked for, names as given (for the output's filters). */
struct stats_args {
	const char	*conninfo;
	const char	*from;
	const char	*to;
	const char	*queue;
	const char	*agent;
	enum stats_format format;
};

static void
stats_usage(FILE *f)
{
	fprintf(f, "%s", _("usage: frontline stats [-d CONNINFO] [--json | "
	    "--csv] [--from TIME] [--to TIME]\n"
	    "                      [--queue NAME] [--agent ROLE]\n"));
}

/* Text from the database or the command line made fit for the terminal;
 * the caller frees. */
static char *
stats_clean(const char *s)
{
	int flags = TEXT_ONE_LINE;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		flags |= TEXT_ASCII;
	return text_sanitize(s, strlen(s), flags);
}

static void
stats_warn(const char *cause)
{
	char *clean = stats_clean(cause);

	cmd_warn("%s", clean);
	free(clean);
}

/* part as a percentage of whole, NAN when whole is 0 (no share to give). */
static double
stats_percent(long long part, long long whole)
{
	if (whole <= 0)
		return NAN;
	return 100.0 * (double)part / (double)whole;
}

/* The figures a ratio needs, computed once for every format. */
struct stats_derived {
	double	reopen_rate;
	double	fcr_percent;
	double	response_rate;
	double	csat_average;
	double	csat_percent;
	double	nps;
	double	promoters;
	double	passives;
	double	detractors;
};

static void
stats_derive(const struct stats_figures *f, struct stats_derived *d)
{
	const struct metrics_ratings *m = &f->ratings;

	d->reopen_rate = stats_percent(f->reopened, f->solved_once);
	d->fcr_percent = stats_percent(f->fcr_yes, f->fcr_answers);
	d->response_rate = metrics_response_rate(m);
	d->csat_average = metrics_csat_average(m);
	d->csat_percent = metrics_csat_percent(m);
	d->nps = metrics_nps(m);
	d->promoters = metrics_nps_promoters(m);
	d->passives = metrics_nps_passives(m);
	d->detractors = metrics_nps_detractors(m);
}

/* ------------------------------------------------------------------------
 * JSON
 * ------------------------------------------------------------------------ */

/* A number, or null for NAN. */
static json_t *
stats_json_real(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

/* A string, or null for NULL (or text jansson refuses: not UTF-8). */
static json_t *
stats_json_string(const char *s)
{
	json_t *v = s != NULL ? json_string(s) : NULL;

	return v != NULL ? v : json_null();
}

static json_t *
stats_json_times(long long count, double wall_median, double wall_p90,
    double business_median, double business_p90)
{
	return json_pack("{s:I, s:{s:o, s:o}, s:{s:o, s:o}}",
	    "count", (json_int_t)count,
	    "wall", "median", stats_json_real(wall_median),
	    "p90", stats_json_real(wall_p90),
	    "business", "median", stats_json_real(business_median),
	    "p90", stats_json_real(business_p90));
}

/* counts[first..last] as an object keyed by the score. */
static json_t *
stats_json_counts(const long long *counts, int first, int last)
{
	json_t *o = json_object();
	char key[8];

	for (int s = first; s <= last; s++) {
		snprintf(key, sizeof key, "%d", s);
		json_object_set_new(o, key, json_integer(counts[s]));
	}
	return o;
}

static int
stats_print_json(const struct stats_args *a, const struct stats_query *q,
    const struct stats_figures *f)
{
	const struct metrics_ratings *m = &f->ratings;
	struct stats_derived d;
	json_t *root;
	int rc;

	stats_derive(f, &d);
	root = json_pack("{s:s, s:s, s:s, s:{s:o, s:o},"
	    " s:{s:I, s:I, s:I, s:I, s:o},"
	    " s:o, s:o,"
	    " s:{s:I, s:I, s:o},"
	    " s:{s:I, s:I},"
	    " s:{s:I, s:I, s:o},"
	    " s:{s:o, s:o, s:I, s:o},"
	    " s:{s:o, s:o, s:o, s:o, s:I, s:o}}",
	    "schema", STATS_SCHEMA,
	    "from", q->from,
	    "to", q->to,
	    "filters", "queue", stats_json_string(a->queue),
	    "agent", stats_json_string(a->agent),
	    "tickets", "created", (json_int_t)f->created,
	    "solved", (json_int_t)f->solved,
	    "reopened", (json_int_t)f->reopened,
	    "solved_once", (json_int_t)f->solved_once,
	    "reopen_rate", stats_json_real(d.reopen_rate),
	    "first_response_minutes", stats_json_times(f->frt_count,
	    f->frt_wall_median, f->frt_wall_p90, f->frt_business_median,
	    f->frt_business_p90),
	    "resolution_minutes", stats_json_times(f->res_count,
	    f->res_wall_median, f->res_wall_p90, f->res_business_median,
	    f->res_business_p90),
	    "first_contact_resolution", "answers", (json_int_t)f->fcr_answers,
	    "resolved", (json_int_t)f->fcr_yes,
	    "percent", stats_json_real(d.fcr_percent),
	    "sla_breaches", "first_response", (json_int_t)f->frt_breached,
	    "resolution", (json_int_t)f->res_breached,
	    "surveys", "asked", (json_int_t)m->asked,
	    "answered", (json_int_t)m->answered,
	    "response_rate", stats_json_real(d.response_rate),
	    "csat", "average", stats_json_real(d.csat_average),
	    "percent", stats_json_real(d.csat_percent),
	    "answers", (json_int_t)m->csat_n,
	    "counts", stats_json_counts(m->csat, METRICS_CSAT_MIN,
	    METRICS_CSAT_MAX),
	    "nps", "score", stats_json_real(d.nps),
	    "promoters", stats_json_real(d.promoters),
	    "passives", stats_json_real(d.passives),
	    "detractors", stats_json_real(d.detractors),
	    "answers", (json_int_t)m->nps_n,
	    "counts", stats_json_counts(m->nps, METRICS_NPS_MIN,
	    METRICS_NPS_MAX));
	if (root == NULL) {
		cmd_warn("%s", _("cannot write the figures as JSON"));
		return 1;
	}
	rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(12));
	json_decref(root);
	if (rc == -1 || putchar('\n') == EOF) {
		cmd_warn("%s", _("cannot write the figures"));
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * CSV
 * ------------------------------------------------------------------------ */

static const char stats_csv_header[] =
    "day,tickets_created,tickets_solved,tickets_reopened,"
    "tickets_solved_once,reopen_rate,"
    "first_response_count,first_response_wall_median,"
    "first_response_wall_p90,first_response_business_median,"
    "first_response_business_p90,"
    "resolution_count,resolution_wall_median,resolution_wall_p90,"
    "resolution_business_median,resolution_business_p90,"
    "fcr_answers,fcr_resolved,fcr_percent,"
    "sla_first_response_breached,sla_resolution_breached,"
    "surveys_asked,surveys_answered,response_rate,"
    "csat_answers,csat_average,csat_percent,"
    "nps_answers,nps_score,nps_promoters,nps_passives,nps_detractors";

/* ",value" with two decimals and a full stop whatever the locale; "," alone
 * for NAN. */
static void
stats_csv_real(double v)
{
	const char *point = localeconv()->decimal_point;
	char buf[64], *p;

	putchar(',');
	if (isnan(v))
		return;
	snprintf(buf, sizeof buf, "%.2f", v);
	if (point != NULL && point[0] != '\0' && strcmp(point, ".") != 0 &&
	    (p = strstr(buf, point)) != NULL) {
		*p = '.';
		memmove(p + 1, p + strlen(point), strlen(p + strlen(point)) + 1);
	}
	fputs(buf, stdout);
}

static void
stats_csv_count(long long v)
{
	printf(",%lld", v);
}

static void
stats_csv_row(const struct stats_figures *f)
{
	const struct metrics_ratings *m = &f->ratings;
	struct stats_derived d;

	stats_derive(f, &d);
	fputs(f->day, stdout);
	stats_csv_count(f->created);
	stats_csv_count(f->solved);
	stats_csv_count(f->reopened);
	stats_csv_count(f->solved_once);
	stats_csv_real(d.reopen_rate);
	stats_csv_count(f->frt_count);
	stats_csv_real(f->frt_wall_median);
	stats_csv_real(f->frt_wall_p90);
	stats_csv_real(f->frt_business_median);
	stats_csv_real(f->frt_business_p90);
	stats_csv_count(f->res_count);
	stats_csv_real(f->res_wall_median);
	stats_csv_real(f->res_wall_p90);
	stats_csv_real(f->res_business_median);
	stats_csv_real(f->res_business_p90);
	stats_csv_count(f->fcr_answers);
	stats_csv_count(f->fcr_yes);
	stats_csv_real(d.fcr_percent);
	stats_csv_count(f->frt_breached);
	stats_csv_count(f->res_breached);
	stats_csv_count(m->asked);
	stats_csv_count(m->answered);
	stats_csv_real(d.response_rate);
	stats_csv_count(m->csat_n);
	stats_csv_real(d.csat_average);
	stats_csv_real(d.csat_percent);
	stats_csv_count(m->nps_n);
	stats_csv_real(d.nps);
	stats_csv_real(d.promoters);
	stats_csv_real(d.passives);
	stats_csv_real(d.detractors);
	putchar('\n');
}

static int
stats_print_csv(const struct stats_figures *days, int n)
{
	puts(stats_csv_header);
	for (int i = 0; i < n; i++)
		stats_csv_row(&days[i]);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cmd_warn("%s", _("cannot write the figures"));
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Text
 * ------------------------------------------------------------------------ */

struct stats_line {
	char	*label;
	char	*value;
};

struct stats_table {
	struct stats_line	*line;
	int			 n;
};

/* Adds a line; label is translated text of ours, value the caller's to
 * give (the table frees it). */
static void
stats_add(struct stats_table *t, const char *label, char *value)
{
	t->line = xreallocarray(t->line, (size_t)t->n + 1, sizeof *t->line);
	t->line[t->n].label = stats_clean(label);
	t->line[t->n].value = stats_clean(value);
	free(value);
	t->n++;
}

/* Minutes with one decimal, or a dash; the caller frees. */
static char *
stats_minutes(double v)
{
	char *s;

	if (isnan(v))
		return xstrdup("-");
	xasprintf(&s, "%.1f", v);
	return s;
}

/* A share as a whole percentage ("75%"), or a dash; the caller frees. */
static char *
stats_share(double v)
{
	char *s;
	long r;

	if (!metrics_round(v, &r))
		return xstrdup("-");
	xasprintf(&s, "%ld%%", r);
	return s;
}

/* One line of times: "median M min, 90th percentile P min". */
static void
stats_add_times(struct stats_table *t, const char *label, double median,
    double p90)
{
	char *m = stats_minutes(median), *p = stats_minutes(p90), *v;

	xasprintf(&v, _("median %s min, 90th percentile %s min"), m, p);
	free(m);
	free(p);
	stats_add(t, label, v);
}

static int
stats_print_text(const struct stats_args *a, const struct stats_query *q,
    const struct stats_figures *f)
{
	const struct metrics_ratings *m = &f->ratings;
	struct stats_table t = { NULL, 0 };
	struct stats_derived d;
	char *v, *s1, *s2, *s3, *s4;
	int width = 0;

	stats_derive(f, &d);
	xasprintf(&v, _("%s to %s"), q->from, q->to);
	stats_add(&t, _("period"), v);
	stats_add(&t, _("queue"), xstrdup(a->queue != NULL ? a->queue :
	    _("all")));
	stats_add(&t, _("agent"), xstrdup(a->agent != NULL ? a->agent :
	    _("all")));
	xasprintf(&v, "%lld", f->created);
	stats_add(&t, _("tickets created"), v);
	xasprintf(&v, "%lld", f->solved);
	stats_add(&t, _("solved"), v);
	s1 = stats_share(d.reopen_rate);
	xasprintf(&v, _("%lld (%s of %lld solved)"), f->reopened, s1,
	    f->solved_once);
	free(s1);
	stats_add(&t, _("reopened"), v);
	xasprintf(&v, "%lld", f->frt_count);
	stats_add(&t, _("first responses"), v);
	stats_add_times(&t, _("  wall time"), f->frt_wall_median,
	    f->frt_wall_p90);
	stats_add_times(&t, _("  business time"), f->frt_business_median,
	    f->frt_business_p90);
	xasprintf(&v, "%lld", f->res_count);
	stats_add(&t, _("resolutions"), v);
	stats_add_times(&t, _("  wall time"), f->res_wall_median,
	    f->res_wall_p90);
	stats_add_times(&t, _("  business time"), f->res_business_median,
	    f->res_business_p90);
	s1 = stats_share(d.fcr_percent);
	xasprintf(&v, _("%s (%lld of %lld)"), s1, f->fcr_yes, f->fcr_answers);
	free(s1);
	stats_add(&t, _("first-contact resolution"), v);
	xasprintf(&v, _("first response %lld, resolution %lld"),
	    f->frt_breached, f->res_breached);
	stats_add(&t, _("SLA breaches"), v);
	s1 = stats_share(d.response_rate);
	xasprintf(&v, _("%lld asked, %lld answered (%s)"), m->asked,
	    m->answered, s1);
	free(s1);
	stats_add(&t, _("surveys"), v);
	s1 = isnan(d.csat_average) ? xstrdup("-") : NULL;
	if (s1 == NULL)
		xasprintf(&s1, "%.2f", d.csat_average);
	s2 = stats_share(d.csat_percent);
	xasprintf(&v, _("average %s, %s satisfied (%lld answers)"), s1, s2,
	    m->csat_n);
	free(s1);
	free(s2);
	stats_add(&t, _("CSAT"), v);
	s1 = isnan(d.nps) ? xstrdup("-") : NULL;
	if (s1 == NULL) {
		long r;

		metrics_round(d.nps, &r);
		xasprintf(&s1, "%ld", r);
	}
	s2 = stats_share(d.promoters);
	s3 = stats_share(d.passives);
	s4 = stats_share(d.detractors);
	xasprintf(&v, _("%s (promoters %s, passives %s, detractors %s; "
	    "%lld answers)"), s1, s2, s3, s4, m->nps_n);
	free(s1);
	free(s2);
	free(s3);
	free(s4);
	stats_add(&t, _("NPS"), v);

	for (int i = 0; i < t.n; i++)
		if (text_width(t.line[i].label) > width)
			width = text_width(t.line[i].label);
	for (int i = 0; i < t.n; i++) {
		printf("%s%*s%s\n", t.line[i].label,
		    width - text_width(t.line[i].label) + STATS_GAP, "",
		    t.line[i].value);
		free(t.line[i].label);
		free(t.line[i].value);
	}
	free(t.line);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cmd_warn("%s", _("cannot write the figures"));
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------------ */

static int
stats_run(struct stats_conn *c, const struct stats_args *a)
{
	struct stats_figures f, *days;
	struct stats_query q;
	char *cause = NULL;
	int rc, n;

	rc = stats_resolve(c, a->from, a->to, a->queue, a->agent, &q, &cause);
	if (rc != 0) {
		stats_warn(cause);
		free(cause);
		return rc == STATS_BAD_ARGUMENT ? EXIT_USAGE : 1;
	}
	if (a->format == STATS_CSV) {
		if (stats_fetch_days(c, &q, &days, &n, &cause) == -1) {
			rc = 1;
		} else {
			rc = stats_print_csv(days, n);
			free(days);
		}
	} else if (stats_fetch(c, &q, &f, &cause) == -1) {
		rc = 1;
	} else if (a->format == STATS_JSON) {
		rc = stats_print_json(a, &q, &f);
	} else {
		rc = stats_print_text(a, &q, &f);
	}
	if (cause != NULL) {
		stats_warn(cause);
		free(cause);
	}
	stats_query_done(&q);
	return rc;
}

/* An option's value must say something. */
static int
stats_need(const char *option, const char *arg)
{
	if (*arg != '\0')
		return 0;
	cmd_warn(_("%s needs a value"), option);
	return -1;
}

int
cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dbname", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'c' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "queue", required_argument, NULL, 'q' },
		{ "agent", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct stats_args a = { "", NULL, NULL, NULL, NULL, STATS_TEXT };
	struct stats_conn *conn;
	char *cause = NULL;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a.conninfo = optarg;
			break;
		case 'j':
		case 'c':
			if (a.format != STATS_TEXT) {
				cmd_warn("%s", _("--json and --csv are one or "
				    "the other"));
				return EXIT_USAGE;
			}
			a.format = c == 'j' ? STATS_JSON : STATS_CSV;
			break;
		case 'f':
			if (stats_need("--from", optarg) == -1)
				return EXIT_USAGE;
			a.from = optarg;
			break;
		case 't':
			if (stats_need("--to", optarg) == -1)
				return EXIT_USAGE;
			a.to = optarg;
			break;
		case 'q':
			if (stats_need("--queue", optarg) == -1)
				return EXIT_USAGE;
			a.queue = optarg;
			break;
		case 'a':
			if (stats_need("--agent", optarg) == -1)
				return EXIT_USAGE;
			a.agent = optarg;
			break;
		case 'h':
			stats_usage(stdout);
			return 0;
		default:
			stats_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		stats_usage(stderr);
		return EXIT_USAGE;
	}

	if ((conn = stats_connect(a.conninfo, &cause)) == NULL) {
		stats_warn(cause);
		free(cause);
		return 1;
	}
	rc = stats_run(conn, &a);
	stats_disconnect(conn);
	return rc;
}
