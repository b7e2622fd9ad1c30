#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# toolcap check: requirements met, too old, missing, optional, of another
# family, unrecognised, malformed; the kernel's list on this machine's real
# tools; the JSON document and its keys.  Fake tools print real recorded
# samples (each .meta says where it came from).
. "$(dirname "$0")/lib.sh"

bin=$TRASH/bin
fake_tool "$bin/old" gcc "$SAMPLES/gcc/pub-gcc-rhel7.out"               # 4.8.5
fake_tool "$bin/clang10" clang "$SAMPLES/clang/pub-clang-alpine3.12.out" # 10.0.0
fake_tool "$bin" pahole-1.21 "$SAMPLES/pahole/pub-pahole-v1.21-openwrt.out"
fake_tool "$bin" pahole-1.24 "$SAMPLES/pahole/pub-pahole-v1.24-arch.out"
unset CC LD PAHOLE CROSS_COMPILE SRCARCH ARCH

# The keys toolcap(1) promises, in the order they are printed.
cat >"$TRASH/keys.py" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc) == ["toolcap", "result", "exit", "kernel", "message",
                     "requirements"], list(doc)
assert doc["result"] == {0: "ok", 1: "failed", 2: "error"}[doc["exit"]]
# A check that could not start is an error with its one line, no rows.
assert (doc["message"] is None) != (doc["exit"] == 2 and not doc["requirements"]), doc
keys = ["name", "minimum", "needed", "optional", "source", "line",
        "command", "argv", "path", "family", "version", "suffix",
        "status", "text"]
statuses = {"ok", "too-old", "missing", "wrong-family", "unrecognised",
            "error"}
for r in doc["requirements"]:
    assert list(r) == keys, list(r)
    assert r["status"] in statuses, r["status"]
    assert isinstance(r["optional"], bool) and isinstance(r["argv"], list)
    # toolcap(1): null is no value, "" a value known to be empty.
    if r["version"] is None:
        assert r["suffix"] is None, r
    else:
        assert isinstance(r["suffix"], str), r
EOF

test_expect_success 'a met requirement: pahole 1.24 for 1.22 exits 0' '
	echo "pahole 1.22 \$(PAHOLE)" >req &&
	PAHOLE=$bin/pahole-1.24 "$TOOLCAP" check --requirements=req >out &&
	grep -Eq "^pahole +1\.22 +pahole +1\.24 +ok +$bin/pahole-1.24$" out &&
	test_eq "toolcap check: ok: 1 required tool met" "$(tail -n 1 out)"
'

test_expect_success 'a tool too old exits 1 and the verdict says by how much' '
	echo "gcc 5.1.0 \$(CC)" >req &&
	test_expect_code 1 env CC="$bin/old/gcc" "$TOOLCAP" check --requirements=req >out 2>err &&
	grep -Eq "^gcc +5\.1\.0 +gcc +4\.8\.5 +too-old " out &&
	test_eq "toolcap check: FAILED: gcc 4.8.5 is older than 5.1.0" "$(tail -n 1 out)" &&
	test ! -s err
'

test_expect_success 'an empty $(VAR) is a missing tool, like Kbuild'"'"'s' '
	echo "pahole 1.22 \$(PAHOLE)" >req &&
	test_expect_code 1 "$TOOLCAP" check --requirements=req >out &&
	test_eq "toolcap check: FAILED: pahole is missing (\$(PAHOLE) is empty)" "$(tail -n 1 out)"
'

test_expect_success 'a command not on PATH is missing' '
	echo "frob 1.0 toolcap-no-such-tool --flag" >req &&
	test_expect_code 1 "$TOOLCAP" check --requirements=req >out &&
	grep -Eq "^frob +1\.0 +- +- +missing +toolcap-no-such-tool --flag$" out
'

