/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The one JSON writer of the toolcap command (version --format=json,
 * check --json, matrix --json): a document on stdout, no spaces, commas
 * placed by the writer.  null means no value, "" a value known to be
 * empty: json_string(w, NULL) writes null, json_nonempty(s) turns "" into
 * NULL for the keys where empty means nothing was found.
 */
#ifndef TOOLCAP_CLI_JSON_H
#define TOOLCAP_CLI_JSON_H

#define JSON_DEPTH_MAX 8

struct json {
	int depth;
	int after_key;                  /* the next value is a key's */
	unsigned count[JSON_DEPTH_MAX]; /* members written, per level */
	int lines[JSON_DEPTH_MAX];      /* an array of one member a line */
};

/* Open and close an object or array; closing the outermost ends the
 * document with a newline.  A JSON_LINES array puts each member on a
 * line of its own, indented by two spaces (check's requirements). */
enum { JSON_INLINE, JSON_LINES };
void json_object(struct json *w);
void json_array(struct json *w, int layout);
void json_end_object(struct json *w);
void json_end_array(struct json *w);

/* "key": in the current object; a value must follow. */
void json_key(struct json *w, const char *key);

/* Values: a string (escaped; NULL writes null), a number, a boolean. */
void json_string(struct json *w, const char *s);
void json_uint(struct json *w, unsigned long long value);
void json_bool(struct json *w, int value);
void json_null(struct json *w);

/* s, or NULL when it is NULL or empty. */
const char *json_nonempty(const char *s);

#endif
