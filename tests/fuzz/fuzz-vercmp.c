// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libFuzzer target: the laws of toolcap_vercmp(), and that a version put
 * into a real tool's version line is read back exactly.
 *
 * Input: up to three strings separated by NUL bytes, a, b and c.
 *   - cmp(a, a) == 0; cmp(a, b) == -cmp(b, a), always -1, 0 or 1;
 *   - a <= b and b <= c imply a <= c, and a == b == c implies a == c;
 *   - parse(format(v)) == v: v is made of a's digits, every run of other
 *     bytes becoming one dot ("x12y3" is "12.3"); v written into each
 *     version line below, as the tool writes it, must come back from
 *     toolcap_identify() as that family and exactly v, with the kernel's
 *     integer where the kernel's scripts have one.
 * Any broken law aborts, so the fuzzer keeps the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "toolcap.h"

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "fuzz-vercmp: %s:%d: broken: %s\n", \
		__FILE__, __LINE__, #cond); abort(); } } while (0)

/* How the kernel's script encodes major, minor and patch. */
enum encoding { NONE, MMP_10000, MMP_100000, MM_100 };

/*
 * Version lines as real tools print them, with the version cut out; each
 * from the sample named (tests/samples/, the source in its .meta).
 */
static const struct shape {
	const char *before, *after;
	const char *program; /* as toolcap_identify() is told, or NULL */
	const char *family;
	int one_dot;         /* the shape only exists with "MAJOR.MINOR" */
	enum encoding encoding;
	const char *kernel_name;
} shapes[] = {
	/* gcc/pub-gcc-almalinux8.out */
	{ "gcc (GCC) ", " 20210514 (Red Hat 8.5.0-4)\n", NULL, "gcc", 0,
	  MMP_10000, "GCC " },
	/* clang/pub-clang-almalinux8.out */
	{ "clang version ",
	  " (Red Hat 12.0.1-4.module_el8.5.0+1025+93159d6c)\n", NULL,
	  "clang", 0, MMP_10000, "Clang " },
	/* ld.bfd/pub-ld.bfd-arch-2.36.1.out */
	{ "GNU ld (GNU Binutils) ", "\n", NULL, "ld.bfd", 0, MMP_10000,
	  "BFD " },
	/* gas/pub-gas-arch-2.41.0.out */
	{ "GNU assembler (GNU Binutils) ", "\n", NULL, "gas", 0, MMP_10000,
	  "GNU " },
	/* ld.lld/pub-ld.lld-14.0.0-novendor.out */
	{ "LLD ", " (compatible with GNU linkers)\n", NULL, "ld.lld", 0,
	  MMP_10000, "LLD " },
	/* rustc/deb12-rustc--version.out */
	{ "rustc ", "\n", NULL, "rustc", 0, MMP_100000, "" },
	/* pahole/pub-pahole-v1.15-fedora29.out: pahole prints "v%u.%u". */
	{ "v", "\n", "pahole", "pahole", 1, MM_100, "" },
	/* make/deb12-make--version.out; no kernel script reads make. */
	{ "GNU Make ", "\n", "make", "make", 1, NONE, NULL },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int sign(int x) { return (x > 0) - (x < 0); }

static void check_laws(const char *a, const char *b, const char *c)
{
	int ab = toolcap_vercmp(a, b), ba = toolcap_vercmp(b, a);
	int bc = toolcap_vercmp(b, c), ac = toolcap_vercmp(a, c);

	CHECK(ab >= -1 && ab <= 1);
	CHECK(toolcap_vercmp(a, a) == 0);
	CHECK(ab == -ba);
	if (ab <= 0 && bc <= 0)
		CHECK(ac <= 0);
	if (ab >= 0 && bc >= 0)
		CHECK(ac >= 0);
	if (ab == 0 && bc == 0)
		CHECK(ac == 0);
	/* Equal versions order everything else alike. */
	if (ab == 0)
		CHECK(sign(toolcap_vercmp(a, c)) == sign(toolcap_vercmp(b, c)));
	CHECK(toolcap_vercmp(NULL, a) == -1 && toolcap_vercmp(a, NULL) == 1);
}

struct version {
	char text[TOOLCAP_VERSION_MAX];
	unsigned long long component[3]; /* the first three, missing: 0 */
	int digits[3];                   /* as written, with leading zeros */
	int dots;
	int date;                        /* a later component is YYYYMMDD */
};

/* v from the digits of s; 0 when there are none or it would not fit. */
static int make_version(const char *s, struct version *v)
{
	size_t n = 0;
	int i = 0, start = 0, len;

	memset(v, 0, sizeof(*v));
	for (; *s; s++) {
		int digit = *s >= '0' && *s <= '9';

		if (!digit) {
			if (n > 0 && v->text[n - 1] != '.') {
				v->text[n++] = '.';
				v->dots++;
				start = (int)n;
				i++;
			}
			continue;
		}
		if (n + 1 >= sizeof(v->text))
			return 0;
		v->text[n++] = *s;
		/* Past 18 digits the value no longer matters: the kernel
		 * encodes no component longer than 9. */
		if (i < 3 && ++v->digits[i] <= 18)
			v->component[i] = v->component[i] * 10 +
					  (unsigned long long)(*s - '0');
		len = (int)n - start;
		if (i > 0 && is_date_component(v->text + start, (size_t)len) &&
		    (s[1] < '0' || s[1] > '9'))
			v->date = 1;
	}
	if (n > 0 && v->text[n - 1] == '.') {
		n--;
		v->dots--;
	}
	v->text[n] = '\0';
	return n > 0;
}

/* The kernel's integer, as mainline's scripts/\*-version.sh compute it,
 * or 0 when toolcap must refuse to encode the version. */
static int kernel_value(const struct version *v, enum encoding encoding,
			unsigned long long *value)
{
	const unsigned long long *c = v->component;

	if (v->digits[0] > 9 || v->digits[1] > 9 || v->digits[2] > 9)
		return 0;
	switch (encoding) {
	case MMP_10000:
		*value = 10000 * c[0] + 100 * c[1] + c[2];
		return c[1] < 100 && c[2] < 100;
	case MMP_100000:
		*value = 100000 * c[0] + 100 * c[1] + c[2];
		return c[1] < 1000 && c[2] < 100;
	case MM_100:
		*value = 100 * c[0] + c[1];
		return c[1] < 100;
	case NONE:
		break;
	}
	return 0;
}

static void check_round_trip(const struct version *v, const struct shape *s)
{
	char line[2 * TOOLCAP_VERSION_MAX + 128], kernel[64], want[96];
	struct toolcap_ident id;
	unsigned long long value;
	enum toolcap_error error;
	int n;

	n = snprintf(line, sizeof(line), "%s%s%s", s->before, v->text,
		     s->after);
	CHECK(n > 0 && (size_t)n < sizeof(line));
	error = toolcap_identify(line, (size_t)n, s->program, NULL, &id);
	if (error != TOOLCAP_OK || strcmp(id.family, s->family) != 0 ||
	    strcmp(id.version, v->text) != 0 || id.suffix[0]) {
		fprintf(stderr, "fuzz-vercmp: \"%s\" read as %s \"%s\" \"%s\" (%s)\n",
			line, id.family, id.version, id.suffix,
			toolcap_strerror(error));
		abort();
	}
	error = toolcap_kernel_text(&id, kernel, sizeof(kernel));
	if (!s->kernel_name) {
		CHECK(error == TOOLCAP_ERR_NO_ENCODING);
	} else if (kernel_value(v, s->encoding, &value)) {
		snprintf(want, sizeof(want), "%s%llu", s->kernel_name, value);
		CHECK(error == TOOLCAP_OK && strcmp(kernel, want) == 0);
	} else {
		CHECK(error == TOOLCAP_ERR_NO_ENCODING);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 3);
	const char *strings[3];
	struct version v;
	size_t i, at = 0;

	if (!copy)
		return 0;
	/* Three NUL-terminated strings, the missing ones empty. */
	memcpy(copy, data, size);
	copy[size] = copy[size + 1] = copy[size + 2] = '\0';
	for (i = 0; i < 3; i++) {
		strings[i] = copy + at;
		at += strlen(copy + at) + 1;
		if (at > size)
			at = size;
	}
	check_laws(strings[0], strings[1], strings[2]);
	check_laws(strings[1], strings[2], strings[0]);
	check_laws(strings[2], strings[0], strings[1]);

	/* A build date as a later component ends the release by design
	 * (lib/scan.c: "2.37.20211103" is 2.37), so no round trip there. */
	if (make_version(strings[0], &v) && !v.date)
		for (i = 0; i < COUNT(shapes); i++)
			if (!shapes[i].one_dot || v.dots == 1)
				check_round_trip(&v, &shapes[i]);
	free(copy);
	return 0;
}
