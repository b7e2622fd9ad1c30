#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make bench, part 3 (alone: make bench-linux): a Linux tree's own make,
# with and without toolcap.  Debian's linux-source-6.1, ARCH=x86_64, for
# gcc and for LLVM=1, four variants in one interleaved run (round r runs
# them in an order rotated by r, so a busy moment of the machine falls on
# each alike):
#   stock  the pristine tree;
#   cold   the tree with `make linux-patches`' series applied, toolcap
#          already built (as fixdep is), its cache (.toolcap-cache in the
#          objtree) removed before each run;
#   warm   the same tree and objtree, the cache left by the run before;
#   floor  the pristine tree with every probe answered by a constant: the
#          try-run of scripts/Makefile.compiler (so cc-option, cc-option-yn,
#          cc-disable-warning, as-option, as-instr, ld-option, and the
#          direct try-run calls such as 6.1's GCOV prefer-atomic check)
#          and the if-success of scripts/Kconfig.include (so Kconfig's
#          cc-option, ld-option, as-instr, cc-option-bit, and every other
#          $(success,...) and $(failure,...): cc-can-link.sh,
#          rust_is_available.sh, the asm goto checks, command -v $(CC),
#          ...) look their answer up in a table, in make and in Kconfig's
#          own language: no shell, no tool run.  The table is this tree's
#          own answers: the floor tree first runs stock's probes and logs
#          "answer command" for each (its objtrees are set up that way),
#          then the table replaces the probes; a probe missing from it
#          stops make.  Everything else runs as in stock: the other
#          $(shell)s (the *-version.sh scripts, gcc-min-version,
#          pahole-flags.sh).  The patched tree answers only cc-option,
#          ld-option, as-instr (and the make probes) with toolcap: the
#          other Kconfig checks run there as in stock, so for (a) the floor
#          is below what a probe cache can reach (the report counts them).
# Measured, per toolchain:
#   (a) make olddefconfig, x86_64_defconfig copied to .config first;
#   (b) a no-op make -j2 in an objtree where tinyconfig was built once up
#       front (one per tree: cold and warm share theirs).  Nothing may be
#       rebuilt: a run that writes an object or vmlinux is reported.
# Prints the median of RUNS rounds (default 5), the ratios to stock and to
# floor, the machine, the one-time cost of building toolcap in the patched
# tree, and what the first make after `make olddefconfig` asks again.
# The .config of every variant must be stock's, byte for byte.
# Not a test: nothing here passes or fails on a number.
#
# LINUX_BENCH_DIR=DIR keeps the trees and objtrees there and reuses them
# on the next run (for working on this script; the builds take minutes).
cd "$(dirname "$0")/../.." || exit 2
TOP=$PWD
RUNS=${RUNS:-5}
BENCH_ARCH=${BENCH_ARCH:-x86_64}
BENCH_TOOLCHAINS=${BENCH_TOOLCHAINS:-gcc llvm}
# old = (a), tiny = (b): the tinyconfig builds are most of the time.
BENCH_PARTS=${BENCH_PARTS:-old tiny}
tarball=/usr/src/linux-source-6.1.tar.xz

# bad_knob NAME VALUE WHAT: a setting this script cannot use.
bad_knob() {
	echo "toolcap: bench-linux: $1=$2: $3" >&2
	exit 2
}
case $RUNS in
'' | *[!0-9]* | 0 | 0*) bad_knob RUNS "$RUNS" "give a number of rounds, 1 or more" ;;
esac
case $BENCH_ARCH in
x86_64 | x86) ;;
*) bad_knob BENCH_ARCH "$BENCH_ARCH" "x86_64 or x86 (the start is x86_64_defconfig)" ;;
esac
for w in $BENCH_TOOLCHAINS; do
	case $w in gcc | llvm) ;; *) bad_knob BENCH_TOOLCHAINS "$BENCH_TOOLCHAINS" "give gcc, llvm or both" ;; esac
done
[ -n "$BENCH_TOOLCHAINS" ] || bad_knob BENCH_TOOLCHAINS "" "give gcc, llvm or both"
for w in $BENCH_PARTS; do
	case $w in old | tiny) ;; *) bad_knob BENCH_PARTS "$BENCH_PARTS" "give old (make olddefconfig), tiny (the no-op make) or both" ;; esac
