#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Real outputs that are not a tool's --version: what gcc -dumpversion
# prints, clang's banner asked about its integrated assembler, a tool that
# quotes another's version line.  Each gives the right answer or exit 2.
. "$(dirname "$0")/lib.sh"

# gcc -dumpversion prints "12", -dumpfullversion "12.2.0"; a macOS gcc is
# clang and prints "4.2.1" or its own version (sirocco-rt/sirocco#792,
# boostorg/build#560): a bare number does not say which tool it is.
test_expect_success 'gcc -dumpversion given to parse --program=gcc: exit 2, one line' '
	gcc -dumpversion >in &&
	test_expect_code 2 "$TOOLCAP" parse --program=gcc <in >out 2>err &&
	test_must_be_empty out &&
	test_line_count = 1 err &&
	test_eq "toolcap: gcc: \"$(cat in)\" is a bare number that does not say which tool printed it: give what TOOL --version prints" "$(cat err)"
'

test_expect_success 'gcc -dumpfullversion given to parse --tool=gcc: exit 2, one line' '
	gcc -dumpfullversion >in &&
	test_expect_code 2 "$TOOLCAP" parse --tool=gcc <in >out 2>err &&
	test_must_be_empty out &&
	test_line_count = 1 err &&
	grep -q "\"$(cat in)\" is a bare number" err
'

test_expect_success 'clang -dumpversion given as gcc'"'"'s is refused too' '
	clang -dumpversion >in &&
	test_expect_code 2 "$TOOLCAP" parse --program=gcc <in 2>err &&
	test_line_count = 1 err
'

test_expect_success 'clang asked as its integrated assembler (llvm-as): clang'"'"'s version, as its macros state it' '
	for cc in clang clang-13 clang-14 clang-15 clang-16; do
		have $cc || continue
		test_eq "llvm-as $(clang_macro_version $cc)" \
			"$("$TOOLCAP" version --tool=llvm-as $cc)" || return 1
	done
'

test_expect_success 'clang is still clang when nobody asks for llvm-as' '
	test_expect_code 1 "$TOOLCAP" is llvm-as clang &&
	"$TOOLCAP" is clang clang &&
	clang --version | "$TOOLCAP" parse >out &&
	grep -q "^clang " out
'

test_expect_success 'gcc asked as llvm-as is refused, naming gcc' '
	test_expect_code 2 "$TOOLCAP" version --tool=llvm-as gcc 2>err &&
	grep -q "is not llvm-as but gcc" err
'

if have rustup; then
test_expect_success 'rustup --version 2>&1 is rustup, not the rustc it quotes' '
	rustup --version >both 2>&1 &&
	grep -q "rustc" both &&
	want=$(sed -n "1s/^rustup \([0-9.]*\) .*/\1/p" both) &&
	test_eq "rustup $want" "$("$TOOLCAP" parse --program=rustup <both)" &&
	test_eq "rustup $want" "$("$TOOLCAP" parse <both)" &&
	test_eq "rustup $want" "$("$TOOLCAP" version rustup)"
'
else
	test_skip 'rustup --version 2>&1 is rustup, not the rustc it quotes' 'no rustup'
fi

test_done
