#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The Markdown pages (README.md, doc/, examples/, tests/samples/) hold
# together: every relative link names a file that exists and, with a
# #fragment, a heading of that file; every test they name exists; every
# page starts with its SPDX line.  Files move and tests are renumbered:
# this says which page still points at the old place.
. "$(dirname "$0")/lib.sh"

# Every .md of the tree, relative to TOP (no .git, no test output).
(cd "$TOP" && find . -name '*.md' ! -path './.git/*' ! -path '*/trash/*' |
	sed 's|^\./||' | sort) >"$TRASH/pages"

# md_links FILE: the target of every inline link [text](target), outside
# code blocks and code spans, one a line as "LINE TARGET".
md_links() {
	awk '
	/^```/ { fence = !fence; next }
	fence || /^(    |\t)/ { next }
	{
		line = $0
		gsub(/`[^`]*`/, "", line)
		while (match(line, /\]\([^) ]+\)/)) {
			print FNR, substr(line, RSTART + 2, RLENGTH - 3)
			line = substr(line, RSTART + RLENGTH)
		}
	}' "$1"
}

# md_anchors FILE: the fragment of each heading, as GitHub makes it
# (lower case; only letters, digits, "-", "_" and spaces, which become "-").
md_anchors() {
	awk '
	/^```/ { fence = !fence; next }
	!fence && /^#+ / {
		h = tolower($0)
		sub(/^#+ /, "", h)
		gsub(/[^a-z0-9 _-]/, "", h)
		gsub(/ /, "-", h)
		print h
	}' "$1"
}

test_expect_success 'there are pages to check, README.md and doc/ among them' '
	grep -qx README.md "$TRASH/pages" &&
	grep -q "^doc/.*\.md$" "$TRASH/pages"
'

test_expect_success 'every page starts with its SPDX line' '
	while read -r page; do
		head -n 1 "$TOP/$page" | grep -q "SPDX-License-Identifier: GPL-2.0-only OR MIT" ||
			echo "$page: no SPDX line first"
	done <"$TRASH/pages" >bad &&
	test_must_be_empty bad
'

test_expect_success 'every relative link of every page resolves, #fragment included' '
	while read -r page; do
		dir=$(dirname "$page")
		md_links "$TOP/$page" | while read -r line target; do
			case $target in
			http://* | https://* | mailto:*) continue ;;
			esac
			file=${target%%#*}
			frag=
			case $target in *"#"*) frag=${target#*#} ;; esac
			if [ -z "$file" ]; then
				path=$page
			else
				path=$dir/$file
			fi
			if [ ! -e "$TOP/$path" ]; then
				echo "$page:$line: $target: no such file"
			elif [ -n "$frag" ] && ! md_anchors "$TOP/$path" | grep -qx -- "$frag"; then
				echo "$page:$line: $target: no heading gives #$frag"
			fi
		done
	done <"$TRASH/pages" >bad &&
	test_must_be_empty bad
'

test_expect_success 'every test a page names (`tNNNN`, tests/tNNNN) exists' '
	while read -r page; do
		grep -n -o -e "\`t[0-9][0-9]*\`" -e "tests/t[0-9][0-9]*" "$TOP/$page" |
			tr -d "\`" | sed "s|tests/||" | while IFS=: read -r line name; do
				set -- "$TOP"/tests/"$name"-*.sh
				[ -f "$1" ] || echo "$page:$line: $name: no tests/$name-*.sh"
			done
	done <"$TRASH/pages" >bad &&
	test_must_be_empty bad
'

test_expect_success 'README'"'"'s test list names every test file' '
	for t in "$TOP"/tests/t[0-9]*.sh; do
		n=${t##*/} && n=${n%%-*} &&
		grep -q "\`$n\`" "$TOP/README.md" || echo "README.md names no \`$n\` (tests/${t##*/})"
	done >bad &&
	test_must_be_empty bad
'

test_done
