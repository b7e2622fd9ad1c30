#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Kbuild dropped its probe cache in 2018 partly because a root
# `make install` in a tree a user built left root-owned cache files there.
# With the series of `make linux-patches` on the real Linux 6.1 and 6.12
# trees: an unprivileged user (uid 65534) builds a small configuration
# with a module in an O= tree of its own; then root runs modules_install,
# install, and the external module build DKMS runs from install's hooks
# (`make -C OBJ M=DIR modules`, which does run the probes).  root's make
# installs what it should, says nothing of toolcap, leaves the user's
# .toolcap-cache as it was and nothing of root's in the objtree: toolcap
# refuses a cache directory owned by another user, answers uncached, and
# creates none inside a directory root does not own.  Needs root (here
# and in CI), setpriv (util-linux) and the trees.  The tree is 6.1 unless
# T4020_TREES says otherwise ("6.1 6.12"): what is tested is toolcap's
# cache, the same in both series, and 6.12's run (passed, 6 minutes) would
# take CI past its budget.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

linux_own_home
user=65534

# as_user CMD...: CMD as uid/gid 65534 with no other group, a HOME of its
# own and root's PATH.
as_user() {
	setpriv --reuid=$user --regid=$user --clear-groups --reset-env \
		env HOME="$TRASH/home-user" PATH="$PATH" LC_ALL=C "$@"
}

# root_make ARGS...: root's make, with a HOME whose bin/installkernel is
# the one scripts/install.sh runs (before /sbin/installkernel, which
# would run the machine's kernel hooks).
root_make() {
	HOME=$TRASH/home-root make "$@"
}

# ext_module DIR: an external module's sources, as DKMS builds them.
ext_module() {
	rm -rf "$1" && mkdir -p "$1" &&
	printf '%s\n' '// SPDX-License-Identifier: GPL-2.0-only OR MIT' \
		'#include <linux/module.h>' 'MODULE_LICENSE("GPL");' >"$1/hello.c" &&
	echo 'obj-m := hello.o' >"$1/Kbuild"
}

if [ "$(id -u)" != 0 ]; then
	test_skip "root's make install in a user's patched tree" \
		"needs root (it runs the build as uid $user, then make install as root): run as root"
	test_done
	exit
fi
if ! have setpriv; then
	test_skip "root's make install in a user's patched tree" "no setpriv: install util-linux"
	test_done
	exit
fi

mkdir -p "$TRASH/home-user" "$TRASH/home-root/bin"
chown $user:$user "$TRASH/home-user"
cat >"$TRASH/home-root/bin/installkernel" <<\EOF
#!/bin/sh
# installkernel VERSION IMAGE SYSTEM.MAP DIRECTORY, as scripts/install.sh runs it.
cp "$2" "$4/vmlinuz-$1" && cp "$3" "$4/System.map-$1"
EOF
chmod +x "$TRASH/home-root/bin/installkernel"