test_expect_success 'an optional tool missing or too old does not fail' '
	cat >req <<-EOF &&
	# comments and blank lines are ignored

	pahole  1.22  \$(PAHOLE)           optional   # BTF only
	pahole2 1.22  $bin/pahole-1.21   optional
	make    3.81  make
	EOF
	"$TOOLCAP" check --requirements=req >out &&
	grep -Eq "^pahole +1\.22 +- +- +missing \(optional\) " out &&
	grep -Eq "^pahole2 +1\.22 +pahole +1\.21 +too-old \(optional\) " out &&
	test_eq "toolcap check: ok: 1 required tool met; 2 optional tools not" "$(tail -n 1 out)"
'

test_expect_success 'a requirement named after a family wants that family' '
	echo "gcc 5.1.0 \$(CC)" >req &&
	test_expect_code 1 env CC="$bin/clang10/clang" "$TOOLCAP" check --requirements=req >out &&
	grep -Eq "^gcc +5\.1\.0 +clang +10\.0\.0 +wrong-family " out &&
	test_eq "toolcap check: FAILED: gcc is clang, not gcc" "$(tail -n 1 out)"
'

test_expect_success 'FAMILY:VERSION lists hold each family to its own minimum' '
	echo "cc gcc:5.1.0,clang:11.0.0 \$(CC)" >req &&
	test_expect_code 1 env CC="$bin/clang10/clang" "$TOOLCAP" check --requirements=req >out &&
	grep -Eq "^cc +11\.0\.0 +clang +10\.0\.0 +too-old " out &&
	CC=gcc "$TOOLCAP" check --requirements=req >out &&
	grep -Eq "^cc +5\.1\.0 +gcc " out &&
	echo "ld ld.bfd:2.25.0 \$(LD)" >req &&
	test_expect_code 1 env LD="$bin/pahole-1.24" "$TOOLCAP" check --requirements=req >out && grep -q "wrong-family" out
'

test_expect_success '$(VAR:-DEFAULT) nests, $$ is a dollar, words split' '
	echo "cc gcc:5.1.0 \$(CC:-\$(CROSS_COMPILE)gcc)" >req &&
	CROSS_COMPILE= "$TOOLCAP" check --json --requirements=req >out.json &&
	python3 -c "import json; r = json.load(open(\"out.json\"))[\"requirements\"][0]; \
		assert r[\"argv\"] == [\"gcc\"], r" &&
	CC="env gcc" "$TOOLCAP" check --json --requirements=req >out.json &&
	python3 -c "import json; r = json.load(open(\"out.json\"))[\"requirements\"][0]; \
		assert r[\"argv\"] == [\"env\", \"gcc\"], r; assert r[\"family\"] == \"gcc\"" &&
	echo "x 1 echo \$\$HOME optional" >req &&
	"$TOOLCAP" check --json --requirements=req >out.json &&
	python3 -c "import json; r = json.load(open(\"out.json\"))[\"requirements\"][0]; \
		assert r[\"argv\"] == [\"echo\", \"\$HOME\"], r"
'

test_expect_success 'the PATH column names the file that ran: a directory named gcc earlier on PATH is passed over, as execvp passes it' '
	mkdir -p shadow/gcc &&
	echo "gcc 5.1.0 gcc" >req &&
	command -v gcc >expected &&
	PATH="$PWD/shadow:$PATH" "$TOOLCAP" check --json --requirements=req >out.json &&
	python3 -c "import json; print(json.load(open(\"out.json\"))[\"requirements\"][0][\"path\"])" >actual &&
	test_cmp expected actual
'

test_expect_success 'check reads its options as every command does: --requirements FILE, --kernel[=TREE] keeps the next word a tool' '
	echo "gcc 5.1.0 gcc" >req &&
	"$TOOLCAP" check --requirements req >out &&
	grep -Eq "^gcc +5\.1\.0 +gcc " out &&
	"$TOOLCAP" check --kernel make >out &&
	grep -Eq "^make " out &&
	test_line_count -eq 4 out
'

