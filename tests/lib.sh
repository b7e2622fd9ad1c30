# SPDX-License-Identifier: GPL-2.0-only OR MIT
# shellcheck shell=sh
#
# Sourced by every tests/t*.sh, after git's t/test-lib.sh: each test has a
# sentence for a name and a body of shell run in a subshell; its output,
# with each command it ran traced by set -x, is kept and shown only when it
# fails.  Prints one line per test:
#   ok - NAME | not ok - NAME | skip - NAME (REASON)

TEST_DIRECTORY=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$TEST_DIRECTORY/.." && pwd)
TOOLCAP=${TOOLCAP_TEST_BINARY:-$TOP/scripts/toolcap}
SAMPLES=$TEST_DIRECTORY/samples
export TOP TOOLCAP SAMPLES LC_ALL=C
# Seconds added to the time limits tests check: make check-valgrind runs
# toolcap under valgrind, which starts it much more slowly.
TIME_SLACK=${TOOLCAP_TEST_TIME_SLACK:-0}
export TIME_SLACK

test_name=$(basename "$0" .sh)
TRASH=$TEST_DIRECTORY/trash/$test_name
rm -rf "$TRASH"
mkdir -p "$TRASH"
# Probes cache their answers: never in the user's cache, never shared.
TOOLCAP_CACHE=$TRASH/.toolcap-cache
export TOOLCAP_CACHE

test_failures=0

# The helpers below report on fd 4, the test's log, so that what they say
# reaches the log even when the caller sent the command's stderr to a file
# (test_expect_code 2 cmd 2>err).  Outside a test, fd 4 is stderr.
exec 4>&2

# test_expect_success NAME BODY: the body runs traced (set -x), so that a
# failing test shows the commands it ran, with their words expanded, the
# last one the one that failed.  dash traces to stderr only, so a shell
# function or { ...; } run with 2>FILE writes the trace of its commands
# into FILE.  So the helpers here run untraced, in a subshell that begins
#	{ set +x; } 2>/dev/null
# and so does a test file's own function whose stderr a test checks.
test_expect_success() {
	_log=$TRASH/.log
	# set -x inside the eval: the eval line itself (the whole body) is
	# not traced, only the body's commands.
	if (cd "$TRASH" && eval "set -x
$2") >"$_log" 2>&1 4>&2; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		sed 's/^/#    /' "$_log"
		test_failures=$((test_failures + 1))
	fi
}

# test_skip NAME REASON: for a test whose requirement is missing.
test_skip() {
	echo "skip - $1 ($2)"
}

# have COMMAND: is COMMAND installed?
have() {
	command -v "$1" >/dev/null 2>&1
}

# test_cmp EXPECTED ACTUAL: compare, printing the difference on failure.
test_cmp() (
	{ set +x; } 2>/dev/null
	diff -u "$1" "$2" >&4
)

# git's assertion helpers: each prints what it expected and what it got
# when it fails, so a failing test says what broke.

# test_eq EXPECTED ACTUAL: two strings are equal.
test_eq() (
	{ set +x; } 2>/dev/null
	[ "$1" = "$2" ] && return 0
	printf 'test_eq: expected:\n%s\ngot:\n%s\n' "$1" "$2" >&4
	return 1
)

# test_expect_code CODE COMMAND...: COMMAND exits with CODE.
test_expect_code() (
	{ set +x; } 2>/dev/null
	_want=$1
	shift
	"$@"
	_got=$?
	[ "$_got" = "$_want" ] && return 0
	echo "test_expect_code: expected exit $_want, got $_got: $*" >&4
	return 1
)

# test_number A OP B: the numbers compare so (OP as in test: -lt...).
test_number() (
	{ set +x; } 2>/dev/null
	test "$1" "$2" "$3" && return 0
	echo "test_number: expected $1 $2 $3, which does not hold" >&4
	return 1
)

# test_line_count OP N FILE: FILE has OP N lines (OP as in test: -eq...).
test_line_count() (
	{ set +x; } 2>/dev/null
	_n=$(wc -l <"$3" | tr -d ' ')
	test "$_n" "$1" "$2" && return 0
	echo "test_line_count: expected $1 $2 lines in $3, got $_n:" >&4
	cat "$3" >&4
	return 1
)

# test_must_be_empty FILE: FILE exists and is empty.
test_must_be_empty() (
	{ set +x; } 2>/dev/null
	[ -f "$1" ] && [ ! -s "$1" ] && return 0
	echo "test_must_be_empty: $1 is not empty (or missing):" >&4
	cat "$1" >&4
	return 1
)

# What the real tools say of themselves, through a channel other than the
# --version text toolcap reads: the expected values of tests on installed
# tools, so that no test compares toolcap with itself.

# gcc_macro_version [CC]: MAJOR.MINOR.PATCH from the compiler's own
# predefined macros (__GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__).
gcc_macro_version() {
	echo "__GNUC__ __GNUC_MINOR__ __GNUC_PATCHLEVEL__" |
		"${1:-gcc}" -E -P -x c - | tail -n 1 | tr ' ' .
}

# clang_macro_version [CC]: the same from clang's __clang_major__,
# __clang_minor__ and __clang_patchlevel__ (its __GNUC__ is 4.2.1).
clang_macro_version() {
	echo "__clang_major__ __clang_minor__ __clang_patchlevel__" |
		"${1:-clang}" -E -P -x c - | tail -n 1 | tr ' ' .
}

# version_int X.Y.Z: the kernel's integer for it, 10000 X + 100 Y + Z, as
# scripts/cc-version.sh computes it.
version_int() {
	echo "$1" | {
		IFS=. read -r _x _y _z
		echo $((10000 * _x + 100 * ${_y:-0} + ${_z:-0}))
	}
}

# make_version [MAKE]: GNU make's $(MAKE_VERSION), from make itself.
make_version() {
	printf 'all:\n\t@echo $(MAKE_VERSION)\n' | "${1:-make}" -s -f -
}

# bash_version [BASH]: bash's own ${BASH_VERSINFO[0..2]}.
bash_version() {
	# shellcheck disable=SC2016 # expanded by bash, not here
	"${1:-bash}" -c 'echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}.${BASH_VERSINFO[2]}"'
}

# fake_tool DIR NAME SAMPLE: a program NAME in DIR that prints the bytes
# of a recorded sample (tests/samples/...out), for versions and vendors
# that cannot be installed here.
fake_tool() (
	{ set +x; } 2>/dev/null
	mkdir -p "$1"
	printf '#!/bin/sh\ncat "%s"\n' "$3" >"$1/$2"
	chmod +x "$1/$2"
)

test_done() {
	rm -rf "$TRASH"
	[ "$test_failures" -eq 0 ]
}
