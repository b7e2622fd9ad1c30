// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * What a program's name says before it runs: which family it probably
 * is, and which arguments make it print its version.
 */
#include <string.h>

#include "toolcap.h"
#include "families.h"

/* Program names (after any target prefix and version suffix) that are
 * installed for a family. */
static const struct {
	const char *name;
	const char *family;
} program_families[] = {
	{ "gcc", "gcc" }, { "g++", "gcc" },
	{ "clang", "clang" }, { "clang++", "clang" },
	{ "icx", "icx" }, { "icpx", "icx" },
	{ "icc", "icc" }, { "icpc", "icc" },
	{ "tcc", "tcc" },
	{ "ld", "ld.bfd" }, { "ld.bfd", "ld.bfd" },
	{ "ld.gold", "ld.gold" }, { "gold", "ld.gold" },
	{ "ld.lld", "ld.lld" }, { "lld", "ld.lld" },
	{ "ld.mold", "ld.mold" }, { "mold", "ld.mold" },
	{ "ld64", "ld64" },
	{ "as", "gas" }, { "gas", "gas" },
	{ "llvm-as", "llvm-as" },
	{ "pahole", "pahole" },
	{ "rustc", "rustc" }, { "bindgen", "bindgen" }, { "cargo", "cargo" },
};

/* Tools that do not answer --version.  Keyed by family or program. */
static const char *const dash_v[] = { "-v", NULL };
static const char *const dash_capital_v[] = { "-V", NULL };
static const char *const dash_version[] = { "-version", NULL };
static const char *const double_dash_version[] = { "--version", NULL };
static const char *const openssl_version[] = { "version", NULL };
static const struct {
	const char *name;
	const char *const *args;
} version_args[] = {
	{ "tcc", dash_v }, { "ld64", dash_v },
	{ "e2fsck", dash_capital_v }, { "mke2fs", dash_capital_v },
	{ "fsck.jfs", dash_capital_v }, { "mkfs.jfs", dash_capital_v },
	{ "xfs_db", dash_capital_v }, { "mkfs.xfs", dash_capital_v },
	{ "pccardctl", dash_capital_v }, { "quota", dash_capital_v },
	{ "iptables", dash_capital_v }, { "mkimage", dash_capital_v },
	{ "mksquashfs", dash_version }, { "reiserfsck", dash_capital_v },
	{ "openssl", openssl_version },
};

static int name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

const char *toolcap_program_family(const char *program)
{
	size_t len, start, n, i;
	const char *base;

	if (!program || !*program)
		return NULL;
	base = program_basename(program, &len);
	/* Try "x86_64-linux-gnu-gcc-12", then "linux-gnu-gcc-12", ... */
	for (start = 0; start < len; start++) {
		if (start > 0 && base[start - 1] != '-')
			continue;
		n = name_without_version(base + start, len - start, 1);
		for (i = 0; i < sizeof(program_families) /
				sizeof(program_families[0]); i++)
			if (name_is(base + start, n, program_families[i].name))
				return program_families[i].family;
	}
	return NULL;
}

static const char *const *args_for(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(version_args) / sizeof(version_args[0]); i++)
		if (name_is(name, n, version_args[i].name))
			return version_args[i].args;
	return NULL;
}

const char *const *toolcap_version_args(const char *program,
					const char *family)
{
	const char *const *args = NULL;
	const char *base;
	size_t len;

	if (!family && program)
		family = toolcap_program_family(program);
	if (family)
		args = args_for(family, strlen(family));
	if (!args && program) {
		base = program_basename(program, &len);
		args = args_for(base, len);
	}
	return args ? args : double_dash_version;
}