done
[ -n "$BENCH_PARTS" ] || bad_knob BENCH_PARTS "" "give old (make olddefconfig), tiny (the no-op make) or both"

if [ ! -f "$tarball" ]; then
	echo "Linux make bench: not run (install linux-source-6.1)"
	exit 0
fi
for t in make patch tar xz; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "Linux make bench: not run (no $t on PATH)"
		exit 0
	fi
done
case " $BENCH_TOOLCHAINS " in *" llvm "*)
	if ! command -v clang >/dev/null 2>&1 || ! command -v ld.lld >/dev/null 2>&1; then
		echo "Linux make bench: LLVM=1 not run (install clang and lld)"
		BENCH_TOOLCHAINS=$(echo " $BENCH_TOOLCHAINS " | sed 's/ llvm / /g')
		[ -n "$(echo "$BENCH_TOOLCHAINS" | tr -d ' ')" ] || exit 0
	fi ;;
esac
# The kernel's make must not see this repository's make (its -j, its
# jobserver, a CC=... given to `make bench`) nor a toolcap or cache of
# the caller's: the patched tree builds and uses its own.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES TOOLCAP TOOLCAP_CACHE \
	TOOLCAP_PREFETCH XDG_CACHE_HOME CC LD HOSTCC KBUILD_OUTPUT LLVM

if [ -n "${LINUX_BENCH_DIR:-}" ]; then
	mkdir -p "$LINUX_BENCH_DIR" && work=$(cd "$LINUX_BENCH_DIR" && pwd) || exit 2
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/toolcap-bench-linux.XXXXXX") || exit 2
	trap 'rm -rf "$work"' EXIT
	trap 'exit 2' INT TERM
fi
mkdir -p "$work/o" "$work/log" "$work/rec" "$work/times"

start_s=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# fail WHAT LOG: stop the bench, with the end of the log that says why.
fail() {
	echo "Linux make bench: $1 failed; the end of $2:" >&2
	tail -n 25 "$2" >&2
	exit 2
}

say() { echo "linux bench: $*" >&2; }

part() { case " $BENCH_PARTS " in *" $1 "*) echo y ;; esac; }

now_ms() { date +%s%N | cut -c1-13; }

# tree VARIANT: the source tree of a variant; objtree VARIANT TC M: its
# objtree for measurement M (old or tiny).  cold and warm share both.
tree() {
	case $1 in
	stock) echo "$work/stock" ;;
	cold | warm) echo "$work/patched" ;;
	floor) echo "$work/floor" ;;
	esac
}
objtree() {
	case $1 in
	cold | warm) echo "$work/o/patched-$2-$3" ;;
	*) echo "$work/o/$1-$2-$3" ;;
	esac
}

# kmake TREE OBJ TC ARG...: the tree's own make, as a user runs it.
kmake() {
	_tree=$1 _obj=$2 _tc=$3
	shift 3
	[ "$_tc" = llvm ] && set -- LLVM=1 "$@"
	make -s -C "$_tree" O="$_obj" ARCH="$BENCH_ARCH" "$@"
}

# ---------------------------------------------------------------------
# The trees.

if [ ! -f "$work/stock/.unpacked" ]; then
	say "unpacking $tarball"
	if ! { rm -rf "$work/stock" && mkdir "$work/stock" &&
		tar -xJf "$tarball" -C "$work/stock" --strip-components=1 \
			--exclude='*/Documentation/*.rst' --exclude='*/Documentation/*.txt' \
			--exclude='*/Documentation/*.yaml'; }; then
		echo "Linux make bench: unpacking $tarball failed" >&2
		exit 2
	fi
	touch "$work/stock/.unpacked"
fi
cp "$work/stock/arch/x86/configs/x86_64_defconfig" "$work/start.config"

