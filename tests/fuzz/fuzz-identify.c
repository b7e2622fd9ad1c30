// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libFuzzer target: toolcap_identify() on any bytes, as any program and
 * with any family asked for, then the kernel's integer and text of what it
 * found.  Whatever a tool prints, the answer must keep the promises of
 * lib/toolcap.h; a broken one aborts, so the fuzzer keeps the input.
 *
 * Input: byte 0 picks the program, byte 1 the family, from the tables
 * below; entry 0 of each means "the next line of the input", so the seeds
 * (tests/fuzz/seeds.sh) carry each sample's own program name.  The rest is
 * the tool's output, passed with its length and no NUL after it, so that
 * AddressSanitizer sees any read past the end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toolcap.h"

#define FROM_INPUT ((const char *)1)

static const char *const programs[] = {
	FROM_INPUT, NULL, "", "gcc", "gcc-12", "x86_64-linux-gnu-gcc-12",
	"cc", "clang", "clang-16.0", "/usr/bin/pahole", "pahole", "ld",
	"ld.lld", "ld.gold", "as", "aarch64-linux-gnu-as", "llvm-as",
	"rustc", "bindgen", "ccache", "python3", "make",
	"aarch64-linux-gnu-objcopy", "gcc.exe", "x.EXE", "-", "--", "-12",
	"/", "a/", ".exe", "ld.bfd-", "v1.24", "1.2.3", "GCC", "openssl",
	"\001\377 junk", "tcc", "e2fsck",
};

/* Asked-for families: these, then every family id the library lists
 * (toolcap_family_at), so a family added to lib/families.c is fuzzed
 * without a list here to keep in step. */
static const char *const other_families[] = {
	FROM_INPUT, NULL, "", "make", "python", "perl", "gcc-12", "GCC", "ld",
	"-", "\001\377",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *pick_family(unsigned char byte)
{
	size_t n = 0, i;

	while (toolcap_family_at(n))
		n++;
	i = byte % (COUNT(other_families) + n);
	return i < COUNT(other_families) ? other_families[i]
		: toolcap_family_at(i - COUNT(other_families));
}
#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "fuzz-identify: %s:%d: broken: %s\n", \
		__FILE__, __LINE__, #cond); abort(); } } while (0)

/* A NUL-terminated copy of the next line of the input, for a name. */
static const char *take_line(const uint8_t **data, size_t *size, char *buf,
			     size_t buf_size)
{
	const uint8_t *nl = memchr(*data, '\n', *size);
	size_t n = nl ? (size_t)(nl - *data) : *size;
	size_t copy = n < buf_size - 1 ? n : buf_size - 1;

	memcpy(buf, *data, copy);
	buf[copy] = '\0';
	*data += nl ? n + 1 : n;
	*size -= nl ? n + 1 : n;
	return buf;
}

static int terminated(const char *buf, size_t size)
{
	return memchr(buf, '\0', size) != NULL;
}

/* What copy_printable() leaves: printable ASCII and tabs only. */
static int printable(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 0x20 && *s < 0x7f) || *s == '\t'))
			return 0;
	return 1;
}

/* "12.2.0": digits, dots between them. */
static int digits_and_dots(const char *s)
{
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++) {
		if (*s == '.' && s[1] >= '0' && s[1] <= '9')
			continue;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
	}
	return 1;
}

static void check_kernel(const struct toolcap_ident *id)
{
	unsigned long long value;
	enum toolcap_error int_error, text_error;
	char text[64], want[64];

	int_error = toolcap_kernel_int(id, &value);
	CHECK(int_error == TOOLCAP_OK || int_error == TOOLCAP_ERR_NO_ENCODING);
	memset(text, 'X', sizeof(text));
	text_error = toolcap_kernel_text(id, text, sizeof(text));
	CHECK(text_error == TOOLCAP_OK ||
	      text_error == TOOLCAP_ERR_NO_ENCODING);
	if (text_error != TOOLCAP_OK)
		return;
	/* A kernel text is the integer, after the tool's name if any. */
	CHECK(int_error == TOOLCAP_OK);
	CHECK(terminated(text, sizeof(text)));
	snprintf(want, sizeof(want), "%llu", value);
	CHECK(strlen(text) >= strlen(want));
	CHECK(strcmp(text + strlen(text) - strlen(want), want) == 0);
	/* A buffer one byte short is refused, never overrun. */
	CHECK(toolcap_kernel_text(id, text, strlen(text)) != TOOLCAP_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char program_buf[128], family_buf[64];
	const char *program, *family;
	const char *const *args;
	struct toolcap_ident id, again;
	enum toolcap_error error;
	int asked;

	if (size < 2)
		return 0;
	program = programs[data[0] % COUNT(programs)];
	family = pick_family(data[1]);
	data += 2;
	size -= 2;
	if (program == FROM_INPUT)
		program = take_line(&data, &size, program_buf,
				    sizeof(program_buf));
	if (family == FROM_INPUT)
		family = take_line(&data, &size, family_buf,
				   sizeof(family_buf));
	asked = family && *family;

	/* The text is exactly size bytes: a copy would hide over-reads
	 * behind whatever follows it. */
	memset(&id, 0x55, sizeof(id));
	error = toolcap_identify((const char *)data, size, program, family, &id);
	CHECK(error == TOOLCAP_OK || error == TOOLCAP_ERR_UNRECOGNISED ||
	      error == TOOLCAP_ERR_WRONG_FAMILY);
	CHECK(error != TOOLCAP_ERR_WRONG_FAMILY || asked);
	CHECK(terminated(id.family, sizeof(id.family)));
	CHECK(terminated(id.version, sizeof(id.version)));
	CHECK(terminated(id.suffix, sizeof(id.suffix)));
	CHECK(terminated(id.line, sizeof(id.line)));
	CHECK(printable(id.family) && printable(id.version) &&
	      printable(id.suffix) && printable(id.line));

	/* Same input, same answer: no hidden state. */
	memset(&again, 0xaa, sizeof(again));
	CHECK(toolcap_identify((const char *)data, size, program, family,
			       &again) == error);
	CHECK(memcmp(&id, &again, sizeof(id)) == 0);

	args = toolcap_version_args(program, family);
	CHECK(args && args[0] && args[0][0]);
	(void)toolcap_program_family(program);

	if (error == TOOLCAP_ERR_UNRECOGNISED)
		return 0;
	CHECK(id.family[0] != '\0');
	CHECK(digits_and_dots(id.version));
	CHECK(id.known_family == toolcap_is_family(id.family));
	CHECK(toolcap_vercmp(id.version, id.version) == 0);
	CHECK(asked ? (strcmp(id.family, family) == 0) ==
			      (error == TOOLCAP_OK)
		    : error == TOOLCAP_OK);
	/* The version and what was glued to it were read from the line. */
	if (strlen(id.line) < sizeof(id.line) - 1 &&
	    strlen(id.suffix) < sizeof(id.suffix) - 1 &&
	    strlen(id.version) < sizeof(id.version) - 1) {
		char both[2 * TOOLCAP_VERSION_MAX];

		snprintf(both, sizeof(both), "%s%s", id.version, id.suffix);
		CHECK(strstr(id.line, both) != NULL);
	}
	check_kernel(&id);
	return 0;
}
