// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * What a program's name says before it runs: which family it probably
 * is, and which arguments make it print its version.
 */
#include <string.h>

#include "toolcap.h"
#include "families.h"

/*
 * How to ask a tool outside the families for its version, when it is not
 * "--version" and exit status 0 (a family's own are in its record,
 * lib/families.c).  Keyed by program, or by the name asked for as its
 * family.  exit_status is what the tool exits with after printing its
 * version: a run that ends with any other status failed, and what it
 * printed is not a version (a pyenv shim that exits 127 names the
 * Python versions it knows).
 */
static const char *const dash_capital_v[] = { "-V", NULL };
static const char *const dash_version[] = { "-version", NULL };
static const char *const double_dash_version[] = { "--version", NULL };
static const char *const openssl_version[] = { "version", NULL };
static const struct {
	const char *name;
	const char *const *args;
	int exit_status;
} version_args[] = {
	{ "e2fsck", dash_capital_v, 0 }, { "mke2fs", dash_capital_v, 0 },
	{ "fsck.jfs", dash_capital_v, 0 }, { "mkfs.jfs", dash_capital_v, 0 },
	{ "xfs_db", dash_capital_v, 0 }, { "mkfs.xfs", dash_capital_v, 0 },
	{ "pccardctl", dash_capital_v, 0 }, { "quota", dash_capital_v, 0 },
	{ "iptables", dash_capital_v, 0 }, { "mkimage", dash_capital_v, 0 },
	{ "mksquashfs", dash_version, 0 }, { "reiserfsck", dash_capital_v, 0 },
	/* squashfs-tools 4.5.1: "unsquashfs version 4.5.1 (2022/03/17)",
	 * then exit 1 (tests/samples/unsquashfs/); --version is a syntax
	 * error. */
	{ "unsquashfs", dash_version, 1 },
	{ "openssl", openssl_version, 0 },
	/* GNU coreutils: "false (GNU coreutils) 9.1", then exit 1. */
	{ "false", double_dash_version, 1 },
};

static int name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

/* The family that installs a program of this exact name, or NULL. */
static const char *family_installing(const char *name, size_t n)
{
	size_t i, j;

	for (i = 0; i < FAMILY_COUNT; i++)
		for (j = 0; j < FAMILY_PROGRAMS_MAX && families[i].programs[j]; j++)
			if (name_is(name, n, families[i].programs[j]))
				return families[i].id;
	return NULL;
}

const char *toolcap_program_family(const char *program)
{
	size_t len, start, n;
	const char *base, *family;

	if (!program || !*program)
		return NULL;
	base = program_basename(program, &len);
	/* Try "x86_64-linux-gnu-gcc-12", then "linux-gnu-gcc-12", ... */
	for (start = 0; start < len; start++) {
		if (start > 0 && base[start - 1] != '-')
			continue;
		n = name_without_version(base + start, len - start, 1);
		family = family_installing(base + start, n);
		if (family)
			return family;
	}
	return NULL;
}

/* The row for a family or program name, or -1. */
static long row_for(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(version_args) / sizeof(version_args[0]); i++)
		if (name_is(name, n, version_args[i].name))
			return (long)i;
	return -1;
}

/* The family's record when it has a version flag of its own, else the
 * row of the family's name (a program asked for as its own family:
 * --tool=unsquashfs) or of the program's name; both NULL/-1 for
 * "--version" and exit status 0. */
static long version_row(const char *program, const char *family,
			const struct family **record)
{
	const char *base;
	long row = -1;
	size_t len;

	*record = NULL;
	if (!family && program)
		family = toolcap_program_family(program);
	if (family) {
		*record = family_record(family);
		if (*record && (*record)->version_args[0])
			return -1;
		*record = NULL;
		row = row_for(family, strlen(family));
	}
	if (row < 0 && program) {
		base = program_basename(program, &len);
		row = row_for(base, len);
	}
	return row;
}

const char *const *toolcap_version_args(const char *program,
					const char *family)
{
	const struct family *record;
	long row = version_row(program, family, &record);

	if (record)
		return record->version_args;
	return row >= 0 ? version_args[row].args : double_dash_version;
}

int version_exit_status(const char *program, const char *family)
{
	const struct family *record;
	long row = version_row(program, family, &record);

	if (record)
		return record->version_exit_status;
	return row >= 0 ? version_args[row].exit_status : 0;
}
