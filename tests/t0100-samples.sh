#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Golden test: every real version output under tests/samples/ is fed to
# the real scripts/toolcap, which must say the family, version and kernel
# text written beside it in NAME.meta by whoever captured it.  A sample
# asked for as another family (asked: in the .meta, as as-version.sh asks
# a compiler driver about its assembler) must be refused with exit 2 and
# the one line naming both families, and read as what it is without
# --tool.
. "$(dirname "$0")/lib.sh"

meta_value() {
	sed -n "s/^$1: *//p" "$2" | head -n 1
}

out=$TRASH/stdout err=$TRASH/stderr

# run_parse SAMPLE ARGS...: toolcap parse ARGS on the sample's bytes; the
# status in $status, the streams in $out and $err.
run_parse() {
	_sample=$1
	shift
	"$TOOLCAP" parse "$@" <"$_sample" >"$out" 2>"$err"
	status=$?
}

# check_read SAMPLE FAMILY VERSION KERNEL ARGS...: the sample reads as
# FAMILY VERSION, and as KERNEL in the kernel's format (- for a family the
# kernel has no version script for: exit 2, saying so).  Prints what was
# wrong, if anything.
check_read() {
	_sample=$1 _family=$2 _version=$3 _kernel=$4
	shift 4
	run_parse "$_sample" "$@"
	if [ "$status" != 0 ] || [ "$(cat "$out")" != "$_family $_version" ] ||
	   [ -s "$err" ]; then
		printf 'want "%s %s", exit 0; got "%s", exit %s, stderr "%s"' \
			"$_family" "$_version" "$(cat "$out")" "$status" "$(cat "$err")"
		return
	fi
	run_parse "$_sample" "$@" --format=kernel
	if [ "$_kernel" = - ]; then
		if [ "$status" != 2 ] || [ -s "$out" ] ||
		   [ "$(wc -l <"$err")" != 1 ] ||
		   ! grep -q "^toolcap: .*: the kernel has no version script for $_family: " "$err"; then
			printf 'want kernel format refused (no script for %s), exit 2; got "%s", exit %s, stderr "%s"' \
				"$_family" "$(cat "$out")" "$status" "$(cat "$err")"
		fi
	elif [ "$status" != 0 ] || [ "$(cat "$out")" != "$_kernel" ] ||
	     [ -s "$err" ]; then
		printf 'want kernel "%s", exit 0; got "%s", exit %s, stderr "%s"' \
			"$_kernel" "$(cat "$out")" "$status" "$(cat "$err")"
	fi
}

# check_refused SAMPLE NAME ASKED FAMILY ARGS...: asked as ASKED, the
# sample of FAMILY is exit 2 with one line naming both and quoting the
# sample's first line, in both formats.
check_refused() {
	_sample=$1 _name=$2 _asked=$3 _family=$4
	shift 4
	_first=$(sed -n '/[^[:space:]]/{p;q;}' "$_sample")
	_want="toolcap: $_name: is not $_asked but $_family: it says \"$_first\""
	for _format in plain kernel; do
		run_parse "$_sample" "$@" --format=$_format
		if [ "$status" != 2 ] || [ -s "$out" ] ||
		   [ "$(cat "$err")" != "$_want" ]; then
			printf '%s format: want exit 2, stderr "%s"; got "%s", exit %s, stderr "%s"' \
				"$_format" "$_want" "$(cat "$out")" "$status" "$(cat "$err")"
			return
		fi
	done
}

count=0
for meta in "$SAMPLES"/*/*.meta; do
	[ -f "$meta" ] || continue
	sample=${meta%.meta}.out
	dir=$(basename "$(dirname "$meta")")
	name=$dir/$(basename "$meta" .meta)
	program=$(meta_value program "$meta")
	family=$(meta_value family "$meta")
	version=$(meta_value version "$meta")
	kernel=$(meta_value kernel "$meta")
	asked=$(meta_value asked "$meta")
	count=$((count + 1))

	set --
	[ -n "$program" ] && [ "$program" != - ] &&
		set -- "--program=$program"
	if [ "$family" != "$dir" ]; then
		wrong="family: $family is not its directory's"
	elif [ -z "$family" ] || [ -z "$version" ] || [ -z "$kernel" ]; then
		wrong="its .meta lacks family:, version: or kernel:"
	elif [ -n "$asked" ] && [ "$asked" != "$family" ]; then
		# The name toolcap gives stdin: the program, else the family
		# asked for.
		[ $# -gt 0 ] && shown=$program || shown=$asked
		wrong=$(check_refused "$sample" "$shown" "$asked" "$family" "$@" "--tool=$asked")
		[ -n "$wrong" ] ||
			wrong=$(check_read "$sample" "$family" "$version" "$kernel" "$@")
	else
		wrong=$(check_read "$sample" "$family" "$version" "$kernel" "$@" ${asked:+"--tool=$asked"})
	fi
	if [ -z "$wrong" ] && [ -n "$asked" ] && [ "$asked" != "$family" ]; then
		echo "ok - $name: $family $version, kernel $kernel; refused as $asked"
	elif [ -z "$wrong" ]; then
		echo "ok - $name: $family $version, kernel $kernel${asked:+, asked as $asked}"
	else
		echo "not ok - $name: $wrong"
		test_failures=$((test_failures + 1))
	fi
done

# Every sample was read: as many .meta as .out files, and not none.
outs=$(find "$SAMPLES" -name '*.out' | wc -l)
if [ "$count" -eq 0 ] || [ "$count" -ne "$outs" ]; then
	echo "not ok - every sample has a .meta (found $count .meta files for $outs .out files)"
	test_failures=$((test_failures + 1))
fi
test_done
