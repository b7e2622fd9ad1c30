#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# examples/btf-gate with both real Kconfig engines: the kernel's conf and
# kconfiglib configure BTF from the pahole on PATH, for pahole 1.21, 1.22,
# 1.24, a pahole from git and no pahole.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

# gate_test ENGINE NAME PAHOLE INT TEXT
gate_test() {
	_engine=$1 _name=$2
	GT_PAHOLE=$3 GT_INT=$4 GT_TEXT=$5
	export GT_PAHOLE GT_INT GT_TEXT
	test_expect_success "$_engine: $_name gives PAHOLE_VERSION=$4 and the right BTF symbols" '
		rm -rf out &&
		btf_gate '"$_engine"' defconfig out PAHOLE="$GT_PAHOLE" &&
		gate_summary out/.config >actual &&
		expected_gate "$GT_INT" "$GT_TEXT" >expected &&
		test_cmp expected actual
	'
}

engines=
if [ -x "$KCONFIG_CONF" ]; then
	engines=conf
else
	test_skip "the kernel's conf configures the BTF gate" "no conf: install linux-kbuild-6.1"
fi
if [ -n "$KCONFIGLIB_PYTHON" ]; then
	engines="$engines kconfiglib"
else
	test_skip "kconfiglib configures the BTF gate" "no kconfiglib: install python3-kconfiglib"
fi

fakes=$TRASH/fakes
for v in 1.21 1.22; do
	if s=$(pahole_sample "$v"); then
		fake_tool "$fakes/$v" pahole "$s"
	fi
done
git_sample=$(pahole_git_sample) && fake_tool "$fakes/git" pahole "$git_sample"

for engine in $engines; do
	for v in 1.21 1.22; do
		if [ -x "$fakes/$v/pahole" ]; then
			gate_test "$engine" "pahole $v (recorded)" "$fakes/$v/pahole" \
				"$(echo "$v" | tr -d .)" "$v"
		else
			test_skip "$engine: pahole $v" "no recorded pahole $v sample in tests/samples/pahole"
		fi
	done
	if have pahole && [ "$(pahole --version)" = v1.24 ]; then
		gate_test "$engine" "the installed pahole v1.24" pahole 124 1.24
	else
		test_skip "$engine: pahole 1.24" "pahole v1.24 not installed: install dwarves"
	fi
	if [ -n "$git_sample" ]; then
		gate_test "$engine" "a pahole from git ($(cat "$git_sample"))" \
			"$fakes/git/pahole" "$(meta_field "$git_sample" kernel)" \
			"$(meta_field "$git_sample" version)"
	else
		test_skip "$engine: a pahole from git counts as its release" \
			"no recorded git-describe pahole sample in tests/samples/pahole"
	fi
	gate_test "$engine" "a missing pahole" "$TRASH/no-such-pahole" 0 none

	# The gate knows the tool is pahole, whatever its
	# program is called (generic reading: 12100 for 1.21, BTF on).
	if [ -x "$fakes/1.21/pahole" ]; then
		mkdir -p "$fakes/opt-dwarves/bin" &&
		cp "$fakes/1.21/pahole" "$fakes/opt-dwarves/bin/p"
		gate_test "$engine" "pahole 1.21 installed as /opt/dwarves/bin/p" \
			"$fakes/opt-dwarves/bin/p" 121 1.21
	fi
	if have pahole && [ "$(pahole --version)" = v1.24 ]; then
		mkdir -p "$fakes/renamed" &&
		ln -sf "$(command -v pahole)" "$fakes/renamed/p"
		gate_test "$engine" "the installed pahole v1.24 named p" \
			"$fakes/renamed/p" 124 1.24
	fi

	test_expect_success "$engine: every recorded pahole --version gives its release's answer" '
		for s in "$SAMPLES"/pahole/*.out; do
			grep -q "^v" "$s" || continue
			rm -rf bin out &&
			fake_tool bin pahole "$s" &&
			btf_gate '"$engine"' defconfig out PAHOLE="$PWD/bin/pahole" &&
			gate_summary out/.config >actual &&
			expected_gate "$(meta_field "$s" kernel)" \
				"$(meta_field "$s" version)" >expected &&
			test_cmp expected actual || { echo "sample: $s"; exit 1; }
		done
	'
done

if [ -n "$KCONFIGLIB_PYTHON" ]; then
	test_expect_success "kconfiglib: the comment is a visible menu entry with pahole 1.21" '
		s=$(pahole_sample 1.21) && fake_tool bin pahole "$s" &&
		env srctree="$TOP" PAHOLE="$PWD/bin/pahole" TOOLCAP="$TOOLCAP" \
		"$KCONFIGLIB_PYTHON" -c "
import kconfiglib
k = kconfiglib.Kconfig(\"$BTF_GATE/Kconfig\")
for node in k.node_iter():
    if node.item == kconfiglib.COMMENT and kconfiglib.expr_value(node.dep):
        print(node.prompt[0])
print(\"DEBUG_INFO_BTF visible:\", k.syms[\"DEBUG_INFO_BTF\"].visibility)
" >actual &&
		cat >expected <<-\EOT &&
		DEBUG_INFO_BTF needs pahole >= 1.22, found 1.21
		DEBUG_INFO_BTF visible: 0
		EOT
		test_cmp expected actual
	'
fi

if [ -x "$KCONFIG_CONF" ]; then
	test_expect_success "conf: the upstream fallback keeps BTF on pahole 1.21 and asks for --skip_encoding_btf_vars" '
		s=$(pahole_sample 1.21) && fake_tool bin pahole "$s" &&
		rm -rf out && mkdir out &&
		printf "CONFIG_BTF_ALLOW_PAHOLE_SKIP_VARS=y\nCONFIG_DEBUG_INFO_BTF=y\n" >out/.config &&
		btf_gate conf olddefconfig out PAHOLE="$PWD/bin/pahole" &&
		grep -E "^CONFIG_(DEBUG_INFO_BTF|DEBUG_INFO_BTF_MODULES|PAHOLE_SKIP_ENCODING_BTF_VARS)=" out/.config >actual &&
		cat >expected <<-\EOT &&
		CONFIG_PAHOLE_SKIP_ENCODING_BTF_VARS=y
		CONFIG_DEBUG_INFO_BTF=y
		CONFIG_DEBUG_INFO_BTF_MODULES=y
		EOT
		test_cmp expected actual
	'
fi

test_done
