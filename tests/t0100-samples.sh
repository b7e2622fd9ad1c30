#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Golden test: every real version output under tests/samples/ is fed to
# the real scripts/toolcap, which must say the family, version and kernel
# text written beside it in NAME.meta by whoever captured it.
. "$(dirname "$0")/lib.sh"

meta_value() {
	sed -n "s/^$1: *//p" "$2" | head -n 1
}

count=0
for meta in "$SAMPLES"/*/*.meta; do
	[ -f "$meta" ] || continue
	out=${meta%.meta}.out
	name=$(basename "$(dirname "$meta")")/$(basename "$meta" .meta)
	program=$(meta_value program "$meta")
	family=$(meta_value family "$meta")
	version=$(meta_value version "$meta")
	kernel=$(meta_value kernel "$meta")
	asked=$(meta_value asked "$meta")
	count=$((count + 1))

	set -- parse
	[ -n "$program" ] && [ "$program" != - ] &&
		set -- "$@" "--program=$program"
	[ -n "$asked" ] && set -- "$@" "--tool=$asked"
	got=$("$TOOLCAP" "$@" <"$out" 2>&1)
	got_kernel=$("$TOOLCAP" "$@" --format=kernel <"$out" 2>/dev/null) ||
		got_kernel=-
	if [ -n "$asked" ] && [ "$asked" != "$family" ]; then
		# Asked for one family, the output is another's: an error.
		case $got in
		"toolcap: "*": is not $asked but $family: "*)
			got="$family $version" got_kernel=$kernel ;;
		esac
	fi
	if [ "$got" = "$family $version" ] && [ "$got_kernel" = "$kernel" ]; then
		echo "ok - $name: $got, kernel $kernel"
	else
		echo "not ok - $name: want \"$family $version\" kernel \"$kernel\", got \"$got\" kernel \"$got_kernel\""
		test_failures=$((test_failures + 1))
	fi
done

if [ "$count" -lt 250 ]; then
	echo "not ok - the corpus has at least 250 samples (it has $count)"
	test_failures=$((test_failures + 1))
fi
test_done
