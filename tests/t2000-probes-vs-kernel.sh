#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# toolcap's probes against the kernel's own, on the same flags, under the
# real conf: a Kconfig sources the kernel's scripts/Kconfig.include (6.1
# and 6.12, from Debian's linux-source packages) and asks cc-option,
# ld-option, as-instr and rustc-option about flags that exist, do not
# exist, only warn, and fail only because of -Werror; then the same with
# kconfig/Kconfig.toolcap sourced after it.  Both .config files must be
# the same, for gcc/ld.bfd and for clang/ld.lld, cold and warm.  Then the
# make side: scripts/Makefile.toolcap against 6.1's and 6.12's Makefile.compiler.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

if [ ! -x "$KCONFIG_CONF" ]; then
	test_skip "probes against the kernel's Kconfig.include" "no conf: install linux-kbuild-6.1"
	test_done
	exit
fi

# The probes, and what each shows.  A -Wunknown-* flag only warns with
# clang: -Werror makes it fail.  ld -z nosuchkeyword only warns, and
# Kconfig's ld-option has no -Werror.  ".byte 256" makes gas warn: 6.12's
# as-instr makes warnings fatal, 6.1's does not (toolcap follows 6.12,
# so that probe is compared with 6.12 only).
common_probes() {
	cat <<-\EOT
	config CC_EXISTS
		def_bool $(cc-option,-fno-stack-protector)
	config CC_MISSING
		def_bool $(cc-option,-mnot-an-option)
	config CC_TWO_WORDS
		def_bool $(cc-option,-mno-red-zone -mcmodel=kernel)
	config CC_WARNS_ONLY
		def_bool $(cc-option,-Wunknown-toolcap-test)
	config CC_WNO_UNKNOWN
		def_bool $(cc-option,-Wno-unknown-toolcap-test)
	config CC_SPLIT_DWARF
		def_bool $(cc-option,-gsplit-dwarf)
	config LD_EXISTS
		def_bool $(ld-option,--gc-sections)
	config LD_MISSING
		def_bool $(ld-option,--not-an-option)
	config LD_WARNS_ONLY
		def_bool $(ld-option,-z nosuchkeyword)
	config AS_EXISTS
		def_bool $(as-instr,endbr64)
	config AS_MISSING
		def_bool $(as-instr,not_an_instruction %eax)
	config AS_ESCAPES
		def_bool $(as-instr,.uleb128 .Lend - .Lstart\n.Lstart:\n.Lend:)
	EOT
}
v612_probes() {
	cat <<-\EOT
	config AS_WARNS_ONLY
		def_bool $(as-instr,.byte 256)
	config RUSTC_EXISTS
		def_bool $(rustc-option,-Cforce-frame-pointers=yes)
	config RUSTC_MISSING
		def_bool $(rustc-option,-Cnot-an-option=1)
	config RUSTC_UNSTABLE
		def_bool $(rustc-option,-Zthreads=2)
	EOT
}

# answers TREE WHOSE TOOLCHAIN OUT [6.12]: run conf on a Kconfig that
# sources TREE's Kconfig.include, and toolcap's macros when WHOSE=toolcap.
answers() {
	mkdir -p "$4" &&
	{
		echo 'source "scripts/Kconfig.include"'
		if [ "$2" = toolcap ]; then
			echo "source \"$TOP/kconfig/Kconfig.toolcap\""
		fi
		common_probes
		if [ -n "${5:-}" ]; then
			v612_probes
		fi
	} >"$4/Kconfig" &&
	case $3 in
	llvm) cc=$LLVM_CC ld=$LLVM_LD flags="--target=x86_64-linux-gnu -fintegrated-as" ;;
	*) cc=gcc ld=ld flags= ;;
	esac &&
	(cd "$4" && env srctree="$1" CC="$cc" LD="$ld" CLANG_FLAGS="$flags" \
		RUSTC=rustc KCONFIG_CONFIG=.config \
		"$KCONFIG_CONF" --olddefconfig Kconfig >log 2>&1) &&
	grep -E '^(CONFIG_|# CONFIG_)(CC|LD|AS|RUSTC)_' "$4/.config" >"$4/answers" &&
	test -s "$4/answers"
}

linux_toolchain llvm
LLVM_CC=$LINUX_TC_CC LLVM_LD=$LINUX_TC_LD
export LLVM_CC LLVM_LD

