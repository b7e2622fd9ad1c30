#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# The series of `make linux-patches` leaves a build's command lines as
# they were, byte for byte: on the real Linux 6.1 and 6.12 trees, for
# x86_64 gcc and LLVM=1 and for arm64 (CROSS_COMPILE=aarch64-linux-gnu-
# and LLVM=1), `make -k -n vmlinux` after tinyconfig prints the
# same commands in the stock and the patched tree (the flags of every
# cc-option, cc-disable-warning, as-instr, ld-option of every directory
# land in them), once the tree paths are written TREE and OBJ and the one
# lines that build scripts/toolcap (and make -n's ":" for its objects)
# are left out.  The trees are the
# package's, without Documentation/'s text, unpacked once into the cache.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

linux_own_home

# dryrun TREE OBJ TOOLCHAIN OUT: tinyconfig, then make -n vmlinux into OUT
# with TREE and OBJ written as such.
dryrun() {
	_t=$1 _o=$2 _tc=$3 _out=$4
	case $_tc in
	gcc) set -- ;;
	llvm) set -- LLVM=1 ;;
	arm64) set -- ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- ;;
	arm64-llvm) set -- ARCH=arm64 LLVM=1 ;;
	esac
	mkdir -p "$_o" &&
	make -s -C "$_t" O="$_o" "$@" tinyconfig >"$_out.log" 2>&1 &&
	# -n cannot get past vmlinux.a (arm64: the vdso it links into an
	# object), which it does not make: -k prints every directory's
	# commands before that stop.
	{ make -C "$_t" O="$_o" "$@" -k -n vmlinux >"$_out.raw" 2>>"$_out.log" || :; } &&
	grep -q -e "No rule to make target .vmlinux\.a., needed by .vmlinux\.o" \
		-e "No rule to make target .arch/arm64/kernel/vdso/vdso\.so., needed by .arch/arm64/kernel/vdso-wrap\.o" \
		"$_out.log" &&
	sed -e "s|$_o|OBJ|g" -e "s|$_t|TREE|g" \
		-e '/obj=scripts\/toolcap$/d' -e '/scripts\/toolcap\//d' -e '/^:$/d' \
		-e '/Entering directory/d' -e '/Leaving directory/d' \
		"$_out.raw" >"$_out"
}

GIT_AUTHOR_NAME=t71 GIT_AUTHOR_EMAIL=t71@toolcap.invalid
GIT_COMMITTER_NAME=t71 GIT_COMMITTER_EMAIL=t71@toolcap.invalid
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL

for v in 6.1 6.12; do
	if ! STOCK=$(linux_build_tree "$v"); then
		test_skip "Linux $v: make -n vmlinux prints stock's command lines" \
			"no /usr/src/linux-source-$v.tar.xz: install linux-source-$v"
		continue
	fi
	PATCHED=$TRASH/linux-$v
	export STOCK PATCHED v
	test_expect_success "Linux $v: the series applies (patch -p1) to a linked copy, leaving the stock tree alone" '
		make -s -C "$TOP" linux-patches LINUX="$STOCK" PATCHES="$TRASH/patches-$v" &&
		cp -al "$STOCK" "$PATCHED" &&
		(cd "$PATCHED" && for p in "$TRASH/patches-$v"/*.patch; do
			patch -s -p1 <"$p" || exit 1; done) &&
		test ! -e "$STOCK/scripts/Makefile.toolcap" &&
		! grep -q toolcap "$STOCK/Makefile" "$STOCK/scripts/Makefile.compiler" &&
		test -f "$PATCHED/scripts/Makefile.toolcap"
	'
	for tc in gcc llvm arm64 arm64-llvm; do
		why=
		case $tc in
		llvm|arm64-llvm) have clang && have ld.lld || why="no clang/ld.lld: install clang and lld" ;;
		arm64) have aarch64-linux-gnu-gcc && have aarch64-linux-gnu-ld ||
			why="no aarch64-linux-gnu-gcc: install gcc-aarch64-linux-gnu" ;;
		esac
		if [ -n "$why" ]; then
			test_skip "Linux $v $tc: make -n vmlinux" "$why"
			continue
		fi
		# A flag of the arch Makefile's own probes, in the compile lines.
		case $tc in
		arm64*) flag=-Wno-psabi ;;
		*) flag='-fno-stack-protector\|-mno-red-zone' ;;
		esac
		export tc flag
		test_expect_success "Linux $v $tc: make -n vmlinux after tinyconfig prints stock's command lines byte for byte" '
			dryrun "$STOCK" "$TRASH/obj-$v-$tc-stock" $tc stock-$tc &
			dryrun "$PATCHED" "$TRASH/obj-$v-$tc" $tc patched-$tc
			p=$?
			wait $! || { cat stock-$tc.log; exit 1; }
			test "$p" = 0 || { cat patched-$tc.log; exit 1; }
			test -s "$TRASH/obj-$v-$tc/.toolcap-cache/$(ls "$TRASH/obj-$v-$tc/.toolcap-cache" | head -n 1)" &&
			test_line_count -ge 300 stock-$tc &&
			grep -q -- "$flag" stock-$tc &&
			test_cmp stock-$tc patched-$tc
		'
	done
	rm -rf "$TRASH/obj-$v-"* "$PATCHED"
done

test_done
