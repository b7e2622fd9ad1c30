// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Version tokens in free text.  A token is a run of numbers joined by dots
 * at the start of a word ("12.2.0", "v1.24", the "609.8" of "ld64-609.8"),
 * plus whatever is glued to it ("-14", "git", "-5-g8b3f1a2").  The release
 * stops before a build date glued on as a component, as binutils
 * snapshots do ("2.37.20211103" is 2.37 built on 2021-11-03).
 */
#include "toolcap.h"
#include "scan.h"
#include "chars.h"

static int starts_token(const char *line, size_t pos)
{
	char prev;

	if (pos == 0)
		return 1;
	prev = line[pos - 1];
	return !is_word(prev) && prev != '.';
}

int is_date_component(const char *s, size_t n)
{
	int month, day;

	if (n != 8 || !((s[0] == '1' && s[1] == '9') ||
			(s[0] == '2' && s[1] == '0')))
		return 0;
	month = (s[4] - '0') * 10 + (s[5] - '0');
	day = (s[6] - '0') * 10 + (s[7] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* Where what is glued to a token ends: at a blank, ',', ';' or a ')'
 * that closes a paren we did not see open. */
static size_t glued_end(const char *line, size_t len, size_t pos)
{
	int depth = 0;

	for (; pos < len; pos++) {
		char c = line[pos];

		if (is_space(c) || c == '\n' || c == ',' || c == ';' ||
		    c == '"' || c == '\'')
			break;
		if (c == '(')
			depth++;
		if (c == ')' && depth-- == 0)
			break;
	}
	return pos;
}

/*
 * The release of the token at pos, without what is glued to it: the
 * scans below reject most tokens on their release alone, and finding the
 * glued end of each would make a line like "-1-1-1..." quadratic.
 */
static int release_at(const char *line, size_t len, size_t pos,
		      struct version_token *tok)
{
	size_t p, component;

	if (pos < len && (line[pos] == 'v' || line[pos] == 'V') &&
	    pos + 1 < len && is_digit(line[pos + 1]))
		pos++;
	if (pos >= len || !is_digit(line[pos]))
		return 0;
	tok->start = pos;
	tok->dots = 0;
	p = pos;
	while (p < len && is_digit(line[p]))
		p++;
	tok->release_len = p - pos;
	while (p + 1 < len && line[p] == '.' && is_digit(line[p + 1])) {
		component = ++p;
		while (p < len && is_digit(line[p]))
			p++;
		/* A date as a component ends the release (not the token). */
		if (is_date_component(line + component, p - component) &&
		    (p == len || !is_alnum(line[p])))
			break;
		tok->dots++;
		tok->release_len = p - pos;
	}
	/* A release longer than toolcap_ident can hold is no version we
	 * can answer with: a prefix of it would be a wrong one. */
	return tok->release_len <= TOOLCAP_VERSION_MAX - 1;
}

int version_token_at(const char *line, size_t len, size_t pos,
		     struct version_token *tok)
{
	if (!release_at(line, len, pos, tok))
		return 0;
	tok->end = glued_end(line, len, tok->start + tok->release_len);
	return 1;
}

/* A token at pos, with a dot if need_dot; its glued end only then. */
static int token_found(const char *line, size_t len, size_t pos,
		       int need_dot, struct version_token *tok)
{
	if (!starts_token(line, pos) || !release_at(line, len, pos, tok) ||
	    (need_dot && tok->dots == 0))
		return 0;
	tok->end = glued_end(line, len, tok->start + tok->release_len);
	return 1;
}

int find_version_token(const char *line, size_t len, size_t from,
		       int need_dot, struct version_token *tok)
{
	size_t pos;

	for (pos = from; pos < len; pos++)
		if (token_found(line, len, pos, need_dot, tok))
			return 1;
	return 0;
}

int find_version_token_outside_parens(const char *line, size_t len,
				      int need_dot, struct version_token *tok)
{
	size_t pos = 0, next;

	while (pos < len) {
		next = skip_paren_group(line, len, pos);
		if (next != pos) {
			pos = next;
			continue;
		}
		if (token_found(line, len, pos, need_dot, tok))
			return 1;
		pos++;
	}
	return 0;
}

size_t name_without_version(const char *name, size_t n, int dash_only)
{
	size_t end = n;

	while (end > 0 && (is_digit(name[end - 1]) || name[end - 1] == '.'))
		end--;
	if (end > 1 && end < n && name[end - 1] == '-')
		return end - 1;
	return dash_only ? n : end;
}

size_t skip_blanks(const char *line, size_t len, size_t pos)
{
	while (pos < len && is_space(line[pos]))
		pos++;
	return pos;
}

size_t skip_paren_group(const char *line, size_t len, size_t pos)
{
	int depth = 0;
	size_t p, end;

	if (pos >= len || line[pos] != '(')
		return pos;
	/* Real groups are a vendor's words or a git URL and hash; bounding
	 * them keeps a line of "((((..." from taking quadratic time. */
	end = len - pos > PAREN_GROUP_MAX ? pos + PAREN_GROUP_MAX : len;
	for (p = pos; p < end; p++) {
		if (line[p] == '(')
			depth++;
		else if (line[p] == ')' && --depth == 0)
			return p + 1;
	}
	return pos; /* unbalanced: not a group */
}

int word_at(const char *line, size_t len, size_t pos, const char *word,
	    int ignore_case)
{
	size_t i;

	for (i = 0; word[i]; i++) {
		char c;

		if (pos + i >= len)
			return 0;
		c = line[pos + i];
		if (ignore_case ? to_lower(c) != to_lower(word[i])
				: c != word[i])
			return 0;
	}
	return pos + i == len || !is_word(line[pos + i]);
}

long find_word(const char *line, size_t len, size_t from, const char *word,
	       int ignore_case)
{
	size_t pos;

	for (pos = from; pos < len; pos++)
		if ((pos == 0 || !is_word(line[pos - 1])) &&
		    word_at(line, len, pos, word, ignore_case))
			return (long)pos;
	return -1;
}

int version_after(const char *line, size_t len, size_t pos,
		  struct version_token *tok)
{
	size_t next;

	pos = skip_blanks(line, len, pos);
	while ((next = skip_paren_group(line, len, pos)) != pos)
		pos = skip_blanks(line, len, next);
	if (word_at(line, len, pos, "version", 1)) {
		pos += 7;
		if (pos < len && line[pos] == ':')
			pos++;
		pos = skip_blanks(line, len, pos);
	}
	return version_token_at(line, len, pos, tok);
}
