#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# run.sh SECONDS DIR TARGET...: run each libFuzzer target built as
# DIR/bin/TARGET for SECONDS seconds, from DIR/corpus/TARGET (kept
# between runs) and fresh seeds from tests/fuzz/seeds.sh.  Prints a line
# per target with the executions run and the result; a crash, a leak, a
# sanitizer report or a broken invariant fails the target, leaves the
# input in DIR/findings/ and makes the exit status non-zero.
set -u
here=$(cd "$(dirname "$0")" && pwd)
seconds=$1
# Absolute: a target may change directory (fuzz-cli runs in a scratch one).
mkdir -p "$2" && dir=$(cd "$2" && pwd) || exit 2
shift 2

failed=0 total=0
mkdir -p "$dir/findings"
for target in "$@"; do
	corpus=$dir/corpus/$target seeds=$dir/seeds/$target
	log=$dir/$target.log
	rm -rf "$seeds"
	mkdir -p "$corpus"
	sh "$here/seeds.sh" "$target" "$seeds" || exit 2
	# -max_len: as much as toolcap reads of a tool (the 64 KiB cap).
	# A dictionary seeds.sh wrote beside the seeds, if any.
	dict=
	[ -f "$seeds.dict" ] && dict=-dict=$seeds.dict
	# shellcheck disable=SC2086
	"$dir/bin/$target" $dict -max_total_time="$seconds" -max_len=65536 \
		-timeout=10 -print_final_stats=1 \
		-artifact_prefix="$dir/findings/$target-" \
		"$corpus" "$seeds" >"$log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	inputs=$(find "$corpus" -type f | wc -l)
	if [ "$status" -eq 0 ]; then
		result=ok
	else
		result="FAILED (status $status)"
		failed=$((failed + 1))
	fi
	echo "$target: ${runs:-0} executions in $seconds s, corpus $inputs inputs: $result"
	if [ "$status" -ne 0 ]; then
		grep -E 'ERROR|SUMMARY|broken|runtime error|Test unit written' "$log" |
			head -n 20 | sed 's/^/    /'
		echo "    (whole log: $log)"
	fi
	total=$((total + ${runs:-0}))
done
echo "fuzz: $# targets, $total executions, $failed failed"
[ "$failed" -eq 0 ]
