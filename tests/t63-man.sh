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
