#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# toolcap(1) and toolcap(3) render without a warning, and they document
# what exists: every command of `toolcap --help`, every function of
# lib/toolcap.h.
. "$(dirname "$0")/lib.sh"

for page in toolcap.1 toolcap.3; do
	if have mandoc; then
		test_expect_success "mandoc -T lint finds nothing in $page" '
			mandoc -T lint -W warning "$TOP/man/'$page'" >out 2>&1 &&
			test_cmp /dev/null out
		'
	else
		test_skip "mandoc -T lint finds nothing in $page" 'needs mandoc'
	fi
	if have groff; then
		test_expect_success "groff -ww renders $page without a warning" '
			groff -ww -z -mandoc "$TOP/man/'$page'" >out 2>&1 &&
			test_cmp /dev/null out
		'
	else
		test_skip "groff -ww renders $page without a warning" 'needs groff'
	fi
done

# What lint cannot see: the pages as a reader sees them.
if have mandoc; then
	for page in toolcap.1 toolcap.3; do
		test_expect_success "mandoc -T lint -W all (style too) finds nothing in $page" '
			mandoc -T lint -W all "$TOP/man/'$page'" 2>&1 |
				grep -v -e "referenced manual not found" \
					-e "outdated mandoc.db" >out
			test_must_be_empty out
		'

		test_expect_success "every .Xr of $page names a page that exists" '
			sed -n "s/^\.Xr \([^ ]*\) \([0-9]\).*/\1 \2/p" "$TOP/man/'$page'" |
				sort -u >refs &&
			while read -r name section; do
				test -f "$TOP/man/$name.$section" ||
				man -w "$section" "$name" >/dev/null 2>&1 ||
				{ echo "no page $name($section)"; exit 1; }
			done <refs
		'

		test_expect_success "no quotation nested in another when $page is rendered" '
			mandoc -T utf8 "$TOP/man/'$page'" | LC_ALL=C.UTF-8 col -b | tr "\n" " " >text &&
			LC_ALL=C.UTF-8 grep -o "“[^”]*“[^”]*”[^“]*”" text >nested
			test_must_be_empty nested
		'
	done

	test_expect_success 'every SYNOPSIS line of toolcap(1) starts with toolcap, one per command' '
		mandoc -T utf8 "$TOP/man/toolcap.1" | col -b |
			sed -n "/^SYNOPSIS/,/^DESCRIPTION/p" | sed "1d;\$d" |
			grep -v "^\$" | grep -v "^	" >lines &&
		test -s lines &&
		sed -n "/^     toolcap\( \|\$\)/!p" lines >bad &&
		test_must_be_empty bad &&
		"$TOOLCAP" --help | sed -n "s/^  toolcap \([a-z-]*\).*/\1/p" >commands &&
		while read -r c; do
			grep -Eq "^     toolcap ([a-z-]+ \\| )*$c( |\$)" lines ||
			{ echo "no SYNOPSIS line starts: toolcap $c"; exit 1; }
		done <commands
	'
else
	test_skip 'the pages as rendered' 'needs mandoc'
fi

test_expect_success 'toolcap(1) documents every command of toolcap --help' '
	"$TOOLCAP" --help | sed -n "s/^  toolcap \([a-z|-]*\).*/\1/p" | tr "|" "\n" >commands &&
	test -s commands &&
	while read -r c; do
		grep -q "^\.Cm .*\b$c\b" "$TOP/man/toolcap.1" ||
		grep -q "^\.It Cm .*\b$c\b" "$TOP/man/toolcap.1" ||
		{ echo "toolcap.1 does not document: $c"; exit 1; }
	done <commands
'

test_expect_success 'toolcap(3) documents every function of lib/toolcap.h' '
	sed -n "s/.*\(toolcap_[a-z_]*\)(.*/\1/p" "$TOP/lib/toolcap.h" | sort -u >functions &&
	test -s functions &&
	while read -r f; do
		grep -q "^\.F[nto] $f\b" "$TOP/man/toolcap.3" ||
		{ echo "toolcap.3 does not document: $f"; exit 1; }
	done <functions
'

test_done
