#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# The real Linux 6.1 tree (Debian's linux-source-6.1) under the real conf:
# x86_64 olddefconfig writes the same .config, byte for byte, with
# toolcap's drop-in scripts as with the kernel's own, for gcc and for
# LLVM=1; examples/linux/toolcap-linux.sh gates BTF; and what the kernel's
# own string comparison makes of a pahole from git.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

need_linux_tree 6.1 "Linux 6.1 olddefconfig with the drop-ins"

# The starting point: x86_64_defconfig with BTF asked for.
{
	cat "$LINUX/arch/x86/configs/x86_64_defconfig"
	printf 'CONFIG_DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT=y\nCONFIG_DEBUG_INFO_BTF=y\nCONFIG_BPF_SYSCALL=y\n'
} >"$TRASH/start.config"

# tree NAME [toolcap-linux.sh options]: a copy of the 6.1 tree.
tree() {
	rm -rf "$1" && cp -a "$LINUX" "$1" && _t=$1 && shift &&
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
	test_expect_success 'toolcap-linux.sh with pahole 1.24: the gate adds one symbol and keeps BTF' '
		tree gated &&
		cp "$TRASH/start.config" gated/.config &&
		"$TOP/examples/linux/toolcap-linux.sh" gated >out &&
		sed -n "/^what changed/,\$p" out >actual &&
		printf "what changed in .config (olddefconfig before and after):\n  +CONFIG_PAHOLE_HAS_ZEROSIZE_PERCPU_SUPPORT=y\n" >expected &&
		test_cmp expected actual &&
		grep -q "^CONFIG_DEBUG_INFO_BTF=y" gated/.config
	'
fi

if s=$(pahole_sample 1.21); then
	PAHOLE_121=$s && export PAHOLE_121
	test_expect_success 'pahole 1.21: the kernel keeps DEBUG_INFO_BTF, the gate turns it off and says why' '
		fake_tool bin pahole "$PAHOLE_121" &&
		PAHOLE=$PWD/bin/pahole && export PAHOLE &&
		tree gated &&
		cp "$TRASH/start.config" gated/.config &&
		"$TOP/examples/linux/toolcap-linux.sh" gated >out &&
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

test_done
