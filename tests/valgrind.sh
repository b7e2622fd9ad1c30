#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# valgrind.sh TEST...: run those tests (tests/t*.sh) with every toolcap
# they start under valgrind's memcheck (tests/valgrind-toolcap), then
# fail if any run had a memory error or a definite leak, printing its
# log.  Time limits in the tests get TOOLCAP_TEST_TIME_SLACK more
# seconds: valgrind starts toolcap ~20 times slower, and the limits are
# about toolcap waiting on its tools, which still run natively.
set -u
here=$(cd "$(dirname "$0")" && pwd)
logs=$here/trash/valgrind

command -v valgrind >/dev/null 2>&1 || {
	echo "valgrind.sh: valgrind is not installed" >&2
	exit 2
}
rm -rf "$logs"
mkdir -p "$logs"
export TOOLCAP_VALGRIND_LOGS="$logs"
export TOOLCAP_VALGRIND_BINARY="$here/../scripts/toolcap"
export TOOLCAP_TEST_BINARY="$here/valgrind-toolcap"
export TOOLCAP_TEST_TIME_SLACK="${TOOLCAP_TEST_TIME_SLACK:-3}"

sh "$here/run.sh" "$@"
status=$?

runs=$(find "$logs" -name 'toolcap.*.log' | wc -l)
bad=0
for log in "$logs"/toolcap.*.log; do
	[ -s "$log" ] || continue
	bad=$((bad + 1))
	echo "valgrind: $log:"
	sed 's/^/#    /' "$log"
done
echo "valgrind: $runs toolcap runs under memcheck, $bad with errors or definite leaks"
[ "$bad" -eq 0 ] && [ "$runs" -gt 0 ] && [ "$status" -eq 0 ]
