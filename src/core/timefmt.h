/* Durations as a person reads them: SLA countdowns and ticket ages. */
#ifndef FRONTLINE_CORE_TIMEFMT_H
#define FRONTLINE_CORE_TIMEFMT_H

#include <stddef.h>

/* Room for any string these functions write, with its NUL: translated
 * units may take several bytes each in UTF-8. */
#define TIMEFMT_SIZE 24

/*
 * Writes into buf a signed countdown of at most 6 columns: "04:09" under an
 * hour, "3h05" under a day, "2d04" up to 99 days, "99d+" beyond; negative
 * (overdue) values start with "-". Truncates to size, like snprintf.
 */
void	timefmt_countdown(long seconds, char *buf, size_t size);

/*
 * Writes into buf the age of something seconds old, in at most 4 columns:
 * "now" under a minute (or if in the future), then "5m", "3h", "2d", "7w",
 * "1y", and "99y+" beyond. The units are translated (one column each in
 * every catalog). Truncates to size, like snprintf.
 */
void	timefmt_age(long seconds, char *buf, size_t size);

#endif
