#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# The real Linux 6.1 tree (Debian's linux-source-6.1) under the real conf:
# x86_64 olddefconfig writes the same .config, byte for byte, with
# toolcap's drop-in scripts as with the kernel's own, for gcc and for
# LLVM=1; examples/linux/toolcap-linux.sh applies the series and, with the
# real make, shows what changed (nothing with pahole 1.24; BTF off with
# 1.21); and what the kernel's own string comparison makes of a pahole
# from git.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

need_linux_tree 6.1 "Linux 6.1 olddefconfig with the drop-ins"
# The part of the tree the real make needs too (toolcap-linux.sh runs it).
LINUX=$(linux_make_tree 6.1) && export LINUX

# The starting point: x86_64_defconfig with BTF asked for.
{
	cat "$LINUX/arch/x86/configs/x86_64_defconfig"
	printf 'CONFIG_DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT=y\nCONFIG_DEBUG_INFO_BTF=y\nCONFIG_BPF_SYSCALL=y\n'
} >"$TRASH/start.config"

# tree NAME [toolcap-linux.sh options]: a copy of the 6.1 tree, of hard
# links: patch writes each file it changes anew, and the last test checks
# that the cached tree is still pristine.
tree() {
	rm -rf "$1" && cp -al "$LINUX" "$1" && _t=$1 && shift &&
	if [ $# -gt 0 ]; then
		"$TOP/examples/linux/toolcap-linux.sh" "$@" "$_t" >/dev/null
	fi
}

# olddefconfig TREE OUT TOOLCHAIN
olddefconfig() {
	mkdir -p "$2" && cp "$TRASH/start.config" "$2/.config" &&
	linux_conf "$PWD/$1" "$2" --olddefconfig "$3" >"$2/log" 2>&1
}

test_expect_success 'gcc: olddefconfig gives the same .config with the drop-ins as with the kernel scripts' '
	tree kernel && tree dropin --scripts-only --no-config &&
	olddefconfig kernel k gcc && olddefconfig dropin d gcc &&
	grep -q "^CONFIG_GCC_VERSION=" d/.config &&
	grep -q "^CONFIG_PAHOLE_VERSION=" d/.config &&
	cmp k/.config d/.config
'

if have clang && have ld.lld; then
	test_expect_success 'LLVM=1 (clang, ld.lld, integrated as): the same .config with the drop-ins' '
		tree kernel && tree dropin --scripts-only --no-config &&
		olddefconfig kernel k llvm && olddefconfig dropin d llvm &&
		grep -q "^CONFIG_CC_IS_CLANG=y" d/.config &&
		grep -q "^CONFIG_LD_IS_LLD=y" d/.config &&
		grep -q "^CONFIG_AS_IS_LLVM=y" d/.config &&
		cmp k/.config d/.config
	'
else
	test_skip 'LLVM=1: the same .config with the drop-ins' 'clang or ld.lld not installed'
fi

if have ccache; then
	test_expect_success 'CC="ccache gcc": the same .config with the drop-ins' '
		tree kernel && tree dropin --scripts-only --no-config &&
		LINUX_CC="ccache gcc" && export LINUX_CC &&
		olddefconfig kernel k gcc && olddefconfig dropin d gcc &&
		grep -q "^CONFIG_GCC_VERSION=" d/.config &&
		cmp k/.config d/.config
	'
else
	test_skip 'CC="ccache gcc": the same .config with the drop-ins' 'ccache not installed: install ccache'
fi

if have pahole && [ "$(pahole --version)" = v1.24 ]; then
	test_expect_success 'toolcap-linux.sh with pahole 1.24: the series changes nothing in .config and keeps BTF' '
		tree gated &&
		O=$PWD/gated-out "$TOP/examples/linux/toolcap-linux.sh" gated "$TRASH/start.config" >out &&
		sed -n "/^what changed/,\$p" out >actual &&
		printf "what changed in .config (olddefconfig before and after):\n  nothing\n" >expected &&
		test_cmp expected actual &&
		grep -q "^CONFIG_DEBUG_INFO_BTF=y" gated-out/after/.config
	'
fi

if s=$(pahole_sample 1.21); then
	PAHOLE_121=$s && export PAHOLE_121
	test_expect_success 'pahole 1.21: the kernel keeps DEBUG_INFO_BTF, the gate turns it off and says why' '
		fake_tool bin pahole "$PAHOLE_121" &&
		PAHOLE=$PWD/bin/pahole && export PAHOLE &&
		tree gated &&
		"$TOP/examples/linux/toolcap-linux.sh" gated "$TRASH/start.config" >out &&
		sed -n "/^what changed/,\$p" out >actual &&
		cat >expected <<-\EOT &&
		what changed in .config (olddefconfig before and after):
		  -CONFIG_DEBUG_INFO_BTF=y
		  +# DEBUG_INFO_BTF needs pahole >= 1.22, found 1.21
		  -CONFIG_DEBUG_INFO_BTF_MODULES=y
		  -# CONFIG_MODULE_ALLOW_BTF_MISMATCH is not set
		EOT
		test_cmp expected actual
	'
fi

# toolcap-linux.sh used to assume x86: ARCH=arm64 looked for
# arch/arm64/configs/x86_64_defconfig, ARCH=x86_64 for arch/x86_64/Kconfig,
# LLVM=1 always passed --target=x86_64-linux-gnu and CROSS_COMPILE was
# ignored.  Now the real make reads them: the .config after the series is
# the stock tree's make defconfig for that target.
for target in "ARCH=x86_64" "ARCH=arm64 LLVM=1" "ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-"; do
	case $target in
	*LLVM*) if ! have clang || ! have ld.lld; then
			test_skip "toolcap-linux.sh $target" "clang or ld.lld not installed"
			continue
		fi ;;
	*CROSS*) if ! have aarch64-linux-gnu-gcc; then
			test_skip "toolcap-linux.sh $target" "no aarch64-linux-gnu-gcc: install gcc-aarch64-linux-gnu"
			continue
		fi ;;
	esac
	TARGET=$target && export TARGET
	test_expect_success "toolcap-linux.sh $target: the .config is stock make defconfig's for that target" '
		tree gated && rm -rf tgt ref &&
		(unset TOOLCAP TOOLCAP_CACHE; export $TARGET &&
		 O=$PWD/tgt "$TOP/examples/linux/toolcap-linux.sh" gated >log &&
		 make -s -C "$LINUX" O="$PWD/ref" defconfig >ref.log 2>&1) &&
		sed -n "/^what changed/,\$p" log >actual &&
		printf "what changed in .config (olddefconfig before and after):\n  nothing\n" >expected &&
		test_cmp expected actual &&
		cmp ref/.config tgt/after/.config &&
		case $TARGET in
		*arm64*) grep -q "^CONFIG_ARM64=y" tgt/after/.config ;;
		*) grep -q "^CONFIG_X86_64=y" tgt/after/.config ;;
		esac &&
		case $TARGET in
		*LLVM*) grep -q "^CONFIG_CC_IS_CLANG=y" tgt/after/.config ;;
		*CROSS*) grep -q "^CONFIG_CC_IS_GCC=y" tgt/after/.config ;;
		*) : ;;
		esac
	'
