/* CSAT, NPS and response-rate arithmetic. Shares are computed from whole
 * counts with one division at the end, so 3 promoters and 2 detractors of 10
 * give exactly 10, not 10.000000000000002. */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "core/metrics.h"

/* NPS bands: 0-6 detractors, 7-8 passives, 9-10 promoters. */
#define NPS_PASSIVE_FROM	7
#define NPS_PROMOTER_FROM	9
/* CSAT%: 4 and 5 count as satisfied. */
#define CSAT_SATISFIED_FROM	4

void
metrics_ratings_init(struct metrics_ratings *m)
{
	memset(m, 0, sizeof *m);
}

int
metrics_add_csat(struct metrics_ratings *m, int score, long long count)
{
	if (score < METRICS_CSAT_MIN || score > METRICS_CSAT_MAX || count < 0)
		return -1;
	m->csat[score] += count;
	m->csat_n += count;
	m->csat_sum += count * score;
	return 0;
}

int
metrics_add_nps(struct metrics_ratings *m, int score, long long count)
{
	if (score < METRICS_NPS_MIN || score > METRICS_NPS_MAX || count < 0)
		return -1;
	m->nps[score] += count;
	m->nps_n += count;
	return 0;
}

int
metrics_add_surveys(struct metrics_ratings *m, long long asked,
    long long answered)
{
	if (asked < 0 || answered < 0 || answered > asked)
		return -1;
	m->asked += asked;
	m->answered += answered;
	return 0;
}

void
metrics_merge(struct metrics_ratings *m, const struct metrics_ratings *from)
{
	for (int s = METRICS_CSAT_MIN; s <= METRICS_CSAT_MAX; s++)
		m->csat[s] += from->csat[s];
	for (int s = METRICS_NPS_MIN; s <= METRICS_NPS_MAX; s++)
		m->nps[s] += from->nps[s];
	m->csat_n += from->csat_n;
	m->csat_sum += from->csat_sum;
	m->nps_n += from->nps_n;
	m->asked += from->asked;
	m->answered += from->answered;
}

/* part of whole as a percentage; NAN for an empty whole. */
static double
metrics_share(long long part, long long whole)
{
	if (whole <= 0)
		return NAN;
	return 100.0 * (double)part / (double)whole;
}

static long long
metrics_nps_band(const struct metrics_ratings *m, int from, int to)
{
	long long n = 0;

	for (int s = from; s <= to; s++)
		n += m->nps[s];
	return n;
}

double
metrics_csat_average(const struct metrics_ratings *m)
{
	if (m->csat_n <= 0)
		return NAN;
	return (double)m->csat_sum / (double)m->csat_n;
}

double
metrics_csat_percent(const struct metrics_ratings *m)
{
	long long satisfied = 0;

	for (int s = CSAT_SATISFIED_FROM; s <= METRICS_CSAT_MAX; s++)
		satisfied += m->csat[s];
	return metrics_share(satisfied, m->csat_n);
}

double
metrics_nps_promoters(const struct metrics_ratings *m)
{
	return metrics_share(metrics_nps_band(m, NPS_PROMOTER_FROM,
	    METRICS_NPS_MAX), m->nps_n);
}

double
metrics_nps_passives(const struct metrics_ratings *m)
{
	return metrics_share(metrics_nps_band(m, NPS_PASSIVE_FROM,
	    NPS_PROMOTER_FROM - 1), m->nps_n);
}

double
metrics_nps_detractors(const struct metrics_ratings *m)
{
	return metrics_share(metrics_nps_band(m, METRICS_NPS_MIN,
	    NPS_PASSIVE_FROM - 1), m->nps_n);
}

double
metrics_nps(const struct metrics_ratings *m)
{
	long long promoters, detractors;

	promoters = metrics_nps_band(m, NPS_PROMOTER_FROM, METRICS_NPS_MAX);
	detractors = metrics_nps_band(m, METRICS_NPS_MIN, NPS_PASSIVE_FROM - 1);
	return metrics_share(promoters - detractors, m->nps_n);
}

double
metrics_response_rate(const struct metrics_ratings *m)
{
	return metrics_share(m->answered, m->asked);
}

bool
metrics_round(double value, long *out)
{
	if (!isfinite(value) || value >= (double)LONG_MAX ||
	    value <= (double)LONG_MIN)
		return false;
	if (value < 0)
		*out = -(long)(-value + 0.5);
	else
		*out = (long)(value + 0.5);
	return true;
}
