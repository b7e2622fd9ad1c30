#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# make install into a DESTDIR, then use the staged tree as a user would:
# build examples/c-api through pkg-config, run the installed toolcap and
# an installed wrapper (which must find the installed binary); uninstall.
. "$(dirname "$0")/lib.sh"

stage=$TRASH/stage
# The real gcc's version as its own macros state it: what the installed
# toolcap, library and scripts must each report (not what the toolcap
# built in the tree says: the two could be wrong together).
GCC_VERSION=$(gcc_macro_version)
GCC_INT=$(version_int "$GCC_VERSION")
export GCC_VERSION GCC_INT

test_expect_success 'make install DESTDIR=... PREFIX=/usr stages every file' '
	make -s -C "$TOP" install DESTDIR="$stage" PREFIX=/usr >log 2>&1 &&
	for f in bin/toolcap lib/libtoolcap.a lib/libtoolcap.so.0.1.0 \
		 include/toolcap.h lib/pkgconfig/toolcap.pc \
		 share/man/man1/toolcap.1 share/man/man3/toolcap.3; do
		test -f "$stage/usr/$f" || { echo "missing $f"; exit 1; }
	done &&
	test -x "$stage/usr/bin/toolcap" &&
	test_eq libtoolcap.so.0.1.0 "$(readlink "$stage/usr/lib/libtoolcap.so.0")" &&
	test_eq libtoolcap.so.0 "$(readlink "$stage/usr/lib/libtoolcap.so")" &&
	objdump -p "$stage/usr/lib/libtoolcap.so.0.1.0" | grep -q "SONAME *libtoolcap.so.0$"
'

test_expect_success 'the .pc file names the final paths, not DESTDIR' '
	grep -qx "libdir=/usr/lib" "$stage/usr/lib/pkgconfig/toolcap.pc" &&
	grep -qx "includedir=/usr/include" "$stage/usr/lib/pkgconfig/toolcap.pc" &&
	! grep -q "$stage" "$stage/usr/lib/pkgconfig/toolcap.pc"
'

# A library built with SANITIZE=1 needs its sanitizers at link time too,
# from the compiler that built it.
example_make_flags=
if nm "$TOP/lib/libtoolcap.a" 2>/dev/null | grep -q __asan_init; then
	if readelf -p .comment "$TOP/lib/libtoolcap.a" 2>/dev/null | grep -q clang; then
		example_make_flags="CC=clang"
	else
		example_make_flags="CC=gcc"
	fi
	example_make_flags="$example_make_flags LDFLAGS=-fsanitize=address,undefined"
fi

staged_pkg_config() {
	PKG_CONFIG_SYSROOT_DIR=$stage PKG_CONFIG_LIBDIR=$stage/usr/lib/pkgconfig \
		PKG_CONFIG_PATH=$stage/usr/lib/pkgconfig "$@"
}

if have pkg-config; then
test_expect_success 'examples/c-api builds against the staged tree with pkg-config' '
	cp "$TOP/examples/c-api/probe.c" "$TOP/examples/c-api/Makefile" . &&
	test_eq 0.1.0 "$(staged_pkg_config pkg-config --modversion toolcap)" &&
	staged_pkg_config pkg-config --cflags toolcap >cflags &&
	grep -qx -- "-I$stage/usr/include *" cflags &&
	# shellcheck disable=SC2086
	staged_pkg_config make -s $example_make_flags probe &&
	LD_LIBRARY_PATH=$stage/usr/lib ./probe 1.9 1.10 gcc >out &&
	echo "1.9 < 1.10" >expect &&
	echo "gcc: gcc $GCC_VERSION (kernel: GCC $GCC_INT)" >>expect &&
	test_cmp expect out &&
	LD_LIBRARY_PATH=$stage/usr/lib ldd ./probe | grep -q "libtoolcap.so.0 => $stage/usr/lib/libtoolcap.so.0"
'

test_expect_success 'and statically, with libtoolcap.a' '
	# shellcheck disable=SC2086
	rm -f probe && staged_pkg_config make -s $example_make_flags STATIC=1 probe &&
	! ldd ./probe | grep -q libtoolcap &&
	./probe 1.0-rc1 1.0 gcc >out && head -n 1 out >first &&
	echo "1.0-rc1 < 1.0" >expect && test_cmp expect first
'
else
test_skip 'examples/c-api builds against the staged tree with pkg-config' 'needs pkg-config'
fi