test_expect_success 'JSON strings are escaped: a tab and a backslash in what a tool printed, quotes and backslashes in the command' '
	cat >esc.req <<-\EOT &&
	x 1.0 sh -c "echo \"a\tb\\\\ \001\""
	EOT
	test_expect_code 2 "$TOOLCAP" check --json --requirements=esc.req >out.json 2>err &&
	grep -F "\"text\":\"a\\u0009b\\\\ ?\"" out.json &&
	python3 -c "import json; r = json.load(open(\"out.json\"))[\"requirements\"][0]; \
		assert r[\"text\"] == \"a\tb\\\\ ?\", r; \
		assert r[\"argv\"][2] == \"echo \\\"a\\\\tb\\\\\\\\ \\\\001\\\"\", r"
'

# xxd prints "xxd 2022-01-14 by Juergen Weigert et al." and exits 0: a
# run that succeeded with no version in it.  (A run that fails, as dash
# --version does, is an error even for "any": tests/t0210.)
if have xxd; then
test_expect_success 'output we cannot read exits 2 with one line quoting it' '
	echo "hexdump 1.0 xxd" >req &&
	test_expect_code 2 "$TOOLCAP" check --requirements=req >out 2>err &&
	grep -Eq "^hexdump +1\.0 +- +- +unrecognised " out &&
	test_eq 1 "$(wc -l <err)" &&
	grep -q "^toolcap: check: hexdump (xxd): .*\"xxd 2022-01-14 by Juergen Weigert et al.\"$" err &&
	test_eq "toolcap check: ERROR: hexdump printed no version we recognise" "$(tail -n 1 out)"
'

test_expect_success '"any" accepts a tool whose version we cannot read' '
	echo "hexdump any xxd" >req &&
	"$TOOLCAP" check --requirements=req >out &&
	grep -Eq "^hexdump +any .* ok " out
'
else
test_skip 'output we cannot read exits 2 with one line quoting it' 'needs xxd'
test_skip '"any" accepts a tool whose version we cannot read' 'needs xxd'
fi

check_malformed() {
	printf '%s\n' "# a comment" "" "$1" >bad.req &&
	test_expect_code 2 "$TOOLCAP" check --requirements=bad.req >out 2>err && test ! -s out &&
	echo "toolcap: check: bad.req:3: $2: \"$1\"" >expect &&
	test_cmp expect err
}

test_expect_success 'a malformed line: the file, the line number and the line' '
	check_malformed "pahole 1.22" \
		"expected NAME MINVERSION COMMAND... [optional]" &&
	check_malformed "pahole 1.22 optional" \
		"expected NAME MINVERSION COMMAND... [optional]" &&
	check_malformed "pahole v1.22 pahole" \
		"the minimum version must start with a digit, or be \"any\"" &&
	check_malformed "pa/hole 1.22 pahole" \
		"a NAME is letters, digits and . _ - +" &&
	check_malformed "cc gcc:5,clang cc" \
		"expected FAMILY:VERSION,FAMILY:VERSION..." &&
	check_malformed "pahole 1.22 \$(PAHOLE" "unterminated \$(" &&
	check_malformed "pahole 1.22 \$PAHOLE" \
		"a '"'"'\$'"'"' must start \$(NAME) (write \$\$ for a '"'"'\$'"'"')" &&
	check_malformed "pahole 1.22 \$(PA HOLE)" \
		"expected \$(NAME) or \$(NAME:-DEFAULT)"
'

test_expect_success 'an unreadable file or an unknown name is an error' '
	test_expect_code 2 "$TOOLCAP" check --requirements=nothere.req 2>err &&
	echo "toolcap: check: cannot read requirements file: \"nothere.req\"" >expect &&
	test_cmp expect err &&
	test_expect_code 2 "$TOOLCAP" check --kernel no-such-name 2>err && grep -q "no requirement is named \"no-such-name\"" err &&
	test_expect_code 2 "$TOOLCAP" check --frobnicate 2>err
'

