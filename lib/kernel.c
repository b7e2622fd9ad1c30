// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The integers of the kernel's scripts/\*-version.sh, computed from the
 * real release: where the scripts read a vendor date or a git-describe
 * suffix as a version component, we do not.
 */
#include <stdio.h>
#include <string.h>

#include "toolcap.h"
#include "families.h"
#include "chars.h"

/* Up to n leading numeric components of a "digits and dots" version;
 * missing ones are 0.  Fails on a component too long to hold. */
static int leading_components(const char *version, unsigned long long *c,
			      size_t n)
{
	size_t i, digits;

	for (i = 0; i < n; i++)
		c[i] = 0;
	if (!is_digit(*version))
		return 0;
	for (i = 0; i < n && is_digit(*version); i++) {
		for (digits = 0; is_digit(*version); version++) {
			if (++digits > 9)
				return 0;
			c[i] = c[i] * 10 + (unsigned long long)(*version - '0');
		}
		if (*version == '.')
			version++;
	}
	return 1;
}

/* The family's record when the kernel has a script for it (its name and
 * encoding are there), or NULL. */
static const struct family *kernel_script(const char *family)
{
	const struct family *f = family_record(family);

	return f && f->kernel_name ? f : NULL;
}

static enum toolcap_error encode(enum kernel_encoding encoding, const char *version,
				 unsigned long long *value)
{
	unsigned long long c[3];

	if (!leading_components(version, c, 3))
		return TOOLCAP_ERR_NO_ENCODING;
	switch (encoding) {
	case ENCODE_MMP_10000:
		if (c[1] >= 100 || c[2] >= 100)
			return TOOLCAP_ERR_NO_ENCODING;
		*value = 10000 * c[0] + 100 * c[1] + c[2];
		break;
	case ENCODE_MMP_100000:
		if (c[1] >= 1000 || c[2] >= 100)
			return TOOLCAP_ERR_NO_ENCODING;
		*value = 100000 * c[0] + 100 * c[1] + c[2];
		break;
	case ENCODE_MM_100:
		if (c[1] >= 100)
			return TOOLCAP_ERR_NO_ENCODING;
		*value = 100 * c[0] + c[1];
		break;
	}
	return TOOLCAP_OK;
}

enum toolcap_error toolcap_kernel_int(const struct toolcap_ident *id,
				      unsigned long long *value)
{
	const struct family *script;

	if (!id || !value || !id->version[0])
		return TOOLCAP_ERR_USAGE;
	script = kernel_script(id->family);
	return encode(script ? script->encoding : ENCODE_MMP_10000,
		      id->version, value);
}

enum toolcap_error toolcap_kernel_text(const struct toolcap_ident *id,
				       char *buf, size_t size)
{
	unsigned long long value;
	enum toolcap_error error;
	const struct family *script;
	int n;

	if (!id || !buf || !size)
		return TOOLCAP_ERR_USAGE;
	script = kernel_script(id->family);
	if (!script)
		return TOOLCAP_ERR_NO_ENCODING;
	error = toolcap_kernel_int(id, &value);
	if (error)
		return error;
	if (script->kernel_name[0])
		n = snprintf(buf, size, "%s %llu", script->kernel_name, value);
	else
		n = snprintf(buf, size, "%llu", value);
	return n < 0 || (size_t)n >= size ? TOOLCAP_ERR_USAGE : TOOLCAP_OK;
}
