#!/bin/bash
# Multi-host failover past a server that accepts and never answers (a hung
# primary, a half-dead proxy): libpq's connect_timeout moves on to the next
# host, the console reaches the queue, and it answers keys all the while.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture

# The first host: a socket that takes connections into its backlog and
# never reads them (perl-base is in every Debian).
hung="$TEST_DIR/hung"
mkdir -p "$hung"
perl -MIO::Socket::UNIX -e '
	my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Listen => 16,
	    Local => $ARGV[0]) or die "listen: $!";
	sleep 300;' "$hung/.s.PGSQL.5432" &
at_exit "kill $!"
for ((i = 0; i < 50; i++)); do
	[ -S "$hung/.s.PGSQL.5432" ] && break
	sleep 0.1
done
[ -S "$hung/.s.PGSQL.5432" ] || fail "the hung server did not start"

tui_start 80x24 "$FRONTLINE -d 'host=$hung,$PGHOST connect_timeout=3 dbname=frontline user=alice'"
wait_for "connecting to the database" 5
# Keys answer while the first host hangs.
keys '?'
wait_for "frontline help" 2
keys q
wait_gone "frontline help" 2
screen | grep -q "connecting to the database" || { screen; fail "connected before the hung host timed out: the test proves nothing"; }
# Past the first host's 3 s, the second one serves the queue.
wait_for "Printer on fire" 15
wait_for "· live" 3
keys q
wait_for "__EXITED__ 0" 5
echo ok
