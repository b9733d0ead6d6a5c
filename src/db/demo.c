/* The demo traffic simulator. */
#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "db/demo.h"

int
demo_simulate(const char *conninfo, int (*keep_going)(void *), void *arg)
{
	static const char *const keys[] = { "application_name", "dbname",
	    NULL };
	const char *values[] = { "frontline-demo-traffic", conninfo, NULL };
	PGconn *conn = NULL;
	PGresult *res;
	int failures = 0;

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	while (keep_going(arg)) {
		if (conn == NULL || PQstatus(conn) != CONNECTION_OK) {
			PQfinish(conn);
			conn = PQconnectdbParams(keys, values, 1);
		}
		if (PQstatus(conn) == CONNECTION_OK) {
			res = PQexecParams(conn,
			    "SELECT frontline_demo.simulate_tick()", 0, NULL,
			    NULL, NULL, NULL, 0);
			failures = PQresultStatus(res) == PGRES_TUPLES_OK ? 0 :
			    failures + 1;
			PQclear(res);
		} else
			failures++;
		/* A database that stays away for a minute has been stopped. */
		if (failures > 30)
			break;
		/* Every 2 to 5 seconds, so the queue visibly moves. */
		sleep(2 + (unsigned)(rand() % 4));
	}
	PQfinish(conn);
	return 0;
}
