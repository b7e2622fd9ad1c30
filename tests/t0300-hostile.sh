#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Tools that misbehave: toolcap must answer within its time limit, with
# exit 2 and one line, and never run anything through a shell.
. "$(dirname "$0")/lib.sh"

bin=$TRASH/bin
mkdir -p "$bin"
export TOOLCAP_TIMEOUT=1

# tool NAME BODY: a tool written in sh for this test.
tool() {
	printf '#!/bin/sh\n%s\n' "$2" >"$bin/$1"
	chmod +x "$bin/$1"
}

# within SECONDS CMD...: run CMD, its status; fail when it took longer
# than SECONDS (whole seconds, plus TIME_SLACK).  Every hostile case runs
# so: and timeout(1) stops CMD well after that, so that a hang fails the
# test instead of stalling the suite.  Untraced (see lib.sh): callers
# check its stderr.
within() (
	{ set +x; } 2>/dev/null
	limit=$(($1 + TIME_SLACK))
	shift
	start=$(date +%s)
	timeout -k 1 $((limit + 10)) "$@"
	status=$?
	elapsed=$(($(date +%s) - start))
	echo "took ${elapsed}s, limit ${limit}s" >timing
	test "$elapsed" -le "$limit" || return 125
	return "$status"
)

# expect_error STATUS PATTERN TOOLCAP-ARGS...: within 3 seconds, that
# status, one line on stderr matching the pattern, nothing on stdout.
expect_error() {
	want=$1 pattern=$2
	shift 2
	within 3 "$TOOLCAP" "$@" >out 2>err
	status=$?
	cat err timing
	test "$status" = "$want" && test ! -s out &&
	test_eq 1 "$(wc -l <err)" && grep -q "$pattern" err
}

tool hang 'exec sleep 100'
tool grandchild 'echo v1.24; sleep 100 & exec sleep 100'
tool daemonish '(sleep 100 &); echo v1.24'
tool flood 'echo "GNU ld (GNU Binutils) 2.40"; exec yes'
# 100 MB, then exit: after the version line, on stderr beside it, and as
# one line with no version in the first 64 KiB toolcap reads.
hundred_mb='dd if=/dev/zero bs=1048576 count=100 2>/dev/null | tr "\\000" x'
tool big "echo \"GNU ld (GNU Binutils) 2.40\"; $hundred_mb"
tool big-stderr "echo \"GNU ld (GNU Binutils) 2.40\"; $hundred_mb >&2"
tool big-line "$hundred_mb; echo \" GNU ld (GNU Binutils) 2.40\""
# 64 KiB, the cap, of what once made reading the output quadratic.
tool tokens 'yes -- -1 | tr -d "\n"'
tool parens 'yes "(" | tr -d "\n"'
tool groups 'yes "(GNU Binutils" | tr -d "\n"'
tool junk 'printf "\001\002\377\000\376 junk\000\n\033[31m"'
tool stderr-only 'echo "GNU ld (GNU Binutils) 2.40" >&2'
tool exit-one 'echo "GNU ld (GNU Binutils) 2.40"; exit 1'
tool killed 'echo v1.24; kill -SEGV $$'
tool args 'for a in "$@"; do printf "[%s]\n" "$a"; done >"$0.args"; echo "GNU Make 4.3"'
mkdir -p "$bin/a-directory"
printf 'echo v1.24\n' >"$bin/not-executable"
ln -sf "$bin/nowhere" "$bin/dangling"
ln -sf "$bin/loop-b" "$bin/loop-a"
ln -sf "$bin/loop-a" "$bin/loop-b"

test_expect_success 'a tool that never exits is killed at the time limit' '
	expect_error 2 "/hang: timed out and was killed" version --tool=pahole "$bin/hang"
'

test_expect_success 'a grandchild holding the pipe open is killed too' '
	expect_error 2 "timed out" version "$bin/grandchild" &&
	! pgrep -f "$bin/grandchild" >/dev/null
'

