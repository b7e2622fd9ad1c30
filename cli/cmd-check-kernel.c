// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap check --kernel[=TREE]: the kernel's minimal requirements, as
 * requirements of the same format a file gives.  With a tree, every
 * minimum comes from that tree: its scripts/min-tool-version.sh for the
 * toolchain, Rust and bindgen, and the table "Current Minimal
 * Requirements" of its Documentation/process/changes.rst for the rest.
 * Without one, from the copy of Linux 6.12's below.  The tools checked
 * are the ones Kbuild would run, chosen as the top Makefile chooses
 * them (LLVM, CC, LD, CROSS_COMPILE).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include "check-requirements.h"

/*
 * The one list of the kernel's tools, for check and for report: each
 * with the program report runs and its row of changes.rst's table (as
 * 6.12 spells it), or NULL for a tool report shows that the table does
 * not name.  The toolchain's rows (GNU C, Clang/LLVM, binutils) become
 * check's cc and ld, chosen as Kbuild chooses them (add_toolchain).
 */
#define TOOL(label, program) { label, program, NULL }
const struct kernel_tool kernel_tools[] = {
	{ "C compiler (CC)", "gcc", "GNU C" },
	{ "Clang/LLVM", "clang", "Clang/LLVM" },
	{ "Rust", "rustc", "Rust" },
	{ "bindgen", "bindgen", "bindgen" },
	{ "GNU make", "make", "GNU make" },
	{ "bash", "bash", "bash" },
	{ "binutils (ld)", "ld", "binutils" },
	TOOL("binutils (as)", "as"),
	TOOL("LLVM linker", "ld.lld"),
	{ "flex", "flex", "flex" },
	{ "bison", "bison", "bison" },
	{ "pahole", "pahole", "pahole" },
	{ "util-linux", "mount", "util-linux" },
	{ "kmod", "kmod", "kmod" },
	{ "e2fsprogs", "e2fsck", "e2fsprogs" },
	{ "jfsutils", "fsck.jfs", "jfsutils" },
	{ "reiserfsprogs", "reiserfsck", "reiserfsprogs" },
	{ "xfsprogs", "xfs_db", "xfsprogs" },
	{ "squashfs-tools", "mksquashfs", "squashfs-tools" },
	{ "btrfs-progs", "btrfs", "btrfs-progs" },
	{ "pcmciautils", "pccardctl", "pcmciautils" },
	{ "quota-tools", "quota", "quota-tools" },
	{ "PPP", "pppd", "PPP" },
	{ "nfs-utils", "showmount", "nfs-utils" },
	{ "procps", "ps", "procps" },
	{ "udev", "udevadm", "udev" },
	{ "grub", "grub-install", "grub" },
	{ "mcelog", "mcelog", "mcelog" },
	{ "iptables", "iptables", "iptables" },
	{ "openssl", "openssl", "openssl & libcrypto" },
	{ "bc", "bc", "bc" },
	{ "Sphinx", "sphinx-build", "Sphinx" },
	{ "cpio", "cpio", "cpio" },
	{ "GNU tar", "tar", "GNU tar" },
	{ "gtags", "gtags", "gtags" },
	{ "mkimage", "mkimage", "mkimage" },
	{ "Python", "python3", "Python" },
	TOOL("perl", "perl"),
	TOOL("pkg-config", "pkg-config"),
	TOOL("dtc", "dtc"),
	{ "gawk", "gawk", "GNU AWK" },
};
const size_t kernel_tools_count = sizeof(kernel_tools) / sizeof(kernel_tools[0]);
_Static_assert(sizeof(kernel_tools) / sizeof(kernel_tools[0]) <= KERNEL_TOOLS_MAX,
	       "toolcap report's arrays hold KERNEL_TOOLS_MAX tools");

/* What check names and runs for a row of the table, when not the label
 * and program of kernel_tools: Kbuild's variable, or another name.
 * "required" marks what a build cannot do without; the rest of the table
 * (system utilities for running a kernel, and what the table itself
 * calls optional) does not change check's exit status. */
