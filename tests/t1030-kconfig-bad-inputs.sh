#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Bad inputs under the real conf: a pahole that is missing, prints garbage,
# prints nothing or hangs (TOOLCAP_TIMEOUT=1), and CC="ccache gcc".  A
# missing pahole is PAHOLE_VERSION=0 and BTF off; one whose version
# toolcap cannot tell stops conf, with toolcap's one line naming it: 0
# there would be a guess.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

if [ ! -x "$KCONFIG_CONF" ]; then
	test_skip "bad inputs under the real conf" "no conf: install linux-kbuild-6.1"
	test_done
	exit
fi

mkdir -p "$TRASH/bin"
printf '#!/bin/sh\necho "pahole: error while loading shared libraries: libdw.so.1"\n' >"$TRASH/bin/pahole-garbage"
printf '#!/bin/sh\n:\n' >"$TRASH/bin/pahole-silent"
printf '#!/bin/sh\nexec sleep 60\n' >"$TRASH/bin/pahole-hang"
chmod +x "$TRASH/bin"/*
TOOLCAP_TIMEOUT=1
export TOOLCAP_TIMEOUT

# gate_with NAME PAHOLE TEXT: the BTF gate under conf finishes with BTF off.
gate_with() {
	GW_PAHOLE=$2 GW_TEXT=$3
	export GW_PAHOLE GW_TEXT
	test_expect_success "$1: conf writes .config, PAHOLE_VERSION=0, BTF off" '
		rm -rf out &&
		btf_gate conf defconfig out PAHOLE="$GW_PAHOLE" 2>err &&
		cat err &&
		gate_summary out/.config >actual &&
		expected_gate 0 "$GW_TEXT" >expected &&
		test_cmp expected actual
	'
}

gate_with "a missing pahole" "$TRASH/bin/no-such-pahole" none
gate_with "an empty PAHOLE" "" none

# gate_stops NAME PAHOLE SAID: conf stops, writes no .config, and stderr
# has toolcap's line naming the pahole and saying SAID.
gate_stops() {
	GS_PAHOLE=$2 GS_SAID=$3
	export GS_PAHOLE GS_SAID
	test_expect_success "$1: conf stops, with toolcap's line, and writes no .config" '
		rm -rf out &&
		start=$(date +%s) &&
		! btf_gate conf defconfig out PAHOLE="$GS_PAHOLE" 2>err &&
		end=$(date +%s) &&
		cat err &&
		echo "took $((end - start)) s" &&
		test $((end - start)) -lt 10 &&
		test ! -e out/.config &&
		grep "^toolcap: $GS_PAHOLE: $GS_SAID" err
	'
}

gate_stops "a pahole printing garbage" "$TRASH/bin/pahole-garbage" "printed no version we recognise"
gate_stops "a pahole printing nothing" "$TRASH/bin/pahole-silent" "printed nothing"
gate_stops "a pahole that hangs (TOOLCAP_TIMEOUT=1 kills it)" "$TRASH/bin/pahole-hang" "timed out"

if LINUX=$(linux_kconfig_tree 6.1); then
	export LINUX
	test_expect_success "a pahole that prints nothing: 6.1's own script and the drop-in both stop conf; the drop-in says why" '
		rm -rf k d kernel dropin &&
		cp -a "$LINUX" kernel && cp -a "$LINUX" dropin &&
		"$TOP/examples/linux/toolcap-linux.sh" --scripts-only --no-config dropin >/dev/null &&
		cp "$LINUX/arch/x86/configs/x86_64_defconfig" start.config &&
		mkdir k d && cp start.config k/.config && cp start.config d/.config &&
		PAHOLE=$TRASH/bin/pahole-silent && export PAHOLE &&
		! linux_conf "$PWD/kernel" k --olddefconfig gcc >k.log 2>&1 &&
		cmp -s start.config k/.config &&
		! linux_conf "$PWD/dropin" d --olddefconfig gcc >d.log 2>&1 &&
		cmp -s start.config d/.config &&
		grep "^toolcap: $PAHOLE: printed nothing" d.log &&
		tail -n 3 k.log
	'
else
	test_skip "a pahole that prints nothing, on the 6.1 tree" "no /usr/src/linux-source-6.1.tar.xz: install linux-source-6.1"
fi

for cc in gcc "ccache gcc"; do
	case $cc in ccache*) have ccache || { test_skip "CC=\"$cc\" in every macro" "ccache not installed: install ccache"; continue; } ;; esac
	MACRO_CC=$cc && export MACRO_CC
	test_expect_success "CC=\"$cc\": every Kconfig.toolcap macro sees gcc" '
		rm -rf out && mkdir out && cd out &&
		env srctree="$TOP" CC="$MACRO_CC" PAHOLE="$TRASH/bin/no-such-pahole" \
			"$KCONFIG_CONF" --alldefconfig "$TEST_DIRECTORY/kconfig/Kconfig.macros" >/dev/null &&
		v=$(gcc_macro_version) &&
		i=$(version_int "$v") &&
		grep "^CONFIG_" .config >actual &&
		cat >expected <<-EOT &&
		CONFIG_CC_INT=$i
		CONFIG_CC_TEXT="$v"
		CONFIG_CC_KERNEL="GCC $i"
		CONFIG_CC_IS_GCC=y
		CONFIG_CC_GE_5_1=y
		CONFIG_CC_LE_99=y
		CONFIG_PAHOLE_INT=0
		EOT
		test_cmp expected actual
	'
done

# The probe macros answer as the kernel's own: n when the tool's program
# is not installed ($(success,...) of a missing command), y when the
# tool accepts.  A tool that runs but fails without the probed flag too
# (/bin/false) tells nothing about the flag: conf stops with toolcap's
# line, where stock Kconfig.include would write n.
probes() { # CC LD RUSTC: conf on Kconfig.probes into out/
	rm -rf out && mkdir out && (cd out &&
	env srctree="$TOP" CC="$1" LD="$2" RUSTC="$3" \
		"$KCONFIG_CONF" --alldefconfig "$TEST_DIRECTORY/kconfig/Kconfig.probes" >/dev/null)
}
if have rustc; then
	test_expect_success 'probe macros: y from working tools, n from tools that are not installed' '
		probes gcc ld rustc &&
		grep "^CONFIG_" out/.config >actual &&
		printf "%s\n" CONFIG_CC_HAS_O2=y CONFIG_AS_HAS_NOP=y \
			CONFIG_LD_HAS_GC_SECTIONS=y CONFIG_RUSTC_HAS_OPT_LEVEL=y >expected &&
		test_cmp expected actual &&
		probes "$TRASH/bin/no-such-cc" "$TRASH/bin/no-such-ld" no-such-rustc 2>err &&
		cat err &&
		test -f out/.config &&
		{ grep "^CONFIG_" out/.config >actual || :; } &&
		test_must_be_empty actual
	'
else
	test_skip "probe macros: y and n" "rustc not installed: install rustc"
fi
for tool in CC LD RUSTC; do
	PROBE_TOOL=$tool && export PROBE_TOOL
	test_expect_success "probe macros: $tool=/bin/false (fails without the flag too) stops conf with toolcap's line, not n" '
		cc=gcc ld=ld rustc=rustc &&
		case $PROBE_TOOL in CC) cc=false ;; LD) ld=false ;; RUSTC) rustc=false ;; esac &&
		test_expect_code 1 probes "$cc" "$ld" "$rustc" 2>err &&
		cat err &&
		test ! -e out/.config &&
		grep "^toolcap: [a-z-]*: false fails without the probed arguments too" err
	'
done

# as-instr follows the tree it is in.  6.1's does not
# make the assembler's warnings fatal, 6.5+'s does, and that changes real
# answers: clang 14 for riscv64 warns on ".option arch, +m" and assembles.
if have clang-14 && [ -x "$KCONFIG_CONF" ]; then
	test_expect_success 'as-instr: 6.1 semantics with toolcap-kbuild-version := 6.1, mainline without, as the trees'"'"' own command lines say' '
		printf "%s\n" "source \"$TOP/kconfig/Kconfig.toolcap\"" "config OPT_ARCH_M" \
			"	def_bool \$(as-instr,.option arch\$(toolcap-comma) +m)" >mainline.Kconfig &&
		{ echo "toolcap-kbuild-version := 6.1" && cat mainline.Kconfig; } >v61.Kconfig &&
		{ echo "toolcap-kbuild-version := 5.15" && cat mainline.Kconfig; } >bad.Kconfig &&
		rm -f semantics &&
		for k in mainline v61; do
			rm -f .config &&
			env srctree="$PWD" CC=clang-14 CLANG_FLAGS=--target=riscv64-linux-gnu \
				"$KCONFIG_CONF" --alldefconfig $k.Kconfig >/dev/null &&
			echo "$k: $(grep -c "^CONFIG_OPT_ARCH_M=y" .config)" >>semantics || exit 1
		done &&
		# What 6.1 and 6.12 scripts/Kconfig.include run:
		printf ".option arch, +m\n" | clang-14 --target=riscv64-linux-gnu \
			-c -x assembler-with-cpp -o /dev/null - 2>/dev/null &&
		! printf ".option arch, +m\n" | clang-14 --target=riscv64-linux-gnu \
			-Wa,--fatal-warnings -c -x assembler-with-cpp -o /dev/null - 2>/dev/null &&
		printf "mainline: 0\nv61: 1\n" >expected &&
		test_cmp expected semantics &&
		test_expect_code 1 env srctree="$PWD" CC=clang-14 "$KCONFIG_CONF" --alldefconfig bad.Kconfig >/dev/null 2>err &&
		test_line_count = 1 err &&
		grep "toolcap: toolcap-kbuild-version .5.15. is not known: set 6.1 or 6.12, or leave it unset for mainline" err
	'
else
	test_skip "as-instr follows 6.1's or mainline's semantics" "needs clang-14 and conf: install clang-14 and linux-kbuild-6.1"
fi

test_done
