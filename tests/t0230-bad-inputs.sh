#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Every input toolcap reads gives the right answer or exit 2 with one
# line: mistyped options, an unknown family, TOOLCAP_TIMEOUT,
# TOOLCAP_CACHE and the cache's default directory, and the words of
# --cc/--flags, tried as a new user types them.
. "$(dirname "$0")/lib.sh"

# one_error STATUS-FILE: exit 2 was seen, stdout is empty, stderr is one
# line starting "toolcap: "; $1 is a word that line must hold.
one_error() {
	test_must_be_empty out &&
	test_line_count -eq 1 err &&
	grep "^toolcap: " err &&
	grep -F -- "$1" err
}

test_expect_success 'cc-option --cc gcc (space form) probes the flag with gcc, as --cc=gcc does' '
	cat >expected <<-\EOF &&
	command: gcc -Werror -O2 -c -x c /dev/null -o "$TMP"/tmp.o
	  ($TMP is a directory made for the run and removed after it)
	exit status: 0
	answer: y
	EOF
	"$TOOLCAP" explain cc-option --cc=gcc -O2 >actual &&
	test_cmp expected actual &&
	"$TOOLCAP" explain cc-option --cc gcc -O2 >actual &&
	test_cmp expected actual
'

test_expect_success 'a mistyped option (--nocache) is exit 2 naming --no-cache, not a flag probed and answered n' '
	test_expect_code 2 "$TOOLCAP" cc-option --nocache -O2 >out 2>err &&
	one_error "did you mean --no-cache?" &&
	grep -F -- "-- --nocache" err
'

test_expect_success 'check names the option meant (--jsn: --json), as the other commands do, in its JSON too' '
	test_expect_code 2 "$TOOLCAP" check --kernell >out 2>err &&
	one_error "check: unknown option \"--kernell\" (did you mean --kernel?); a flag that starts with -- goes after --: toolcap check [OPTIONS] -- --kernell" &&
	test_expect_code 2 "$TOOLCAP" check --json --jsn >out 2>err &&
	grep -F "\"message\":\"check: unknown option \\\"--jsn\\\" (did you mean --json?)" out
'

test_expect_success 'a flag that starts with -- is probed after --, and refused before it' '
	test_expect_code 2 "$TOOLCAP" ld-option --ld=ld --gc-sections >out 2>err &&
	one_error "toolcap ld-option [OPTIONS] -- --gc-sections" &&
	"$TOOLCAP" ld-option --ld=ld -- --gc-sections &&
	test_expect_code 1 "$TOOLCAP" ld-option --ld=ld -- --not-an-option
'

test_expect_success 'every command reads its options the same way: unknown, missing or unwanted value is exit 2' '
	for args in "version --formt=json gcc" "version --format=jsn gcc" \
		    "version --tool" "ge 1 --tol=gcc gcc" "parse --programm=gcc" \
		    "cc-option --cc" "cc-option --make=1 -O2" \
		    "as-instr --flag=-m64 nop" "rustc-option --rust=rustc -O" \
		    "prefetch --job=2 Kconfig" "prefetch --jobs=0 Kconfig" \
		    "matrix --jsn PAHOLE=pahole 1.21" "matrix --json=1 PAHOLE=pahole 1.21" \
		    "explain cc-option --no-cach -O2" "cc-optoin -O2" \
		    "vercmp --x 1" "check --jsn" "check --json=1" \
		    "check --requirements" "check --kernel= gcc"; do
		# shellcheck disable=SC2086
		test_expect_code 2 "$TOOLCAP" $args >out 2>err &&
		one_error "toolcap: " || { echo "args: $args"; return 1; }
	done
'

test_expect_success 'an unknown --tool family is exit 2, not ignored (version, parse, ge)' '
	test_expect_code 2 "$TOOLCAP" version --tool=bogus gcc >out 2>err &&
	one_error "unknown family \"bogus\"" &&
	echo "gcc (GCC) 12.2.0" >text &&
	test_expect_code 2 "$TOOLCAP" parse --tool=lld <text >out 2>err &&
	one_error "did you mean ld.lld?" &&
	test_expect_code 2 "$TOOLCAP" ge 1 --tool=paholee pahole >out 2>err &&
	one_error "did you mean pahole?" &&
	test_eq "gcc 12.2.0" "$("$TOOLCAP" parse --tool=gcc <text)"
