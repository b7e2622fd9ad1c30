// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * From a tool's output to its family and version: try the family table on
 * each line, then read any other tool's version the way most tools print
 * it, and name that tool by its program name.
 */
#include <string.h>

#include "toolcap.h"
#include "families.h"
#include "chars.h"

struct line {
	const char *text;
	size_t len;
};

/* The next line of text at *pos, without its newline; 0 at the end. */
static int next_line(const char *text, size_t len, size_t *pos,
		     struct line *line)
{
	const char *nl;

	if (*pos >= len)
		return 0;
	line->text = text + *pos;
	nl = memchr(line->text, '\n', len - *pos);
	line->len = nl ? (size_t)(nl - line->text) : len - *pos;
	*pos += line->len + 1;
	if (line->len && line->text[line->len - 1] == '\r')
		line->len--;
	return 1;
}

/* Copy n bytes as printable ASCII: control bytes and non-ASCII become '?'
 * so that what we quote back can never break a terminal or a JSON string
 * builder that trusts us. */
static void copy_printable(char *dst, size_t size, const char *src, size_t n)
{
	size_t i;

	if (n >= size)
		n = size - 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];

		dst[i] = (c >= 0x20 && c < 0x7f) || c == '\t' ? (char)c : '?';
	}
	dst[n] = '\0';
}

static void fill_version(struct toolcap_ident *out, const struct line *line,
			 const struct version_token *tok)
{
	size_t glued = tok->end - tok->start - tok->release_len;

	copy_printable(out->version, sizeof(out->version),
		       line->text + tok->start, tok->release_len);
	copy_printable(out->suffix, sizeof(out->suffix),
		       line->text + tok->start + tok->release_len, glued);
	copy_printable(out->line, sizeof(out->line), line->text, line->len);
}

/* The family a rule names; for a binutils "(GNU Binutils...)" line, the
 * binutils tool asked for or named by the program. */
static const char *rule_family(const struct family_rule *rule,
			       const char *program, const char *asked)
{
	const struct family *f;

	if (rule->family != FAMILY_OF_BINUTILS)
		return families[rule->family].id;
	f = family_record(asked ? asked : toolcap_program_family(program));
	return f && f->binutils ? f->id : NULL;
}

/* The family of the first rule that recognises line, or NULL. */
static const char *match_line(const struct line *line, const char *program,
			      const char *asked, struct version_token *tok)
{
	const char *family;
	size_t i;

	for (i = 0; i < family_rule_count; i++) {
		const struct family_rule *rule = &family_rules[i];
		/* A rule that needs a program name is satisfied by its
		 * family being asked for: --tool=pahole. */
		int asked_for = asked && rule->family != FAMILY_OF_BINUTILS &&
				strcmp(families[rule->family].id, asked) == 0;

		if (rule->asked_only && !asked_for)
			continue;
		if (!rule_matches(rule, line->text, line->len,
				  asked_for ? NULL : program, tok))
			continue;
		family = rule_family(rule, program, asked);
		if (family)
			return family;
	}
	return NULL;
}

/* "rustup 1.26.0 (5af9b9484 2023-04-05)": a name, then its version. */
static int names_itself(const char *text, size_t len)
{
	struct version_token tok;
	size_t pos = 0;

	if (len == 0 || !is_alpha(text[0]))
		return 0;
	while (pos < len && !is_space(text[pos]))
		if (is_digit(text[pos++]))
			return 0;
	return pos < len && text[pos] == ' ' &&
	       version_token_at(text, len, pos + 1, &tok);
}

static int try_rules(const char *text, size_t len, const char *program,
		     const char *asked, struct toolcap_ident *out)
{
	struct line line;
	struct version_token tok;
	struct driver_line driver;
	const char *family;
	size_t pos = 0;
	int first = 1;

	while (next_line(text, len, &pos, &line)) {
		if (skip_blanks(line.text, line.len, 0) == line.len)
			continue;
		family = match_line(&line, program, asked, &tok);
		if (family) {
			copy_printable(out->family, sizeof(out->family),
				       family, strlen(family));
			out->known_family = toolcap_is_family(family);
			fill_version(out, &line, &tok);
			return 1;
		}
		/* A tool says who it is first: when its first line reads
		 * "PROG (PKGVERSION) VERSION" or "PROG VERSION" and no rule
		 * knows it, the tool it wraps or quotes (emcc's clang;
		 * rustup's "info: The currently active `rustc` version is
		 * `rustc 1.73.0 ...`") is not what it is. */
		if (first && (driver_shape(line.text, line.len, &driver) ||
			      names_itself(line.text, line.len)))
			return 0;
		first = 0;
	}
	return 0;
}

