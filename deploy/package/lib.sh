# Shared by deploy/package/dist, image and check; sourced, not run.
# Everything written here is reproducible: file times are SOURCE_DATE_EPOCH,
# modes are normalised, archive entries sorted and owned by root.

export LC_ALL=C TZ=UTC

# die prints its arguments and exits 1.
die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

# need fails unless the command $1 exists; $2 says where it comes from.
need() {
	command -v "$1" >/dev/null 2>&1 || die "$1 is needed ($2)"
}

# debversion turns `git describe --tags --always --dirty` output ($1) into
# a Debian version that sorts like the releases: v1.2.0 -> 1.2.0, v1.2.0-rc1
# -> 1.2.0~rc1, v1.2.0-3-gabc1234 -> 1.2.0+git3.abc1234. With $2 empty (no
# tag before the commit, so $1 is its hash) it is 0.0~git<commit
# time>.<hash>. A dirty tree adds +dirty.
debversion() {
	local v=$1 dirty=""
	case $v in *-dirty) v=${v%-dirty} dirty=+dirty ;; esac
	if [ -n "${2:-}" ]; then
		v=$(printf '%s' "$v" | sed -E 's/^v//; s/-([0-9]+)-g([0-9a-f]+)$/+git\1.\2/; s/-/~/g')
	else
		v="0.0~git$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y%m%d%H%M%S).$v"
	fi
	printf '%s%s\n' "$v" "$dirty"
}

# normalise gives the tree under $1 modes that do not depend on the umask
# (directories and executables 0755, other files 0644) and the time
# SOURCE_DATE_EPOCH.
normalise() {
	chmod -R u+rwX,go+rX,go-w "$1"
	find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# targz writes the directory $2 (relative to $1) as the archive $3.
targz() {
	tar --sort=name --format=gnu --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
		-C "$1" -cf - "$2" | gzip -9n >"$3"
}

# common_license names the license in /usr/share/common-licenses whose
# full text the file $1 is, or prints nothing.
common_license() {
	if grep -q 'Apache License' "$1" && grep -q 'Version 2.0, January 2004' "$1"; then
		echo Apache-2.0
	elif grep -q 'GNU LESSER GENERAL PUBLIC LICENSE' "$1" && grep -q 'Version 3, 29 June 2007' "$1"; then
		echo LGPL-3
	elif grep -q 'GNU GENERAL PUBLIC LICENSE' "$1" && grep -q 'Version 3, 29 June 2007' "$1"; then
		echo GPL-3
	elif grep -q 'Mozilla Public License Version 2.0' "$1"; then
		echo MPL-2.0
	fi
}

# third_party_licenses prints the license of the Go standard library and of
# every module linked into the linux/$1 binary, as found in the module
# cache, with its NOTICE when it has one. With $2 = debian, a full text
# Debian keeps in /usr/share/common-licenses is referred to instead.
third_party_licenses() {
	local path ver dir f found ref
	echo "== Go standard library $(go env GOVERSION)"
	cat "$(go env GOROOT)/LICENSE"
	GOOS=linux GOARCH=$1 CGO_ENABLED=0 go list -tags nodemo -deps \
		-f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/lpwatch |
		sort -u | while read -r path ver dir; do
		echo
		echo "== $path $ver"
		found=""
		for f in $(ls "$dir" | grep -iE '^(licen[cs]e|copying|notice)([.-].*)?$' | sort); do
			ref=""
			[ "${2:-}" != debian ] || ref=$(common_license "$dir/$f")
			if [ -n "$ref" ]; then
				echo "-- $f: $ref, in /usr/share/common-licenses/$ref"
			else
				echo "-- $f"
				cat "$dir/$f"
			fi
			found=1
		done
		[ -n "$found" ] || die "no license file in module $path $ver ($dir)"
	done
}