# fgets() once read a NUL byte as the end of a line with no newline, and
# called the line too long; the 1023-byte limit holds with CRLF too.
test_expect_success 'a NUL byte or an overlong line: the line number, exit 2' '
	printf "make 3.81 make\nma\000ke 3.81 make\n" >nul.req &&
	test_expect_code 2 "$TOOLCAP" check --requirements=nul.req >out 2>err && test ! -s out &&
	echo "toolcap: check: nul.req:2: a NUL byte: not a text file" >expect &&
	test_cmp expect err &&
	{ printf "make 3.81 make%1009s\r\n" "" &&
	  printf "make 3.81 make%1010s\r\n" ""; } >long.req &&
	test_expect_code 2 "$TOOLCAP" check --requirements=long.req >out 2>err && grep -q "^toolcap: check: long.req:2: line longer than 1023 bytes: \"make 3.81 make  " err
'

test_expect_success 'requirements from stdin, and several files at once' '
	echo "pahole 1.22 $bin/pahole-1.24" >a.req &&
	echo "gcc 5.1.0 gcc" | "$TOOLCAP" check --requirements=a.req \
		--requirements=- >out &&
	grep -q "^pahole " out && grep -q "^gcc " out
'

test_expect_success 'the kernel'"'"'s list: make and bash here are met' '
	"$TOOLCAP" check --kernel make bash >out &&
	test_eq "toolcap check: minimums of Linux 6.12 (built in)" "$(head -n 1 out)" &&
	grep -E "^make +4\.0 +make +$(make_version) +ok " out &&
	grep -E "^bash +4\.2 +bash +$(bash_version) +ok " out
'

test_expect_success 'the kernel'"'"'s list as JSON: every key, every tool once' '
	code=0 && "$TOOLCAP" check --kernel --json >out.json || code=$? &&
	test "$code" -le 2 &&
	python3 -m json.tool out.json >/dev/null &&
	python3 "$TRASH/keys.py" out.json &&
	python3 -c "import json; d = json.load(open(\"out.json\")); \
		names = [r[\"name\"] for r in d[\"requirements\"]]; \
		assert len(names) == len(set(names)); \
		assert {\"cc\", \"ld\", \"make\", \"pahole\", \"rustc\", \"bindgen\"} <= set(names); \
		assert d[\"exit\"] == $code and d[\"kernel\"] == \"Linux 6.12\"; \
		cc = d[\"requirements\"][0]; \
		assert cc[\"source\"] == \"kernel\" and cc[\"line\"] is None; \
		assert cc[\"minimum\"] == \"gcc:5.1.0,clang:13.0.1\", cc"
'

test_expect_success 'the kernel'"'"'s llvm minimum follows SRCARCH, gcc'"'"'s ARCH' '
	SRCARCH=s390 "$TOOLCAP" check --kernel --json cc >out.json &&
	grep -q "\"minimum\":\"gcc:5.1.0,clang:15.0.0\"" out.json &&
	ARCH=s390 "$TOOLCAP" check --kernel --json cc >out.json &&
	grep -q "\"minimum\":\"gcc:5.1.0,clang:15.0.0\"" out.json &&
	ARCH=loongarch "$TOOLCAP" check --kernel --json cc >out.json &&
	grep -q "\"minimum\":\"gcc:5.1.0,clang:18.0.0\"" out.json &&
	ARCH=parisc64 "$TOOLCAP" check --kernel --json cc >out.json &&
	grep -q "\"minimum\":\"gcc:12.0.0,clang:13.0.1\"" out.json
'

# The top Makefile: LLVM=1 means clang and ld.lld, LLVM=-16 a suffix,
# LLVM=DIR/ a prefix; CC and LD given win; without LLVM, CROSS_COMPILE.
kernel_argv() {
	"$TOOLCAP" check --kernel --json cc ld >out.json
	python3 -c "import json; print(\" \".join(\"|\".join(r[\"argv\"]) for r in json.load(open(\"out.json\"))[\"requirements\"]))"
}

