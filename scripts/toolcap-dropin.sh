# SPDX-License-Identifier: GPL-2.0-only OR MIT
# shellcheck shell=sh
#
# What the kernel drop-ins (cc-, ld-, as-, pahole-, rustc-version.sh) share,
# sourced from beside them: where toolcap is, the C locale, and the
# kernel's "*** ... is too old." check against the tree's own
# min-tool-version.sh.  Copy it into the tree with them.

LC_ALL=C
export LC_ALL

# toolcap: $TOOLCAP, else the one beside the drop-in, else PATH.
toolcap=${TOOLCAP:-$(dirname "$0")/toolcap}
[ -n "${TOOLCAP:-}" ] || [ -x "$toolcap" ] || toolcap=toolcap

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