/*
 * Most other tools print "NAME VERSION", "NAME version VERSION" or only
 * "VERSION".  Take the number after a "version" word (even "kmod version
 * 30"), else the first dotted number, else a line that is one number.
 */
static int find_generic_version(const char *text, size_t len,
				struct line *found, struct version_token *tok)
{
	struct line line;
	size_t pos = 0, start, end;
	long at;

	while (next_line(text, len, &pos, &line)) {
		for (at = find_word(line.text, line.len, 0, "version", 1); at >= 0;
		     at = find_word(line.text, line.len, (size_t)at + 1, "version", 1))
			if (version_after(line.text, line.len, (size_t)at + 7, tok))
				goto found;
		if (find_version_token_outside_parens(line.text, line.len, 1, tok) ||
		    find_version_token(line.text, line.len, 0, 1, tok))
			goto found;
		end = line.len;
		while (end > 0 && is_space(line.text[end - 1]))
			end--;
		start = skip_blanks(line.text, end, 0);
		if (version_token_at(line.text, end, start, tok) &&
		    tok->end == end)
			goto found;
	}
	/* "pcmciautils 018": a name and a number, nothing else. */
	pos = 0;
	if (next_line(text, len, &pos, &line)) {
		end = line.len;
		while (end > 0 && is_space(line.text[end - 1]))
			end--;
		start = 0;
		while (start < end && !is_space(line.text[start]))
			start++;
		start = skip_blanks(line.text, end, start);
		if (start > 0 && start < end && is_alpha(line.text[0]) &&
		    version_token_at(line.text, end, start, tok) &&
		    tok->end == end)
			goto found;
	}
	return 0;
found:
	*found = line;
	return 1;
}

/* Does word (n bytes, any case) stand as a word anywhere in text? */
static int text_has_word(const char *text, size_t len, const char *word,
			 size_t n)
{
	size_t pos, i;

	for (pos = 0; pos + n <= len; pos++) {
		if (pos > 0 && (is_word(text[pos - 1]) || text[pos - 1] == '-'))
			continue;
		for (i = 0; i < n; i++)
			if (to_lower(text[pos + i]) != to_lower(word[i]))
				break;
		if (i == n && (pos + n == len || (!is_word(text[pos + n]) &&
						  text[pos + n] != '-')))
			return 1;
	}
	return 0;
}

/*
 * A tool outside the known families is named by its program name, in
 * lower case.  Prefer the part of the name the tool itself prints:
 * "aarch64-linux-gnu-objcopy" says "GNU objcopy", so it is objcopy;
 * "python3" says "Python 3.11.2", so it is python.  A "-14" version
 * suffix goes.
 */
static void name_from_program(const char *program, const char *text,
			      size_t len, char *family, size_t size)
{
	size_t n, start, cut;
	const char *base = program_basename(program, &n);

	for (start = 0; start < n; start++) {
		if ((start > 0 && base[start - 1] != '-') ||
		    !is_alpha(base[start]))
			continue;
		if (text_has_word(text, len, base + start, n - start)) {
			n -= start;
			base += start;
			goto found;
		}
		cut = name_without_version(base + start, n - start, 0);
		if (cut > 0 && text_has_word(text, len, base + start, cut)) {
			base += start;
			n = cut;
			goto found;
		}
	}
	n = name_without_version(base, n, 1);
found:
	/* A file name may hold any byte; the family is printable, as all
	 * we return is. */
	copy_printable(family, size, base, n);
	for (start = 0; family[start]; start++)
		family[start] = to_lower(family[start]);
}

