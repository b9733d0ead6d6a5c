/* Inside the db layer: requests and their result callbacks. Only src/db
 * includes this file, since only src/db speaks libpq. */
#ifndef FRONTLINE_DB_INT_H
#define FRONTLINE_DB_INT_H

#include <libpq-fe.h>

#include "db/db.h"

/* Called once per request with its result, or with res NULL and a reason
 * when the connection was lost first. The callback does not free res. */
typedef void (*db_result_cb)(struct db *db, const PGresult *res,
    const char *error, void *arg);

/* Queues a parameterised query (text parameters, text results). Requests run
 * one at a time in order. Copies sql and params. */
void db_query(struct db *db, const char *sql, int nparams,
    const char *const *params, db_result_cb cb, void *arg);

/* Copies the value of a result cell, or NULL for SQL NULL; caller frees. */
char *db_value_dup(const PGresult *res, int row, int col);
/* A cell as a double (0 for NULL) and whether it was NULL. */
double db_value_double(const PGresult *res, int row, int col, bool *isnull);
/* The same, "" for NULL. */
char *db_value_dup_or_empty(const PGresult *res, int row, int col);
/* A bigint cell, or none for NULL. */
long long db_value_ll(const PGresult *res, int row, int col, long long none);
/* A boolean cell; NULL is false. */
bool db_value_bool(const PGresult *res, int row, int col);

/* The figures of share/sql/008-stats.sql: the columns stats_figures() and
 * stats_by_day() return after by_day's day, in this order, and the reader
 * of one row of them from column col on (db/stats.c); -1 for a row in a
 * form this version does not know. */
#define STATS_COLUMNS \
	"tickets_created, tickets_solved, tickets_reopened," \
	" tickets_solved_once, frt_count, frt_wall_median, frt_wall_p90," \
	" frt_business_median, frt_business_p90, res_count, res_wall_median," \
	" res_wall_p90, res_business_median, res_business_p90, fcr_answers," \
	" fcr_yes, frt_breached, res_breached, surveys_asked," \
	" surveys_answered, csat_counts, nps_counts"
#define STATS_NCOLUMNS	22
struct stats_figures;
int stats_read_row(const PGresult *res, int row, int col,
    struct stats_figures *f);
/* Every row of stats_by_day (the day first) into *days (the caller frees)
 * and *n; -1 and nothing kept as stats_read_row. */
int stats_read_days(const PGresult *res, struct stats_figures **days,
    int *n);

#endif
