#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# examples/configure end to end: with the real gcc it writes config.mk and
# the project builds and runs; with a compiler too old (a fake printing the
# real RHEL 7 gcc 4.8.5 string) it stops with a message that says so.
. "$(dirname "$0")/lib.sh"

fake_tool "$TRASH/old" gcc "$SAMPLES/gcc/pub-gcc-rhel7.out"
unset CC MAKE PKG_CONFIG
export TOOLCAP

copy_project() {
	rm -rf project && mkdir project &&
	cp "$TOP/examples/configure/configure" "$TOP/examples/configure/Makefile" \
	   "$TOP/examples/configure/tools.req" "$TOP/examples/configure/hello.c" project/
}

if have gcc; then
test_expect_success 'with the real gcc: config.mk, then make and run' '
	copy_project && cd project &&
	CC=gcc sh ./configure --prefix=/opt/hello >out &&
	grep -Eq "^cc +5\.1\.0 +gcc .* ok " out &&
	grep -qx "CC = gcc" config.mk &&
	grep -x "CC_VERSION = gcc $(gcc_macro_version)" config.mk &&
	accepted= &&
	for flag in -Wall -Wextra -Wimplicit-fallthrough -Wvla -Wshadow=local; do
		if gcc -Werror "$flag" -c -x c /dev/null -o flag.o 2>/dev/null; then
			accepted="$accepted $flag"
		fi
	done &&
	grep -Eqx "CFLAGS = -std=c1[17] -O2$accepted" config.mk &&
	grep -qx "PREFIX = /opt/hello" config.mk &&
	make -s &&
	test_eq "hello, built by $("$TOOLCAP" version gcc)" "$(./hello)"
'
else
test_skip 'with the real gcc: config.mk, then make and run' 'needs gcc'
fi

test_expect_success 'with gcc 4.8.5 it fails and says which tool and why' '
	copy_project && cd project &&
	test_expect_code 1 env CC="$TRASH/old/gcc" dash ./configure >out 2>err &&
	grep -qx "toolcap check: FAILED: cc 4.8.5 is older than 5.1.0" out &&
	grep -q "^configure: error: a required tool is missing or too old" err &&
	test ! -f config.mk
'

test_expect_success 'a missing compiler fails the same way' '
	copy_project && cd project &&
	test_expect_code 1 env CC="toolcap-no-such-cc" sh ./configure >out 2>err &&
	grep -q "FAILED: cc is missing (toolcap-no-such-cc)" out
'

test_expect_success 'configure is POSIX sh: clean under shellcheck' '
	if have shellcheck; then shellcheck "$TOP/examples/configure/configure"; fi
'

test_done
