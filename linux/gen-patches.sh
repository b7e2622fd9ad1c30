#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Write the patch series that makes a Linux tree use toolcap:
#   gen-patches.sh TOP LINUX PATCHES
# TOP is this repository, LINUX a pristine Linux 6.1 or 6.12 source tree
# (read only), PATCHES the directory to write 0001-*.patch ... into.
# Each patch is `diff -u` against the tree as the patches before it leave
# it, in git format-patch's mail format, so that both `git am` and
# `patch -p1` apply the series in order.  `make linux-patches` runs this.

set -eu
LC_ALL=C
export LC_ALL

die() {
	echo "toolcap: linux-patches: $*" >&2
	exit 2
}

[ $# -eq 3 ] || die "usage: gen-patches.sh TOP LINUX PATCHES"
top=$(cd "$1" && pwd) || die "$1: not a directory"
[ -n "$2" ] || die "LINUX is empty: give LINUX=TREE, a Linux 6.1 or 6.12 source tree"
[ -n "$3" ] || die "PATCHES is empty: give PATCHES=DIR, where the series goes"
if [ ! -f "$2/Makefile" ] || [ ! -f "$2/scripts/Kconfig.include" ]; then
	die "$2: not a Linux source tree (no Makefile and scripts/Kconfig.include)"
fi
linux=$(cd "$2" && pwd)
tmpl=$top/linux

# The tree's version, as its Makefile says: the series carries the
# semantics of that tree's Kconfig.include and Makefile.compiler.
version=$(sed -n 's/^VERSION = //p' "$linux/Makefile")
patchlevel=$(sed -n 's/^PATCHLEVEL = //p' "$linux/Makefile")
kv=$version.$patchlevel
case $kv in
6.1|6.12) ;;
*) die "$linux is Linux $kv: the series exists for 6.1 and 6.12 only" ;;
esac

mkdir -p "$3" || die "$3: cannot create"
out=$(cd "$3" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/toolcap-linux.XXXXXX")
trap 'rm -rf "$work"' EXIT
cur=$work/cur     # the touched files as the series so far leaves them
snap=$work/snap   # the same before the patch being written
mkdir "$cur" "$work/mail"
rm -f "$out"/[0-9][0-9][0-9][0-9]-*.patch

# edit FILE: the path of FILE in the series' working copy, taken from the
# tree the first time.
edit() {
	if [ ! -f "$cur/$1" ]; then
		[ -f "$linux/$1" ] || die "$linux/$1: missing: is this a pristine $kv tree?"
		mkdir -p "$(dirname "$cur/$1")" "$(dirname "$snap/$1")"
		cp "$linux/$1" "$cur/$1"
		cp "$linux/$1" "$snap/$1"
	fi
	echo "$cur/$1"
}

# add FILE SOURCE: a new file of the tree.
add() {
	[ ! -e "$linux/$1" ] || die "$linux/$1: already there: is this a pristine $kv tree?"
	mkdir -p "$(dirname "$cur/$1")"
	cp "$2" "$cur/$1"
}

# insert after|before FILE REGEX TEXTFILE: put TEXTFILE's lines after (or
# before) the one line of FILE matching REGEX (an awk regex); exactly one
# must match.  The template's own SPDX line stays out of the kernel's file.
insert() {
	_f=$(edit "$2")
	_n=$(awk -v re="$3" '$0 ~ re { n++ } END { print n + 0 }' "$_f")
	[ "$_n" = 1 ] || die "$2: $_n lines match /$3/ (1 expected): is this a pristine $kv tree?"
	awk -v where="$1" -v re="$3" -v add="$4" '
	where == "after" { print }
	$0 ~ re { while ((getline l < add) > 0) if (l !~ /^# SPDX-License-Identifier:/) print l }
	where == "before" { print }
	' "$_f" >"$_f.new"
	mv "$_f.new" "$_f"
}

# text NAME: a scratch file for insert, from stdin.
text() {
	cat >"$work/$1"
	echo "$work/$1"
}

npatch=0
# begin SLUG: start the next patch.
begin() {
	npatch=$((npatch + 1))
	slug=$1
	rm -rf "$snap"
	cp -a "$cur" "$snap"
}

# end SUBJECT < BODY: write the patch begun last: the mail header, the
# message from stdin, then a git-style diff of every file it changed.
end() {
	_p=$work/mail/$(printf %04d "$npatch")-$slug.patch
	{
		echo "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001"
		echo "From: toolcap <toolcap@toolcap.invalid>"
		echo "Date: Thu, 1 Jan 2026 00:00:00 +0000"
		echo "Subject: [PATCH $npatch/@N@] $1"
		echo
		cat
		echo "---"
		(cd "$cur" && find . -type f | sed 's|^\./||' | sort) | while read -r f; do
			if [ ! -f "$snap/$f" ]; then
				printf 'diff --git a/%s b/%s\nnew file mode 100644\n' "$f" "$f"
				diff -u --label /dev/null --label "b/$f" /dev/null "$cur/$f" || true
			elif ! cmp -s "$snap/$f" "$cur/$f"; then
				printf 'diff --git a/%s b/%s\n' "$f" "$f"
				diff -u --label "a/$f" --label "b/$f" "$snap/$f" "$cur/$f" || true
			fi
		done
		echo "-- "
		echo "toolcap"
		echo
	} >"$_p"
	grep -q '^diff --git' "$_p" || die "patch $npatch ($slug) changes nothing: is this a pristine $kv tree?"
}

# ---------------------------------------------------------------------
# 0001: toolcap's sources under scripts/toolcap/, built as a host program
# from scripts_basic.

begin kbuild-build-toolcap-as-a-host-program

# What the kernel uses: the library, the version commands, the probes,
# the cache and prefetch.  matrix (cli/matrix/), check and report stay
# out; the commands they define are stubs that say so (kernel-stubs.c).
cli_out="cmd-check*.c cmd-report.c"
cli_src=
for f in "$top"/cli/*.c; do
	b=${f##*/} skip=
	for pat in $cli_out; do
		# shellcheck disable=SC2254
		case $b in $pat) skip=1 ;; esac
	done
	[ -n "$skip" ] || cli_src="$cli_src $b"
done
lib_src=
for f in "$top"/lib/*.c; do
	lib_src="$lib_src ${f##*/}"
	add "scripts/toolcap/lib/${f##*/}" "$f"