static const struct kernel_command {
	const char *changes, *name, *command;
	int required;
} kernel_commands[] = {
	{ "Rust", "rustc", "$(RUSTC:-rustc)", 0 },
	{ "bindgen", "bindgen", "$(BINDGEN:-bindgen)", 0 },
	{ "GNU make", "make", "make", 1 },
	{ "bash", "bash", "bash", 1 },
	{ "flex", "flex", "$(LEX:-flex)", 1 },
	{ "bison", "bison", "$(YACC:-bison)", 1 },
	{ "pahole", "pahole", "$(PAHOLE:-pahole)", 0 },
	{ "bc", "bc", "bc", 1 },
	{ "openssl & libcrypto", "openssl", "openssl", 0 },
	{ "PPP", "ppp", "pppd", 0 },
	{ "Sphinx", "sphinx", "sphinx-build", 0 },
	{ "GNU tar", "tar", "tar", 0 },
	{ "Python", "python", "python3", 0 },
	{ "GNU AWK", "gawk", "gawk", 0 },
};

/* Linux 6.12's table, for --kernel without a tree: 6.12 is the newest
 * long-term release Debian ships the source of (linux-source-6.12), and
 * the newest minimums are the ones a tool must meet for current trees.
 * tests/t0600-check-kernel-tree.sh compares this copy with that tree. */
#define BUILTIN_RELEASE "Linux 6.12"
static const struct { const char *changes, *version; } builtin_table[] = {
	{ "GNU C", "5.1" }, { "Clang/LLVM (optional)", "13.0.1" },
	{ "Rust (optional)", "1.78.0" }, { "bindgen (optional)", "0.65.1" },
	{ "GNU make", "4.0" }, { "bash", "4.2" }, { "binutils", "2.25" },
	{ "flex", "2.5.35" }, { "bison", "2.0" }, { "pahole", "1.16" },
	{ "util-linux", "2.10o" }, { "kmod", "13" }, { "e2fsprogs", "1.41.4" },
	{ "jfsutils", "1.1.3" }, { "reiserfsprogs", "3.6.3" },
	{ "xfsprogs", "2.6.0" }, { "squashfs-tools", "4.0" },
	{ "btrfs-progs", "0.18" }, { "pcmciautils", "004" },
	{ "quota-tools", "3.09" }, { "PPP", "2.4.0" }, { "nfs-utils", "1.0.5" },
	{ "procps", "3.2.0" }, { "udev", "081" }, { "grub", "0.93" },
	{ "mcelog", "0.6" }, { "iptables", "1.4.2" },
	{ "openssl & libcrypto", "1.0.0" }, { "bc", "1.06.95" },
	{ "Sphinx\\ [#f1]_", "2.4.4" }, { "cpio", "any" },
	{ "GNU tar", "1.28" }, { "gtags (optional)", "6.6.5" },
	{ "mkimage (optional)", "2017.01" }, { "Python (optional)", "3.5.x" },
	{ "GNU AWK (optional)", "5.1.0" },
};

/* 6.12's scripts/min-tool-version.sh. */
static const char *builtin_minimum(const char *tool, const char *arch,
				   const char *srcarch)
{
	if (strcmp(tool, "binutils") == 0)
		return "2.25.0";
	if (strcmp(tool, "gcc") == 0)
		return strcmp(arch, "parisc64") == 0 ? "12.0.0" : "5.1.0";
	if (strcmp(tool, "llvm") == 0)
		return strcmp(srcarch, "s390") == 0 ? "15.0.0" :
		       strcmp(srcarch, "loongarch") == 0 ? "18.0.0" : "13.0.1";
	if (strcmp(tool, "rustc") == 0)
		return "1.78.0";
	return "0.65.1"; /* bindgen */
}

/* ------------------------------------------------------------------ */
/* Reading a tree                                                      */

