#!/bin/bash
# The man page keeps up with the program: every key that `frontline keys`
# prints has an entry in KEYS (and KEYS lists no key that is gone), every
# subcommand in `frontline --help` has one in COMMANDS, and groff formats
# the page without a single warning.
#
# Run by `make check` with top_srcdir and FRONTLINE set; by hand:
#   top_srcdir=. FRONTLINE=./frontline bash tests/doc/man.sh
# A log compiler of plain sh hands over to bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u

: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${FRONTLINE:=$top_srcdir/frontline}"
MAN_PAGE="$top_srcdir/share/man/frontline.1"

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

command -v groff >/dev/null 2>&1 || skip "groff not installed"
[ -r "$MAN_PAGE" ] || fail "no man page at $MAN_PAGE"
[ -x "$FRONTLINE" ] || fail "no frontline binary at $FRONTLINE (build it first)"

# English, whatever the caller's locale: key names are never translated,
# and --help is parsed by its English headings.
export LC_ALL=C
unset LANGUAGE

errors=()
problem() { errors+=("$*"); }

# section NAME: the man source of one .SH section, with continued lines
# (ending in a single backslash) joined.
section() {
	awk -v want="$1" '
	function flush() { if (pending != "") { if (on) print pending; pending = "" } }
	{
		line = $0
		if (pending != "") { line = pending line; pending = "" }
		if (line ~ /(^|[^\\])\\$/) { pending = substr(line, 1, length(line) - 1); next }
	}
	line ~ /^\.SH([ \t]|$)/ {
		t = line
		sub(/^\.SH[ \t]*/, "", t)
		gsub(/"/, "", t)
		on = (t == want)
		next
	}
	on { print line }
	END { flush() }
	' "$MAN_PAGE"
}

# tags: from a section on stdin, the tag line of each .TP, as a reader of
# the formatted page sees it (fonts dropped, escapes resolved), one a line
# with runs of blanks squeezed.
tags() {
	{
		printf '.TH T 1\n.nh\n.ad l\n.nf\n@@BEGIN@@\n'
		awk '
		want && /^\.\\"/ { next }
		/^\.TP([ \t]|$)/ { want = 1; next }
		# An empty entry: the next request is no tag.
		want && /^\.(PP|LP|P|IP|HP|TQ|RS|RE|SH|SS|br|sp|in|nf|fi)([ \t]|$)/ {
			want = 0
			next
		}
		want { print; want = 0; next }
		'
		printf '@@END@@\n'
	} | groff -man -Tutf8 -P-c -P-b -P-o -P-u 2>/dev/null |
	# -Tutf8 draws hyphens, minus signs, quotes, ^ and ~ as typographic
	# characters; map them back to what a user types.
	sed -e 's/\xe2\x80\x90/-/g' -e 's/\xe2\x88\x92/-/g' \
	    -e "s/\\xe2\\x80\\x99/'/g" -e 's/\xe2\x80\x98/`/g' \
	    -e 's/\xcb\x86/^/g' -e 's/\xcb\x9c/~/g' |
	awk '
	/@@END@@/ { on = 0 }
	on {
		gsub(/[ \t]+/, " ")
		sub(/^ /, "")
		sub(/ $/, "")
		if ($0 != "") print
	}
	/@@BEGIN@@/ { on = 1 }
	'
}

squeeze() { printf '%s' "$1" | tr -s ' \t' '  ' | sed -e 's/^ //' -e 's/ $//'; }

# 1. KEYS: one entry per line of `frontline keys`, "KEYS<TAB>description".
keys_out=$("$FRONTLINE" keys) || fail "\`$FRONTLINE keys\` failed"
[ -n "$keys_out" ] || fail "\`$FRONTLINE keys\` printed nothing"
man_keys=$(section KEYS | tags)
[ -n "$man_keys" ] || fail "the man page has no KEYS section with .TP entries"

declare -A printed=()
while IFS= read -r line; do
	case $line in
	*$'\t'*) ;;
	*) fail "\`frontline keys\` printed a line without a tab: \"$line\"" ;;
	esac
	key=$(squeeze "${line%%$'\t'*}")
	printed["$key"]=1
	grep -qxF -- "$key" <<<"$man_keys" ||
		problem "KEYS has no entry for \"$key\" (printed by \`frontline keys\`)"
done <<<"$keys_out"
while IFS= read -r tag; do
	[ -n "${printed[$tag]:-}" ] ||
		problem "KEYS documents \"$tag\", which \`frontline keys\` does not print"
done <<<"$man_keys"

# 2. COMMANDS: every subcommand in the Commands: list of --help. Its lines
# are "  NAME [WORDS...] [OPTIONS]  what it does"; the name is the leading
# lower-case words ("db migrate").
help_out=$("$FRONTLINE" --help) || fail "\`$FRONTLINE --help\` failed"
commands=$(awk '
	/^Commands:/ { on = 1; next }
	on && /^[^ ]/ { on = 0 }
	on && /^  [a-z]/ {
		s = substr($0, 3)
		sub(/  .*/, "", s)
		n = split(s, w, " ")
		name = ""
		for (i = 1; i <= n && w[i] ~ /^[a-z][a-z0-9-]*$/; i++)
			name = name (name == "" ? "" : " ") w[i]
		if (name != "") print name
	}' <<<"$help_out")
[ -n "$commands" ] || fail "found no Commands: list in \`frontline --help\`"
man_commands=$(section COMMANDS | tags)
[ -n "$man_commands" ] ||
	fail "the man page has no COMMANDS section with .TP entries"

while IFS= read -r cmd; do
	found=
	while IFS= read -r tag; do
		case $tag in
		"$cmd" | "$cmd "* | "$cmd,"*) found=1; break ;;
		esac
	done <<<"$man_commands"
	[ -n "$found" ] ||
		problem "COMMANDS has no entry for \"$cmd\" (in \`frontline --help\`)"
done <<<"$commands"

# 3. groff formats the page without a warning, as man(1) shows it.
warnings=$(groff -man -Tutf8 -ww -z "$MAN_PAGE" 2>&1)
[ -z "$warnings" ] || problem "groff warns about $MAN_PAGE:
$warnings"

if [ ${#errors[@]} -gt 0 ]; then
	for e in "${errors[@]}"; do
		echo "FAIL: $e"
	done
	echo "FAIL: share/man/frontline.1 is out of date (${#errors[@]} problem(s))"
	exit 1
fi
echo ok
