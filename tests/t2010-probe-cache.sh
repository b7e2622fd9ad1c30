#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# The probe cache, with the real gcc and ld: hits, misses, invalidation
# of a tool upgraded in place, answers that must never be cached, corrupt
# entries, concurrent writers, a killed writer, and a directory that is
# missing, off, unsafe, read-only or full.  The tools are reached through
# small wrappers that log each run and then exec the real tool, so a test
# can tell whether the answer came from the cache or from gcc.
. "$(dirname "$0")/lib.sh"

REAL_GCC=$(command -v gcc) || REAL_GCC=
REAL_LD=$(command -v ld) || REAL_LD=
REAL_AS=$(command -v as) || REAL_AS=
ORIG_PATH=$PATH
export REAL_GCC REAL_LD REAL_AS ORIG_PATH

if [ -z "$REAL_GCC" ] || [ -z "$REAL_LD" ] || [ -z "$REAL_AS" ]; then
	test_skip "the probe cache with gcc and ld" "gcc, ld or as not installed: install gcc and binutils"
	test_done
	exit
fi

# A hang must fail a test, not stall the suite: every toolcap call is
# bounded, and so is every tool it runs.
TOOLCAP_TIMEOUT=20
export TOOLCAP_TIMEOUT
tc() (
	{ set +x; } 2>/dev/null # its stderr is checked: untraced (lib.sh)
	timeout 60 "$TOOLCAP" "$@"
)

# wrapper FILE TAG REAL: a program that logs "TAG ARGS" to $LOG and runs
# REAL.  Files beside the log make the probe itself (not the driver's
# -print-prog-name questions) misbehave while the wrapper's identity, and
# so the cache key, stays the same.
wrapper() {
	cat >"$1" <<-EOT
	#!/bin/sh
	echo "$2 \$*" >>"\$LOG"
	case \$* in *-print-prog-name=*) ;; *)
		[ -e "\$LOG.fail" ] && exit 1
		[ -e "\$LOG.kill" ] && kill -9 \$\$
		[ -e "\$LOG.hang" ] && exec sleep 100
		[ -e "\$LOG.slow" ] && { echo \$\$ >"\$LOG.pid"; sleep 30; }
	esac
	exec "$3" "\$@"
	EOT
	chmod +x "$1"
}

# fresh NAME: a new directory of its own for a test (cd there), with its
# own wrappers first on PATH, its own log and its own cache directory.
fresh() {
	mkdir "$TRASH/$1" && mkdir "$TRASH/$1/bin" && cd "$TRASH/$1" &&
	wrapper bin/gcc gcc "$REAL_GCC" && wrapper bin/ld ld "$REAL_LD" &&
	PATH=$PWD/bin:$ORIG_PATH LOG=$PWD/log TOOLCAP_CACHE=$PWD/cache &&
	export PATH LOG TOOLCAP_CACHE && : >"$LOG"
}

# expect STATUS TOOLCAP-ARGS...: toolcap exits with STATUS.  Its stderr
# goes to ./stderr, for the tests that check it.
expect() {
	want=$1
	shift
	tc "$@" >/dev/null 2>>stderr
	got=$?
	[ "$got" = "$want" ] && return
	echo "toolcap $*: exit $got, want $want"
	cat stderr
	return 1
}

# ran N: the probe (not a driver question) ran N times since the last
# check; the log is emptied for the next one.
# A "no" is checked once against the tool run without the probed flag
# (the baseline, "gcc -Werror -c ..." or "ld -v"; its yes is cached):
# that run is not the probe's, and is not counted here.
ran() {
	n=$(grep -Ev -e '-print-prog-name=' -e '^gcc -Werror -c -x c /dev/null ' \
		-e '^ld -v$' "$LOG" | grep -Ec '^(gcc|ld) ')
	cat "$LOG"
	: >"$LOG"
	[ "$n" = "$1" ] && return
	echo "the tool ran $n times, want $1"
	return 1
}

# hit: nothing ran at all, not even the driver's questions.
hit() {
	[ ! -s "$LOG" ] && return
	echo "ran, want a cache hit:"
	cat "$LOG"
	: >"$LOG"
	return 1
}

# stat_line WHAT: the number `toolcap cache stats` prints for WHAT.
stat_line() {
	tc cache stats | sed -n "s/^$1: //p"
}

