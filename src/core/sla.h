/* How an SLA clock reads on screen. The clocks themselves are computed in
 * the database (one source of truth); this only classifies what it sent. */
#ifndef FRONTLINE_SLA_H
#define FRONTLINE_SLA_H

#include <stdbool.h>

/* Under this many seconds left, a running clock is "at risk". */
#define SLA_RISK_SECONDS 3600

enum sla_mark {
	SLA_NONE,	/* no clock running */
	SLA_OK,
	SLA_RISK,
	SLA_PAUSED,
	SLA_BREACHED,
	SLA_MET
};

/* Classifies a clock from its database state and the seconds left now. */
enum sla_mark sla_classify(const char *state, bool has_due, double left);

/* The text marker for a mark, so that state reads without colour. */
char sla_marker(enum sla_mark m);

#endif