struct kernel_source {
	const char *tree;          /* NULL: the built-in copy */
	struct requirement_list *list;
	/* The requirements' source: it must outlive them (one per run). */
	const char *changes_path;
	char arch[256], srcarch[256], arch_env[272], srcarch_env[272];
	char gcc[64], llvm[64], binutils[64], rustc[64], bindgen[64];
};

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The tree's own answer: run its min-tool-version.sh TOOL, no shell. */
static int tree_minimum(struct kernel_source *k, const char *tool,
			char *out, size_t size)
{
	char script[4096], text[256], err[256];
	const char *argv[3];
	const char *const environment[] = { k->arch_env, k->srcarch_env, NULL };
	struct toolcap_run_options opt;
	struct toolcap_run_result run;
	enum toolcap_error e;
	size_t n;

	if (!k->tree) {
		snprintf(out, size, "%s", builtin_minimum(tool, k->arch,
							  k->srcarch));
		return 0;
	}
	snprintf(script, sizeof(script), "%s/scripts/min-tool-version.sh",
		 k->tree);
	argv[0] = script;
	argv[1] = tool;
	argv[2] = NULL;
	memset(&opt, 0, sizeof(opt));
	memset(&run, 0, sizeof(run));
	opt.timeout_ms = timeout_from_environment();
	opt.environment = environment;
	e = toolcap_run(argv, &opt, text, sizeof(text), err, sizeof(err),
			&run);
	n = run.out_len < sizeof(text) ? run.out_len : sizeof(text) - 1;
	text[n] = '\0';
	err[run.err_len < sizeof(err) ? run.err_len : sizeof(err) - 1] = '\0';
	if (e != TOOLCAP_OK)
		return requirement_error(k->list, "check: %s %s: %s", script,
					 tool, toolcap_strerror(e));
	if (run.exit_status != 0)
		return requirement_error(k->list,
			"check: %s %s: exit %d: \"%.*s\"", script, tool,
			run.exit_status, (int)strcspn(err, "\n"), err);
	if (n && text[n - 1] == '\n')
		text[--n] = '\0';
	if (!n || n >= size || run.truncated || strchr(text, '\n') ||
	    text[0] < '0' || text[0] > '9' || strcspn(text, " \t") != n)
		return requirement_error(k->list,
			"check: %s %s: not a version: \"%.60s\"", script, tool,
			text);
	memcpy(out, text, n + 1);
	return 0;
}

/* A row's program as the table spells it, without "(optional)" or a
 * footnote ("Sphinx\ [#f1]_"). */
static void row_name(const char *s, size_t len, char *out, size_t size,
		     int *optional)
{
	const char *cut;
	size_t n;

	snprintf(out, size, "%.*s", (int)len, s);
	*optional = 0;
	if ((cut = strstr(out, "(optional)")) != NULL) {
		*optional = 1;
		out[cut - out] = '\0';
	}
	if ((cut = strstr(out, "\\ [#")) != NULL)
		out[cut - out] = '\0';
	n = strlen(out);
	while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		out[--n] = '\0';
}

static const struct kernel_command *command_of(const char *changes)
{
	size_t i;

	for (i = 0; i < sizeof(kernel_commands) / sizeof(kernel_commands[0]); i++)
		if (strcmp(kernel_commands[i].changes, changes) == 0)
			return &kernel_commands[i];
	return NULL;
}

static const struct kernel_tool *tool_of(const char *changes)
{
	size_t i;

	for (i = 0; i < kernel_tools_count; i++)
		if (kernel_tools[i].changes &&
		    strcmp(kernel_tools[i].changes, changes) == 0)
			return &kernel_tools[i];
	return NULL;
}

/*
 * One row of the table: PROGRAM VERSION COMMAND-TO-CHECK.  The
 * toolchain's rows are skipped (min-tool-version.sh gives those);
 * a row toolcap does not know is checked with the program of its third
 * column, as optional: the table does not say whether a build needs it.
 */
static int add_table_row(struct kernel_source *k, const char *label,
			 size_t label_len, const char *version,
			 size_t version_len, const char *check,
			 unsigned number)
{
	char program[128], line[REQUIREMENT_LINE_MAX], ver[64];
	const struct kernel_command *c;
	const struct kernel_tool *t;
	int optional;

	row_name(label, label_len, program, sizeof(program), &optional);
	if (strcmp(program, "GNU C") == 0 || strcmp(program, "Clang/LLVM") == 0 ||
	    strcmp(program, "binutils") == 0 || strcmp(program, "Rust") == 0 ||
	    strcmp(program, "bindgen") == 0)
		return 0;
	snprintf(ver, sizeof(ver), "%.*s", (int)version_len, version);
	/* "3.5.x": any 3.5 */
	if (strlen(ver) > 2 && strcmp(ver + strlen(ver) - 2, ".x") == 0)
		ver[strlen(ver) - 2] = '\0';
	c = command_of(program);
	t = tool_of(program);
	if (c)
		snprintf(line, sizeof(line), "%s %s %s%s", c->name, ver,
			 c->command, c->required && !optional ? "" : " optional");
	else if (t)
		snprintf(line, sizeof(line), "%s %s %s optional", t->label, ver,
			 t->program);
	else {
		size_t n = strcspn(check, " \t|");

		snprintf(line, sizeof(line), "%.*s %s %.*s optional", (int)n,
			 check, ver, (int)n, check);
	}
	return requirement_parse_line(k->tree ? k->changes_path : "kernel",
				      k->tree ? number : 0, line, k->list);
}