'

test_expect_success 'vercmp of a word without a digit ("", abc) is exit 2, not <' '
	test_expect_code 2 "$TOOLCAP" vercmp "" 1 >out 2>err &&
	one_error "is not a version" &&
	test_expect_code 2 "$TOOLCAP" vercmp 1.2 abc >out 2>err &&
	one_error "\"abc\" is not a version" &&
	test_eq ">" "$("$TOOLCAP" vercmp v1.24 1.22)"
'

test_expect_success 'explain of a word that is no probe names the probes' '
	test_expect_code 2 "$TOOLCAP" explain cc-optoin -O2 >out 2>err &&
	one_error "is not a probe (cc-option, " &&
	! grep "toolcap cc-optoin --help" err
'

test_expect_success 'a TMPDIR where no scratch directory can be made says so, exit 2' '
	test_expect_code 2 env TMPDIR=/nonexistent "$TOOLCAP" cc-option --no-cache -O2 >out 2>err &&
	one_error "TMPDIR"
'

test_expect_success 'is with an unknown family (lld) is exit 2 naming ld.lld, not "no"' '
	test_expect_code 2 "$TOOLCAP" is lld ld >out 2>err &&
	one_error "unknown family \"lld\" (did you mean ld.lld?)" &&
	test_expect_code 2 "$TOOLCAP" is gnu-linker ld >out 2>err &&
	one_error "families: " &&
	"$TOOLCAP" is ld.bfd ld && test_expect_code 1 "$TOOLCAP" is ld.lld ld
'

test_expect_success 'TOOLCAP_TIMEOUT that is not seconds (abc, 3s, -1, 0, 1e3, .5) is exit 2 naming it' '
	for t in abc 3s -1 0 0.0001 1e3 .5 5. 3601 " 5"; do
		TOOLCAP_TIMEOUT=$t test_expect_code 2 "$TOOLCAP" version gcc >out 2>err &&
		one_error "TOOLCAP_TIMEOUT: \"$t\"" || { echo "TOOLCAP_TIMEOUT=$t"; return 1; }
	done &&
	TOOLCAP_TIMEOUT=3600 "$TOOLCAP" version gcc &&
	TOOLCAP_TIMEOUT= "$TOOLCAP" version gcc
'

test_expect_success 'TOOLCAP_TIMEOUT=0.5 is half a second: a tool that sleeps is killed well before 10 s' '
	mkdir -p bin && printf "#!/bin/sh\nsleep 30\n" >bin/slow && chmod +x bin/slow &&
	start=$(date +%s) &&
	TOOLCAP_TIMEOUT=0.5 test_expect_code 2 "$TOOLCAP" version bin/slow >out 2>err &&
	end=$(date +%s) &&
	one_error "timed out" &&
	test $((end - start)) -le $((3 + TIME_SLACK))
'

test_expect_success 'TOOLCAP_CACHE=OFF or a relative path is exit 2 and creates nothing' '
	mkdir work && cd work &&
	for c in OFF Off 0 cache ./cache; do
		TOOLCAP_CACHE=$c test_expect_code 2 "$TOOLCAP" cc-option -O2 >out 2>err &&
		one_error "TOOLCAP_CACHE=\"$c\"" &&
		TOOLCAP_CACHE=$c test_expect_code 2 "$TOOLCAP" cache stats >out 2>err &&
		one_error "TOOLCAP_CACHE=\"$c\"" &&
		TOOLCAP_CACHE=$c test_expect_code 2 "$TOOLCAP" prefetch Kconfig >out 2>err &&
		one_error "TOOLCAP_CACHE=\"$c\"" || { echo "TOOLCAP_CACHE=$c"; return 1; }
	done &&
	ls -A | sed "/^out\$/d; /^err\$/d" >../listing &&
	test_must_be_empty ../listing &&
	TOOLCAP_CACHE=OFF "$TOOLCAP" cc-option --no-cache -O2
