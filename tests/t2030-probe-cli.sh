#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# The probe commands' contract: exit 0/1 as a predicate, 2 and one line
# naming the tool when it cannot answer; no file left in TMPDIR; as-instr's
# input is what `printf "%b\n"` makes of it; the tools default as Kbuild's
# do; explain prints a command that, run by sh, gives the same answer.
. "$(dirname "$0")/lib.sh"

if ! have gcc; then
	test_skip "the probe commands" "needs gcc"
	test_done
	exit
fi
unset CC LD RUSTC CLANG_FLAGS CROSS_COMPILE KBUILD_CFLAGS KBUILD_CPPFLAGS

# one_line FILE: exactly one line.
one_line() {
	test_line_count -eq 1 "$1"
}

test_expect_success 'cc-option: 0 for a flag gcc has, 1 for one it has not' '
	"$TOOLCAP" cc-option -fno-stack-protector &&
	{ "$TOOLCAP" cc-option -mnot-an-option; test $? = 1; }
'

test_expect_success 'nothing to probe: exit 2 and one line' '
	{ "$TOOLCAP" cc-option 2>err; test $? = 2; } &&
	one_line err && grep -q "^toolcap: cc-option: " err
'

test_expect_success 'a missing compiler: exit 2, one line naming it, nothing cached' '
	TOOLCAP_CACHE=$PWD/fresh-cache && export TOOLCAP_CACHE &&
	{ "$TOOLCAP" cc-option --cc=no-such-cc-here -O2 2>err; test $? = 2; } &&
	one_line err &&
	grep -q "^toolcap: cc-option: no-such-cc-here: not found" err &&
	"$TOOLCAP" cache stats >stats && grep -q "^entries: 0" stats
'

test_expect_success 'a compiler killed by a signal: exit 2, one line' '
	mkdir -p bin &&
	printf "#!/bin/sh\nkill -SEGV \$\$\n" >bin/crash && chmod +x bin/crash &&
	{ "$TOOLCAP" cc-option --cc="$PWD/bin/crash" -O2 2>err; test $? = 2; } &&
	one_line err && grep -q "killed by signal 11" err
'

test_expect_success 'no file is left in TMPDIR, even by -gsplit-dwarf' '
	mkdir tmp && TMPDIR=$PWD/tmp && export TMPDIR &&
	"$TOOLCAP" cc-option --no-cache -gsplit-dwarf &&
	"$TOOLCAP" as-instr --make --no-cache endbr64 &&
	{ "$TOOLCAP" cc-option --no-cache -mnot-an-option; test $? = 1; } &&
	find tmp -mindepth 1 >left && test_cmp /dev/null left
'

# The kernel's as-instr pipes printf "%b\n" "INSTR" into the assembler:
# compare with dash's printf on escapes a Kconfig file can hold.
test_expect_success 'as-instr reads INSTR as printf %b does' '
	for instr in "endbr64" ".uleb128 .Lb - .La\\n.La:\\n.Lb:" \
		".ascii \\"a\\\\tb\\"" ".byte 0101\\n.byte \\0101" \
		"nop\\cjunk that is never read" "not_an_instruction"; do
		kernel=y &&
		{ printf "%b\n" "$instr" | gcc -c -x assembler-with-cpp -o /dev/null - 2>/dev/null || kernel=n; } &&
		ours=y &&
		{ "$TOOLCAP" as-instr --no-cache -- "$instr" || ours=n; } &&
		echo "$kernel $ours $instr" &&
		test "$kernel" = "$ours" || return 1
	done
'

test_expect_success 'CC unset: $(CROSS_COMPILE)gcc, as Kbuild' '
	if have aarch64-linux-gnu-gcc; then
		CROSS_COMPILE=aarch64-linux-gnu- "$TOOLCAP" as-instr "mrs x0, sp_el0" &&
		{ CROSS_COMPILE=aarch64-linux-gnu- "$TOOLCAP" as-instr endbr64; test $? = 1; }
	else
		echo "no aarch64-linux-gnu-gcc: only the native default" &&
		"$TOOLCAP" as-instr endbr64
	fi
'

test_expect_success 'cc-disable-warning prints -Wno-NAME only when gcc knows -WNAME' '
	"$TOOLCAP" cc-disable-warning unused-but-set-variable >out &&
	echo -Wno-unused-but-set-variable >expected && test_cmp expected out &&
	{ "$TOOLCAP" cc-disable-warning not-a-warning >out; test $? = 1; } &&
	test_cmp /dev/null out
'

test_expect_success 'explain: the command, its exit status, the tool said, the answer' '
	{ "$TOOLCAP" explain cc-option -mnot-an-option >out; test $? = 1; } &&
	cat out &&
	grep -qx "command: gcc -Werror -mnot-an-option -c -x c /dev/null -o \"\$TMP\"/tmp.o" out &&
	grep -qx "exit status: 1" out &&
	grep -q "mnot-an-option" out &&
	grep -qx "answer: n" out
'

test_expect_success 'explain: its command, run by sh, answers the same' '
	for probe in "cc-option -fno-stack-protector" "cc-option -mnot-an-option" \
		"ld-option -- --gc-sections" "ld-option -- --not-an-option" \
		"as-instr endbr64" "as-instr --make not_an_instruction"; do
		# shellcheck disable=SC2086
		"$TOOLCAP" explain $probe >out
		ours=$?
		TMP=$(mktemp -d) &&
		sed -n "s/^command: //p" out >cmd &&
		{ TMP=$TMP sh cmd >/dev/null 2>&1; theirs=$?; } &&
		rm -rf "$TMP" &&
		echo "$probe: explain $ours, sh $theirs" &&
		if [ "$ours" = 0 ]; then test "$theirs" = 0; else test "$theirs" != 0; fi ||
		return 1
	done
'

test_done
