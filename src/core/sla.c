/* Classification of SLA clocks for display. */
#include "config.h"

#include <string.h>

#include "core/sla.h"

enum sla_mark
sla_classify(const char *state, bool has_due, double left)
{
	if (state == NULL || !has_due)
		return SLA_NONE;
	if (strcmp(state, "met") == 0)
		return SLA_MET;
	if (strcmp(state, "paused") == 0)
		return SLA_PAUSED;
	/* A running clock can cross its deadline between two fetches: the
	 * seconds left decide, not the state as of the last query. */
	if (strcmp(state, "breached") == 0 || left < 0)
		return SLA_BREACHED;
	if (left < SLA_RISK_SECONDS)
		return SLA_RISK;
	return SLA_OK;
}

char
sla_marker(enum sla_mark m)
{
	switch (m) {
	case SLA_BREACHED:
		return '!';
	case SLA_RISK:
		return '*';
	case SLA_PAUSED:
		return '=';
	case SLA_MET:
		return '+';
	case SLA_OK:
		return ' ';
	case SLA_NONE:
		break;
	}
	return '-';
}
