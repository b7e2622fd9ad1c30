# SPDX-License-Identifier: GPL-2.0-only OR MIT
# shellcheck shell=sh
#
# Sourced after lib.sh by the tests that run real Kconfig or Linux trees:
# finds the real Kconfig engines (Debian's linux-kbuild conf,
# python3-kconfiglib) and unpacks what the tests need of Debian's
# linux-source trees, once, into tests/trash/cache.

KCONFIG_CONF=${KCONFIG_CONF:-$(ls /usr/lib/linux-kbuild-6.1/scripts/kconfig/conf 2>/dev/null)}
KCONFIG_CONF=${KCONFIG_CONF:-$(command -v conf)}
KCONFIGLIB_PYTHON=
for _p in python3 /usr/bin/python3; do
	if "$_p" -c 'import kconfiglib' 2>/dev/null; then
		KCONFIGLIB_PYTHON=$_p
		break
	fi
done
CACHE=$TEST_DIRECTORY/trash/cache
BTF_GATE=$TOP/examples/btf-gate
export KCONFIG_CONF KCONFIGLIB_PYTHON CACHE BTF_GATE

# kernel_source VERSION PART PATTERN...: print the directory holding the
# files of /usr/src/linux-source-VERSION.tar.xz matching the tar wildcards,
# unpacking them the first time (PART names that selection in the cache).
# Fails when the package is missing.
kernel_source() {
	_v=$1 _part=$2
	shift 2
	_dir=$CACHE/linux-source-$_v-$_part
	if [ ! -f "$_dir/.unpacked" ]; then
		[ -f "/usr/src/linux-source-$_v.tar.xz" ] || return 1
		rm -rf "$_dir" "$_dir.tmp"
		mkdir -p "$_dir.tmp"
		tar -xJf "/usr/src/linux-source-$_v.tar.xz" -C "$_dir.tmp" \
			--strip-components=1 --wildcards "$@" || return 1
		touch "$_dir.tmp/.unpacked"
		mv "$_dir.tmp" "$_dir"
	fi
	echo "$_dir"
}

# What the Kconfig of a Linux tree needs (every Kconfig, the scripts its
# $(shell) calls run, the defconfigs).
linux_kconfig_tree() {
	kernel_source "$1" kconfig '*/Kconfig*' '*/scripts/*' '*/arch/*/configs/*' \
		'linux-source-*/Makefile'
}

# linux_check_tree VERSION: what `toolcap check --kernel=TREE` reads of a
# Linux tree (its top Makefile, scripts/min-tool-version.sh and
# Documentation/process/changes.rst), unpacked once.
linux_check_tree() {
	kernel_source "$1" check 'linux-source-*/Makefile' \
		'*/scripts/min-tool-version.sh' \
		'*/Documentation/process/changes.rst'
}

# need_linux_tree VERSION TEST: export LINUX, the Kconfig part of the
# real tree, for the rest of the test file; without conf or the tree,
# report TEST as skipped, by name, and end the file there.
need_linux_tree() {
	if [ ! -x "$KCONFIG_CONF" ]; then
		test_skip "$2" "no conf: install linux-kbuild-6.1"
	elif ! LINUX=$(linux_kconfig_tree "$1"); then
		test_skip "$2" "no /usr/src/linux-source-$1.tar.xz: install linux-source-$1"
	else
		export LINUX
		return 0
	fi
	test_done
	exit
}

# pahole_sample VERSION: the recorded `pahole --version` of that release.
pahole_sample() {
	for _f in "$SAMPLES"/pahole/pub-pahole-v"$1"-*.out \
		  "$SAMPLES"/pahole/pub-pahole-v"$1".out; do
		[ -f "$_f" ] && { echo "$_f"; return 0; }
	done
	return 1
}

