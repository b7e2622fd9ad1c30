// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The kernel's integers, from the families and versions of its scripts. */
#include <string.h>

#include "toolcap.h"
#include "tap.h"

static void expect_text(const char *family, const char *version,
			const char *want)
{
	struct toolcap_ident id;
	char text[64] = "";
	enum toolcap_error e;

	memset(&id, 0, sizeof(id));
	strcpy(id.family, family);
	strcpy(id.version, version);
	e = toolcap_kernel_text(&id, text, sizeof(text));
	if (want)
		CHECK(e == TOOLCAP_OK && strcmp(text, want) == 0,
		      "kernel text of %s %s is \"%s\" (got \"%s\")", family,
		      version, want, text);
	else
		CHECK(e == TOOLCAP_ERR_NO_ENCODING,
		      "%s %s has no kernel text (got \"%s\")", family, version,
		      text);
}

static void expect_int(const char *family, const char *version,
		       unsigned long long want, int encodable)
{
	struct toolcap_ident id;
	unsigned long long value = 0;
	enum toolcap_error e;

	memset(&id, 0, sizeof(id));
	strcpy(id.family, family);
	strcpy(id.version, version);
	e = toolcap_kernel_int(&id, &value);
	if (encodable)
		CHECK(e == TOOLCAP_OK && value == want,
		      "int of %s %s is %llu (got %llu)", family, version, want,
		      value);
	else
		CHECK(e == TOOLCAP_ERR_NO_ENCODING,
		      "int of %s %s cannot be encoded", family, version);
}

int main(void)
{
	expect_text("gcc", "12.2.0", "GCC 120200");
	expect_text("gcc", "5.1", "GCC 50100");
	expect_text("clang", "14.0.6", "Clang 140006");
	expect_text("apple-clang", "15.0.0", "Clang 150000");
	expect_text("icc", "2021.10.0", NULL);
	expect_text("ld.bfd", "2.40", "BFD 24000");
	expect_text("ld.bfd", "2.20.51.0.2", "BFD 22051");
	expect_text("ld.lld", "14.0.6", "LLD 140006");
	expect_text("gas", "2.40", "GNU 24000");
	expect_text("llvm-as", "14.0.6", "LLVM 140006");
	expect_text("pahole", "1.24", "124");
	expect_text("pahole", "1.16", "116");
	expect_text("rustc", "1.63.0", "106300");
	expect_text("rustc", "1.100.0", "110000");
	expect_text("bindgen", "0.60.1", "6001");
	expect_text("ld.gold", "1.16", NULL);
	expect_text("ld.mold", "1.10.1", NULL);
	expect_text("make", "4.3", NULL);
	expect_text("pahole", "1.100", NULL);
	expect_text("gcc", "12.100.0", NULL);
	expect_int("make", "4.3", 40300, 1);
	expect_int("udevadm", "252", 2520000, 1);
	expect_int("pahole", "1.22", 122, 1);
	expect_int("gcc", "1234567890.1", 0, 0);
	return tap_failures != 0;
}
