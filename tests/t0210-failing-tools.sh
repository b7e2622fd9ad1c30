#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# A run that fails is not a version.  A tool that exits with a status its
# version run never has printed an error, and the numbers in an error
# ("exists in these Python versions: 3.8.18", "/opt/gcc-9.3.0/bin/gcc:
# not found") are not its version: exit 2 and one line that quotes it.
# Only a tool known to exit so after its version (unsquashfs -version
# exits 1, tests/samples/unsquashfs/) is read.
. "$(dirname "$0")/lib.sh"

bin=$TRASH/bin
mkdir -p "$bin"
# A pyenv shim for a Python that is installed but not selected: pyenv's
# exact words on stderr, exit 127 (tests/fixtures/pyenv-shim-python3.8.meta).
printf '#!/bin/sh\ncat "%s" >&2\nexit 127\n' \
	"$TEST_DIRECTORY/fixtures/pyenv-shim-python3.8.err" >"$bin/python3.8"
# A wrapper cc whose compiler is gone: the real shell's own error.
printf '#!/bin/sh\nexec /opt/gcc-9.3.0/bin/gcc "$@"\n' >"$bin/cc"
printf '#!/bin/bash\n/opt/gcc-9.3.0/bin/gcc "$@"\n' >"$bin/cc-bash"
# A real gcc whose wrapper then fails: the version line is real, the run
# is not a success.
printf '#!/bin/sh\ngcc "$@"\nexit 1\n' >"$bin/gcc-then-fail"
chmod +x "$bin"/*
PATH=$bin:$PATH
export PATH

test_expect_success 'a pyenv shim that exits 127 has no version' '
	test_expect_code 2 "$TOOLCAP" version python3.8 >out 2>err &&
	test_must_be_empty out &&
	test_line_count = 1 err &&
	test_eq "toolcap: python3.8: exited with status 127, so what it printed is no version: \"pyenv: python3.8: command not found\"" "$(cat err)"
'

test_expect_success 'ge on a failing pyenv shim is an error, not true' '
	test_expect_code 2 "$TOOLCAP" ge 3.8 python3.8 2>err &&
	test_line_count = 1 err
'

test_expect_success 'a wrapper cc whose compiler is gone (dash) has no version' '
	test_expect_code 2 "$TOOLCAP" version cc 2>err &&
	test_line_count = 1 err &&
	grep -q "^toolcap: cc: exited with status 127, so what it printed is no version: \".*/opt/gcc-9.3.0/bin/gcc: not found\"$" err &&
	test_expect_code 2 "$TOOLCAP" ge 9 cc 2>/dev/null
'

if have bash; then
test_expect_success 'a wrapper cc whose compiler is gone (bash) has no version' '
	test_expect_code 2 "$TOOLCAP" version cc-bash 2>err &&
	test_line_count = 1 err &&
	grep -q "exited with status 127, so what it printed is no version: \".*/opt/gcc-9.3.0/bin/gcc: No such file or directory\"$" err
'
else
	test_skip 'a wrapper cc whose compiler is gone (bash) has no version' 'no bash'
fi

test_expect_success 'gcc'"'"'s real version line after a failed run is not read' '
	test_expect_code 2 "$TOOLCAP" version gcc-then-fail 2>err &&
	test_line_count = 1 err &&
	grep -q "exited with status 1, so what it printed is no version: \"gcc " err &&
	test_expect_code 2 "$TOOLCAP" version --tool=gcc gcc-then-fail 2>/dev/null
'

test_expect_success 'check says a failing tool is an error, whatever its minimum' '
	printf "python3.8 3.6 python3.8\n" >req &&
	test_expect_code 2 "$TOOLCAP" check --requirements=req >out 2>err &&
	grep -q "status 127" err
'

test_expect_success 'a tool that prints nothing and fails says so' '
	test_expect_code 2 "$TOOLCAP" version sh -c "exit 3" 2>err &&
	test_line_count = 1 err &&
	test_eq "toolcap: sh: exited with status 3, so what it printed is no version: \"\"" "$(cat err)"
'

test_expect_success 'GNU false, which exits 1 after its version, is read' '
	env false --version >want.out
	test_eq 1 $? &&
	want=$(sed -n "1s/^false (GNU coreutils) \([0-9.]*\)$/\1/p" want.out) &&
	test_eq "false $want" "$("$TOOLCAP" version false)"
'

if have unsquashfs; then
test_expect_success 'unsquashfs, which exits 1 after its version, is read' '
	unsquashfs -version >want.out 2>/dev/null
	test_eq 1 $? &&
	want=$(sed -n "1s/^unsquashfs version \([0-9.]*\) .*/\1/p" want.out) &&
	test_eq "unsquashfs $want" "$("$TOOLCAP" version unsquashfs)"
'
else
	test_skip 'unsquashfs, which exits 1 after its version, is read' 'squashfs-tools not installed'
fi

test_done
