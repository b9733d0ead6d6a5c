/* SLA countdowns and ticket ages in a few columns. */
#include "config.h"

#include <stdio.h>

#include "i18n.h"
#include "timefmt.h"

#define TIMEFMT_MINUTE	60UL
#define TIMEFMT_HOUR	(60 * TIMEFMT_MINUTE)
#define TIMEFMT_DAY	(24 * TIMEFMT_HOUR)
#define TIMEFMT_WEEK	(7 * TIMEFMT_DAY)
#define TIMEFMT_YEAR	(365 * TIMEFMT_DAY)

/* |seconds| without overflow, even for LONG_MIN. */
static unsigned long
timefmt_magnitude(long seconds)
{
	if (seconds < 0)
		return (0UL - (unsigned long)seconds);
	return ((unsigned long)seconds);
}

/* Writes an SLA countdown of at most 6 columns into buf. */
void
timefmt_countdown(long seconds, char *buf, size_t size)
{
	unsigned long	 m = timefmt_magnitude(seconds);
	const char	*sign = seconds < 0 ? "-" : "";

	if (size == 0)
		return;
	if (m < TIMEFMT_HOUR)
		snprintf(buf, size, "%s%02lu:%02lu", sign, m / TIMEFMT_MINUTE,
		    m % TIMEFMT_MINUTE);
	else if (m < TIMEFMT_DAY)
		/* TRANSLATORS: an SLA countdown under a day, at most 6
		 * columns: sign, hours, a one-letter hour unit, minutes
		 * ("3h05"). */
		snprintf(buf, size, _("%s%luh%02lu"), sign, m / TIMEFMT_HOUR,
		    m % TIMEFMT_HOUR / TIMEFMT_MINUTE);
	else if (m <= 99 * TIMEFMT_DAY)
		/* TRANSLATORS: an SLA countdown in days, at most 6 columns:
		 * sign, days, a one-letter day unit, hours ("2d04"). */
		snprintf(buf, size, _("%s%lud%02lu"), sign, m / TIMEFMT_DAY,
		    m % TIMEFMT_DAY / TIMEFMT_HOUR);
	else
		/* TRANSLATORS: an SLA countdown beyond 99 days ("99d+"). */
		snprintf(buf, size, _("%s99d+"), sign);
}

/* Writes an age of at most 4 columns into buf. */
void
timefmt_age(long seconds, char *buf, size_t size)
{
	unsigned long	m = seconds < 0 ? 0 : (unsigned long)seconds;

	if (size == 0)
		return;
	/* TRANSLATORS: ticket ages in a column of 4: "now" (under a
	 * minute), then a number and a one-letter unit. */
	if (m < TIMEFMT_MINUTE)
		snprintf(buf, size, "%s", _("now"));
	else if (m < TIMEFMT_HOUR)
		snprintf(buf, size, _("%lum"), m / TIMEFMT_MINUTE);
	else if (m < TIMEFMT_DAY)
		snprintf(buf, size, _("%luh"), m / TIMEFMT_HOUR);
	else if (m < TIMEFMT_WEEK)
		snprintf(buf, size, _("%lud"), m / TIMEFMT_DAY);
	else if (m < TIMEFMT_YEAR)
		snprintf(buf, size, _("%luw"), m / TIMEFMT_WEEK);
	else if (m < 100 * TIMEFMT_YEAR)
		snprintf(buf, size, _("%luy"), m / TIMEFMT_YEAR);
	else
		snprintf(buf, size, "%s", _("99y+"));
}
