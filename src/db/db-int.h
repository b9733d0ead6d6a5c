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

#endif