/*
 * Without a program name, the tool's name is the word before its version
 * ("GNU Make 4.3", "cmake version 3.25.1", "GNU bash, version 5.2.15"),
 * or the first word when a "(...)" stands between ("tar (GNU tar) 1.34").
 */
static int name_from_line(const struct line *line,
			  const struct version_token *tok, char *family,
			  size_t size)
{
	size_t end = tok->start, start;

	if (end > 0 && (line->text[end - 1] == 'v' || line->text[end - 1] == 'V'))
		end--;
	for (;;) {
		while (end > 0 && (is_space(line->text[end - 1]) ||
				   line->text[end - 1] == ',' ||
				   line->text[end - 1] == ':'))
			end--;
		start = end;
		while (start > 0 && !is_space(line->text[start - 1]))
			start--;
		if (end - start == 7 &&
		    word_at(line->text, end, start, "version", 1)) {
			end = start;
			continue;
		}
		break;
	}
	if (end > start && line->text[end - 1] == ')') {
		start = 0;
		end = 0;
		while (end < line->len && !is_space(line->text[end]))
			end++;
	}
	if (end - start == 0 || !is_alpha(line->text[start]))
		return 0;
	if (end - start >= size)
		end = start + size - 1;
	copy_printable(family, size, line->text + start, end - start);
	for (start = 0; family[start]; start++)
		family[start] = to_lower(family[start]);
	return 1;
}

void toolcap_first_line(const char *text, size_t len, char *buf,
			size_t size)
{
	struct line line;
	size_t pos = 0;

	if (!buf || !size)
		return;
	buf[0] = '\0';
	while (text && next_line(text, len, &pos, &line))
		if (skip_blanks(line.text, line.len, 0) < line.len) {
			copy_printable(buf, size, line.text, line.len);
			return;
		}
}

/* Nothing found: an empty answer, but the line to quote in a message. */
static enum toolcap_error unrecognised(const char *text, size_t len,
				       struct toolcap_ident *out)
{
	memset(out, 0, sizeof(*out));
	toolcap_first_line(text, len, out->line, sizeof(out->line));
	return TOOLCAP_ERR_UNRECOGNISED;
}

enum toolcap_error toolcap_identify(const char *text, size_t len,
				    const char *program, const char *family,
				    struct toolcap_ident *out)
{
	struct line line;
	struct version_token tok;
	const char *expected;

	if (!text || !out)
		return TOOLCAP_ERR_USAGE;
	memset(out, 0, sizeof(*out));
	if (program && !*program)
		program = NULL;
	if (family && !*family)
		family = NULL;

	if (try_rules(text, len, program, family, out)) {
		if (family && strcmp(out->family, family))
			return TOOLCAP_ERR_WRONG_FAMILY;
		return TOOLCAP_OK;
	}

	/* A program named like a known family that does not word its
	 * version like that family is not to be guessed at. */
	expected = family && toolcap_is_family(family) ? family
		   : program ? toolcap_program_family(program) : NULL;
	if (expected || !find_generic_version(text, len, &line, &tok))
		return unrecognised(text, len, out);
	if (program)
		name_from_program(program, text, len, out->family,
				  sizeof(out->family));
	/* A path with no file name ("/usr/bin/") names nothing. */
	if (!out->family[0] && family)
		copy_printable(out->family, sizeof(out->family), family,
			       strlen(family));
	/* No rule knew the line, so a name read there as one of a family's
	 * programs ("ld 1.2") is a guess, like a program named so above. */
	if (!out->family[0] &&
	    (!name_from_line(&line, &tok, out->family, sizeof(out->family)) ||
	     toolcap_program_family(out->family)))
		return unrecognised(text, len, out);
	/* A family id from a name ("gcc 1.2") would claim the family's own
	 * wording, and say known_family 0 beside it. */
	if (toolcap_is_family(out->family))
		return unrecognised(text, len, out);
	fill_version(out, &line, &tok);
	out->known_family = 0;
	if (family && strcmp(out->family, family))
		return TOOLCAP_ERR_WRONG_FAMILY;
	return TOOLCAP_OK;
}