for v in 6.1 6.12; do
	if ! tree=$(linux_kconfig_tree $v); then
		test_skip "probes against $v's Kconfig.include" "no /usr/src/linux-source-$v.tar.xz: install linux-source-$v"
		continue
	fi
	more=
	[ $v = 6.12 ] && more=yes
	for tc in gcc llvm; do
		if [ $tc = llvm ] && ! have "$LLVM_CC"; then
			test_skip "probes against $v's Kconfig.include with clang" "clang not installed"
			continue
		fi
		if [ -n "$more" ] && ! have rustc; then
			test_skip "probes against $v's Kconfig.include ($tc)" "rustc not installed"
			continue
		fi
		PT_TREE=$tree PT_TC=$tc PT_MORE=$more
		export PT_TREE PT_TC PT_MORE
		test_expect_success "$v Kconfig.include, $tc: toolcap's probes answer as the kernel's, cold and warm" '
			answers "$PT_TREE" kernel "$PT_TC" k $PT_MORE &&
			answers "$PT_TREE" toolcap "$PT_TC" cold $PT_MORE &&
			answers "$PT_TREE" toolcap "$PT_TC" warm $PT_MORE &&
			cat k/answers &&
			test_cmp k/answers cold/answers &&
			test_cmp k/answers warm/answers &&
			grep -q "^CONFIG_CC_EXISTS=y" k/answers &&
			! grep -q "CC_MISSING" k/answers &&
			grep -q "^CONFIG_LD_WARNS_ONLY=y" k/answers &&
			grep -q "^CONFIG_AS_ESCAPES=y" k/answers
		'
	done
done

# The clang case above must really show -Werror at work.
if have "$LLVM_CC" && tree=$(linux_kconfig_tree 6.12); then
	PT_TREE=$tree && export PT_TREE
	test_expect_success 'clang: a flag that only warns fails cc-option because of -Werror' '
		answers "$PT_TREE" toolcap llvm t yes &&
		! grep -q "CC_WARNS_ONLY" t/answers &&
		"$LLVM_CC" -Wunknown-toolcap-test -c -x c /dev/null -o x.o 2>err &&
		grep -q warning err
	'
fi

# The make side: each tree's Makefile.compiler against scripts/Makefile.toolcap
# with that tree's toolcap-kbuild-version, included by the same makefile, on
# the same flags.  Each answer is printed between brackets: "unchanged"
# means byte for byte, so a flag written after a space (", -X") keeps it.
# comma and pound as Kbuild.include defines them; .RECIPEPREFIX because
# the here-document loses its tabs.
cat >"$TRASH/probes.mk" <<-\EOT
include $(FUNCTIONS)
comma := ,
pound := \#
.RECIPEPREFIX := >
all:
>@echo 'cc-option [$(call cc-option,-fno-stack-protector,no)]'
>@echo 'cc-option [$(call cc-option, -fno-stack-protector)]'
>@echo 'cc-option [$(call cc-option,-mnot-an-option,no)]'
>@echo 'cc-option [$(call cc-option,-mnot-an-option, -mno-red-zone)]'
>@echo 'cc-option [$(call cc-option,-Wno-unknown-toolcap-test,no)]'
>@echo 'cc-option-yn [$(call cc-option-yn,-mno-red-zone)]'
>@echo 'cc-option-yn [$(call cc-option-yn,-Wno-unknown-toolcap-test)]'
>@echo 'cc-disable-warning [$(call cc-disable-warning,unused-but-set-variable)]'
>@echo 'cc-disable-warning [$(call cc-disable-warning, unused-but-set-variable)]'
>@echo 'cc-disable-warning [$(call cc-disable-warning,not-a-warning)]'
>@echo 'as-option [$(call as-option,-Wa$(comma)--noexecstack,no)]'
>@echo 'as-option [$(call as-option, -Wa$(comma)--noexecstack)]'
>@echo 'as-option [$(call as-option,-Wa$(comma)--not-an-option,no)]'
>@echo 'as-instr [$(call as-instr,endbr64,yes,no)]'
>@echo 'as-instr [$(call as-instr,endbr64, -DX)]'
>@echo 'as-instr [$(call as-instr,.byte 256,yes,no)]'
>@echo 'ld-option [$(call ld-option,--gc-sections,no)]'
>@echo 'ld-option [$(call ld-option, --gc-sections)]'
>@echo 'ld-option [$(call ld-option,--not-an-option,no)]'
>@echo 'ld-option [$(call ld-option,--not-an-option, --no-gc-sections)]'
>@echo 'rustc-option [$(call rustc-option,-Cforce-frame-pointers=yes,no)]'
>@echo 'rustc-option [$(call rustc-option, -Cforce-frame-pointers=yes)]'
>@echo 'rustc-option [$(call rustc-option,-Cnot-an-option=1,no)]'
>@echo 'rustc-option [$(call rustc-option,-Zthreads=2,no)]'
>@echo 'rustc-option-yn [$(call rustc-option-yn,-Zthreads=2)]'
EOT

