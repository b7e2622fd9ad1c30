#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Run every tests/t*.sh (or the ones named: run.sh t0200-cli.sh ...) and
# count.  The last line is
# "N passed, N failed, N skipped"; the exit status is non-zero if any test
# failed, and under CI=true a skipped test counts as a failure.
#
# A test's number says its area (the first digit), as in git's t/:
#   t0xxx  the library and the CLI on their own (parsing, formats, errors,
#          hostile tools)
#   t1xxx  the kernel drop-in scripts and Kconfig (conf, kconfiglib)
#   t2xxx  capability probes (cc-option, as-instr, ...) and their cache
#   t3xxx  check, make install, examples/configure, the man pages
#   t4xxx  the Linux patch series (make linux-patches) with the real make
#   t5xxx  toolcap matrix
# A new test takes the next free number in its area.
cd "$(dirname "$0")" || exit 2

passed=0 failed=0 skipped=0
report=$(mktemp)
skips=$(mktemp)
trap 'rm -f "$report" "$skips"' EXIT

[ $# -gt 0 ] || set -- t[0-9]*.sh
for t in "$@"; do
	sh "$t" >"$report" 2>&1
	status=$?
	cat "$report"
	p=$(grep -c '^ok - ' "$report")
	f=$(grep -c '^not ok - ' "$report")
	s=$(grep -c '^skip - ' "$report")
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $t exited with status $status"
		f=1
	fi
	grep '^skip - ' "$report" | sed "s|^skip - |  $t: |" >>"$skips"
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
done

if [ "$skipped" -gt 0 ]; then
	echo "skipped tests (each names what it needs):"
	cat "$skips"
fi
if [ "${CI:-}" = true ] && [ "$skipped" -gt 0 ]; then
	echo "CI=true: $skipped skipped test(s) count as failures"
	failed=$((failed + skipped))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