/* Column bounds of a reStructuredText simple table's border line. */
static int border_columns(const char *s, size_t *start, size_t *end)
{
	size_t i = 0;
	int n = 0;

	while (s[i] == '=' && n < 3) {
		start[n] = i;
		while (s[i] == '=')
			i++;
		end[n++] = i;
		while (s[i] == ' ')
			i++;
	}
	return n == 3 && (s[i] == '\0' || s[i] == '\n') ? 3 : 0;
}

static void trimmed(const char *line, size_t from, size_t to,
		    const char **s, size_t *len)
{
	size_t n = strlen(line);

	if (from > n)
		from = n;
	if (to > n)
		to = n;
	while (from < to && (line[from] == ' ' || line[from] == '\t'))
		from++;
	while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t' ||
			     line[to - 1] == '\n'))
		to--;
	*s = line + from;
	*len = to - from;
}

/* The rows of changes.rst's "Current Minimal Requirements" table. */
static int read_changes_table(struct kernel_source *k)
{
	static char path[4096];
	char line[512];
	size_t start[3], end[3];
	unsigned number = 0;
	int state = 0, status = 0, rows = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/Documentation/process/changes.rst",
		 k->tree);
	k->changes_path = path;
	f = fopen(path, "r");
	if (!f)
		return requirement_error(k->list,
			"check: --kernel=%s: not a Linux source tree (cannot read %s)",
			k->tree, path);
	/* state: 0 before the section, 1 in it, 2 past the header's
	 * border, 3 in the rows, 4 done */
	while (!status && state < 4 && fgets(line, sizeof(line), f)) {
		number++;
		/* The rest of a long line would be read as a row of its own. */
		if (state > 0 && !strchr(line, '\n') && !feof(f)) {
			status = requirement_error(k->list,
				"check: %s:%u: line longer than %zu bytes",
				path, number, sizeof(line) - 2);
			break;
		}
		if (state == 0) {
			if (strncmp(line, "Current Minimal Requirements", 28) == 0)
				state = 1;
		} else if (line[0] == '=') {
			if (state == 1 && !border_columns(line, start, end))
				continue;
			state++;
		} else if (state == 3 && line[0] != '\n') {
			const char *l, *v, *c;
			size_t ll, vl, cl;

			trimmed(line, start[0], end[0], &l, &ll);
			trimmed(line, start[1], end[1], &v, &vl);
			trimmed(line, start[2], strlen(line), &c, &cl);
			status = add_table_row(k, l, ll, v, vl, c, number);
			rows++;
		}
	}
	fclose(f);
	if (!status && (state < 4 || rows == 0))
		status = requirement_error(k->list,
			"check: %s: no \"Current Minimal Requirements\" table",
			path);
	return status;
}

static int read_builtin_table(struct kernel_source *k)
{
	size_t i;
	int status = 0;

	for (i = 0; !status && i < sizeof(builtin_table) / sizeof(builtin_table[0]); i++) {
		const char *l = builtin_table[i].changes, *v = builtin_table[i].version;
		const struct kernel_tool *t;
		char program[128];
		int optional;

		row_name(l, strlen(l), program, sizeof(program), &optional);
		t = tool_of(program);
		status = add_table_row(k, l, strlen(l), v, strlen(v),
				       t ? t->program : program, 0);
	}
	return status;
}

/*
 * ARCH and SRCARCH as the top Makefile sets them: ARCH from the
 * environment, else the machine's (SUBARCH: uname -m, renamed as the
 * Makefile's sed does); SRCARCH from the environment, else ARCH with
 * i386/x86_64, sparc32/sparc64 and parisc64 folded.  min-tool-version.sh
 * reads both.
 */
