#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# scripts/{cc,ld,as,pahole,rustc}-version.sh against the kernel's own, on
# every compiler, linker and assembler installed: the same stdout and exit
# status, beside the min-tool-version.sh of Linux 6.1 (Debian's
# linux-source-6.1) and of 6.12 (linux-source-6.12).  Where the kernel's
# scripts misread a real version string, the drop-in prints the right one.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

DROPINS="cc-version.sh ld-version.sh as-version.sh pahole-version.sh rustc-version.sh"

# Installed tools, as the kernel is given them.
compilers=
for t in gcc gcc-11 gcc-12 x86_64-linux-gnu-gcc-11 x86_64-linux-gnu-gcc-12 \
	 aarch64-linux-gnu-gcc arm-linux-gnueabi-gcc riscv64-linux-gnu-gcc \
	 clang clang-13 clang-14 clang-15 clang-16; do
	have "$t" && compilers="$compilers $t"
done
linkers=
for t in ld ld.bfd x86_64-linux-gnu-ld aarch64-linux-gnu-ld riscv64-linux-gnu-ld \
	 arm-linux-gnueabi-ld ld.lld ld.lld-13 ld.lld-14 ld.lld-15 ld.lld-16 \
	 ld.gold aarch64-linux-gnu-ld.gold ld.mold; do
	have "$t" && linkers="$linkers $t"
done
# as-version.sh gets $(CC) $(CLANG_FLAGS): one word list per line.
assemblers=$(
	for t in $compilers; do
		echo "$t"
		case $t in
		clang*)
			echo "$t --target=x86_64-linux-gnu -fintegrated-as -Werror=unknown-warning-option"
			echo "$t --target=x86_64-linux-gnu -fno-integrated-as"
			have aarch64-linux-gnu-as &&
				echo "$t --target=aarch64-linux-gnu -fno-integrated-as --prefix=/usr/bin/aarch64-linux-gnu-"
			;;
		esac
	done
	have ccache && echo "ccache gcc"
	echo "$TRASH/no-such-cc"
)

# outcome SCRIPT ARG...: stdout and exit status, as one comparable text.
outcome() {
	_script=$1
	shift
	_out=$(sh "$_script" "$@" 2>/dev/null)
	echo "$* => [$_out] exit $?"
}

# compare_scripts KERNEL_SCRIPTS DROPIN_SCRIPTS NAME: one line per word list on stdin.
compare_scripts() {
	rm -f kernel.out dropin.out
	while read -r _args; do
		# shellcheck disable=SC2086
		outcome "$1/$3" $_args >>kernel.out
		# shellcheck disable=SC2086
		outcome "$2/$3" $_args >>dropin.out
	done
	cat dropin.out
	test -s dropin.out && test_cmp kernel.out dropin.out
}

for kv in 6.1 6.12; do
	if ! ksrc=$(kernel_source "$kv" scripts '*/scripts/*-version.sh'); then
		test_skip "the drop-ins match Linux $kv's scripts" "no /usr/src/linux-source-$kv.tar.xz: install linux-source-$kv"
		continue
	fi
	kscripts=$ksrc/scripts
	dropin=$TRASH/dropin-$kv/scripts
	mkdir -p "$dropin"
	cp "$kscripts/min-tool-version.sh" "$dropin/"
	for s in $DROPINS toolcap-dropin.sh; do
		cp "$TOP/scripts/$s" "$dropin/"
	done
	export kscripts dropin

	# shellcheck disable=SC2086
	CC_LIST=$(printf '%s\n' $compilers; have ccache && echo "ccache gcc"; echo "$TRASH/no-such-cc")
	# shellcheck disable=SC2086
	LD_LIST=$(printf '%s\n' $linkers "$TRASH/no-such-ld")
	AS_LIST=$assemblers
	export CC_LIST LD_LIST AS_LIST

	test_expect_success "cc-version.sh: Linux $kv's output on$compilers, ccache gcc, a missing CC" '
		echo "$CC_LIST" | compare_scripts "$kscripts" "$dropin" cc-version.sh
	'
	test_expect_success "ld-version.sh: Linux $kv's output on$linkers, a missing LD" '
		echo "$LD_LIST" | compare_scripts "$kscripts" "$dropin" ld-version.sh
	'
	test_expect_success "as-version.sh: Linux $kv's output for GNU as through each compiler, integrated and not" '
		echo "$AS_LIST" | compare_scripts "$kscripts" "$dropin" as-version.sh
	'
	test_expect_success "pahole-version.sh: Linux $kv's output for the installed pahole, a missing one, none" '
		printf "%s\n" pahole "$TRASH/no-such-pahole" "" |
			compare_scripts "$kscripts" "$dropin" pahole-version.sh
	'
	if [ -f "$kscripts/rustc-version.sh" ]; then
		test_expect_success "rustc-version.sh: Linux $kv's output for the installed rustc and a missing one" '
			printf "%s\n" rustc "$TRASH/no-such-rustc" |
				compare_scripts "$kscripts" "$dropin" rustc-version.sh
		'
	fi
done

