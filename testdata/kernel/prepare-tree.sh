#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# prepare-tree.sh - unpack and configure a Linux 6.12 tree for mmlock tests
#
# Usage: prepare-tree.sh [--llvm] DEST_DIR
#
# Unpacks the Debian linux-source-6.12 tarball into DEST_DIR, configures it
# (x86_64 defconfig + mmlock.config) and runs "make prepare", so that single
# translation units can be checked with e.g.
#
#	make C=2 CHECK=mmlock mm/memory.o		(gcc tree)
#	make LLVM=-19 C=2 CHECK=mmlock mm/memory.o	(--llvm tree)
#
# A tree configured for gcc cannot be reused for clang (CONFIG_CC_IS_*,
# compiler-dependent options, host tools), so use one DEST_DIR per mode.
# On success DEST_DIR/.mmlock-prepared holds the mode (gcc|llvm); later runs
# with the same mode and fragment exit early.
# No network access is needed.
#
# Environment overrides:
#	LINUX_TARBALL	source tarball (default /usr/src/linux-source-6.12.tar.xz)
#	MMLOCK_CONFIG	Kconfig fragment (default mmlock.config next to this script)

set -euo pipefail

TARBALL=${LINUX_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
FRAGMENT=${MMLOCK_CONFIG:-$(dirname "$(readlink -f "$0")")/mmlock.config}
STAMP=.mmlock-prepared
STAMP_CONFIG=.mmlock-prepared.config

die()
{
	echo "prepare-tree: error: $*" >&2
	exit 1
}

log()
{
	echo "prepare-tree: $*" >&2
}

usage()
{
	echo "usage: $0 [--llvm] DEST_DIR" >&2
	exit 2
}

# Run "$@", report wall-clock time of the step under name $1.
step()
{
	local name=$1 t0 t1
	shift
	log "$name ..."
	t0=$(date +%s.%N)
	"$@"
	t1=$(date +%s.%N)
	log "$name done in $(echo "$t1 - $t0" | bc | xargs printf '%.1f')s"
}

mode=gcc
dest=
while [ $# -gt 0 ]; do
	case $1 in
	--llvm)		mode=llvm ;;
	-h|--help)	usage ;;
	-*)		usage ;;
	*)		[ -z "$dest" ] || usage; dest=$1 ;;
	esac
	shift
done
[ -n "$dest" ] || usage

[ -r "$FRAGMENT" ] || die "config fragment $FRAGMENT not readable"
FRAGMENT=$(readlink -f "$FRAGMENT")

# Fast path: already prepared in this mode with the same fragment contents
# (a copy of the fragment used is kept next to the stamp).
if [ -f "$dest/$STAMP" ]; then
	prev=$(cat "$dest/$STAMP")
	[ "$prev" = "$mode" ] ||
		die "$dest was prepared for '$prev', not '$mode'; use another DEST_DIR"
	if cmp -s "$FRAGMENT" "$dest/$STAMP_CONFIG"; then
		log "$dest already prepared ($mode)"
		exit 0
	fi
	log "config fragment differs from $dest/$STAMP_CONFIG, re-preparing"
	rm -f "$dest/$STAMP"
fi

# Unpack into a sibling temp dir and rename, so an interrupted unpack never
# leaves a DEST_DIR/Makefile behind that would make us skip unpacking.
unpack()
{
	local tmp="$dest.unpack.$$"

	rm -rf "$tmp"
	mkdir -p "$tmp"
	tar -xJf "$TARBALL" -C "$tmp" --strip-components=1
	[ -f "$tmp/Makefile" ] || die "$TARBALL: no top-level Makefile"
	# An empty pre-existing DEST_DIR is fine; anything else is not ours.
	if [ -d "$dest" ]; then
		rmdir "$dest" 2>/dev/null ||
			die "$dest exists, is not empty and has no Makefile"
	fi
	mv "$tmp" "$dest"
}

if [ -f "$dest/Makefile" ]; then
	log "$dest/Makefile exists, skipping unpack"
else
	[ -r "$TARBALL" ] || die "$TARBALL not readable"
	mkdir -p "$(dirname "$dest")"
	step unpack unpack
fi

cd "$dest"

makeflags=(-j"$(nproc)")
[ "$mode" = llvm ] && makeflags+=(LLVM=-19)

step defconfig make "${makeflags[@]}" defconfig
step merge_config scripts/kconfig/merge_config.sh -m .config "$FRAGMENT"
step olddefconfig make "${makeflags[@]}" olddefconfig

# Every CONFIG_FOO=y|m in the fragment must survive olddefconfig (=y or =m
# both accepted); a silently dropped dependency is the usual failure.
missing=0
while read -r opt; do
	if ! grep -Eq "^${opt}=[ym]\$" .config; then
		log "required option $opt is not enabled: $(grep -E "^(# )?${opt}[= ]" .config || echo 'absent from .config')"
		missing=1
	fi
done < <(sed -nE 's/^(CONFIG_[A-Za-z0-9_]+)=[ym]$/\1/p' "$FRAGMENT")
[ $missing -eq 0 ] || die "required options missing from $dest/.config"

if [ "$mode" = llvm ]; then
	grep -q '^CONFIG_CC_IS_CLANG=y$' .config || die "LLVM=-19 but CC is not clang"
else
	grep -q '^CONFIG_CC_IS_GCC=y$' .config || die "gcc mode but CC is not gcc"
fi

# "prepare" builds the generated headers, fixdep and objtool: all that a
# single-object build ("make [C=2 CHECK=...] mm/memory.o") needs.
step prepare make "${makeflags[@]}" prepare

cp "$FRAGMENT" "$STAMP_CONFIG"
echo "$mode" > "$STAMP"
log "done: $dest/$STAMP ($mode)"
