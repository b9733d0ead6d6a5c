#!/bin/sh
# apply-migrations.sh SOCKETDIR DBNAME [USER]
# Applies share/sql/NNN-*.sql in order to DBNAME, each file once inside its
# own transaction (psql --single-transaction), as `frontline db migrate` does.
# Stops at the first error. USER defaults to $PGUSER, else postgres.
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 SOCKETDIR DBNAME [USER]" >&2
    exit 2
fi
sockdir=$1
db=$2
user=${3:-${PGUSER:-postgres}}
here=$(cd "$(dirname "$0")" && pwd)
sqldir=${FRONTLINE_SQL_DIR:-$here/../../share/sql}
found=0
for f in "$sqldir"/[0-9][0-9][0-9]-*.sql; do
    [ -e "$f" ] || continue
    found=1
    psql -h "$sockdir" -U "$user" -d "$db" -X -q -v ON_ERROR_STOP=1 \
         --single-transaction -f "$f" >/dev/null || {
        echo "apply-migrations: $f failed" >&2
        exit 1
    }
done
if [ $found = 0 ]; then
    echo "apply-migrations: no migrations in $sqldir" >&2
    exit 1
fi