static int kbuild_arch(struct kernel_source *k)
{
	static const struct { const char *from, *to; size_t n; } subarch[] = {
		{ "x86_64", "x86", 0 }, { "i386", "x86", 0 }, { "i486", "x86", 0 },
		{ "i586", "x86", 0 }, { "i686", "x86", 0 },
		{ "sun4u", "sparc64", 0 }, { "sa110", "arm", 0 },
		{ "s390x", "s390", 0 }, { "aarch64", "arm64", 7 },
		{ "arm", "arm", 3 }, { "ppc", "powerpc", 3 },
		{ "mips", "mips", 4 }, { "riscv", "riscv", 5 },
		{ "loongarch", "loongarch", 9 },
	};
	const char *arch = getenv("ARCH"), *srcarch = getenv("SRCARCH");
	struct utsname u;
	size_t i;

	if (!arch || !*arch) {
		arch = uname(&u) == 0 ? u.machine : "";
		for (i = 0; i < sizeof(subarch) / sizeof(subarch[0]); i++)
			if (subarch[i].n ? strncmp(arch, subarch[i].from, subarch[i].n) == 0
					 : strcmp(arch, subarch[i].from) == 0) {
				arch = subarch[i].to;
				break;
			}
	}
	if (strlen(arch) >= sizeof(k->arch) ||
	    (srcarch && strlen(srcarch) >= sizeof(k->srcarch)))
		return requirement_error(k->list,
			"check: ARCH or SRCARCH: longer than %zu bytes",
			sizeof(k->arch) - 1);
	snprintf(k->arch, sizeof(k->arch), "%s", arch);
	if (srcarch && *srcarch)
		snprintf(k->srcarch, sizeof(k->srcarch), "%s", srcarch);
	else if (!strcmp(arch, "i386") || !strcmp(arch, "x86_64"))
		snprintf(k->srcarch, sizeof(k->srcarch), "x86");
	else if (!strcmp(arch, "sparc32") || !strcmp(arch, "sparc64"))
		snprintf(k->srcarch, sizeof(k->srcarch), "sparc");
	else if (!strcmp(arch, "parisc64"))
		snprintf(k->srcarch, sizeof(k->srcarch), "parisc");
	else
		snprintf(k->srcarch, sizeof(k->srcarch), "%s", arch);
	snprintf(k->arch_env, sizeof(k->arch_env), "ARCH=%s", k->arch);
	snprintf(k->srcarch_env, sizeof(k->srcarch_env), "SRCARCH=%s",
		 k->srcarch);
	return 0;
}

/* "Linux 6.1.192" from the tree's Makefile; 0 or EXIT_ERROR. */
static int tree_release(struct kernel_source *k, char *out, size_t size)
{
	char path[4096], line[256];
	long v = -1, p = -1, s = -1;
	FILE *f;

	snprintf(path, sizeof(path), "%s/scripts/min-tool-version.sh", k->tree);
	if (!is_file(path))
		return requirement_error(k->list,
			"check: --kernel=%s: not a Linux source tree (no scripts/min-tool-version.sh)",
			k->tree);
	snprintf(path, sizeof(path), "%s/Makefile", k->tree);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "VERSION = ", 10) == 0)
			v = strtol(line + 10, NULL, 10);
		else if (strncmp(line, "PATCHLEVEL = ", 13) == 0)
			p = strtol(line + 13, NULL, 10);
		else if (strncmp(line, "SUBLEVEL = ", 11) == 0)
			s = strtol(line + 11, NULL, 10);
	}
	if (f)
		fclose(f);
	if (v < 0 || p < 0)
		return requirement_error(k->list,
			"check: --kernel=%s: not a Linux source tree (no VERSION and PATCHLEVEL in %s)",
			k->tree, path);
	if (s > 0)
		snprintf(out, size, "Linux %ld.%ld.%ld", v, p, s);
	else
		snprintf(out, size, "Linux %ld.%ld", v, p);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The toolchain, chosen as the top Makefile chooses it                */

/* AR, NM, OBJCOPY, OBJDUMP, READELF and STRIP of the top Makefile's
 * "ifneq ($(LLVM),)" branch. */
static int add_llvm_binutils(struct kernel_source *k, const char *llvm)
{
	static const char *const tools[][2] = {
		{ "ar", "AR" }, { "nm", "NM" }, { "objcopy", "OBJCOPY" },
		{ "objdump", "OBJDUMP" }, { "readelf", "READELF" },
		{ "strip", "STRIP" },
	};
	size_t n = strlen(llvm), i;
	const char *prefix = llvm[n - 1] == '/' ? llvm : "";
	const char *suffix = !*prefix && llvm[0] == '-' ? llvm : "";
	char line[REQUIREMENT_LINE_MAX];
	int status = 0;

	for (i = 0; !status && i < sizeof(tools) / sizeof(tools[0]); i++) {
		snprintf(line, sizeof(line),
			 "%s llvm-%s:%s,%s:%s $(%s:-'%sllvm-%s%s')", tools[i][0],
			 tools[i][0], k->llvm, tools[i][0], k->binutils,
			 tools[i][1], prefix, tools[i][0], suffix);
		status = requirement_parse_line("kernel", 0, line, k->list);
	}
	return status;
}