done
for f in "$top"/lib/*.h; do
	add "scripts/toolcap/lib/${f##*/}" "$f"
done
cli_hdr=
for b in $cli_src; do
	add "scripts/toolcap/cli/$b" "$top/cli/$b"
	cli_hdr="$cli_hdr $(sed -n 's/^#include "\([^/"]*\.h\)"$/\1/p' "$top/cli/$b")"
done
for h in $(echo "$cli_hdr" | tr ' ' '\n' | sort -u); do
	[ -f "$top/cli/$h" ] || die "cli/$h: included but missing"
	add "scripts/toolcap/cli/$h" "$top/cli/$h"
done

# A stub for each command cli.h declares that no file taken defines.
stubs=
sed -n 's/^int \(cmd_[a-z_]*\)(.*/\1/p' "$top/cli/cli.h" >"$work/commands"
while read -r c; do
	found=
	for b in $cli_src; do
		grep -q "^int $c(" "$top/cli/$b" && found=1
	done
	[ -n "$found" ] || stubs="$stubs $c"
done <"$work/commands"
stub_c=$work/kernel-stubs.c
{
	echo "// SPDX-License-Identifier: GPL-2.0-only OR MIT"
	echo "/*"
	echo " * Written by toolcap's linux/gen-patches.sh: the commands of the toolcap"
	echo " * program that the kernel does not use are left out of its build; each"
	echo " * says so in one line and exits 2."
	echo " */"
	echo "#include \"cli.h\""
	echo
	echo "static int not_here(const char *name)"
	echo "{"
	echo "	fail(\"%s: not in the kernel's toolcap; install toolcap\", name);"
	echo "	return EXIT_ERROR;"
	echo "}"
	for c in $stubs; do
		echo
		echo "int $c(const char *name, int argc, char **argv)"
		echo "{"
		echo "	(void)argc;"
		echo "	(void)argv;"
		echo "	return not_here(name);"
		echo "}"
	done
} >"$stub_c"
add scripts/toolcap/cli/kernel-stubs.c "$stub_c"

objs=
for b in $lib_src; do objs="$objs lib/${b%.c}.o"; done
for b in $cli_src kernel-stubs.c; do objs="$objs cli/${b%.c}.o"; done
# shellcheck disable=SC2086
OBJS=$(printf '\t%s \\\n' $objs | sed '$s/ \\$//') \
	awk '$0 == "@OBJS@" { print ENVIRON["OBJS"]; next } { print }' \
	"$tmpl/scripts-toolcap.Makefile" >"$work/Makefile.toolcap-dir"
add scripts/toolcap/Makefile "$work/Makefile.toolcap-dir"
add scripts/toolcap/.gitignore "$tmpl/scripts-toolcap.gitignore"

insert after Makefile '^export CPP AR NM STRIP OBJCOPY OBJDUMP READELF PAHOLE RESOLVE_BTFIDS' \
	"$tmpl/Makefile-export.txt"
insert after Makefile '^	\$\(Q\)\$\(MAKE\) \$\(build\)=scripts/basic$' "$(printf '\t$(Q)$(MAKE) $(build)=scripts/toolcap\n' | text build-line)"
# rustavailable runs rust_is_available.sh, which runs cc-version.sh: it
# needs toolcap built first, as Kconfig does.
f=$(edit Makefile)
n=$(grep -c '^rustavailable:$' "$f") || true
[ "$n" = 1 ] || die "Makefile: no rustavailable target: is this a pristine $kv tree?"
sed 's/^rustavailable:$/rustavailable: scripts_basic/' "$f" >"$f.new"
mv "$f.new" "$f"
insert before Makefile '^MRPROPER_FILES \+= include/config include/generated' "$(text mrproper <<-\EOF
	MRPROPER_FILES += .toolcap-cache
EOF
)"
insert after scripts/Makefile '^subdir-	\+= basic dtc gdb kconfig mod$' "$(text subdir <<-\EOF
	subdir-	+= toolcap
EOF
)"