# The patched tree: hard links to stock's files; patch writes the files
# it changes anew, so stock stays pristine.
if [ ! -f "$work/patched/.applied" ]; then
	say "applying make linux-patches' series"
	rm -rf "$work/patched" "$work/patches"
	make -s -C "$TOP" linux-patches LINUX="$work/stock" PATCHES="$work/patches" \
		>"$work/log/patches" 2>&1 || fail "make linux-patches" "$work/log/patches"
	if ! { cp -al "$work/stock" "$work/patched" &&
		(cd "$work/patched" && for p in "$work"/patches/*.patch; do
			patch -s -p1 <"$p" || exit 1
		done); } >"$work/log/apply" 2>&1; then
		fail "applying the series" "$work/log/apply"
	fi
	touch "$work/patched/.applied"
fi

# The floor tree, in two steps.  First it records: try-run and
# if-success run stock's probe, and run it once more to log its answer
# (the recording runs are not timed).  Then replay_floor puts the table
# of what was logged in place of the probes.
FLOOR_MK=scripts/Makefile.compiler
FLOOR_KC=scripts/Kconfig.include
MAKE_LOG=$work/rec/make-probes

# floor_edit FILE START END TEXTFILE: FILE in the floor tree with the
# lines from the one matching START to the next matching END (awk
# regexes) replaced by TEXTFILE, written anew (the tree is hard links).
floor_edit() {
	_f=$work/floor/$1
	_orig=$work/floor-orig/$1
	mkdir -p "$(dirname "$_orig")"
	[ -f "$_orig" ] || cp "$_f" "$_orig"
	awk -v start="$2" -v end="$3" -v text="$4" '
	!done && !skip && $0 ~ start {
		while ((getline l < text) > 0) print l
		skip = 1
	}
	!skip { print }
	skip && $0 ~ end { skip = 0; done = 1 }
	END { if (!done) exit 1 }
	' "$_orig" >"$_f.new" && mv "$_f.new" "$_f"
}

# The encoding of a make try-run's command as one make word that needs
# no quoting in a makefile: what make's filter can look up.
floor_enc_mk() {
	cat <<'EOF'
floor-hash := \#
floor-empty :=
floor-space := $(floor-empty) $(floor-empty)
floor-tab := $(floor-empty)	$(floor-empty)
floor-enc = $(subst $(floor-tab),@t@,$(subst $(floor-space),@s@,$(subst $(floor-hash),@h@,$(subst %,@p@,$(subst $$,@d@,$(subst @,@a@,$(1)))))))
EOF
}

record_floor() {
	{
		echo "# toolcap bench floor, recording (tests/bench/linux.sh): stock's"
		echo "# try-run, and each answer logged to the floor's table."
		floor_enc_mk
		echo "floor-log = \$(file >>$MAKE_LOG,\$(shell set -e; TMP=\$(TMPOUT)/tmp; trap \"rm -rf \$(TMPOUT)\" EXIT; mkdir -p \$(TMPOUT); if (\$(1)) >/dev/null 2>&1; then echo y; else echo n; fi) \$(call floor-enc,\$(1)))"
		sed -n '/^try-run = \$(shell set -e;/,/^	fi)$/p' "$work/stock/$FLOOR_MK" |
			sed '1s/^try-run = /try-run = $(call floor-log,$(1))/'
	} >"$work/floor-record.mk"
	cat >"$work/floor-record.kc" <<'EOF'
# toolcap bench floor, recording (tests/bench/linux.sh): stock's
# if-success, and each answer printed for the floor's table.
floor-note = $(info,@toolcap-floor@ $(2) $(1))
if-success = $(floor-note,$(1),$(shell,{ $(1); } >/dev/null 2>&1 && echo y || echo n))$(shell,{ $(1); } >/dev/null 2>&1 && echo "$(2)" || echo "$(3)")
EOF
	floor_edit "$FLOOR_MK" '^try-run = [$][(]shell set -e;' '^	fi[)]$' "$work/floor-record.mk" &&
	floor_edit "$FLOOR_KC" '^if-success = ' '^if-success = ' "$work/floor-record.kc"
}

# table WHAT: the recorded answers, "y|n KEY" once each; a key seen with
# both answers stops the bench (the floor would be a guess).
table() {
	case $1 in
	make) cat "$MAKE_LOG" ;;
	kconfig) cat "$work"/rec/*.out | sed -n 's/^@toolcap-floor@ //p' ;;
	esac | sort -u >"$work/rec/table.$1"
	cut -d' ' -f2- "$work/rec/table.$1" | sort | uniq -d >"$work/rec/conflicts.$1"
	if [ -s "$work/rec/conflicts.$1" ]; then
		echo "Linux make bench: the floor's $1 probes answered both ways:" >&2
		head -n 3 "$work/rec/conflicts.$1" >&2
		exit 2
	fi
}

replay_floor() {
	table make
	table kconfig
	{
		echo "# toolcap bench floor (tests/bench/linux.sh): try-run answers from"
		echo "# the table of this tree's own recorded answers: no shell, no tool."
		floor_enc_mk
		echo "floor-yes :="
		echo "floor-no :="
		sed -n 's/^y \(.*\)/floor-yes += \1/p; s/^n \(.*\)/floor-no += \1/p' "$work/rec/table.make"
		echo 'floor-pick = $(if $(filter $(1),$(floor-yes)),$(2),$(if $(filter $(1),$(floor-no)),$(3),$(error toolcap bench floor: a try-run not in the table: $(4))))'
		echo 'try-run = $(call floor-pick,$(call floor-enc,$(1)),$(2),$(3),$(1))'
	} >"$work/floor-replay.mk"
	{
		echo "# toolcap bench floor (tests/bench/linux.sh): if-success answers from"
		echo "# the table of this tree's own recorded answers: no shell, no tool."
		echo 'floor-pick-y = $(1)'
		echo 'floor-pick-n = $(2)'
		echo 'floor-pick- = $(error-if,y,toolcap bench floor: an if-success not in the table: $(3))'
		echo 'if-success = $(floor-pick-$(floor-$(1)),$(2),$(3),$(1))'
		# Each key as a variable's name: floor-KEY := y|n.  The
		# key's $ are written $(dollar) (Kconfig.include's); $(empty)
		# keeps its leading and trailing blanks.
		sed 's/\$/$(dollar)/g' "$work/rec/table.kconfig" | while IFS= read -r l; do
			printf 'floor-key := $(empty)%s$(empty)\n' "${l#? }"
			printf 'floor-$(floor-key) := %s\n' "${l%% *}"
		done
	} >"$work/floor-replay.kc"
	floor_edit "$FLOOR_MK" '^try-run = [$][(]shell set -e;' '^	fi[)]$' "$work/floor-replay.mk" &&
	floor_edit "$FLOOR_KC" '^if-success = ' '^if-success = ' "$work/floor-replay.kc"
}

# A kept floor tree that replays records again when an objtree of it is
# still to be set up (the log of what it recorded before is kept).
for tc in $BENCH_TOOLCHAINS; do
	for m in $BENCH_PARTS; do
		if [ -f "$work/floor/.replaying" ] && [ ! -f "$(objtree floor "$tc" "$m")/.ready" ]; then
			record_floor || exit 2
			mv "$work/floor/.replaying" "$work/floor/.recording"
		fi
	done
done
if [ ! -f "$work/floor/.recording" ] && [ ! -f "$work/floor/.replaying" ]; then
	rm -rf "$work/floor" "$work/floor-orig" && cp -al "$work/stock" "$work/floor" || exit 2
	if ! record_floor; then
		echo "Linux make bench: the floor tree: $FLOOR_MK or $FLOOR_KC is not 6.1's" >&2
		exit 2
	fi
	touch "$work/floor/.recording"
fi

# ---------------------------------------------------------------------
# The objtrees, built once up front (the floor's while it records).

for tc in $BENCH_TOOLCHAINS; do
	for v in stock cold floor; do
		t=$(tree $v)
		o=$(objtree $v "$tc" old)
		if [ ! -f "$o/.ready" ] && [ -n "$(part old)" ]; then
			say "$v $tc: make olddefconfig"
			mkdir -p "$o" && cp "$work/start.config" "$o/.config" || exit 2
			kmake "$t" "$o" "$tc" olddefconfig >"$work/rec/$v-$tc-old.out" 2>&1 ||
				fail "$v $tc: make olddefconfig" "$work/rec/$v-$tc-old.out"
			touch "$o/.ready"
		fi
		o=$(objtree $v "$tc" tiny)
		if [ ! -f "$o/.ready" ] && [ -n "$(part tiny)" ]; then
			say "$v $tc: make tinyconfig and build it (minutes)"
			mkdir -p "$o" || exit 2
			if ! { kmake "$t" "$o" "$tc" tinyconfig && kmake "$t" "$o" "$tc" -j2; } \
				>"$work/rec/$v-$tc-tiny.out" 2>&1; then
				fail "$v $tc: the tinyconfig build" "$work/rec/$v-$tc-tiny.out"
			fi
			touch "$o/.ready"
		fi
	done
done
if [ -f "$work/floor/.recording" ]; then
	if ! replay_floor; then
		echo "Linux make bench: making the floor's table failed" >&2
		exit 2
	fi
	mv "$work/floor/.recording" "$work/floor/.replaying"
fi

# ---------------------------------------------------------------------
# One run.

# cache_entries OBJ: what the patched objtree's cache holds.
cache_entries() {
	TOOLCAP_CACHE=$1/.toolcap-cache "$1/scripts/toolcap/toolcap" cache stats 2>/dev/null |
		sed -n 's/^entries: //p'
}

# run_once VARIANT TC M: one timed run, appended to times/TC-M-VARIANT;
# the .config of (a) kept as VARIANT-TC.config; a (b) that rebuilt
# anything noted in rebuilt.
run_once() {
	_t=$(tree "$1")
	_o=$(objtree "$1" "$2" "$3")
	_log=$work/log/$1-$2-$3
	[ "$1" = cold ] && rm -rf "$_o/.toolcap-cache"
	if [ "$3" = old ]; then
		cp "$work/start.config" "$_o/.config"
		_s=$(now_ms)
		kmake "$_t" "$_o" "$2" olddefconfig >"$_log" 2>&1 || fail "$1 $2: make olddefconfig" "$_log"
		_e=$(now_ms)
		cp "$_o/.config" "$work/$1-$2.config"
	else
		touch "$work/stamp"
		_s=$(now_ms)
		kmake "$_t" "$_o" "$2" -j2 >"$_log" 2>&1 || fail "$1 $2: the no-op make" "$_log"
		_e=$(now_ms)
		_new=$(find "$_o" -newer "$work/stamp" -type f \( -name '*.o' -o -name '*.a' \
			-o -name vmlinux -o -name bzImage \) | head -n 3 | sed "s|^$_o/||")
		[ -z "$_new" ] || echo "$1 $2: $(echo "$_new" | tr '\n' ' ')" >>"$work/rebuilt"
	fi
	[ "$1" = cold ] && [ "$3" = tiny ] && cache_entries "$_o" >"$work/entries.cold-$2"
	echo $((_e - _s)) >>"$work/times/$2-$3-$1"
}

median() { # FILE
	sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# ---------------------------------------------------------------------
# The toolcap build's one-time cost: scripts_basic in the patched tree's
# tinyconfig objtree, with scripts/toolcap/ removed (the objects and the
# program) and with it in place: the difference is its build.  Once per
# toolchain (it happens once per objtree; ~20 objects, make -j2).

toolcap_build_ms() { # TC
	_o=$(objtree cold "$1" tiny)
	find "$_o/scripts/toolcap" \( -name '*.o' -o -name toolcap \) -type f -exec rm -f {} +
	_s=$(now_ms)
	kmake "$work/patched" "$_o" "$1" -j2 scripts_basic >"$work/log/basic" 2>&1 || fail "$1: make scripts_basic" "$work/log/basic"
	_m=$(now_ms)
	kmake "$work/patched" "$_o" "$1" -j2 scripts_basic >"$work/log/basic" 2>&1 || fail "$1: make scripts_basic" "$work/log/basic"
	_e=$(now_ms)
	echo $(((_m - _s) - (_e - _m)))
}

# ---------------------------------------------------------------------
# The rounds.  Each variant runs once untimed first: the floor replays
# its table for the first time there (and Kconfig.include changed, so
# its first make runs syncconfig), and a miss would stop it.

variants="stock cold warm floor"
rotate() { # N: the variants rotated by N
	_n=$(($1 % 4))
	# shellcheck disable=SC2086 # the list, one word each
	set -- $variants
	while [ "$_n" -gt 0 ]; do
		_f=$1
		shift
		set -- "$@" "$_f"
		_n=$((_n - 1))
	done
	echo "$@"
}

rm -f "$work/rebuilt" "$work"/times/*
say "one untimed run of each"
for tc in $BENCH_TOOLCHAINS; do
	for v in $variants; do
		for m in $BENCH_PARTS; do
			run_once "$v" "$tc" "$m"
		done
	done
done
rm -f "$work"/times/*
if [ -s "$work/rebuilt" ]; then
	say "the first no-op make rebuilt: $(cat "$work/rebuilt")"
	rm -f "$work/rebuilt"
fi
build_ms=
for tc in $BENCH_TOOLCHAINS; do
	[ -n "$(part tiny)" ] || continue
	say "$tc: toolcap's build in the patched tree"
	build_ms="$build_ms $tc=$(toolcap_build_ms "$tc")"
done

r=0
while [ "$r" -lt "$RUNS" ]; do
	say "round $((r + 1)) of $RUNS"
	for tc in $BENCH_TOOLCHAINS; do
		for m in $BENCH_PARTS; do
			for v in $(rotate "$r"); do
				run_once "$v" "$tc" "$m"
			done
		done
	done
	r=$((r + 1))
done

# ---------------------------------------------------------------------
# What the first make after `make *config` asks again: conf runs under
# syncconfig with the build's environment, which the probe keys hold.
# In the patched tinyconfig objtree, from an empty cache: olddefconfig,
# a no-op make (its make probes), then a make that runs syncconfig
# (.config touched, as a *config that changed it leaves it; unchanged,
# olddefconfig does not write it), then that make again, all cached.

resync() { # TC: prints "ms-first n-olddefconfig n-noop n-first ms-again"
	_o=$(objtree cold "$1" tiny)
	rm -rf "$_o/.toolcap-cache"
	kmake "$work/patched" "$_o" "$1" olddefconfig >"$work/log/resync" 2>&1 || fail "$1: olddefconfig" "$work/log/resync"
	_n0=$(cache_entries "$_o")
	kmake "$work/patched" "$_o" "$1" -j2 >"$work/log/resync" 2>&1 || fail "$1: a no-op make" "$work/log/resync"
	_n1=$(cache_entries "$_o")
	touch "$_o/.config"
	_s=$(now_ms)
	kmake "$work/patched" "$_o" "$1" -j2 >"$work/log/resync" 2>&1 || fail "$1: make after olddefconfig" "$work/log/resync"
	_e=$(now_ms)
	_n2=$(cache_entries "$_o")
	touch "$_o/.config"
	_s2=$(now_ms)
	kmake "$work/patched" "$_o" "$1" -j2 >"$work/log/resync" 2>&1 || fail "$1: make after olddefconfig" "$work/log/resync"
	_e2=$(now_ms)
	echo "$((_e - _s)) $_n0 $_n1 $_n2 $((_e2 - _s2))"
}
stock_resync_ms() { # TC
	_o=$(objtree stock "$1" tiny)
	touch "$_o/.config"
	_s=$(now_ms)
	kmake "$work/stock" "$_o" "$1" -j2 >"$work/log/resync" 2>&1 || fail "$1: stock make after olddefconfig" "$work/log/resync"
	_e=$(now_ms)
	echo $((_e - _s))
}

# ---------------------------------------------------------------------
# The report.

sec() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }
row() { # LABEL MS STOCK_MS FLOOR_MS
	awk -v l="$1" -v m="$2" -v s="$3" -v f="$4" \
		'BEGIN { printf "    %-34s %7.2f s %7.2fx %7.2fx\n", l, m / 1000, m / s, m / f }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "Linux make: 6.1 ARCH=$BENCH_ARCH, the tree's own make, median of $RUNS interleaved rounds"
echo "machine: $(nproc) CPUs, load average before $load_before"
echo "         $(gcc --version | head -n 1); $(ld --version | head -n 1)"
case " $BENCH_TOOLCHAINS " in *" llvm "*)
	echo "         LLVM=1: $(clang --version | head -n 1); $(ld.lld --version | head -n 1)" ;;
esac
if command -v rustc >/dev/null 2>&1; then
	echo "         rustc on PATH ($(rustc --version)): Kconfig runs rust_is_available.sh in every variant"
fi
echo "(time/stock, time/floor: below 1 is faster; cold = empty cache, warm = the previous run's)"
for tc in $BENCH_TOOLCHAINS; do
	label=gcc
	[ "$tc" = llvm ] && label="LLVM=1"
	echo
	echo "$label:"
	for m in $BENCH_PARTS; do
		if [ "$m" = old ]; then
			echo "  (a) make olddefconfig (x86_64_defconfig)       time  /stock  /floor"
		else
			echo "  (b) no-op make -j2 after a tinyconfig build    time  /stock  /floor"
		fi
		s=$(median "$work/times/$tc-$m-stock")
		f=$(median "$work/times/$tc-$m-floor")
		c=$(median "$work/times/$tc-$m-cold")
		w=$(median "$work/times/$tc-$m-warm")
		row "stock" "$s" "$s" "$f"
		row "toolcap cold" "$c" "$s" "$f"
		row "toolcap warm" "$w" "$s" "$f"
		row "floor (every probe a constant)" "$f" "$s" "$f"
		if [ "$m" = old ]; then
			different=
			for v in cold warm floor; do
				cmp -s "$work/stock-$tc.config" "$work/$v-$tc.config" || different="$different $v"
			done
			echo "    .config: ${different:+DIFFERS from stock:}${different:-all byte-identical to stock}"
			continue
		fi
		# The issue's targets are for the no-op make.
		echo "    targets: warm/floor $(ratio "$w" "$f") (<= 1.10), stock/warm $(ratio "$s" "$w") (>= 1.5 with LLVM=1), cold/stock $(ratio "$c" "$s") (<= 1.10)"
		echo "    cache entries after a cold run: $(cat "$work/entries.cold-$tc")"
		echo "    toolcap's own build (scripts/toolcap/ with HOSTCC, make -j2 scripts_basic), once per objtree: $(sec "$(echo "$build_ms" | tr ' ' '\n' | sed -n "s/^$tc=//p")") s"
		resync "$tc" >"$work/resync"
		read -r first n_old n_noop n_first again <"$work/resync"
		echo "    a make that runs syncconfig (.config newer): $(sec "$first") s when only olddefconfig and a no-op make"
		echo "      had filled the cache, $(sec "$again") s all cached, stock $(sec "$(stock_resync_ms "$tc")") s; cache entries: olddefconfig $n_old,"
		echo "      the no-op make +$((n_noop - n_old)), the syncconfig make +$((n_first - n_noop)) (Kconfig's probes asked again)"
	done
done
echo
if [ -n "$(part tiny)" ]; then
	if [ -s "$work/rebuilt" ]; then
		echo "NOT no-op: these runs rebuilt files: $(cat "$work/rebuilt")"
	else
		echo "(b) was a no-op: no run rebuilt an object, vmlinux or bzImage"
	fi
fi
# What the floor answers that the patched tree still runs: Kconfig's
# success/failure checks other than cc-option, ld-option and as-instr.
kc_toolcap=$(grep -c -e '-c -x c /dev/null -o .tmp_' -e 'printf "%b' -e '^. [^ ]*ld[^ ]* -v' "$work/rec/table.kconfig")
echo "floor table: $(wc -l <"$work/rec/table.make") make try-runs (toolchains together); $(wc -l <"$work/rec/table.kconfig") Kconfig if-success, of which"
echo "  $kc_toolcap cc-option/ld-option/as-instr (toolcap's in the patched tree) and $(($(wc -l <"$work/rec/table.kconfig") - kc_toolcap)) other checks"
echo "  that the patched tree runs as stock does (cc-can-link.sh, rust_is_available.sh, asm goto, command -v, ...)"
echo "load average after $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null); took $((($(date +%s) - start_s) / 60)) min $((($(date +%s) - start_s) % 60)) s"
