#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# A probe's "no" is an answer only when the tool works without what is
# probed: a "compiler" that cannot compile an empty file says no to every
# flag, and that no says nothing about the flag.  toolcap runs the same
# command without the probed arguments before it answers no; when that
# fails too, it is exit 2.  The tools are real: ld is no C compiler,
# false is no linker.
. "$(dirname "$0")/lib.sh"

if ! have gcc || ! have ld; then
	test_skip 'a probe of a tool that fails without the flag too is exit 2' 'gcc or ld not installed: install gcc and binutils'
	test_done
	exit
fi

test_expect_success 'cc-option with ld as the compiler is exit 2, not no' '
	test_expect_code 2 "$TOOLCAP" cc-option --cc=ld -O2 2>err &&
	test_line_count = 1 err &&
	grep "^toolcap: cc-option: ld fails without the probed arguments too" err
'

test_expect_success 'as-instr with ld as the compiler is exit 2, not no' '
	test_expect_code 2 "$TOOLCAP" as-instr --cc=ld nop 2>err &&
	test_line_count = 1 err
'

test_expect_success 'ld-option with false as the linker is exit 2, not no' '
	test_expect_code 2 "$TOOLCAP" ld-option --ld=false -- --gc-sections 2>err &&
	test_line_count = 1 err
'

test_expect_success 'flags the compiler rejects make every probe exit 2' '
	test_expect_code 2 "$TOOLCAP" cc-option --flags=-fno-such-option-at-all -O2 2>err &&
	test_line_count = 1 err
'

test_expect_success 'the one line quotes the tool'"'"'s first words, printable, past a blank line' '
	printf "#!/bin/sh\nprintf \"\\\\n  \\\\033[31mbad\\\\033[0m\\\\nmore\\\\n\" >&2\nexit 1\n" >badcc &&
	chmod +x badcc && cat badcc &&
	test_expect_code 2 "$TOOLCAP" cc-option --no-cache --cc="$PWD/badcc" -O2 2>err &&
	test_line_count = 1 err &&
	grep "(exit 1: \"  ?\[31mbad?\[0m\")" err
'

test_expect_success 'a working compiler still says no to a flag it lacks, cached or not' '
	test_expect_code 1 "$TOOLCAP" cc-option -fno-such-option-at-all &&
	test_expect_code 1 "$TOOLCAP" cc-option -fno-such-option-at-all &&
	test_expect_code 1 "$TOOLCAP" cc-option --no-cache -fno-such-option-at-all &&
	test_expect_code 1 "$TOOLCAP" as-instr "no_such_instruction %eax" &&
	test_expect_code 1 "$TOOLCAP" ld-option -- --no-such-linker-option
'

test_expect_success 'the exit 2 is not kept as a no: asked again, it is exit 2 again' '
	test_expect_code 2 "$TOOLCAP" cc-option --cc=ld -fno-common 2>/dev/null &&
	test_expect_code 2 "$TOOLCAP" cc-option --cc=ld -fno-common 2>/dev/null
'

test_done
