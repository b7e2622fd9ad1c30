#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# The series of `make linux-patches` on the real Linux 6.1 and 6.12 trees,
# with the real make: it applies with git am and patch -p1; Kbuild builds
# toolcap warning-free in the objtree before conf runs; olddefconfig,
# defconfig, allnoconfig and randconfig (two seeds) give the stock tree's
# .config byte for byte, for x86_64 gcc, LLVM=1 and arm64 cross; O= and
# mrproper leave the source tree as applied; pahole from git is 122 and
# pahole 1.21 turns BTF off saying so; a missing or broken toolcap stops
# make with a line naming toolcap.  The trees are cut to what the *config
# targets read (tests/kconfig/lib-kconfig.sh: linux_make_tree).
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

linux_own_home

# kmake TREE OBJ TOOLCHAIN [VAR=VALUE...] TARGET...: the real make of a
# Linux tree with O=OBJ; TOOLCHAIN is gcc, llvm (LLVM=1) or arm64
# (ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-).
kmake() {
	_tree=$1 _obj=$2 _tc=$3
	shift 3
	case $_tc in
	gcc) ;;
	llvm) set -- LLVM=1 "$@" ;;
	arm64) set -- ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- "$@" ;;
	esac
	make -s -C "$_tree" O="$_obj" "$@"
}

# configs TREE OBJ TOOLCHAIN OUT: the five configurations into OUT/.
configs() {
	_ctree=$1 _cobj=$2 _ctc=$3 _cout=$4
	mkdir -p "$_cobj" "$_cout"
	case $_ctc in
	arm64) _def=arch/arm64/configs/defconfig ;;
	*) _def=arch/x86/configs/x86_64_defconfig ;;
	esac
	cp "$_ctree/$_def" "$_cobj/.config" &&
	kmake "$_ctree" "$_cobj" "$_ctc" olddefconfig >"$_cout/log" 2>&1 &&
	cp "$_cobj/.config" "$_cout/olddefconfig" &&
	for _t in defconfig allnoconfig; do
		kmake "$_ctree" "$_cobj" "$_ctc" "$_t" >>"$_cout/log" 2>&1 &&
		cp "$_cobj/.config" "$_cout/$_t" || return 1
	done &&
	for _seed in 1 2; do
		KCONFIG_SEED=$_seed kmake "$_ctree" "$_cobj" "$_ctc" randconfig \
			>>"$_cout/log" 2>&1 &&
		cp "$_cobj/.config" "$_cout/randconfig-$_seed" || return 1
	done
}

# The tools each toolchain needs, or the reason to skip it.
toolchain_missing() {
	case $1 in
	gcc) have gcc && have ld || echo "no gcc: install gcc" ;;
	llvm) have clang && have ld.lld || echo "no clang/ld.lld: install clang and lld" ;;
	arm64) have aarch64-linux-gnu-gcc || echo "no aarch64-linux-gnu-gcc: install gcc-aarch64-linux-gnu" ;;
	esac
}

GIT_AUTHOR_NAME=t70 GIT_AUTHOR_EMAIL=t70@toolcap.invalid
GIT_COMMITTER_NAME=t70 GIT_COMMITTER_EMAIL=t70@toolcap.invalid
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL

