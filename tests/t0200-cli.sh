#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The CLI contract: formats, exit statuses, the one-line error, predicates
# and vercmp, on real installed tools and on fake ones that print real
# recorded samples.
. "$(dirname "$0")/lib.sh"

bin=$TRASH/bin
# Real recorded strings (see each .meta for where it came from).
# A pahole built from git, in the git-describe form the kernel's bug
# reports name; tests/fixtures/pahole-git-describe.meta says why it is a
# fixture and not a sample.
fake_tool "$bin" pahole-git "$TEST_DIRECTORY/fixtures/pahole-git-describe.out"
fake_tool "$bin" ld-rhel6 "$SAMPLES/ld.bfd/pub-ld.bfd-rhel6.out"

# The real gcc's version, as its own predefined macros state it: what
# toolcap must read from the text of gcc --version.
GCC_VERSION=$(gcc_macro_version)
GCC_INT=$(version_int "$GCC_VERSION")
export GCC_VERSION GCC_INT

test_expect_success 'version prints "family version" for the real gcc, as its macros state it' '
	test_eq "gcc $GCC_VERSION" "$("$TOOLCAP" version gcc)"
'

test_expect_success 'every format agrees with gcc'"'"'s own macros' '
	test_eq "$GCC_VERSION" "$("$TOOLCAP" version --format=number gcc)" &&
	test_eq "$GCC_INT" "$("$TOOLCAP" version --format=int gcc)" &&
	test_eq "GCC $GCC_INT" "$("$TOOLCAP" version --format=kernel gcc)"
'

test_expect_success 'json has the family, the version and kernel text of gcc'"'"'s macros, and gcc'"'"'s first line' '
	"$TOOLCAP" version --format=json gcc >out.json &&
	python3 -c "import json; d=json.load(open(\"out.json\")); \
		print(d[\"tool\"], d[\"family\"], d[\"version\"], d[\"int\"], d[\"kernel\"], sep=\"|\"); \
		print(d[\"text\"])" >actual &&
	echo "gcc|gcc|$GCC_VERSION|$GCC_INT|GCC $GCC_INT" >expected &&
	LC_ALL=C gcc --version | head -n 1 >>expected &&
	test_cmp expected actual
'

test_expect_success 'json: a value known to be empty is "", one with no value is null (make: no suffix, no kernel script)' '
	"$TOOLCAP" version --format=json make >out.json &&
	python3 -c "import json; d=json.load(open(\"out.json\")); \
		print(repr(d[\"suffix\"]), repr(d[\"kernel\"]))" >actual &&
	echo "'"''"' None" >expected &&
	test_cmp expected actual
'

test_expect_success 'a wrapper command runs unquoted: env gcc is the gcc behind env' '
	test_eq "gcc $GCC_VERSION" "$("$TOOLCAP" version env gcc)" &&
	test_eq "GCC $GCC_INT" "$("$TOOLCAP" version --format=kernel env LC_ALL=C gcc)"
'

test_expect_success 'a git-describe pahole is 1.22, and 122 for the kernel' '
	test_eq "pahole 1.22" "$("$TOOLCAP" version "$bin/pahole-git")" &&
	test_eq 122 "$("$TOOLCAP" version --format=kernel "$bin/pahole-git")" &&
	"$TOOLCAP" ge 1.22 "$bin/pahole-git" &&
	! "$TOOLCAP" ge 1.23 "$bin/pahole-git"
'

test_expect_success 'RHEL 6 ld: the date is no version component' '
	test_eq "ld.bfd 2.20.51.0.2" "$("$TOOLCAP" version "$bin/ld-rhel6")" &&
	test_eq "BFD 22051" "$("$TOOLCAP" version --format=kernel "$bin/ld-rhel6")"
'

