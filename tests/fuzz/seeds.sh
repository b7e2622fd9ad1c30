#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# seeds.sh TARGET DIR: write the seed inputs of one fuzz target into DIR,
# made at fuzz time from the real files of the tree (nothing is committed
# twice): the recorded tool outputs and their .meta files, the
# requirement files and the Kconfig files.  The input layouts are those
# the targets' comments describe.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
target=$1 dir=$2
mkdir -p "$dir"
n=0

# seed: set $file to the name of a new seed file.
seed() {
	n=$((n + 1))
	file=$dir/seed-$n
}

meta_value() {
	sed -n "s/^$1: *//p" "$2" | head -n 1
}

case $target in
fuzz-identify)
	# Byte 0: 0 takes the program from the next line, 1 is none; byte
	# 1 likewise for the family.  Each sample is tried without and with
	# its family asked for.
	for meta in "$top"/tests/samples/*/*.meta; do
		out=${meta%.meta}.out
		program=$(meta_value program "$meta")
		family=$(meta_value family "$meta")
		if [ -z "$program" ] || [ "$program" = - ]; then
			seed
			{ printf '\001\001'; cat "$out"; } >"$file"
			seed
			{ printf '\001\000%s\n' "$family"; cat "$out"; } >"$file"
		else
			seed
			{ printf '\000\001%s\n' "$program"; cat "$out"; } >"$file"
			seed
			{ printf '\000\000%s\n%s\n' "$program" "$family"
			  cat "$out"; } >"$file"
		fi
	done
	;;
fuzz-vercmp)
	# Three NUL-separated versions: each version of the .meta files and
	# each version-like word of the outputs ("18.0.0git",
	# "2.34-4.fc32"), with the two after it in sorted order.
	list=$(mktemp)
	trap 'rm -f "$list"' EXIT
	{ sed -n 's/^version: *//p' "$top"/tests/samples/*/*.meta
	  grep -ahoE '[vV]?[0-9][0-9A-Za-z.+~_-]*' "$top"/tests/samples/*/*.out
	} | LC_ALL=C sort -u >"$list"
	a='' b=''
	while IFS= read -r v; do
		[ -n "$a" ] && seed && printf '%s\000%s\000%s' "$a" "$b" "$v" >"$file"
		a=$b b=$v
	done <"$list"
	;;
fuzz-requirements)
	# Every requirements file, and each line t3000 writes into one.
	for req in "$top"/examples/*/*.req "$top"/tests/*/*.req; do
		[ -f "$req" ] && seed && cp "$req" "$file"
	done
	sed -n 's/^[[:space:]]*echo "\(.*\)" >req.*/\1/p' \
		"$top"/tests/t3000-*.sh | sed 's/\\\$/$/g' |
	while IFS= read -r line; do
		printf '%s\n' "$line" >"$dir/line-$(printf '%s' "$line" | cksum | cut -d" " -f1)"
	done
	;;
fuzz-kconfig-scan)
	for kconfig in "$top"/kconfig/Kconfig* "$top"/examples/*/Kconfig* \
		       "$top"/tests/kconfig/Kconfig* "$top"/tests/kconfig/*/Kconfig*; do
		[ -f "$kconfig" ] && seed && cp "$kconfig" "$file"
	done
	;;
fuzz-cli)
	[ -x "$top/scripts/toolcap" ] || {
		echo "seeds.sh: $top/scripts/toolcap: not built (run make)" >&2
		exit 2
	}
	# A dictionary beside the seeds (run.sh passes it): every word of
	# --help that looks like a command or an option, and every
	# requirement name of check, each as a line of its own wherever it is
	# inserted.
	"$top"/scripts/toolcap check 2>/dev/null |
		awk 'NR > 1 && NF > 3 && $1 != "toolcap" { print $1 }' >"$dir.names"
	{ cat "$dir.names"
	  "$top"/scripts/toolcap --help | grep -oE -- '(--)?[a-z][a-z-]+' | sort -u
	} | sed 's/.*/"\\x0a&\\x0a"/' >"$dir.dict"
	# One word a line: each toolcap command line the tests run (up to
	# the first shell operator), each SYNOPSIS of --help, and check
	# naming each requirement it knows.
	{ grep -ho '"$TOOLCAP" [^|&;<>()]*' "$top"/tests/*.sh |
		sed 's/^"$TOOLCAP" //'
	  "$top"/scripts/toolcap --help | sed -n 's/^  toolcap //p'
	  # check with every requirement it knows named once, in its order,
	  # and one named twice ("*0": 2^0 more copies, see fuzz-cli.c)
	  echo "check $(tr '\n' ' ' <"$dir.names")"
	  echo "check $(head -n 1 "$dir.names") *0"
	} | sort -u | while IFS= read -r line; do
		set -f # the words are written as they are, never globbed
		seed
		# shellcheck disable=SC2086
		printf '%s\n' $line >"$file"
	done
	;;
*)
	echo "seeds.sh: no seeds for $target" >&2
	exit 2
	;;
esac
exit 0