# Early: well before a time limit raised to 10 s for this case.
test_expect_success 'a tool that exits while its child keeps the pipe is answered early' '
	TOOLCAP_TIMEOUT=10 within 1 "$TOOLCAP" version --tool=pahole "$bin/daemonish" >out &&
	test_eq "pahole 1.24" "$(cat out)"
'

test_expect_success 'a tool that prints without end is cut off at the cap' '
	within 2 "$TOOLCAP" version "$bin/flood" >out &&
	test_eq "ld.bfd 2.40" "$(cat out)"
'

test_expect_success 'a tool that prints 100 MB and exits is cut off at the cap' '
	within 2 "$TOOLCAP" version "$bin/big" >out &&
	test_eq "ld.bfd 2.40" "$(cat out)"
'

test_expect_success '100 MB on stderr does not hide the version on stdout' '
	within 2 "$TOOLCAP" version "$bin/big-stderr" >out &&
	test_eq "ld.bfd 2.40" "$(cat out)"
'

test_expect_success '100 MB on one line: exit 2, and the quote is short' '
	expect_error 2 "printed no version we recognise" version "$bin/big-line" &&
	test_number "$(wc -c <err)" -lt 400
'

# Reading 64 KiB of "-1-1-1..." took 5 s of CPU, "((((..." 2 s.
test_expect_success 'output made to be slow to read is read in linear time' '
	for t in tokens parens groups; do
		expect_error 2 "printed no version we recognise" version "$bin/$t" ||
		return 1
	done
'

test_expect_success 'binary junk and NUL bytes: exit 2, quoted printable' '
	expect_error 2 "printed no version we recognise" version "$bin/junk" &&
	! grep -q "$(printf "\033")" err
'

test_expect_success 'a version printed only on stderr is found' '
	within 2 "$TOOLCAP" version "$bin/stderr-only" >out &&
	test_eq "ld.bfd 2.40" "$(cat out)"
'

test_expect_success 'exit 1 after a valid version line is an error (t0210)' '
	expect_error 2 "exited with status 1, so what it printed is no version" version "$bin/exit-one"
'

test_expect_success 'a tool killed by a signal is an error' '
	expect_error 2 "killed by signal 11" version --tool=pahole "$bin/killed"
'

test_expect_success 'a directory is not a tool' '
	expect_error 2 "cannot be executed: Is a directory" version "$bin/a-directory"
'

test_expect_success 'a file without the execute bit is not a tool' '
	expect_error 2 "cannot be executed: Permission denied" version "$bin/not-executable"
'

test_expect_success 'a dangling symlink is a missing tool (exit 1)' '
	within 2 "$TOOLCAP" version "$bin/dangling" 2>err; test $? = 1 &&
	grep -q "not found" err
'

test_expect_success 'a symlink loop is an error, not a hang' '
	expect_error 2 "symbolic links" version "$bin/loop-a"
'

test_expect_success 'arguments reach the tool as they are, never through a shell' '
	within 2 "$TOOLCAP" version "$bin/args" "a b" "\"q\"" "x;touch pwned" "\$(touch pwned)" "\`touch pwned\`" "line
break" >out &&
	test_eq "args 4.3" "$(cat out)" && test ! -e pwned &&
	cat >want <<-\EOT &&
	[a b]
	["q"]
	[x;touch pwned]
	[$(touch pwned)]
	[`touch pwned`]
	[line
	break]
	[--version]
	EOT
	test_cmp want "$bin/args.args"
'

test_expect_success 'stdin is /dev/null and LC_ALL is C' '
	tool env-check "read x && exit 4; echo \"LC_ALL=\$LC_ALL\" >\"\$0.env\"; echo v1.24" &&
	LC_ALL=de_DE.UTF-8 within 2 "$TOOLCAP" version --tool=pahole "$bin/env-check" \
		<"$TEST_DIRECTORY/lib.sh" >out &&
	test_eq "pahole 1.24" "$(cat out)" &&
	test_eq "LC_ALL=C" "$(cat "$bin/env-check.env")"
'
test_done
