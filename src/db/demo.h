/* The demo's traffic: a small process that keeps the queue moving. */
#ifndef FRONTLINE_DB_DEMO_H
#define FRONTLINE_DB_DEMO_H

/* Calls frontline_demo.simulate_tick() every few seconds until
 * keep_going(arg) returns 0 or the database is gone for good. Blocking: it
 * runs in its own process, never in the console. Returns an exit status. */
int demo_simulate(const char *conninfo, int (*keep_going)(void *), void *arg);

#endif