test_expect_success 'every recorded version string gives its kernel: value (no minimum check outside a tree)' '
	for fam in gcc clang ld.bfd ld.lld gas pahole rustc; do
		case $fam in
		gcc|clang) s=cc-version.sh ;;
		ld.*) s=ld-version.sh ;;
		gas) s=as-version.sh ;;
		*) s=$fam-version.sh ;;
		esac
		for f in "$SAMPLES/$fam"/*.out; do
			m=${f%.out}.meta
			grep -q "^kernel: -" "$m" && continue
			grep -q "^exit:\|^stream: stderr" "$m" && continue
			# A drop-in runs its tool under LC_ALL=C, where gettext
			# ignores LANGUAGE: no translated line reaches it.
			grep -q "^locale:" "$m" && continue
			rm -rf bin && fake_tool bin tool "$f" &&
			echo "$f: $(sed -n "s/^kernel: //p" "$m")" >>expected &&
			echo "$f: $(sh "$TOP/scripts/$s" bin/tool 2>/dev/null)" >>actual
		done
	done &&
	test_cmp expected actual
'

# kernel_vs_dropin KV SCRIPT SAMPLE: "kernel: X / toolcap: Y" for a recorded tool.
kernel_vs_dropin() {
	rm -rf bin && fake_tool bin tool "$SAMPLES/$3" &&
	echo "kernel: $(sh "$CACHE/linux-source-$1-scripts/scripts/$2" bin/tool 2>/dev/null) / toolcap: $(sh "$TRASH/dropin-$1/scripts/$2" bin/tool 2>/dev/null)"
}

if [ -d "$TRASH/dropin-6.1" ]; then
	test_expect_success 'RHEL 6 ld: the kernel reads the build date, the drop-in says 2.20.51 is too old' '
		kernel_vs_dropin 6.1 ld-version.sh ld.bfd/pub-ld.bfd-rhel6.out >actual &&
		echo "kernel: BFD 201002050000 / toolcap: " >expected &&
		test_cmp expected actual
	'
	test_expect_success 'RHEL 6 as: the kernel reads the build date, the drop-in says 2.20.51 is too old' '
		kernel_vs_dropin 6.1 as-version.sh gas/pub-gas-rhel6-5.43.out >actual &&
		echo "kernel: GNU 201002050000 / toolcap: " >expected &&
		test_cmp expected actual
	'
	test_expect_success 'AVR binutils 2.26.20160125: the kernel adds the date, the drop-in says 22600' '
		kernel_vs_dropin 6.1 ld-version.sh ld.bfd/pub-ld.bfd-2.26-release-date.out >actual &&
		kernel_vs_dropin 6.1 as-version.sh gas/pub-gas-avr-2.26.20160125-ubuntu20.04.out >>actual &&
		printf "kernel: BFD 20182725 / toolcap: BFD 22600\nkernel: GNU 20182725 / toolcap: GNU 22600\n" >expected &&
		test_cmp expected actual
	'
fi
if [ -d "$TRASH/dropin-6.12" ]; then
	test_expect_success 'rustc nightly with nightly=3 exported: the kernel subtracts it, the drop-in does not' '
		nightly=3 && export nightly &&
		kernel_vs_dropin 6.12 rustc-version.sh rustc/deb12-rustup-nightly-rustc--version.out >actual &&
		echo "kernel: 109697 / toolcap: 109700" >expected &&
		test_cmp expected actual
	'
fi

test_expect_success 'the drop-ins find toolcap beside themselves, then on PATH' '
	mkdir -p beside path &&
	cp "$TOP/scripts/pahole-version.sh" "$TOP/scripts/toolcap-dropin.sh" beside/ &&
	cp "$TOOLCAP" beside/toolcap &&
	cp "$TOOLCAP" path/toolcap &&
	s=$(pahole_sample 1.22) && fake_tool bin pahole "$s" &&
	(unset TOOLCAP; sh beside/pahole-version.sh bin/pahole) >actual &&
	cp "$TOP/scripts/pahole-version.sh" "$TOP/scripts/toolcap-dropin.sh" . &&
	(unset TOOLCAP; PATH=$PWD/path:$PATH sh ./pahole-version.sh bin/pahole) >>actual &&
	printf "122\n122\n" >expected &&
	test_cmp expected actual
'

test_expect_success 'the drop-ins find scripts/toolcap/toolcap, where Kbuild builds it in a patched tree' '
	mkdir -p kbuild/toolcap &&
	cp "$TOP/scripts/pahole-version.sh" "$TOP/scripts/toolcap-dropin.sh" kbuild/ &&
	cp "$TOOLCAP" kbuild/toolcap/toolcap &&
	s=$(pahole_sample 1.22) && fake_tool bin pahole "$s" &&
	(unset TOOLCAP; PATH=/usr/bin:/bin sh kbuild/pahole-version.sh bin/pahole) >actual &&
	echo 122 >expected &&
	test_cmp expected actual
'

# Without toolcap, one line naming it and exit 2, never
# "gcc: unknown C compiler" or a version 0 read into .config.
test_expect_success 'toolcap missing: each drop-in stops with one line naming toolcap' '
	mkdir -p alone/toolcap &&
	for d in $DROPINS toolcap-dropin.sh; do cp "$TOP/scripts/$d" alone/ || exit 1; done &&
	for d in $DROPINS; do
		(unset TOOLCAP; PATH=/usr/bin:/bin; export PATH
		 test_expect_code 2 sh alone/$d gcc >out 2>err) &&
		test_must_be_empty out &&
		test_line_count = 1 err &&
		grep "^toolcap: not in alone/ nor on PATH: not found: build it" err || exit 1
		TOOLCAP=$TRASH/no-such-toolcap test_expect_code 2 sh alone/$d gcc >out 2>err &&
		test_must_be_empty out &&
		test_line_count = 1 err &&
		grep "^toolcap: TOOLCAP=$TRASH/no-such-toolcap: not found: build it" err || exit 1
	done
'

if have shellcheck; then
	test_expect_success 'the drop-ins are clean under shellcheck' '
		cd "$TOP/scripts" && shellcheck -x -s sh $DROPINS toolcap-dropin.sh
	'
else
	test_skip 'the drop-ins are clean under shellcheck' 'shellcheck not installed'
fi

test_done