test_expect_success 'the installed toolcap runs, and reads gcc and make at the versions they state' '
	"$stage/usr/bin/toolcap" --version >out &&
	grep -q "^toolcap [0-9]" out &&
	test_eq "gcc $GCC_VERSION" "$("$stage/usr/bin/toolcap" version gcc)" &&
	test_eq "GCC $GCC_INT" "$("$stage/usr/bin/toolcap" version --format=kernel gcc)" &&
	"$stage/usr/bin/toolcap" check --kernel make >out &&
	grep -E "^make +[0-9.]+ +make +$(make_version) +ok " out
'

if [ -f "$stage/usr/share/toolcap/scripts/cc-version.sh" ]; then
test_expect_success 'an installed wrapper finds the installed toolcap beside it' '
	test_eq ../../../bin/toolcap "$(readlink "$stage/usr/share/toolcap/scripts/toolcap")" &&
	test_eq "$stage/usr/bin" "$(cd "$stage/usr/share/toolcap/scripts" && cd -P "$(dirname "$(readlink toolcap)")" && pwd)" &&
	env -i PATH=/usr/bin:/bin sh "$stage/usr/share/toolcap/scripts/cc-version.sh" gcc >out &&
	echo "GCC $GCC_INT" >expect &&
	test_cmp expect out
'
else
test_skip 'an installed wrapper finds the installed toolcap beside it' "no scripts/cc-version.sh to install"
fi

test_expect_success 'the GNU directory variables are each honoured' '
	make -s -C "$TOP" install DESTDIR="$TRASH/custom" PREFIX=/opt/tc \
		BINDIR=/opt/tc/sbin LIBDIR=/opt/tc/lib64 \
		INCLUDEDIR=/opt/tc/inc MANDIR=/opt/tc/man >log 2>&1 &&
	test -x "$TRASH/custom/opt/tc/sbin/toolcap" &&
	test -f "$TRASH/custom/opt/tc/lib64/libtoolcap.a" &&
	test -f "$TRASH/custom/opt/tc/inc/toolcap.h" &&
	test -f "$TRASH/custom/opt/tc/man/man1/toolcap.1" &&
	grep -qx "libdir=/opt/tc/lib64" "$TRASH/custom/opt/tc/lib64/pkgconfig/toolcap.pc" &&
	test_eq ../../../sbin/toolcap "$(readlink "$TRASH/custom/opt/tc/share/toolcap/scripts/toolcap")"
'

KCONFIG_CONF=${KCONFIG_CONF:-$(ls /usr/lib/linux-kbuild-6.1/scripts/kconfig/conf 2>/dev/null)}
if [ -x "$KCONFIG_CONF" ] && [ -f "$TOP/kconfig/Kconfig.toolcap" ]; then
test_expect_success 'an installed Kconfig.toolcap finds the installed toolcap off PATH' '
	make -s -C "$TOP" install PREFIX="$TRASH/prefix" >log 2>&1 &&
	mkdir kc && cd kc &&
	printf "%s\n" "source \"$TRASH/prefix/share/toolcap/kconfig/Kconfig.toolcap\"" \
		"config GCC_INT" "	int" "	default \$(toolcap-int,gcc)" >Kconfig &&
	env -i PATH=/usr/bin:/bin "$KCONFIG_CONF" --alldefconfig Kconfig >log 2>&1 &&
	grep -x "CONFIG_GCC_INT=$GCC_INT" .config
'
else
test_skip 'an installed Kconfig.toolcap finds the installed toolcap off PATH' 'needs linux-kbuild-6.1 (conf) and kconfig/Kconfig.toolcap'
fi

test_expect_success 'an installed Makefile.toolcap runs the installed toolcap off PATH' '
	make -s -C "$TOP" install PREFIX="$TRASH/prefix" >log 2>&1 &&
	printf "%s\n" "include $TRASH/prefix/share/toolcap/scripts/Makefile.toolcap" \
		"\$(info \$(call cc-option,-fno-stack-protector,no) \$(call cc-option,-mnot-an-option,no))" \
		"all: ;" >probe.mk &&
	env -i PATH=/usr/bin:/bin CC=gcc make -s -f probe.mk >out &&
	echo "-fno-stack-protector no" >expected &&
	test_cmp expected out
'

test_expect_success 'make uninstall leaves no file behind' '
	make -s -C "$TOP" uninstall DESTDIR="$stage" PREFIX=/usr >log 2>&1 &&
	find "$stage" ! -type d >left &&
	test_cmp /dev/null left
'

test_done