done

# The kernel's pahole-version.sh passes a git-describe suffix through;
# record what 6.1's conf does with it.
if git_sample=$(pahole_git_sample); then
	GIT_SAMPLE=$git_sample && export GIT_SAMPLE
	test_expect_success "6.1's own scripts with a pahole from git ($(cat "$git_sample")): not a number" '
		fake_tool bin pahole "$GIT_SAMPLE" &&
		PAHOLE=$PWD/bin/pahole && export PAHOLE &&
		tree kernel && olddefconfig kernel k gcc &&
		tree dropin --scripts-only --no-config && olddefconfig dropin d gcc &&
		grep "PAHOLE_VERSION" k/log >>record &&
		grep -E "^CONFIG_(PAHOLE|DEBUG_INFO_BTF)" k/.config >>record &&
		cat record &&
		grep -q "number is invalid" k/log &&
		grep -q "^CONFIG_PAHOLE_VERSION=$(meta_field "$GIT_SAMPLE" kernel)\$" d/.config
	'
else
	test_skip "6.1's own scripts with a pahole from git" "no recorded git-describe pahole sample in tests/samples/pahole"
fi

test_expect_success 'the cached tree is still pristine (the copies were hard links)' '
	make -s -C "$TOP" linux-patches LINUX="$LINUX" PATCHES="$PWD/check" >/dev/null
'

test_done