/*
 * LLVM=1 (any value): clang and ld.lld; LLVM=/usr/lib/llvm-16/bin/ (a
 * trailing '/') is their prefix, LLVM=-16 (a leading '-') their suffix.
 * Otherwise $(CROSS_COMPILE)gcc and $(CROSS_COMPILE)ld.  CC and LD given
 * (as `make CC=...` would) win over both.
 */
static int add_toolchain(struct kernel_source *k)
{
	const char *llvm = getenv("LLVM");
	char line[REQUIREMENT_LINE_MAX], cc[700], ld[700];
	int status;

	if (llvm && *llvm) {
		size_t n = strlen(llvm);
		const char *prefix = llvm[n - 1] == '/' ? llvm : "";
		const char *suffix = !*prefix && llvm[0] == '-' ? llvm : "";

		/* The value goes into $(CC:-'...') below. */
		if (strpbrk(llvm, "'()$\\ \t\n"))
			return requirement_error(k->list,
				"check: LLVM: a value with a quote, a blank, '(', ')', '$' or '\\' is not supported: \"%s\"",
				llvm);
		snprintf(cc, sizeof(cc), "'%sclang%s'", prefix, suffix);
		snprintf(ld, sizeof(ld), "'%sld.lld%s'", prefix, suffix);
	} else {
		snprintf(cc, sizeof(cc), "$(CROSS_COMPILE)gcc");
		snprintf(ld, sizeof(ld), "$(CROSS_COMPILE)ld");
	}
	snprintf(line, sizeof(line), "cc gcc:%s,clang:%s $(CC:-%s)", k->gcc,
		 k->llvm, cc);
	status = requirement_parse_line("kernel", 0, line, k->list);
	if (!status) {
		snprintf(line, sizeof(line),
			 "ld ld.bfd:%s,ld.lld:%s $(LD:-%s)", k->binutils,
			 k->llvm, ld);
		status = requirement_parse_line("kernel", 0, line, k->list);
	}
	/* LLVM=1 also means LLVM's binutils; a GNU one given instead
	 * (AR=ar) is held to the binutils minimum. */
	if (!status && llvm && *llvm)
		status = add_llvm_binutils(k, llvm);
	/* Without LLVM, clang is the table's optional second compiler. */
	if (!status && !(llvm && *llvm)) {
		snprintf(line, sizeof(line), "clang %s clang optional", k->llvm);
		status = requirement_parse_line("kernel", 0, line, k->list);
	}
	if (!status) {
		snprintf(line, sizeof(line), "rustc %s $(RUSTC:-rustc) optional",
			 k->rustc);
		status = requirement_parse_line("kernel", 0, line, k->list);
	}
	if (!status) {
		snprintf(line, sizeof(line),
			 "bindgen %s $(BINDGEN:-bindgen) optional", k->bindgen);
		status = requirement_parse_line("kernel", 0, line, k->list);
	}
	return status;
}

int read_kernel_requirements(struct requirement_list *list, const char *tree,
			     char *release, size_t release_size)
{
	struct kernel_source k;
	int status = 0;

	memset(&k, 0, sizeof(k));
	/* Every path below is the tree's plus at most 40 bytes: never cut. */
	if (tree && strlen(tree) > 4000)
		return requirement_error(list,
			"check: --kernel=TREE: a path longer than 4000 bytes");
	k.tree = tree;
	k.list = list;
	status = kbuild_arch(&k);
	if (status)
		;
	else if (tree)
		status = tree_release(&k, release, release_size);
	else
		snprintf(release, release_size, "%s", BUILTIN_RELEASE);
	if (!status)
		status = tree_minimum(&k, "gcc", k.gcc, sizeof(k.gcc));
	if (!status)
		status = tree_minimum(&k, "llvm", k.llvm, sizeof(k.llvm));
	if (!status)
		status = tree_minimum(&k, "binutils", k.binutils,
				      sizeof(k.binutils));
	if (!status)
		status = tree_minimum(&k, "rustc", k.rustc, sizeof(k.rustc));
	if (!status)
		status = tree_minimum(&k, "bindgen", k.bindgen,
				      sizeof(k.bindgen));
	if (!status)
		status = add_toolchain(&k);
	if (!status)
		status = tree ? read_changes_table(&k) : read_builtin_table(&k);
	return status;
}