'

test_expect_success 'HOME that does not exist is not created: probes answer uncached, with a warning' '
	home=$TRASH/no-such-home &&
	HOME=$home XDG_CACHE_HOME= TOOLCAP_CACHE= "$TOOLCAP" cache stats >out &&
	grep -x "state: refused" out &&
	HOME=$home XDG_CACHE_HOME= TOOLCAP_CACHE= "$TOOLCAP" cc-option -O2 2>err &&
	grep "not creating it" err &&
	HOME=/ XDG_CACHE_HOME=$TRASH/no-such-xdg TOOLCAP_CACHE= "$TOOLCAP" cc-option -O2 2>err &&
	grep "XDG_CACHE_HOME=$TRASH/no-such-xdg is not a directory" err &&
	test ! -e "$home" && test ! -e "$TRASH/no-such-xdg"
'

test_expect_success 'an existing HOME gets .cache/toolcap, mode 700' '
	mkdir home &&
	HOME=$PWD/home XDG_CACHE_HOME= TOOLCAP_CACHE= "$TOOLCAP" cc-option -O2 &&
	test_eq 700 "$(stat -c %a home/.cache/toolcap)"
'

if [ "$(id -u)" = 0 ]; then
	test_expect_success 'root creates no directory inside one another user owns (a sudo make in a build tree)' '
		mkdir tree && chown 65534 tree &&
		TOOLCAP_CACHE=$PWD/tree/.cache/toolcap "$TOOLCAP" cc-option -O2 2>err &&
		grep "not creating it: $PWD/tree is not owned by this user" err &&
		ls -A tree >listing && test_cmp /dev/null listing
	'
else
	test_skip 'root creates no directory inside one another user owns (a sudo make in a build tree)' 'needs root to chown'
fi

test_expect_success '--cc and CC split as sh splits them: a path with a space, quoted' '
	mkdir -p "x y" && ln -s "$(command -v gcc)" "x y/gcc" &&
	"$TOOLCAP" explain cc-option --cc="'"'"'$PWD/x y/gcc'"'"'" -O2 >out &&
	grep -Fx "command: '"'"'$PWD/x y/gcc'"'"' -Werror -O2 -c -x c /dev/null -o \"\$TMP\"/tmp.o" out &&
	CC="\"$PWD/x y/gcc\"" "$TOOLCAP" cc-option --no-cache -O2 &&
	CC="$PWD/x\\ y/gcc" "$TOOLCAP" cc-option --no-cache -O2 &&
	"$TOOLCAP" explain cc-option --flags="-DX='"'"'a b'"'"'" -O2 >out &&
	grep -F " -Werror '"'"'-DX=a b'"'"' -O2 " out &&
	test_expect_code 2 "$TOOLCAP" cc-option --cc="'"'"'$PWD/no such/gcc'"'"'" -O2 >out 2>err &&
	one_error "cc-option: $PWD/no such/gcc: not found"
'

test_expect_success 'words sh would read otherwise (unterminated quote, $(...), ;) are exit 2, not passed on as text' '
	for cc in "'"'"'/x y/gcc" "gcc \$(echo -m32)" "gcc;true" "gcc \`true\`" "~/gcc" "\"gcc"; do
		test_expect_code 2 "$TOOLCAP" cc-option --cc="$cc" -O2 >out 2>err &&
		one_error "--cc=" &&
		CC=$cc test_expect_code 2 "$TOOLCAP" cc-option -O2 >out 2>err &&
		one_error "CC=" || { echo "cc: $cc"; return 1; }
	done &&
	KBUILD_CFLAGS="-O2 \"-DX" test_expect_code 2 "$TOOLCAP" cc-option --make -O2 >out 2>err &&
	one_error "KBUILD_CFLAGS"
'

test_done
