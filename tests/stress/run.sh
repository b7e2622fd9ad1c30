#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make stress: PROBES probes (default 10,000) drawn from probes.txt, run
# by JOBS parallel jobs (default 8) against one shared cache, three
# times: from an empty cache (cold: the first askers race to write each
# entry), on the warm cache, and with `cache clear` run every 20 ms under
# them (churn: entries vanish between a reader's open and a writer's
# rename).  Every answer is compared with the same probe run uncached
# (--no-cache), once per distinct probe beforehand.  About 1.5 minutes
# on 2 CPUs, most of it the churn pass, where nearly every probe misses.
# Prints counts, times and mismatches; exits 1 on any mismatch, any exit
# other than 0 or 1, or a temporary file left in the cache.
cd "$(dirname "$0")/../.." || exit 2
TOOLCAP=$PWD/scripts/toolcap
PROBES=${PROBES:-10000}
JOBS=${JOBS:-8}
SEED=${SEED:-51}
LIST=$PWD/tests/stress/probes.txt
tab=$(printf '\t')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
TOOLCAP_CACHE=$work/cache
# A tool that hangs must not stall the run: it becomes a mismatch.
TOOLCAP_TIMEOUT=${TOOLCAP_TIMEOUT:-30}
export TOOLCAP_CACHE TOOLCAP_TIMEOUT LC_ALL=C

if [ ! -x "$TOOLCAP" ]; then
	echo "stress: $TOOLCAP: not built (run make)" >&2
	exit 2
fi

# run_probe LINE [--no-cache]: run one probe line of probes.txt (words
# separated by tabs) and print its exit status.
run_probe() {
	line=$1
	shift
	old_ifs=$IFS
	IFS=$tab
	set -f # split at tabs, but never expand a word as a pattern
	# shellcheck disable=SC2086 # split at tabs, on purpose
	set -- ${line%%"$tab"*} "$@" -- ${line#*"$tab"}
	set +f
	IFS=$old_ifs
	"$TOOLCAP" "$@" >/dev/null 2>&1
	echo $?
}

# run_lines FILE: run_probe each line of FILE, an exit status a line.
run_lines() {
	while IFS= read -r probe; do
		run_probe "$probe"
	done <"$1"
}

now_ms() {
	date +%s%3N
}

grep -v '^#' "$LIST" | grep . >"$work/distinct"
distinct=$(wc -l <"$work/distinct")

# The reference: each distinct probe once, uncached, two at a time.
start=$(now_ms)
i=0
while IFS= read -r probe; do
	i=$((i + 1))
	run_probe "$probe" --no-cache >"$work/ref.$i" &
	[ $((i % 2)) = 0 ] && wait
done <"$work/distinct"
wait
i=0
while [ "$i" -lt "$distinct" ]; do
	i=$((i + 1))
	cat "$work/ref.$i"
done >"$work/ref"
ref_ms=$(($(now_ms) - start))

# The draw: PROBES indices, the same every run for a given SEED, dealt
# to JOBS files of probe lines and the answers they must get.
awk -v n="$PROBES" -v jobs="$JOBS" -v seed="$SEED" -v dir="$work" '
	FILENAME == ARGV[1] { probe[FNR] = $0; next }
	{ want[FNR] = $0 }
	END {
		srand(seed)
		for (k = 0; k < n; k++) {
			i = int(rand() * length(probe)) + 1
			j = k % jobs
			print probe[i] > (dir "/job." j)
			print want[i] > (dir "/want." j)
		}
	}' "$work/distinct" "$work/ref"

# clear_often: empty the cache every 20 ms, under the readers and the
# writers: each must see a whole entry or none, never a wrong answer.
clear_often() {
	while :; do
		"$TOOLCAP" cache clear >/dev/null
		sleep 0.02
	done
}

# pass NAME [churn]: every job at once on the shared cache, with the
# cache cleared all the while for churn; prints the pass's line.
pass() {
	start=$(now_ms)
	clearer=
	if [ "${2:-}" = churn ]; then
		clear_often &
		clearer=$!
	fi
	j=0 jobs_pids=
	while [ "$j" -lt "$JOBS" ]; do
		run_lines "$work/job.$j" >"$work/got.$j" &
		jobs_pids="$jobs_pids $!"
		j=$((j + 1))
	done
	# shellcheck disable=SC2086 # a list of process ids
	wait $jobs_pids
	ms=$(($(now_ms) - start))
	if [ -n "$clearer" ]; then
		kill "$clearer"
		wait "$clearer" 2>/dev/null
	fi
	j=0
	while [ "$j" -lt "$JOBS" ]; do
		paste -d ' ' "$work/want.$j" "$work/got.$j" "$work/job.$j"
		j=$((j + 1))
	done >"$work/pairs.$1"
	awk -v name="$1" -v ms="$ms" -v jobs="$JOBS" '
		{ n++; if ($2 == 0) yes++; else if ($2 == 1) no++; else other++
		  if ($1 != $2) bad++ }
		END {
			printf "%-5s %6d probes from %d jobs in %6.1f s (%4.0f per s): %d yes, %d no, %d errors, %d mismatches\n",
			       name, n, jobs, ms / 1000, n / (ms / 1000), yes, no, other, bad
		}' "$work/pairs.$1"
}

echo "toolcap stress: $PROBES probes drawn from $distinct distinct (seed $SEED), $JOBS jobs, $(nproc) CPUs"
printf 'reference: %d distinct probes uncached in %.1f s: %d yes, %d no, %d errors\n' \
	"$distinct" "$(echo "$ref_ms" | awk '{ print $1 / 1000 }')" \
	"$(grep -c '^0$' "$work/ref")" "$(grep -c '^1$' "$work/ref")" \
	"$(grep -vc '^[01]$' "$work/ref")"
pass cold
pass warm
"$TOOLCAP" cache stats | sed -n 's/^\(entries\|temporary files.*\|other files\): /cache after warm: \1: /p'
stray_warm=$("$TOOLCAP" cache stats | sed -n 's/^temporary files.*: //p')
pass churn churn

pairs="$work/pairs.cold $work/pairs.warm $work/pairs.churn"
# shellcheck disable=SC2086 # a list of file names without blanks
mismatches=$(cat $pairs | awk '$1 != $2' | wc -l)
# shellcheck disable=SC2086
errors=$({ cut -d ' ' -f 2 $pairs; cat "$work/ref"; } | grep -vc '^[01]$')
stray=$(($("$TOOLCAP" cache stats | sed -n 's/^temporary files.*: //p') + stray_warm))
# The probes that disagreed: "COUNT UNCACHED-STATUS CACHED-STATUS PROBE".
# shellcheck disable=SC2086
cat $pairs | awk '$1 != $2' | sort | uniq -c | head -n 10
echo "mismatches: $mismatches, errors: $errors, temporary files left: $stray"
[ "$mismatches" = 0 ] && [ "$errors" = 0 ] && [ "$stray" = 0 ]