for v in ${T4020_TREES:-6.1}; do
	if ! STOCK=$(linux_build_tree "$v"); then
		test_skip "Linux $v: root's make install in a user's patched tree" \
			"no /usr/src/linux-source-$v.tar.xz: install linux-source-$v"
		continue
	fi
	SRC=$TRASH/src-$v OBJ=$TRASH/obj-$v
	export STOCK SRC OBJ v user

	test_expect_success "Linux $v: uid $user builds tinyconfig with crc-ccitt as a module in a patched copy of its own, O= its own" '
		make -s -C "$TOP" linux-patches LINUX="$STOCK" PATCHES="$TRASH/patches-$v" &&
		rm -rf "$SRC" "$OBJ" && mkdir "$SRC" "$OBJ" && chown $user:$user "$SRC" "$OBJ" &&
		as_user cp -r "$STOCK/." "$SRC" && rm -f "$SRC/.unpacked" &&
		as_user sh -c "cd \"\$1\" && for p in \"\$2\"/*.patch; do patch -s -p1 <\"\$p\" || exit 1; done" \
			sh "$SRC" "$TRASH/patches-$v" &&
		as_user make -s -C "$SRC" O="$OBJ" tinyconfig >build.log 2>&1 &&
		as_user "$SRC/scripts/config" --file "$OBJ/.config" -e MODULES -m CRC_CCITT &&
		as_user make -s -C "$SRC" O="$OBJ" olddefconfig >>build.log 2>&1 &&
		grep -E "^CONFIG_(MODULES|CRC_CCITT)=" "$OBJ/.config" >actual &&
		printf "%s\n" CONFIG_MODULES=y CONFIG_CRC_CCITT=m >expected &&
		test_cmp expected actual &&
		{ as_user make -s -j2 -C "$SRC" O="$OBJ" >>build.log 2>&1 || { cat build.log; exit 1; }; } &&
		test -f "$OBJ/lib/crc-ccitt.ko" && test -f "$OBJ/arch/x86/boot/bzImage" &&
		ls "$OBJ/.toolcap-cache" >cache-$v &&
		test_line_count -ge 40 cache-$v &&
		find "$OBJ" ! -user $user >not-users &&
		test_must_be_empty not-users
	'

	test_expect_success "Linux $v: root's make modules_install and make install install the module and the kernel, say nothing of toolcap, leave nothing of root's in the objtree" '
		kr=$(cat "$OBJ/include/config/kernel.release") &&
		rm -rf "$TRASH/mods-$v" "$TRASH/boot-$v" && mkdir "$TRASH/mods-$v" "$TRASH/boot-$v" &&
		root_make -s -C "$SRC" O="$OBJ" INSTALL_MOD_PATH="$TRASH/mods-$v" modules_install >out 2>err &&
		root_make -s -C "$SRC" O="$OBJ" INSTALL_PATH="$TRASH/boot-$v" install >>out 2>>err &&
		cmp "$OBJ/lib/crc-ccitt.ko" "$TRASH/mods-$v/lib/modules/$kr/kernel/lib/crc-ccitt.ko" &&
		grep "^kernel/lib/crc-ccitt.ko:" "$TRASH/mods-$v/lib/modules/$kr/modules.dep" &&
		cmp "$OBJ/arch/x86/boot/bzImage" "$TRASH/boot-$v/vmlinuz-$kr" &&
		cmp "$OBJ/System.map" "$TRASH/boot-$v/System.map-$kr" &&
		! grep -i toolcap out err &&
		find "$OBJ" ! -user $user >not-users &&
		test_must_be_empty not-users &&
		ls "$OBJ/.toolcap-cache" >actual &&
		test_cmp cache-$v actual
	'

	test_expect_success "Linux $v: root building an external module against it (as DKMS does from make install) goes through toolcap, uncached and silent, and leaves the user's cache alone" '
		ext_module "$TRASH/ext-$v" &&
		root_make -C "$OBJ" M="$TRASH/ext-$v" modules >out 2>err &&
		test -f "$TRASH/ext-$v/hello.ko" &&
		! grep -i toolcap out err &&
		find "$OBJ" ! -user $user >not-users &&
		test_must_be_empty not-users &&
		ls "$OBJ/.toolcap-cache" >actual &&
		test_cmp cache-$v actual &&
		# The probes did go through toolcap: with a cache of root'"'"'s own
		# the same build fills it.
		ext_module "$TRASH/ext-$v" &&
		mkdir -m 700 "$TRASH/root-cache-$v" &&
		TOOLCAP_CACHE=$TRASH/root-cache-$v root_make -C "$OBJ" M="$TRASH/ext-$v" modules >out 2>err &&
		ls "$TRASH/root-cache-$v" >root-cache &&
		test_line_count -ge 10 root-cache
	'

	test_expect_success "Linux $v: with no .toolcap-cache in the user's objtree, root's external module build creates none" '
		as_user mv "$OBJ/.toolcap-cache" "$OBJ/cache-aside" &&
		ext_module "$TRASH/ext-$v" &&
		root_make -C "$OBJ" M="$TRASH/ext-$v" modules >out 2>err
		s=$?
		as_user mv "$OBJ/cache-aside" "$OBJ/.toolcap-cache" || exit 1
		test_eq 0 "$s" &&
		test -f "$TRASH/ext-$v/hello.ko" &&
		! grep -i toolcap out err &&
		find "$OBJ" ! -user $user >not-users &&
		test_must_be_empty not-users
	'
	rm -rf "$SRC" "$OBJ" "$TRASH/mods-$v" "$TRASH/boot-$v" "$TRASH/ext-$v" "$TRASH/root-cache-$v"
done

test_done