series_test() {
	v=$1
	if ! have git; then
		test_skip "Linux $v: the series" "no git: install git"
		return
	fi
	if ! STOCK=$(linux_make_tree "$v"); then
		test_skip "Linux $v: the series applies and gives stock's .config" \
			"no /usr/src/linux-source-$v.tar.xz: install linux-source-$v"
		return
	fi
	PATCHED=$TRASH/linux-$v PATCHES=$TRASH/patches-$v
	export STOCK PATCHED PATCHES v

	test_expect_success "Linux $v: make linux-patches writes a series that git am and patch -p1 apply to the same tree" '
		make -s -C "$TOP" linux-patches LINUX="$STOCK" PATCHES="$PATCHES" &&
		ls "$PATCHES" >names &&
		test_line_count -ge 5 names &&
		cp -a "$STOCK" "$PATCHED" && rm -f "$PATCHED/.unpacked" &&
		# Debian adds "/*" to the top .gitignore: back to upstream'"'"'s,
		# so that git status sees what a build leaves.
		sed "/^\/\*\$/d; /^!\/debian\/\$/d" "$STOCK/.gitignore" >"$PATCHED/.gitignore" &&
		rm -rf by-patch && cp -a "$PATCHED" by-patch &&
		(cd "$PATCHED" && git init -q && git add -f -A && git commit -qm pristine && git tag pristine &&
		 git am -q "$PATCHES"/*.patch && git log --format=%s pristine.. >../subjects) &&
		test_line_count = "$(wc -l <names)" subjects &&
		(cd by-patch && for p in "$PATCHES"/*.patch; do patch -s -p1 <"$p" || exit 1; done) &&
		diff -r --no-dereference -x .git "$PATCHED" by-patch &&
		rm -rf by-patch
	'

	test_expect_success "Linux $v: Kbuild builds toolcap in the objtree, no warning with the tree's HOSTCFLAGS (gcc and clang)" '
		kmake "$PATCHED" "$TRASH/obj-$v-warn-gcc" gcc defconfig >gcc.log 2>&1 &&
		kmake "$PATCHED" "$TRASH/obj-$v-warn-llvm" llvm defconfig >llvm.log 2>&1 &&
		! grep -i "warning" gcc.log llvm.log &&
		test -x "$TRASH/obj-$v-warn-gcc/scripts/toolcap/toolcap" &&
		test -x "$TRASH/obj-$v-warn-llvm/scripts/toolcap/toolcap" &&
		test ! -e "$PATCHED/scripts/toolcap/toolcap" &&
		test_expect_code 2 "$TRASH/obj-$v-warn-gcc/scripts/toolcap/toolcap" matrix 2>err &&
		echo "toolcap: matrix: not in the kernel'"'"'s toolcap; install toolcap" >expected &&
		test_cmp expected err
	'

	for tc in gcc llvm arm64; do
		why=$(toolchain_missing "$tc")
		if [ -n "$why" ]; then
			test_skip "Linux $v $tc: every configuration is stock's" "$why"
			continue
		fi
		export tc
		test_expect_success "Linux $v $tc: olddefconfig, defconfig, allnoconfig, randconfig (seeds 1, 2) give stock's .config byte for byte" '
			configs "$STOCK" "$TRASH/obj-$v-$tc-stock" "$tc" stock &
			configs "$PATCHED" "$TRASH/obj-$v-$tc" "$tc" patched
			p=$?
			wait $! || { cat stock/log; exit 1; }
			test "$p" = 0 || { cat patched/log; exit 1; }
			test -s "$TRASH/obj-$v-$tc/.toolcap-cache/$(ls "$TRASH/obj-$v-$tc/.toolcap-cache" | head -n 1)" &&
			for c in olddefconfig defconfig allnoconfig randconfig-1 randconfig-2; do
				cmp stock/$c patched/$c || { diff -u stock/$c patched/$c | head -n 40; exit 1; }
			done
		'
	done

	test_expect_success "Linux $v: the O= builds leave the source tree as applied and write nothing outside the objtree" '
		(cd "$PATCHED" && git status --porcelain --ignored) >status &&
		test_must_be_empty status &&
		# (rustup, which the stock tree runs too, keeps ~/.rustup)
		find "$HOME" -mindepth 1 ! -path "$HOME/.rustup*" >in-home &&
		test_must_be_empty in-home
	'

	if s=$(pahole_git_sample); then
		export s
		test_expect_success "Linux $v: a pahole from git ($(cat "$s")) gives PAHOLE_VERSION=122" '
			fake_tool bin pahole "$s" &&
			kmake "$PATCHED" "$TRASH/obj-$v-gcc" gcc PAHOLE="$PWD/bin/pahole" defconfig >log 2>&1 &&
			grep "^CONFIG_PAHOLE_VERSION=" "$TRASH/obj-$v-gcc/.config" >actual &&
			echo CONFIG_PAHOLE_VERSION=122 >expected &&
			test_cmp expected actual
		'
	fi

	if s=$(pahole_sample 1.21) && have pahole && [ "$(pahole --version)" = v1.24 ]; then
		export s
		test_expect_success "Linux $v: pahole 1.21 turns DEBUG_INFO_BTF off and the comment names it; the installed 1.24 keeps it" '
			fake_tool bin pahole "$s" && : >actual &&
			for p in "$PWD/bin/pahole" pahole; do
				o=$TRASH/obj-$v-btf-${p##*/bin/} &&
				mkdir -p "$o" &&
				kmake "$PATCHED" "$o" gcc PAHOLE="$p" defconfig >log 2>&1 &&
				printf "%s\n" CONFIG_BPF_SYSCALL=y "# CONFIG_DEBUG_INFO_NONE is not set" CONFIG_DEBUG_INFO_DWARF4=y \
					CONFIG_DEBUG_INFO_BTF=y >>"$o/.config" &&
				kmake "$PATCHED" "$o" gcc PAHOLE="$p" olddefconfig >>log 2>&1 &&
				grep -E "^CONFIG_(PAHOLE_VERSION|DEBUG_INFO_BTF)=|^# DEBUG_INFO_BTF needs" "$o/.config" >>actual ||
				{ cat log; exit 1; }
			done &&
			cat >expected <<-\EOT &&
			CONFIG_PAHOLE_VERSION=121
			# DEBUG_INFO_BTF needs pahole >= 1.22, found 1.21
			CONFIG_PAHOLE_VERSION=124
			CONFIG_DEBUG_INFO_BTF=y
			EOT
			test_cmp expected actual
		'
	else
		test_skip "Linux $v: pahole 1.21 turns DEBUG_INFO_BTF off" \
			"needs tests/samples/pahole 1.21 and the installed pahole v1.24 (dwarves)"
	fi

	test_expect_success "Linux $v: TOOLCAP naming no program stops make with one line naming toolcap" '
		test_expect_code 2 kmake "$PATCHED" "$TRASH/obj-$v-notc" gcc TOOLCAP=/nonexistent/toolcap defconfig >out 2>err &&
		grep -v "^make\(\[[0-9]*\]\)\{0,1\}: " err >lines &&
		test_line_count = 1 lines &&
		grep "toolcap: TOOLCAP=/nonexistent/toolcap: not found" lines &&
		test ! -e "$TRASH/obj-$v-notc/.config"
	'

	test_expect_success "Linux $v: when toolcap does not build, make stops there, naming it, before conf" '
		echo "#error toolcap test: a broken build" >>"$PATCHED/scripts/toolcap/cli/toolcap.c" &&
		! kmake "$PATCHED" "$TRASH/obj-$v-broken" gcc defconfig >out 2>err;
		(cd "$PATCHED" && git checkout -q scripts/toolcap/cli/toolcap.c) &&
		grep "scripts/toolcap/.*Error" err &&
		test ! -e "$TRASH/obj-$v-broken/.config"
	'

	test_expect_success "Linux $v: with its toolcap gone, each drop-in says so in one line, never \"unknown C compiler\"" '
		for d in cc ld as pahole rustc; do
			f=$PATCHED/scripts/$d-version.sh
			[ -f "$f" ] || continue
			grep -q toolcap-dropin "$f" || continue
			tool=gcc; [ $d = ld ] && tool=ld; [ $d = pahole ] && tool=pahole; [ $d = rustc ] && tool=rustc
			test_expect_code 2 env PATH=/usr/bin:/bin sh "$f" $tool >out 2>err &&
			test_must_be_empty out &&
			test_line_count = 1 err &&
			grep "^toolcap: .*: not found: build it (make scripts_basic in a kernel tree)" err || exit 1
		done
	'

	test_expect_success "Linux $v: make rustavailable (which runs cc-version.sh) builds toolcap first and answers as stock" '
		kmake "$STOCK" "$TRASH/obj-$v-rust-stock" gcc rustavailable >stock.out 2>&1
		s=$?
		kmake "$PATCHED" "$TRASH/obj-$v-rust" gcc rustavailable >patched.out 2>&1
		test_eq "$s" "$?" &&
		test -x "$TRASH/obj-$v-rust/scripts/toolcap/toolcap" &&
		! grep "toolcap:" patched.out
	'

	test_expect_success "Linux $v: make mrproper after an in-tree build leaves the tree as applied" '
		make -s -C "$PATCHED" defconfig >log 2>&1 &&
		test -x "$PATCHED/scripts/toolcap/toolcap" &&
		test -d "$PATCHED/.toolcap-cache" &&
		(cd "$PATCHED" && git status --porcelain) >status &&
		test_must_be_empty status &&
		make -s -C "$PATCHED" mrproper >>log 2>&1 &&
		(cd "$PATCHED" && git status --porcelain --ignored) >status &&
		test_must_be_empty status
	'
}

test_expect_success 'make linux-patches refuses a tree that is neither 6.1 nor 6.12, in one line' '
	mkdir -p old/scripts &&
	printf "VERSION = 5\nPATCHLEVEL = 15\n" >old/Makefile &&
	touch old/scripts/Kconfig.include &&
	test_expect_code 2 sh "$TOP/linux/gen-patches.sh" "$TOP" old patches 2>err &&
	test_line_count = 1 err &&
	grep "^toolcap: linux-patches: .*old is Linux 5.15: the series exists for 6.1 and 6.12 only$" err &&
	test_expect_code 2 sh "$TOP/linux/gen-patches.sh" "$TOP" "" patches 2>err &&
	test_line_count = 1 err
'

for v in 6.1 6.12; do
	series_test "$v"
done

test_done