# pahole_git_sample: a recorded pahole --version with a git-describe suffix.
# None was found in public material, so the git-describe form is kept as a
# fixture (tests/fixtures/pahole-git-describe.meta says why).
pahole_git_sample() {
	grep -l -- '^v[0-9.]*-[0-9]*-g[0-9a-f]*$' "$SAMPLES"/pahole/*.out \
		"$TEST_DIRECTORY"/fixtures/pahole-git-describe.out 2>/dev/null |
		head -n 1 | grep .
}

# meta_field SAMPLE.out KEY: a key of the sample's .meta.
meta_field() {
	sed -n "s/^$2: //p" "${1%.out}.meta"
}

# btf_gate ENGINE TARGET OUTDIR [VAR=VALUE...]: run the example tree's
# Makefile with one engine.
btf_gate() {
	_engine=$1 _target=$2 _out=$3
	shift 3
	mkdir -p "$_out"
	_out=$(cd "$_out" && pwd)
	env "$@" make -s -C "$BTF_GATE" ENGINE="$_engine" O="$_out" \
		TOOLCAP="$TOOLCAP" KCONFIG_CONF="$KCONFIG_CONF" \
		PYTHON="${KCONFIGLIB_PYTHON:-python3}" "$_target"
}

# gate_summary CONFIG: the lines of the BTF gate's .config the tests check.
gate_summary() {
	grep -E '^CONFIG_PAHOLE_VERSION=|DEBUG_INFO_BTF|^# DEBUG_INFO_BTF needs' "$1"
}

# expected_gate INT TEXT: what gate_summary must show for pahole INT/TEXT.
expected_gate() {
	echo "CONFIG_PAHOLE_VERSION=$1"
	if [ "$1" -ge 122 ]; then
		echo CONFIG_DEBUG_INFO_BTF=y
		echo CONFIG_DEBUG_INFO_BTF_MODULES=y
	else
		echo "# DEBUG_INFO_BTF needs pahole >= 1.22, found $2"
	fi
}

# linux_toolchain TOOLCHAIN: set LINUX_TC_CC, LINUX_TC_LD and
# LINUX_TC_CLANG_FLAGS to the tools and CLANG_FLAGS the top Makefile
# passes conf for x86_64; TOOLCHAIN is gcc ($LINUX_CC, default gcc) or
# llvm (LLVM=1 with clang-16/ld.lld-16 when installed, else clang/ld.lld).
linux_toolchain() {
	case $1 in
	llvm)
		_sfx=
		have clang-16 && have ld.lld-16 && _sfx=-16
		LINUX_TC_CC=clang$_sfx LINUX_TC_LD=ld.lld$_sfx
		LINUX_TC_CLANG_FLAGS='--target=x86_64-linux-gnu -fintegrated-as -Werror=unknown-warning-option -Werror=ignored-optimization-argument'
		;;
	*)
		LINUX_TC_CC=${LINUX_CC:-gcc} LINUX_TC_LD=ld LINUX_TC_CLANG_FLAGS=
		;;
	esac
}

# linux_conf TREE OUTDIR TARGET TOOLCHAIN: run the real conf on a Linux
# tree as its top Makefile does, for x86_64; TOOLCHAIN is gcc or llvm
# (LLVM=1 with clang-16/ld.lld-16 when installed, else clang/ld.lld).
linux_conf() {
	_tree=$1 _out=$2 _target=$3
	linux_toolchain "$4"
	_cc=$LINUX_TC_CC _ld=$LINUX_TC_LD _clang_flags=$LINUX_TC_CLANG_FLAGS
	_kv=$(sed -n 's/^VERSION = //p' "$_tree/Makefile").$(sed -n 's/^PATCHLEVEL = //p' "$_tree/Makefile").$(sed -n 's/^SUBLEVEL = //p' "$_tree/Makefile")
	# shellcheck disable=SC2086
	_cvt=$(LC_ALL=C $_cc --version 2>/dev/null | head -n 1 | tr -d '#')
	mkdir -p "$_out"
	(cd "$_out" && env srctree="$_tree" ARCH=x86 SRCARCH=x86 \
		KERNELVERSION="$_kv" CC="$_cc" LD="$_ld" HOSTCC=gcc \
		CLANG_FLAGS="$_clang_flags" CC_VERSION_TEXT="$_cvt" \
		PAHOLE="${PAHOLE:-pahole}" RUSTC="${RUSTC:-rustc}" \
		BINDGEN="${BINDGEN:-bindgen}" KCONFIG_CONFIG=.config \
		"$KCONFIG_CONF" "$_target" "$_tree/Kconfig")
}

# linux_make_tree VERSION: the part of /usr/src/linux-source-VERSION.tar.xz
# that the real make needs for the *config targets (every Kconfig,
# Makefile and Kbuild file, scripts/, the defconfigs): 42 MB of 1.3 GB,
# unpacked once into the cache.  Fails when the package is missing.
linux_make_tree() {
	kernel_source "$1" kbuild '*/Kconfig*' '*/scripts/*' '*/arch/*/configs/*' '*/.gitignore' \
		'*/Makefile*' '*/Kbuild*'
}

# linux_build_tree VERSION: the whole tree of
# /usr/src/linux-source-VERSION.tar.xz but Documentation/'s text, which
# a build reads (t4010, t4020), unpacked once into the cache.  Fails when the
# package is missing.
linux_build_tree() {
	_d=$CACHE/linux-source-$1-build
	if [ ! -f "$_d/.unpacked" ]; then
		[ -f "/usr/src/linux-source-$1.tar.xz" ] || return 1
		rm -rf "$_d" "$_d.tmp" && mkdir -p "$_d.tmp" &&
		tar -xJf "/usr/src/linux-source-$1.tar.xz" -C "$_d.tmp" --strip-components=1 \
			--exclude='*/Documentation/*.rst' --exclude='*/Documentation/*.txt' \
			--exclude='*/Documentation/*.yaml' || return 1
		touch "$_d.tmp/.unpacked" && mv "$_d.tmp" "$_d"
	fi
	echo "$_d"
}

# linux_own_home: the real make of a patched tree and of a stock one see
# the same environment: no toolcap of the test suite's (the tree builds
# its own) and a HOME of the test's, so that what a build writes outside
# its objtree shows.
linux_own_home() {
	mkdir -p "$TRASH/home"
	unset TOOLCAP TOOLCAP_CACHE XDG_CACHE_HOME
	HOME=$TRASH/home
	export HOME
}
