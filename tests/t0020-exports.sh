#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# libtoolcap.so exports exactly the API lib/toolcap.h declares: the
# internal helpers of lib/ (key_add, word_at, find_program, ...) are not
# part of the contract and must not be linkable from outside.
. "$(dirname "$0")/lib.sh"

so=$TOP/lib/libtoolcap.so
export so # read by the test bodies

if ! have nm; then
	test_skip 'the shared library exports only the documented API' 'no nm: install binutils'
	test_done
	exit
fi

test_expect_success 'the shared library exports only the documented API' '
	# What the header declares, as the preprocessor sees it.
	${CC:-cc} -E -P "$TOP/lib/toolcap.h" |
		grep -o "toolcap_[a-z0-9_]*(" | tr -d "(" | sort -u >declared &&
	test_line_count -gt 10 declared &&
	nm -D --defined-only "$so" |
		awk "\$2 ~ /^[TDBRVW]$/ && \$3 !~ /^_/ { print \$3 }" |
		sort -u >exported &&
	test_cmp declared exported
'

test_done
