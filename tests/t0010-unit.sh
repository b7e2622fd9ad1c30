#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The C unit tests (tests/unit/test-*.c, built by make check) print their
# own "ok -" / "not ok -" lines.
. "$(dirname "$0")/lib.sh"

for unit in "$TEST_DIRECTORY"/unit/test-*.c; do
	bin=${unit%.c}
	if [ ! -x "$bin" ]; then
		echo "not ok - $(basename "$bin") is built (run make check)"
		test_failures=$((test_failures + 1))
		continue
	fi
	"$bin" || test_failures=$((test_failures + 1))
done
test_done