end "kbuild: build toolcap as a host program before Kconfig runs" <<EOF
toolcap answers what Kconfig and the Makefiles ask about the toolchain:
which tool is this, which version, and the probes cc-option, ld-option,
as-instr and rustc-option, from a cache keyed by the tools' identity.
This adds its sources (the library and the commands the kernel uses:
version, the probes, the cache and prefetch) under scripts/toolcap/, and
builds it with HOSTCC as a host program from scripts_basic, so that
"make *config" and "make" both have it before conf runs; with O= it is
built in the objtree.

The top Makefile exports TOOLCAP (the program) and TOOLCAP_CACHE, the
probe cache.  The cache lives in the objtree like Kbuild's old .cache.mk
(removed by commit e08d6de4e532 "kbuild: remove kbuild cache"): nothing
is written outside the build directory, each build has its own, and
"make mrproper" removes it.  The two reasons that cache was removed do
not apply: toolcap's key holds the identity of the tools (a new compiler
is a new key, not a stale answer), and it never uses a cache directory
owned by another user, so a root "make install" in a tree a user built
creates no root-owned cache files.

"make mrproper" removes the program as it removes scripts/basic/fixdep.
"make rustavailable" builds it first too: rust_is_available.sh runs
cc-version.sh.
EOF

# ---------------------------------------------------------------------
# 0002: the drop-in scripts/*-version.sh.

begin scripts-version-sh-read-versions-with-toolcap
dropins="cc-version.sh ld-version.sh as-version.sh pahole-version.sh"
[ ! -f "$linux/scripts/rustc-version.sh" ] || dropins="$dropins rustc-version.sh"
for s in $dropins; do
	edit "scripts/$s" >/dev/null
	cp "$top/scripts/$s" "$cur/scripts/$s"
