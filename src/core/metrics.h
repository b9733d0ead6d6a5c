/* The rating figures, computed in one place for the wallboard, `frontline
 * stats` and the import summary: CSAT, NPS and the survey response rate.
 *
 * Every figure is a double, unrounded, and NAN when it has no answers to
 * stand on (a figure of 0 would be a lie). Shares are percentages, 0 to 100;
 * NPS runs from -100 to 100. metrics_round rounds any of them for display. */
#ifndef FRONTLINE_METRICS_H
#define FRONTLINE_METRICS_H

#include <stdbool.h>

#define METRICS_CSAT_MIN	1
#define METRICS_CSAT_MAX	5
#define METRICS_NPS_MIN		0
#define METRICS_NPS_MAX		10

/* Counts of answers; embed it and clear it with metrics_ratings_init. */
struct metrics_ratings {
	long long	csat_n;		/* CSAT answers */
	long long	csat_sum;	/* their scores added up */
	long long	csat[METRICS_CSAT_MAX + 1];	/* per score 1..5; [0] unused */
	long long	nps_n;		/* NPS answers */
	long long	nps[METRICS_NPS_MAX + 1];	/* per score 0..10 */
	long long	asked;		/* surveys sent or prompts shown */
	long long	answered;	/* of those, answered */
};

/* Clears every count. */
void	metrics_ratings_init(struct metrics_ratings *m);

/* Adds count answers of one CSAT score (1..5); count is 1 for a single
 * answer, or a GROUP BY count. Returns -1 and adds nothing for a score out
 * of range or a negative count. */
int	metrics_add_csat(struct metrics_ratings *m, int score, long long count);

/* Adds count answers of one NPS score (0..10); -1 as metrics_add_csat. */
int	metrics_add_nps(struct metrics_ratings *m, int score, long long count);

/* Adds surveys asked and, of them, answered; -1 and nothing added when
 * either is negative or more were answered than asked. */
int	metrics_add_surveys(struct metrics_ratings *m, long long asked,
	    long long answered);

/* Adds every count of from to m. */
void	metrics_merge(struct metrics_ratings *m,
	    const struct metrics_ratings *from);

/* The mean CSAT score, 1.0 to 5.0. */
double	metrics_csat_average(const struct metrics_ratings *m);

/* CSAT%: the share of 4s and 5s among CSAT answers. */
double	metrics_csat_percent(const struct metrics_ratings *m);

/* Shares of NPS answers: promoters (9-10), passives (7-8), detractors
 * (0-6). They add up to 100 (up to floating point). */
double	metrics_nps_promoters(const struct metrics_ratings *m);
double	metrics_nps_passives(const struct metrics_ratings *m);
double	metrics_nps_detractors(const struct metrics_ratings *m);

/* Net Promoter Score: % promoters minus % detractors, -100 to 100. */
double	metrics_nps(const struct metrics_ratings *m);

/* The share of asked surveys that were answered. */
double	metrics_response_rate(const struct metrics_ratings *m);

/* A figure rounded half away from zero to a whole number for display:
 * 12.5 is 13, -12.5 is -13, 33.33 is 33. *out is untouched and false is
 * returned for NAN (show a dash, not a number). */
bool	metrics_round(double value, long *out);

#endif