test_expect_success 'LLVM=, CC, LD and CROSS_COMPILE choose the tools, as Kbuild does' '
	test_eq "gcc ld" "$(kernel_argv)" &&
	test_eq "clang ld.lld" "$(LLVM=1 kernel_argv)" &&
	test_eq "clang ld.lld" "$(LLVM=0 kernel_argv)" &&
	test_eq "clang-16 ld.lld-16" "$(LLVM=-16 kernel_argv)" &&
	test_eq "/usr/lib/llvm-16/bin/clang /usr/lib/llvm-16/bin/ld.lld" \
		"$(LLVM=/usr/lib/llvm-16/bin/ kernel_argv)" &&
	test_eq "aarch64-linux-gnu-gcc aarch64-linux-gnu-ld" \
		"$(CROSS_COMPILE=aarch64-linux-gnu- kernel_argv)" &&
	test_eq "clang ld.lld" "$(CROSS_COMPILE=aarch64-linux-gnu- LLVM=1 kernel_argv)" &&
	test_eq "gcc|-m32 ld.bfd" "$(LLVM=1 CC="gcc -m32" LD=ld.bfd kernel_argv)" &&
	LLVM=1 "$TOOLCAP" check --kernel >out &&
	! grep -q "^clang " out &&
	code=0 && LLVM=-16 "$TOOLCAP" check --kernel --json ar strip >out.json ||
		code=$? &&
	test "$code" -le 1 &&
	python3 -c "import json; d = json.load(open(\"out.json\")); \
		assert [r[\"argv\"] for r in d[\"requirements\"]] == [[\"llvm-ar-16\"], [\"llvm-strip-16\"]], d; \
		assert d[\"requirements\"][0][\"minimum\"] == \"llvm-ar:13.0.1,ar:2.25.0\", d" &&
	LLVM=1 AR=ar "$TOOLCAP" check --kernel ar >out &&
	grep -Eq "^ar +2\.25\.0 +ar " out &&
	test_expect_code 2 "$TOOLCAP" check --kernel ar 2>err
'

test_expect_success 'LLVM=1 checks clang, not gcc: a clang too old fails' '
	code=0 && LLVM=$bin/clang10/ "$TOOLCAP" check --kernel cc >out || code=$? &&
	test_eq 1 "$code" &&
	test_eq "toolcap check: FAILED: cc 10.0.0 is older than 13.0.1" "$(tail -n 1 out)"
'

test_expect_success 'an LLVM= value that cannot be a prefix or suffix is an error' '
	test_expect_code 2 env LLVM="/x y/" "$TOOLCAP" check --kernel 2>err >out &&
	test_line_count -eq 1 err &&
	grep -q "^toolcap: check: LLVM: " err
'

# ASan found rows[] overrun when a name was given more times than there
# are requirements (select_rows).
test_expect_success 'a name given many times is checked once' '
	set -- && for i in $(seq 100); do set -- "$@" make; done &&
	"$TOOLCAP" check --kernel "$@" make bash make >out &&
	grep -c "^make " out >count && test_eq 1 "$(cat count)" &&
	grep -c "^bash " out >count && test_eq 1 "$(cat count)"
'

test_expect_success 'quotes and backslashes in a command, as the shell splits words' '
	mkdir -p "$TRASH/with space" &&
	cp "$bin/pahole-1.24" "$TRASH/with space/pa hole" &&
	cat >req <<-EOF &&
	p1 1.22 "$TRASH/with space/pa hole"
	p2 1.22 '"'"'$TRASH/with space/pa hole'"'"'
	p3 1.22 $(printf "%s" "$TRASH/with space/pa hole" | sed "s/ /\\\\ /g")
	p4 1.22 \$(PAHOLE)   # PAHOLE holds quotes, as make would give them to sh
	EOF
	PAHOLE="'"'"'$TRASH/with space/pa hole'"'"'" "$TOOLCAP" check --json --requirements=req >out.json &&
	python3 -c "import json; d = json.load(open(\"out.json\")); \
		assert [r[\"argv\"] for r in d[\"requirements\"]] == [[\"$TRASH/with space/pa hole\"]] * 4, d; \
		assert {r[\"status\"] for r in d[\"requirements\"]} == {\"ok\"}, d"