done
add scripts/toolcap-dropin.sh "$top/scripts/toolcap-dropin.sh"
if [ "$kv" = 6.1 ]; then
	# 6.1 runs pahole-flags.sh, and so pahole-version.sh, whenever make
	# starts a command (PAHOLE_FLAGS is recursive and exported), also
	# before scripts_basic has built toolcap.  The flags are only used
	# when vmlinux and modules are linked, after scripts_basic; before
	# that they are empty rather than an error line per command.  make
	# 4.3 gives $(shell) no exported variable: TOOLCAP is passed.
	f=$(edit Makefile)
	n=$(grep -c '^PAHOLE_FLAGS	= \$(shell PAHOLE=\$(PAHOLE) \$(srctree)/scripts/pahole-flags.sh)$' "$f") || true
	[ "$n" = 1 ] || die "Makefile: no PAHOLE_FLAGS line as 6.1 has it: is this a pristine 6.1 tree?"
	# Once toolcap exists the answer is kept ($(eval) makes the variable
	# simple): pahole-flags.sh ran for each command, ~21 times per no-op
	# make, for one answer.
	sed 's|^PAHOLE_FLAGS	= \$(shell PAHOLE=\$(PAHOLE) \$(srctree)/scripts/pahole-flags.sh)$|PAHOLE_FLAGS	= $(if $(wildcard $(TOOLCAP)),$(eval PAHOLE_FLAGS := $(shell PAHOLE=$(PAHOLE) TOOLCAP=$(TOOLCAP) $(srctree)/scripts/pahole-flags.sh))$(PAHOLE_FLAGS))|' \
		"$f" >"$f.new"
	mv "$f.new" "$f"
fi
end "scripts: read tool versions with toolcap in the *-version.sh scripts" <<EOF
cc-version.sh, ld-version.sh, as-version.sh and pahole-version.sh$( [ "$kv" = 6.1 ] || echo ", rustc-version.sh") take the
same arguments and print the same lines, with toolcap reading the
version from the tool's own words.  The sed pipelines they replace give
wrong answers quietly:

  - a pahole built from git ("v1.22-5-g8b3f1a2") gives PAHOLE_VERSION
    "122-5-g8b3f1a2": conf warns that the number is invalid and compares
    strings, and pahole-flags.sh fails with "Illegal number";
  - RHEL 6's "GNU ld version 2.20.51.0.2-5.43.el6 20100205" is read as
    BFD 201002050000 and passes the minimum check;
  - Atmel AVR's binutils 2.26.20160125 becomes 20182725;
  - rustc-version.sh evaluates a pre-release word (-nightly) as a shell
    variable.

scripts/toolcap-dropin.sh holds what the scripts share: where toolcap is
(\$TOOLCAP, which the top Makefile exports, else scripts/toolcap/toolcap,
else PATH) and the "*** ... is too old." check against the tree's own
min-tool-version.sh.  When toolcap is missing they say so in one line
naming toolcap, never "unknown C compiler".
$( [ "$kv" != 6.1 ] || printf '\n%s\n%s\n%s\n%s\n%s\n' \
"PAHOLE_FLAGS is recursive and exported, so make runs pahole-flags.sh for" \
"every command (~21 times in a no-op make), also before scripts_basic has" \
"built toolcap; it is now empty until toolcap exists, which is before" \
"anything uses it, then computed once and kept, and passes TOOLCAP, since" \
"make before 4.4 gives \$(shell) no exported variable.")
EOF

# ---------------------------------------------------------------------
# 0003: the Kconfig probe macros.

begin kconfig-answer-the-probes-with-toolcap
add scripts/Kconfig.toolcap "$top/kconfig/Kconfig.toolcap"
insert after Kconfig '^source "scripts/Kconfig.include"$' "$(text kconfig <<EOF
toolcap-kbuild-version := $kv
source "scripts/Kconfig.toolcap"
EOF
)"
end "kconfig: answer cc-option, ld-option and as-instr with toolcap" <<EOF
Kconfig.include's probes run a compiler, linker or assembler for each
question, 89 shells per configuration.  scripts/Kconfig.toolcap, sourced
after it, gives cc-option, ld-option, as-instr and rustc-option the same
arguments and answers (the same command lines, without a shell, a
temporary directory or rm -rf), from toolcap's cache when the tools have
not changed.