test_expect_success 'a missing tool: exit 1; int and kernel print 0' '
	test_expect_code 1 "$TOOLCAP" version --format=int no-such-tool-here >out &&
	test_eq 0 "$(cat out)" &&
	test_expect_code 1 "$TOOLCAP" version --format=kernel >out &&
	test_eq 0 "$(cat out)" &&
	test_expect_code 1 "$TOOLCAP" ge 1.0 no-such-tool-here >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'predicates compare the numeric release (gcc'"'"'s, from its macros)' '
	v=$GCC_VERSION &&
	"$TOOLCAP" ge "$v" gcc && "$TOOLCAP" le "$v" gcc &&
	"$TOOLCAP" eq "$v" gcc && "$TOOLCAP" eq "$v.0" gcc &&
	! "$TOOLCAP" ne "$v" gcc && ! "$TOOLCAP" gt "$v" gcc &&
	! "$TOOLCAP" lt "$v" gcc && "$TOOLCAP" gt 1.0 gcc &&
	"$TOOLCAP" lt 999 gcc
'

test_expect_success 'is FAMILY tells gcc from clang and ld.bfd from lld' '
	"$TOOLCAP" is gcc gcc && ! "$TOOLCAP" is clang gcc &&
	"$TOOLCAP" is ld.bfd ld &&
	{ ! have ld.lld || "$TOOLCAP" is ld.lld ld.lld; }
'

test_expect_success 'unrecognised output: exit 2, one line naming the tool and quoting it' '
	printf "#!/bin/sh\necho Segmentation fault\n" >"$bin/pahole" &&
	chmod +x "$bin/pahole" &&
	{ "$TOOLCAP" version "$bin/pahole" >out 2>err; test $? = 2; } &&
	test ! -s out && test_eq 1 "$(wc -l <err)" &&
	grep -q "^toolcap: .*pahole: printed no version we recognise: \"Segmentation fault\"$" err &&
	{ "$TOOLCAP" ge 1.22 "$bin/pahole" 2>err; test $? = 2; } &&
	test_eq 1 "$(wc -l <err)"
'

test_expect_success 'a tool that prints nothing is an error, not a version' '
	printf "#!/bin/sh\nexit 0\n" >"$bin/silent" && chmod +x "$bin/silent" &&
	{ "$TOOLCAP" version --format=int "$bin/silent" >out 2>err; test $? = 2; } &&
	grep -q "printed nothing" err && test ! -s out
'

test_expect_success 'vercmp reads the real pahole'"'"'s "v1.24" as 1.24' '
	v=$(pahole --version) &&
	test_eq "v$("$TOOLCAP" version --format=number pahole)" "$v" &&
	test_eq ">" "$("$TOOLCAP" vercmp "$v" 1.22)" &&
	test_eq "=" "$("$TOOLCAP" vercmp "$v" "${v#v}")" &&
	test_eq "<" "$("$TOOLCAP" vercmp 1.22 V1.24)"
'

test_expect_success 'vercmp prints <, = or >' '
	test_eq "<" "$("$TOOLCAP" vercmp 1.9 1.10)" &&
	test_eq "=" "$("$TOOLCAP" vercmp 1.22 1.22.0)" &&
	test_eq ">" "$("$TOOLCAP" vercmp 1.0.post1 1.0)"
'

test_expect_success 'parse reads stdin; --tool checks the family' '
	test_eq "pahole 1.24" "$(echo v1.24 | "$TOOLCAP" parse --tool=pahole)" &&
	test_eq "make 4.3" "$(echo "GNU Make 4.3" | "$TOOLCAP" parse)" &&
	{ echo "GNU Make 4.3" | "$TOOLCAP" parse --tool=gcc 2>err; test $? = 2; }
'

test_expect_success 'usage errors exit 2 with one line' '
	{ "$TOOLCAP" frobnicate 2>err; test $? = 2; } && test_eq 1 "$(wc -l <err)" &&
	{ "$TOOLCAP" version --format=xml gcc 2>err; test $? = 2; } &&
	{ "$TOOLCAP" ge notaversion gcc 2>err; test $? = 2; } &&
	grep -q "is not a version" err
'

test_expect_success '--help and --version' '
	"$TOOLCAP" --help | grep -q "toolcap version" &&
	"$TOOLCAP" version --help | grep -q "FMT" &&
	"$TOOLCAP" --version | grep -Eq "^toolcap [0-9]"
'

test_expect_success 'report lists this machine'"'"'s gcc and make at the versions they state' '
	"$TOOLCAP" report >out &&
	grep -E "^C compiler \(CC\) +gcc +$GCC_VERSION +GCC $GCC_INT +gcc$" out &&
	grep -E "^GNU make +make +$(make_version) +- +make$" out
'
test_done
