#!/bin/bash
# `frontline survey show|set`: the policy as an aligned table; set changes
# only what it is given, a new channel starts from the default row, agents
# are refused, bad values are rejected before anything is written.
. "$top_srcdir/tests/lib/pg.sh"
# The messages checked are the English ones, in UTF-8.
export LC_ALL=C.UTF-8
unset LANGUAGE
pg_start
pg_fixture

policy() {
	sql_value "SELECT string_agg(concat_ws(' ', coalesce(channel, 'default'),
	    every_nth, min_days_between, ask_csat, ask_nps), ', '
	    ORDER BY channel NULLS FIRST) FROM frontline.survey_policy"
}

out=$("$FRONTLINE" survey show) || fail "show: exit $?"
want="channel  every Nth  min days  CSAT  NPS
default          1        30  on    on"
[ "$out" = "$want" ] || fail "show:
$out
want:
$want"

out=$("$FRONTLINE" survey set --channel email --every 3 --min-days 14) ||
	fail "set: exit $?"
want="channel  every Nth  min days  CSAT  NPS
default          1        30  on    on
email            3        14  on    on"
[ "$out" = "$want" ] || fail "set printed:
$out"
out=$("$FRONTLINE" survey show) || fail "show after set: exit $?"
[ "$out" = "$want" ] || fail "show after set:
$out"
[ "$(policy)" = "default 1 30 t t, email 3 14 t t" ] || fail "stored: $(policy)"

# Options left out keep the row's values; the default row is --channel
# default or no --channel at all.
"$FRONTLINE" survey set --nps off >/dev/null || fail "set --nps off: exit $?"
"$FRONTLINE" survey set --channel email --csat off >/dev/null ||
	fail "set --csat off: exit $?"
[ "$(policy)" = "default 1 30 t f, email 3 14 f t" ] || fail "stored: $(policy)"
"$FRONTLINE" survey set --channel default --min-days 0 >/dev/null ||
	fail "set --channel default: exit $?"
# A channel new to the policy starts from the default row.
out=$("$FRONTLINE" survey set --channel walk-in --every 12) ||
	fail "set walk-in: exit $?"
[ "$(policy)" = "default 1 0 t f, email 3 14 f t, walk-in 12 0 t f" ] ||
	fail "stored: $(policy)"
want="channel  every Nth  min days  CSAT  NPS
default          1         0  on    off
email            3        14  off   on
walk-in         12         0  on    off"
[ "$out" = "$want" ] || fail "set walk-in printed:
$out"
before=$(policy)

# An agent may not change the policy: refused, clearly, and nothing changes.
err=$("$FRONTLINE" survey set -d "$(pg_conninfo alice)" --every 5 2>&1 >/dev/null)
rc=$?
[ "$rc" = 1 ] || fail "alice: exit $rc, want 1"
echo "$err" | grep -q "^frontline: only an administrator may change the survey policy" ||
	fail "alice: unclear refusal: $err"
[ "$(policy)" = "$before" ] || fail "alice changed the policy: $(policy)"
err=$("$FRONTLINE" survey show -d "$(pg_conninfo alice)" 2>&1 >/dev/null)
rc=$?
[ "$rc" = 1 ] || fail "alice show: exit $rc, want 1"
echo "$err" | grep -q "^frontline: only an administrator may read the survey policy" ||
	fail "alice show: unclear refusal: $err"

# Bad values: a usage error that says which option and why, nothing written.
bad() {
	local want=$1
	shift
	err=$("$FRONTLINE" survey "$@" 2>&1 >/dev/null)
	rc=$?
	[ "$rc" = 2 ] || fail "survey $*: exit $rc, want 2"
	echo "$err" | grep -q -- "$want" || fail "survey $*: unclear: $err"
	[ "$(policy)" = "$before" ] || fail "survey $* changed the policy"
}
bad '--every must be a whole number, 1 or more.*got "0"' set --every 0
bad '--every must be a whole number.*got "-2"' set --every -2
bad '--every must be a whole number.*got "three"' set --every three
bad '--every must be a whole number.*got "1.5"' set --every 1.5
bad '--every must be a whole number.*got "99999999999"' set --every 99999999999
bad '--min-days must be a whole number of days, 0 or more; got "-1"' set --min-days -1
bad '--min-days must be a whole number.*got ""' set --min-days ''
bad '--csat must be on or off; got "yes"' set --csat yes
bad '--nps must be on or off; got "OFF"' set --nps OFF
bad '--channel needs a channel name' set --channel '' --every 2
bad 'nothing to set' set --channel email
bad 'no options but -d' show --every 3
bad 'usage: frontline survey' frob
bad 'usage: frontline survey' set show --every 2
bad 'usage: frontline survey'

# What only the database knows (its channels, its limits, that a survey
# asks something): refused by it, in its words, once prefixed; exit 1.
refused() {
	local want=$1
	shift
	err=$("$FRONTLINE" survey "$@" 2>&1 >/dev/null)
	rc=$?
	[ "$rc" = 1 ] || fail "survey $*: exit $rc, want 1"
	echo "$err" | grep -q -- "^frontline: $want" || fail "survey $*: unclear: $err"
	echo "$err" | grep -q "frontline: frontline:" && fail "survey $*: prefix twice: $err"
	[ "$(policy)" = "$before" ] || fail "survey $* changed the policy"
}
refused 'unknown channel "fax"' set --channel fax --every 2
refused 'every_nth must be 1 to 10000 (got 20000)' set --every 20000
refused 'min_days_between must be 0 to 3650' set --channel email --min-days 5000
refused 'a survey policy asks csat, nps or both' set --csat off --nps off

# Translated headers stay aligned: columns are measured in screen columns,
# not bytes (Cyrillic takes 2 bytes a column, CJK 3 bytes for 2 columns).
if command -v msgfmt >/dev/null; then
	mkdir -p "$TEST_DIR/locale/xx/LC_MESSAGES"
	cat >"$TEST_DIR/xx.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "channel"
msgstr "канал"

msgid "every Nth"
msgstr "каждый N-й"

msgid "min days"
msgstr "最少天数"

msgid "default"
msgstr "по умолчанию"

msgid "on"
msgstr "да"

msgid "off"
msgstr "нет"
PO
	msgfmt -o "$TEST_DIR/locale/xx/LC_MESSAGES/frontline.mo" "$TEST_DIR/xx.po" ||
		fail "msgfmt"
	out=$(LANGUAGE=xx FRONTLINE_LOCALEDIR="$TEST_DIR/locale" "$FRONTLINE" survey show) ||
		fail "translated show: exit $?"
	want="канал         каждый N-й  最少天数  CSAT  NPS
по умолчанию           1         0  да    нет
email                  3        14  нет   да
walk-in               12         0  да    нет"
	[ "$out" = "$want" ] || fail "translated show:
$out
want:
$want"
else
	note "msgfmt not found: translated headers not checked"
fi

# No database: a clear message and exit 1.
err=$("$FRONTLINE" survey show -d "host=$TEST_DIR/nowhere" 2>&1)
rc=$?
[ "$rc" = 1 ] || fail "no database: exit $rc"
echo "$err" | grep -q "cannot connect to the database" || fail "no database: $err"
echo "ok"
