# SPDX-License-Identifier: GPL-2.0-only OR MIT
# shellcheck shell=sh
#
# What the kernel drop-ins (cc-, ld-, as-, pahole-, rustc-version.sh) share,
# sourced from beside them: where toolcap is, the C locale, and the
# kernel's "*** ... is too old." check against the tree's own
# min-tool-version.sh.  Copy it into the tree with them.

LC_ALL=C
export LC_ALL

# toolcap: $TOOLCAP, else the one beside the drop-in (scripts/toolcap,
# or scripts/toolcap/toolcap where Kbuild builds it in a tree patched by
# `make linux-patches`), else PATH.  None of them: one line naming
# toolcap and exit 2, so that no caller reads "unknown C compiler" or a
# version 0 into a .config when the truth is that toolcap is missing.
toolcap_missing()
{
	echo "toolcap: $1: not found: build it (make scripts_basic in a kernel tree), install it, or set TOOLCAP" >&2
	exit 2
}
if [ -n "${TOOLCAP:-}" ]; then
	toolcap=$TOOLCAP
	command -v "$toolcap" >/dev/null 2>&1 || toolcap_missing "TOOLCAP=$toolcap"
else
	_here=$(dirname "$0")
	if [ -f "$_here/toolcap/toolcap" ] && [ -x "$_here/toolcap/toolcap" ]; then
		toolcap=$_here/toolcap/toolcap
	elif [ -f "$_here/toolcap" ] && [ -x "$_here/toolcap" ]; then
		toolcap=$_here/toolcap
	elif command -v toolcap >/dev/null 2>&1; then
		toolcap=toolcap
	else
		toolcap_missing "not in $_here/ nor on PATH"
	fi
fi

# Convert the version string x.y.z to a canonical 5 or 6-digit form.
canonical_version()
{
	major=${1%%.*}
	rest=${1#"$major"}; rest=${rest#.}
	minor=${rest%%.*}
	rest=${rest#"$minor"}; rest=${rest#.}
	patch=${rest%%.*}
	echo $((10000 * major + 100 * ${minor:-0} + ${patch:-0}))
}

# check_minimum TOOL WHAT DISPLAY_NAME CVERSION: exit 1 with the kernel's
# message ("*** WHAT is too old.") when CVERSION is below the minimum that
# the tree's min-tool-version.sh, beside the drop-in, gives for TOOL.  A
# tree without that script has no minimum; one whose script does not know
# TOOL (icc after 6.2) refuses it, as the kernel does.
check_minimum()
{
	_min_tool_version=$(dirname "$0")/min-tool-version.sh
	[ -x "$_min_tool_version" ] || return 0
	min_version=$("$_min_tool_version" "$1") || exit 1
	[ "$4" -lt "$(canonical_version "$min_version")" ] || return 0
	version=$(($4 / 10000)).$(($4 / 100 % 100)).$(($4 % 100))
	echo >&2 "***"
	echo >&2 "*** $2 is too old."
	echo >&2 "***   Your $3 version:    $version"
	echo >&2 "***   Minimum $3 version: $min_version"
	echo >&2 "***"
	exit 1
}