for v in 6.1 6.12; do
	if ! tree=$(kernel_source $v makefile-compiler '*/scripts/Makefile.compiler'); then
		test_skip "make: scripts/Makefile.toolcap against $v's Makefile.compiler" "no /usr/src/linux-source-$v.tar.xz: install linux-source-$v"
		continue
	fi
	for tc in gcc llvm; do
		if [ $tc = llvm ] && ! have "$LLVM_CC"; then
			test_skip "make: Makefile.toolcap against $v's Makefile.compiler with clang" "clang not installed"
			continue
		fi
		PT_MK=$tree/scripts/Makefile.compiler PT_V=$v PT_TC=$tc
		export PT_MK PT_V PT_TC
		test_expect_success "make, $tc: scripts/Makefile.toolcap (toolcap-kbuild-version := $v) answers as $v's Makefile.compiler, byte for byte, cold and warm" '
			if [ "$PT_TC" = llvm ]; then
				set -- CC="$LLVM_CC" LD="$LLVM_LD" CLANG_FLAGS="--target=x86_64-linux-gnu -fintegrated-as"
			else
				set -- CC=gcc LD=ld
			fi &&
			set -- "$@" RUSTC=rustc KBUILD_CFLAGS="-O2 -Wall" \
				KBUILD_CPPFLAGS=-D__KERNEL__ KBUILD_AFLAGS=-D__ASSEMBLY__ &&
			make -s -f probes.mk FUNCTIONS="$PT_MK" "$@" >kernel &&
			printf "include %s\ntoolcap-kbuild-version := %s\ninclude %s\n" \
				"$PT_MK" "$PT_V" "$TOP/scripts/Makefile.toolcap" >both.mk &&
			TOOLCAP_CACHE=$TRASH/mk-cache make -s -f probes.mk FUNCTIONS=both.mk \
				TOOLCAP="$TOOLCAP" "$@" >mcold &&
			TOOLCAP_CACHE=$TRASH/mk-cache make -s -f probes.mk FUNCTIONS=both.mk \
				TOOLCAP="$TOOLCAP" "$@" >mwarm &&
			cat kernel &&
			cp kernel kernel-$PT_V-$PT_TC &&
			test_cmp kernel mcold &&
			test_cmp kernel mwarm &&
			grep -q "^cc-option \[-fno-stack-protector\]" kernel &&
			grep -q "^cc-option \[ -fno-stack-protector\]" kernel &&
			grep -q "^ld-option \[ --gc-sections\]" kernel &&
			grep -q "^cc-disable-warning \[-Wno-unused-but-set-variable\]" kernel
		'
	done
done

# The trees differ where these probes look (gcc): 6.1 probes -Wno-<unknown>
# as given (gcc takes it) and keeps .byte 256 (gas only warns).
if [ -f "$TRASH/kernel-6.1-gcc" ] && [ -f "$TRASH/kernel-6.12-gcc" ]; then
	test_expect_success 'make: the 6.1 and 6.12 answers above differ where the trees differ' '
		test_eq "cc-option [-Wno-unknown-toolcap-test]" "$(sed -n 5p kernel-6.1-gcc)" &&
		test_eq "cc-option [no]" "$(sed -n 5p kernel-6.12-gcc)" &&
		test_eq "as-instr [yes]" "$(sed -n 16p kernel-6.1-gcc)" &&
		test_eq "as-instr [no]" "$(sed -n 16p kernel-6.12-gcc)"
	'
fi

# Outside a kernel tree, toolcap missing or broken stops make: never a
# flag dropped.
printf 'include %s\nall:\n\t@echo "[$(call cc-option,-O2,no)]"\n' \
	"$TOP/scripts/Makefile.toolcap" >"$TRASH/alone.mk"
test_expect_success 'make: toolcap not installed stops make with one line naming toolcap' '
	test_expect_code 2 make -s -f alone.mk TOOLCAP=/nonexistent/toolcap CC=gcc >out 2>err &&
	test_must_be_empty out &&
	cat err &&
	test_line_count = 1 err &&
	grep -q "^alone.mk:[0-9]*: \*\*\* toolcap: /nonexistent/toolcap: not found or not executable: .*set TOOLCAP" err
'
test_expect_success 'make: toolcap not executable stops make' '
	: >not-exec &&
	test_expect_code 2 make -s -f alone.mk TOOLCAP=$TRASH/not-exec CC=gcc 2>err &&
	grep -q "\*\*\* toolcap: .*not-exec: not found or not executable" err
'
test_expect_success 'make: a compiler toolcap cannot run stops make (the kernel would drop the flag)' '
	test_expect_code 2 make -s -f alone.mk TOOLCAP="$TOOLCAP" CC=/nonexistent/cc 2>err &&
	cat err &&
	test_line_count = 1 err &&
	grep -q "^alone.mk:[0-9]*: \*\*\* toolcap: cc-option: /nonexistent/cc: not found" err
'
test_expect_success 'make: toolcap-kbuild-version other than 6.1 or 6.12 stops make' '
	printf "toolcap-kbuild-version := 6.5\ninclude %s\nall:\n\t@:\n" \
		"$TOP/scripts/Makefile.toolcap" >v.mk &&
	test_expect_code 2 make -s -f v.mk TOOLCAP="$TOOLCAP" 2>err &&
	grep -q "toolcap: toolcap-kbuild-version: \"6.5\": set it to 6.1 or 6.12" err
'

test_done