# entry_of FLAG: the cache file holding the answer for a probe of FLAG
# (the key has each word as "word LENGTH:WORD").  Directories and FIFOs
# in the cache are skipped: reading a FIFO would block.
entry_of() {
	grep -l -s -d skip -D skip -F -x -e "word ${#1}:$1" "$TOOLCAP_CACHE"/* |
		head -n 1
}

test_expect_success 'a second cc-option on the same flag does not run the compiler' '
	fresh hit &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-stack-protector && hit &&
	expect 0 cc-option -fno-stack-protector && hit
'

test_expect_success 'no is cached as no, yes as yes, for cc-option and ld-option' '
	fresh yes-no &&
	expect 1 cc-option -fnot-an-option && ran 1 &&
	expect 1 cc-option -fnot-an-option && hit &&
	expect 0 cc-option -fno-common && ran 1 &&
	expect 0 cc-option -fno-common && hit &&
	expect 0 ld-option -- --gc-sections && ran 1 &&
	expect 0 ld-option -- --gc-sections && hit &&
	expect 1 ld-option -- --not-an-option && ran 1 &&
	expect 1 ld-option -- --not-an-option && hit &&
	expect 1 cc-option -fnot-an-option && hit
'

test_expect_success 'another flag, --flags, CPATH, LD_LIBRARY_PATH or any other variable miss' '
	fresh miss &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-common && ran 1 &&
	expect 0 cc-option --flags=-O2 -fno-stack-protector && ran 1 &&
	expect 0 cc-option --flags=-O2 -fno-stack-protector && hit &&
	CPATH=$PWD expect 0 cc-option -fno-stack-protector && ran 1 &&
	CPATH=$PWD expect 0 cc-option -fno-stack-protector && hit &&
	LD_LIBRARY_PATH=$PWD expect 0 ld-option -- --gc-sections && ran 1 &&
	expect 0 ld-option -- --gc-sections && ran 1 &&
	TOOLCAP_TEST_UNRELATED=1 expect 0 cc-option -fno-stack-protector && ran 1
'

# What changes between make's levels and runs, or in the shell's
# bookkeeping, says nothing about a tool: the answer is still cached.
test_expect_success 'make'"'"'s jobserver words, level and restarts, SHLVL, _, PWD, OLDPWD, COLUMNS and LINES hit' '
	fresh ignored &&
	MAKEFLAGS="rR --no-print-directory -- obj=init" MFLAGS="-rR --no-print-directory" \
		expect 0 cc-option -fno-stack-protector && ran 1 &&
	MAKEFLAGS="rR -j2 --jobserver-auth=3,4 --no-print-directory -- obj=init" \
	MFLAGS="-rR -j2 --jobserver-auth=3,4 --no-print-directory" \
	MAKELEVEL=3 MAKE_RESTARTS=1 SHLVL=7 _=/bin/x PWD=/tmp OLDPWD=/ \
	COLUMNS=80 LINES=24 \
		expect 0 cc-option -fno-stack-protector && hit &&
	MAKEFLAGS="rR -j --jobserver-fds=5,6 --no-print-directory -- obj=init" \
	MFLAGS="-rR -j --jobserver-fds=5,6 --no-print-directory" MAKELEVEL=1 \
		expect 0 cc-option -fno-stack-protector && hit &&
	MAKEFLAGS="rR -j4 --jobserver-auth=fifo:/tmp/GMfifo7 --no-print-directory -- obj=init" \
	MFLAGS="-rR -j4 --jobserver-auth=fifo:/tmp/GMfifo7 --no-print-directory" \
		expect 0 cc-option -fno-stack-protector && hit
'

# The rest of MAKEFLAGS is what a nested make obeys (-n, -k, -e, its
# variables): a tool that runs make may act on it, so it is keyed.
test_expect_success 'MAKEFLAGS beyond its jobserver words (-n, -k, a variable) miss' '
	fresh makeflags &&
	MAKEFLAGS="rR -- obj=init" expect 0 cc-option -fno-stack-protector && ran 1 &&
	MAKEFLAGS="rR -- obj=init" expect 0 cc-option -fno-stack-protector && hit &&
	MAKEFLAGS="nrR -- obj=init" expect 0 cc-option -fno-stack-protector && ran 1 &&
	MAKEFLAGS="krR -- obj=init" expect 0 cc-option -fno-stack-protector && ran 1 &&
	MAKEFLAGS="rR -- obj=init V=1" expect 0 cc-option -fno-stack-protector && ran 1 &&
	MAKEFLAGS="rR -I/a\\ -jx" expect 0 cc-option -fno-stack-protector && ran 1 &&
	MAKEFLAGS="rR -I/a\\ -jy" expect 0 cc-option -fno-stack-protector && ran 1 &&
	MFLAGS=-n expect 0 cc-option -fno-stack-protector && ran 1
'

# asked N: the driver was asked -print-prog-name=cc1 N times since the
# last check (the log is kept for ran/hit).
asked() {
	n=$(grep -c -e '-print-prog-name=cc1' "$LOG")
	[ "$n" = "$1" ] && return
	echo "the driver was asked $n times, want $1"
	cat "$LOG"
	return 1
}

# Kbuild probes with each directory's own flags: asking the driver for
# each flag set cost two compiler runs per directory.  Only flags that can
# change which cc1 or as runs make it ask again.
test_expect_success 'the driver is asked once for flag sets that differ in -W, -D, -O, -g, -f, -m, --param; again for -B, --sysroot' '
	fresh driver &&
	expect 0 cc-option --flags="-O2 -Wall" -fno-common && asked 1 && ran 1 &&
	expect 0 cc-option --flags="-O2 -Wall -DX=1 -Iinclude -g -fno-pie -m64" -fno-common &&
		asked 0 && ran 1 &&
	expect 0 cc-option --flags="-Os -std=gnu11 -Wa,--fatal-warnings" -fno-common &&
		asked 0 && ran 1 &&
	expect 0 cc-option --flags="-O2 --param=max-inline-insns-single=100" -fno-common &&
		asked 0 && ran 1 &&
	expect 0 cc-option --flags="-O2 -B$PWD/bin" -fno-common && asked 1 && ran 1 &&
	expect 0 cc-option --flags="-O2 --sysroot=/" -fno-common && asked 1 && ran 1
'

# A wrapper that picks the real compiler from a variable of its own: the
# key cannot know which variables a wrapper reads, so it holds them all
# (clang-16 takes -mretpoline, gcc 12 does not).
if have clang-16; then
test_expect_success 'a CC wrapper that reads REALCC: each compiler gets its own answer' '
	fresh realcc &&
	printf "#!/bin/sh\nexec \${REALCC:-gcc} \"\$@\"\n" >bin/mycc &&
	chmod +x bin/mycc &&
	REALCC=gcc expect 1 cc-option --cc=mycc -mretpoline &&
	REALCC=clang-16 expect 0 cc-option --cc=mycc -mretpoline &&
	REALCC=gcc expect 1 cc-option --cc=mycc -mretpoline &&
	REALCC=clang-16 expect 0 cc-option --cc=mycc -mretpoline &&
	REALCC=clang-16 expect 0 cc-option --no-cache --cc=mycc -mretpoline &&
	REALCC=gcc expect 1 cc-option --no-cache --cc=mycc -mretpoline
'
else
	test_skip 'a CC wrapper that reads REALCC: each compiler gets its own answer' 'no clang-16: install clang-16'
fi

# The key has the size, mtime and ctime of the tool: an upgrade that
# keeps the path (and even the mtime, as cp -p and tar do) is seen.
# Coarse kernel timestamps tick every few ms: sleep past one first.
test_expect_success 'a tool upgraded in place is probed again: new mtime, new size, new ctime only' '
	fresh upgrade &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	sleep 0.05 && touch bin/gcc &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-stack-protector && hit &&
	touch -r bin/gcc ref && echo "# 2.0" >>bin/gcc && touch -r ref bin/gcc &&
	test_eq "$(stat -c %Y ref)" "$(stat -c %Y bin/gcc)" &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-stack-protector && hit &&
	stat -c "%i %s %y %z" bin/gcc >before && sleep 0.05 &&
	printf "3" | dd of=bin/gcc bs=1 seek=$(($(wc -c <bin/gcc) - 2)) conv=notrunc 2>/dev/null &&
	touch -r ref bin/gcc && stat -c "%i %s %y %z" bin/gcc >after &&
	test_eq "$(cut -d" " -f1-5 after)" "$(cut -d" " -f1-5 before)" &&
	! test_cmp before after &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-stack-protector && hit &&
	cp -p bin/gcc new && mv new bin/gcc &&
	expect 0 cc-option -fno-stack-protector && ran 1
'

test_expect_success 'ld upgraded in place is probed again' '
	fresh upgrade-ld &&
	expect 0 ld-option -- --gc-sections && ran 1 &&
	sleep 0.05 && touch bin/ld &&
	expect 0 ld-option -- --gc-sections && ran 1 &&
	expect 0 ld-option -- --gc-sections && hit
'

# gcc runs the as it finds on PATH (-print-prog-name=as says "as"): a new
# or changed as there, with PATH itself unchanged, must miss.
if [ "$("$REAL_GCC" -print-prog-name=as)" = as ]; then
	test_expect_success 'a new or changed as on PATH is probed again' '
		fresh as-on-path &&
		expect 0 cc-option -fno-stack-protector && ran 1 &&
		wrapper bin/as as "$REAL_AS" &&
		expect 0 cc-option -fno-stack-protector && grep -q "^as " log && ran 1 &&
		expect 0 cc-option -fno-stack-protector && hit &&
		sleep 0.05 && touch bin/as &&
		expect 0 cc-option -fno-stack-protector && ran 1 &&
		expect 0 cc-option -fno-stack-protector && hit
	'
else
	test_skip "a new or changed as on PATH is probed again" "this gcc does not run the as on PATH: $("$REAL_GCC" -print-prog-name=as)"
fi

test_expect_success 'a missing tool is exit 2 and never cached' '
	fresh missing &&
	expect 2 cc-option --cc="$PWD/bin/no-such-gcc" -fno-stack-protector &&
	grep -q "no-such-gcc" stderr &&
	expect 2 ld-option --ld=no-such-ld -- --gc-sections &&
	{ test ! -e cache || test_eq 0 "$(stat_line entries)"; }
'

test_expect_success 'a tool killed by a signal is exit 2 and never cached' '
	fresh killed && touch log.kill &&
	expect 2 cc-option -fno-stack-protector && ran 1 &&
	expect 2 cc-option -fno-stack-protector && ran 1 &&
	grep -q "killed by signal 9" stderr &&
	rm log.kill &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-stack-protector && hit
'

test_expect_success 'a tool that hangs is exit 2 after TOOLCAP_TIMEOUT and never cached' '
	fresh hang && touch log.hang &&
	start=$(date +%s) &&
	TOOLCAP_TIMEOUT=1 expect 2 cc-option -fno-stack-protector && ran 1 &&
	TOOLCAP_TIMEOUT=1 expect 2 cc-option -fno-stack-protector && ran 1 &&
	test $(($(date +%s) - start)) -le 5 &&
	grep -q "timed out" stderr &&
	rm log.hang &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-stack-protector && hit
'

# rewritten_and_hits FLAG STATUS GOOD: after the entry was damaged, the
# answer is still STATUS, the tool ran, the entry is whole again (the
# same bytes as GOOD) and the next run hits.
rewritten_and_hits() {
	expect "$2" cc-option "$1" && ran 1 &&
	cmp "$3" "$(entry_of "$1")" &&
	expect "$2" cc-option "$1" && hit
}

# Warm the cache with a yes and a no; keep each entry's good bytes.
corrupt_setup() {
	fresh "$1" &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 1 cc-option -fnot-an-option && ran 1 &&
	yes_entry=$(entry_of -fno-stack-protector) && cp "$yes_entry" yes.good &&
	no_entry=$(entry_of -fnot-an-option) && cp "$no_entry" no.good &&
	test -n "$yes_entry" && test -n "$no_entry"
}

test_expect_success 'an entry truncated at any of several lengths is ignored and rewritten' '
	corrupt_setup truncated &&
	for kind in yes no; do
		if [ $kind = yes ]; then e=$yes_entry f=-fno-stack-protector s=0
		else e=$no_entry f=-fnot-an-option s=1; fi
		len=$(wc -c <$kind.good)
		for cut in 0 1 15 16 17 30 100 $((len / 2)) $((len - 8)) \
			   $((len - 5)) $((len - 4)) $((len - 1)); do
			dd if=$kind.good of="$e" bs=1 count=$cut 2>/dev/null &&
			test_eq $cut "$(wc -c <"$e")" &&
			rewritten_and_hits $f $s $kind.good ||
			{ echo "$kind entry cut at $cut of $len"; exit 1; }
		done
	done
'

test_expect_success 'an entry with bytes past its end is ignored and rewritten' '
	corrupt_setup too-long &&
	{ cat yes.good; echo junk; } >"$yes_entry" &&
	rewritten_and_hits -fno-stack-protector 0 yes.good
'

# flip FILE OFFSET: change one bit of the byte at OFFSET.
flip() {
	b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d " ")
	# shellcheck disable=SC2059 # the format is the byte, as an escape
	printf "\\$(printf %03o $((b ^ 1)))" |
		dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

test_expect_success 'an entry with a flipped bit, in the header, key, value or trailer, is rewritten' '
	corrupt_setup flipped &&
	for kind in yes no; do
		if [ $kind = yes ]; then e=$yes_entry f=-fno-stack-protector s=0 v=3
		else e=$no_entry f=-fnot-an-option s=1 v=2; fi
		len=$(wc -c <$kind.good)
		for at in 0 10 15 16 20 23 $((len / 3)) $((len / 2)) \
			  $((len - 4 - v)) $((len - 5)) $((len - 4)) $((len - 1)); do
			cp $kind.good "$e" && flip "$e" $at &&
			! cmp -s $kind.good "$e" &&
			rewritten_and_hits $f $s $kind.good ||
			{ echo "$kind entry, bit flipped at $at of $len"; exit 1; }
		done
	done
'

test_expect_success 'an entry that holds another key is ignored: no stays no' '
	corrupt_setup other-key &&
	cp yes.good "$no_entry" &&
	rewritten_and_hits -fnot-an-option 1 no.good &&
	cp no.good "$yes_entry" &&
	rewritten_and_hits -fno-stack-protector 0 yes.good
'

test_expect_success 'an empty entry is ignored and rewritten' '
	corrupt_setup empty &&
	: >"$yes_entry" &&
	rewritten_and_hits -fno-stack-protector 0 yes.good
'

test_expect_success 'an empty directory in place of an entry is replaced by the entry' '
	corrupt_setup directory &&
	rm "$no_entry" && mkdir "$no_entry" &&
	rewritten_and_hits -fnot-an-option 1 no.good
'

test_expect_success 'a directory with files in place of an entry: right answers, its files kept' '
	corrupt_setup full-directory &&
	rm "$no_entry" && mkdir "$no_entry" && echo mine >"$no_entry/file" &&
	expect 1 cc-option -fnot-an-option && ran 1 &&
	expect 1 cc-option -fnot-an-option && ran 1 &&
	test_eq mine "$(cat "$no_entry/file")"
'

test_expect_success 'a FIFO in place of an entry does not hang the probe' '
	corrupt_setup fifo &&
	rm "$yes_entry" && mkfifo "$yes_entry" &&
	rewritten_and_hits -fno-stack-protector 0 yes.good
'

test_expect_success 'a symlink in place of an entry is not followed, and is replaced' '
	corrupt_setup symlink &&
	mv "$yes_entry" elsewhere && ln -s "$PWD/elsewhere" "$yes_entry" &&
	rewritten_and_hits -fno-stack-protector 0 yes.good &&
	test ! -L "$yes_entry" && cmp yes.good elsewhere
'

# Sixteen processes at once: the answers, then every entry whole (each
# key hits afterwards) and no temporary file left.
test_expect_success '16 concurrent cc-option on the same key, into a cache not yet made' '
	fresh same-key &&
	i=0 && while [ $i -lt 16 ]; do
		{ tc cc-option -fno-stack-protector; echo $? >status.$i; } &
		i=$((i + 1))
	done && wait &&
	test_eq " 16 0" "$(cat status.* | sort | uniq -c | tr -s " ")" &&
	: >log &&
	test_eq 2 "$(stat_line entries)" &&
	test_eq 0 "$(stat_line "temporary files left by killed writers")" &&
	test_eq 0 "$(stat_line "other files")" &&
	expect 0 cc-option -fno-stack-protector && hit
'

YES_FLAGS="-fno-stack-protector -fno-PIE -fno-strict-aliasing -fno-common -fno-omit-frame-pointer -fno-delete-null-pointer-checks -fno-builtin -ffreestanding"
NO_FLAGS="-fnot-an-option-1 -fnot-an-option-2 -fnot-an-option-3 -fnot-an-option-4 -mnot-an-option-5 -mnot-an-option-6 -mnot-an-option-7 -mnot-an-option-8"
export YES_FLAGS NO_FLAGS

test_expect_success '16 concurrent cc-option on 16 keys: right answers, no torn or lost entries' '
	fresh different-keys &&
	for f in $YES_FLAGS; do
		{ tc cc-option $f; echo "$f $?" >"status$f"; } &
	done &&
	for f in $NO_FLAGS; do
		{ tc cc-option $f; echo "$f $?" >"status$f"; } &
	done && wait &&
	for f in $YES_FLAGS; do test_eq "$f 0" "$(cat "status$f")" || exit 1; done &&
	for f in $NO_FLAGS; do test_eq "$f 1" "$(cat "status$f")" || exit 1; done &&
	: >log &&
	# 16 answers, the driver'"'"'s cc1 and as, the baseline'"'"'s yes.
	test_eq 18 "$(stat_line entries)" &&
	test_eq 0 "$(stat_line "temporary files left by killed writers")" &&
	for f in $YES_FLAGS; do expect 0 cc-option $f || exit 1; done &&
	for f in $NO_FLAGS; do expect 1 cc-option $f || exit 1; done &&
	hit
'

test_expect_success 'a writer killed with SIGKILL mid-run leaves no entry; the next run is right' '
	fresh killed-writer && mkdir tmp && TMPDIR=$PWD/tmp && export TMPDIR &&
	touch log.slow || exit 1
	# Its own process group, to kill as make kills a job.
	setsid "$TOOLCAP" cc-option -fno-stack-protector &
	pid=$!
	n=0 && while [ ! -s log.pid ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done &&
	test -s log.pid &&
	test_eq $pid "$(ps -o pgid= -p $pid | tr -d " ")" &&
	kill -9 -"$pid" && kill -9 -"$(cat log.pid)" &&
	{ wait $pid; test $? = 137; } &&
	rm log.slow && ran 1 &&
	test -z "$(entry_of -fno-stack-protector)" &&
	test_eq 0 "$(stat_line "temporary files left by killed writers")" &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 0 cc-option -fno-stack-protector && hit
'

test_expect_success 'a stray .tmp- file is ignored, counted, and removed by clear with nothing else' '
	fresh stray &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	head -c 40 "$(entry_of -fno-stack-protector)" >cache/.tmp-Ab12Cd &&
	echo mine >cache/notes.txt && echo mine >cache/.tmp-mine.txt &&
	expect 0 cc-option -fno-stack-protector && hit &&
	expect 1 cc-option -fnot-an-option && ran 1 &&
	tc cache stats &&
	# Two answers, the driver'"'"'s cc1 and as, the baseline'"'"'s yes.
	test_eq 4 "$(stat_line entries)" &&
	test_eq 1 "$(stat_line "temporary files left by killed writers")" &&
	test_eq 2 "$(stat_line "other files")" &&
	tc cache clear >out && cat out &&
	test_eq "removed 5 files from $TOOLCAP_CACHE" "$(cat out)" &&
	test ! -e cache/.tmp-Ab12Cd &&
	test_eq "mine
mine" "$(cat cache/notes.txt cache/.tmp-mine.txt)" &&
	test_eq 0 "$(stat_line entries)" &&
	expect 0 cc-option -fno-stack-protector && ran 1
'

test_expect_success 'the directory and its missing parents are created 0700' '
	fresh create && umask 022 &&
	TOOLCAP_CACHE=$PWD/a/b/cache expect 0 cc-option -fno-stack-protector &&
	test_eq "700
700
700" "$(stat -c %a a a/b a/b/cache)" &&
	test ! -s stderr
'

test_expect_success 'the default directory: $XDG_CACHE_HOME/toolcap, else $HOME/.cache/toolcap' '
	fresh default && unset TOOLCAP_CACHE && mkdir home xdg &&
	HOME=$PWD/home XDG_CACHE_HOME= expect 0 cc-option -fno-stack-protector &&
	test_eq 700 "$(stat -c %a home/.cache/toolcap)" &&
	HOME=$PWD/home XDG_CACHE_HOME=$PWD/xdg expect 0 cc-option -fno-stack-protector &&
	test -d xdg/toolcap && ran 2 &&
	HOME=$PWD/home XDG_CACHE_HOME= expect 0 cc-option -fno-stack-protector && hit
'

test_expect_success 'TOOLCAP_CACHE=off creates nothing and caches nothing' '
	fresh off && mkdir home && cd home &&
	HOME=$PWD TOOLCAP_CACHE=off expect 0 cc-option -fno-stack-protector && ran 1 &&
	HOME=$PWD TOOLCAP_CACHE=off expect 0 cc-option -fno-stack-protector && ran 1 &&
	test_eq stderr "$(ls -A)" && test ! -s stderr &&
	test ! -e ../cache
'

# refused WHY: two probes, each right and uncached, each with exactly one
# warning line saying WHY.
refused() {
	: >stderr &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	expect 1 cc-option -fnot-an-option && ran 1 &&
	cat stderr && test_eq 2 "$(wc -l <stderr)" &&
	test_eq 2 "$(grep -c "^toolcap: warning: not caching: $TOOLCAP_CACHE: $1\$" stderr)" &&
	test_eq refused "$(stat_line state)"
}

test_expect_success 'a symlinked cache directory is refused, nothing written through it' '
	fresh symlinked-dir && mkdir -m 700 real && ln -s real cache &&
	refused "is a symlink" &&
	test -z "$(ls -A real)"
'

if [ "$(id -u)" = 0 ]; then
	test_expect_success 'a cache directory owned by another user is refused' '
		fresh other-user && mkdir -m 700 cache && chown nobody cache &&
		refused "is owned by another user" &&
		test -z "$(ls -A cache)"
	'
else
	test_skip "a cache directory owned by another user is refused" "not root: cannot chown a directory to nobody"
fi

test_expect_success 'a cache directory writable by others or the group is refused' '
	fresh writable && mkdir cache && chmod 777 cache &&
	refused "is writable by others" && test -z "$(ls -A cache)" &&
	chmod 770 cache &&
	refused "is writable by others" && test -z "$(ls -A cache)"
'

test_expect_success 'a file where the directory should be is refused' '
	fresh not-a-directory && echo mine >cache &&
	refused "is not a directory" && test_eq mine "$(cat cache)"
'

# A read-only or full file system: root ignores permissions, so it takes
# a real mount (CI runs as root on a VM, where it works).
if mkdir -p "$TRASH/mount-check" &&
   mount -t tmpfs -o size=16k tmpfs "$TRASH/mount-check" 2>/dev/null; then
	umount "$TRASH/mount-check"
	test_expect_success 'a read-only cache directory: right answers, uncached, quietly' '
		fresh read-only && mkdir cache &&
		mount -t tmpfs -o ro,mode=0700,size=16k tmpfs cache &&
		{
			expect 0 cc-option -fno-stack-protector && ran 1 &&
			expect 0 cc-option -fno-stack-protector && ran 1 &&
			expect 1 cc-option -fnot-an-option && ran 1 &&
			test ! -s stderr && test_eq on "$(stat_line state)" &&
			test -z "$(ls -A cache)"
		}
		status=$?
		umount cache
		exit $status
	'
	test_expect_success 'a full disk: right answers, no temporary file left; cached once there is room' '
		fresh full && mkdir disk &&
		mount -t tmpfs -o mode=0700,size=16k tmpfs disk &&
		{
			TOOLCAP_CACHE=$PWD/disk/cache && mkdir -m 700 disk/cache &&
			# Fails when the disk is full, which is the point.
			dd if=/dev/zero of=disk/fill bs=1024 count=64 2>/dev/null
			expect 0 cc-option -fno-stack-protector && ran 1 &&
			expect 0 cc-option -fno-stack-protector && ran 1 &&
			expect 1 cc-option -fnot-an-option && ran 1 &&
			test ! -s stderr &&
			test -z "$(ls -A disk/cache)" &&
			rm disk/fill &&
			expect 0 cc-option -fno-stack-protector && ran 1 &&
			expect 0 cc-option -fno-stack-protector && hit
		}
		status=$?
		umount disk
		exit $status
	'
else
	test_skip "a read-only cache directory" "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)"
	test_skip "a full disk under the cache directory" "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)"
fi

test_expect_success 'explain never reads or writes the cache' '
	fresh explain &&
	tc explain cc-option -fno-stack-protector >out && grep -q "^answer: y" out &&
	test ! -e cache && ran 1 &&
	expect 0 cc-option -fno-stack-protector && ran 1 &&
	ls -l --full-time cache >before && cat cache/* >>before &&
	touch log.fail &&
	expect 0 cc-option -fno-stack-protector && hit &&
	# A gcc that fails without the flag too: no answer, and no entry.
	{ tc explain cc-option -fno-stack-protector >out; test $? = 2; } &&
	ran 1 && # the probe; its baseline is not counted
	ls -l --full-time cache >after && cat cache/* >>after &&
	test_cmp before after
'

test_done