'

test_expect_success 'a quote not closed: the file, the line number and the line' '
	check_malformed "p 1.22 '"'"'/x y/pahole" "a quote is not closed" &&
	check_malformed "p 1.22 \"/x y/pahole" "a quote is not closed" &&
	check_malformed "p 1.22 /x\\" "a quote is not closed once \$(VAR)s are expanded" &&
	echo "p 1.22 \$(PAHOLE)" >req &&
	test_expect_code 2 env PAHOLE="'"'"'x" "$TOOLCAP" check --requirements=req 2>err >out &&
	test_must_be_empty out &&
	echo "toolcap: check: req:1: a quote is not closed once \$(VAR)s are expanded: \"p 1.22 \$(PAHOLE)\"" >expect &&
	test_cmp expect err
'

test_expect_success 'every exit 2 before a tool runs is still a JSON document with --json' '
	printf "pahole 1.22\n" >bad.req && : >empty.req &&
	for args in "--requirements=bad.req" "--requirements=nothere.req" \
		    "--requirements=empty.req" "--requirements=" "--requirements" \
		    "--frobnicate" "--requirements=." \
		    "--kernel no-such-name" "--kernel=/nonexistent" "--kernel=" \
		    "--kernel --kernel"; do
		code=0 &&
		"$TOOLCAP" check --json $args >out.json 2>err || code=$? &&
		test_eq "2 $args" "$code $args" &&
		test_line_count -eq 1 err &&
		python3 "$TRASH/keys.py" out.json &&
		python3 -c "import json, sys; d = json.load(open(\"out.json\")); \
			assert d[\"result\"] == \"error\" and d[\"requirements\"] == [], d; \
			assert \"toolcap: \" + d[\"message\"] + \"\\n\" == open(\"err\").read(), d" || return 1
	done
'

test_expect_success 'a $(VAR) of the kernel'"'"'s list with a quote open: exit 2, one line' '
	test_expect_code 2 env CC="'"'"'gcc" "$TOOLCAP" check --kernel cc >out 2>err &&
	test_must_be_empty out &&
	echo "toolcap: check: kernel: a quote is not closed once \$(VAR)s are expanded: \"cc gcc:5.1.0,clang:13.0.1 \$(CC:-\$(CROSS_COMPILE)gcc)\"" >expect &&
	test_cmp expect err
'

test_expect_success 'a requirements file with no requirement is an error' '
	printf "# nothing yet\n\n" >empty.req &&
	test_expect_code 2 "$TOOLCAP" check --requirements=empty.req >out 2>err &&
	test_must_be_empty out &&
	echo "toolcap: check: empty.req: no requirements in the file" >expect &&
	test_cmp expect err
'

test_expect_success 'JSON of a failure: keys, statuses, null for unknowns' '
	cat >req <<-EOF &&
	gcc     5.1.0  \$(CC)
	pahole  1.22   \$(PAHOLE) optional
	EOF
	test_expect_code 1 env CC="$bin/old/gcc" "$TOOLCAP" check --json --requirements=req >out.json &&
	python3 -m json.tool out.json >/dev/null &&
	python3 "$TRASH/keys.py" out.json &&
	python3 -c "import json; d = json.load(open(\"out.json\")); \
		g, p = d[\"requirements\"]; \
		assert d[\"result\"] == \"failed\"; \
		assert (g[\"status\"], g[\"version\"], g[\"needed\"], g[\"line\"]) == (\"too-old\", \"4.8.5\", \"5.1.0\", 1), g; \
		assert g[\"text\"].startswith(\"gcc (GCC) 4.8.5\"); \
		assert (p[\"status\"], p[\"path\"], p[\"version\"], p[\"argv\"]) == (\"missing\", None, None, []), p"
'

test_done