The probes follow this tree's Kconfig.include: "toolcap-kbuild-version
:= $kv" selects $( [ "$kv" = 6.1 ] && echo "6.1's as-instr, which does not make the assembler's
warnings fatal (6.5 added -Wa,--fatal-warnings)" || echo "mainline's as-instr, with -Wa,--fatal-warnings").  Without
toolcap Kconfig stops with one line naming it, rather than answering n.
EOF

# ---------------------------------------------------------------------
# 0004: the Makefile.compiler hook.

begin kbuild-answer-the-makefile-probes-with-toolcap
add scripts/Makefile.toolcap "$top/scripts/Makefile.toolcap"
f=$(edit scripts/Makefile.compiler)
cat >>"$f" <<EOF

# toolcap answers the probes above from its cache, with this tree's
# semantics (scripts/Makefile.toolcap).  Until scripts_basic has built it
# (arch Makefiles probe while the top Makefile is read), the definitions
# above answer, uncached.
toolcap-kbuild-version := $kv
ifneq (\$(wildcard \$(TOOLCAP)),)
include \$(srctree)/scripts/Makefile.toolcap
endif
EOF
end "kbuild: answer the Makefile probes with toolcap" <<EOF
scripts/Makefile.build includes scripts/Makefile.compiler in every
directory, so every make, also one with nothing to rebuild, runs the
compiler for each cc-option, cc-disable-warning, as-instr and
ld-option again: 46-68 runs per make of a small configuration, 26-40% of
a no-op make.  Kbuild cached these answers until 2018 (.cache.mk, removed
by commit e08d6de4e532 ("kbuild: remove kbuild cache")); this brings the
cache back through toolcap, keyed by the tools' identity and
kept in the objtree (TOOLCAP_CACHE).

scripts/Makefile.toolcap defines the same functions with the same
answers, following this tree's semantics (toolcap-kbuild-version := $kv).
While the top Makefile is read, before scripts_basic has built toolcap,
Makefile.compiler's own definitions stay: right answers, uncached.
EOF

# ---------------------------------------------------------------------
# 0005: the BTF gate.

begin debug-info-btf-needs-pahole-1.22
f=$(edit lib/Kconfig.debug)
n=$(grep -c '^config DEBUG_INFO_BTF$' "$f") || true
[ "$n" = 1 ] || die "lib/Kconfig.debug: no config DEBUG_INFO_BTF: is this a pristine $kv tree?"
awk -v gate="$tmpl/btf-gate.txt" '
/^config DEBUG_INFO_BTF$/ {
	while ((getline l < gate) > 0) if (l !~ /^# SPDX-License-Identifier:/) print l
	in_btf = 1
}
in_btf && /^\thelp$/ {
	print "\tdepends on PAHOLE_VERSION >= 122"
	in_btf = 0
}
{ print }
' "$f" >"$f.new"
mv "$f.new" "$f"
end "debug: DEBUG_INFO_BTF needs pahole 1.22, and the menu says which pahole was found" <<EOF
pahole before 1.22 writes a corrupt vmlinux BTF when a zero-sized per-CPU
struct sits at the address of another per-CPU variable, and module BTF
depends on vmlinux BTF.  This makes DEBUG_INFO_BTF depend on pahole 1.22,
as the review of "mm/page_alloc: Work around a pahole limitation with
zero-sized struct pagesets" asked, and shows a comment naming the pahole
found when it is older.  (Linux chose the other way in the end, commit
a0b8200d06ad ("kbuild: skip per-CPU BTF generation for pahole
v1.18-v1.21"): keep BTF with pahole 1.18-1.21 and pass
--skip_encoding_btf_vars; with this patch those releases get no BTF at
all.)

PAHOLE_VERSION comes from pahole-version.sh, which reads pahole with
toolcap as pahole whatever the program is called: a pahole from git
(v1.22-5-g8b3f1a2) is 122.  With pahole 1.22 or later the .config is
unchanged.
EOF

# The series is complete: number the patches "n/N" and put them in place.
for p in "$work"/mail/*.patch; do
	sed "1,5s|^Subject: \[PATCH \([0-9]*\)/@N@\]|Subject: [PATCH \1/$npatch]|" "$p" >"$out/${p##*/}"
done
echo "toolcap: wrote $npatch patches for Linux $kv in $out"
