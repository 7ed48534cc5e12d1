#!/bin/bash
# What `cmake --install` and `cpack -G DEB` deliver, checked from the outside.
#
#   check_package.sh install BUILD_DIR SOURCE_DIR VERSION "TOOL..."
#   check_package.sh deb     BUILD_DIR SOURCE_DIR VERSION "TOOL..."
#
# TOOL...: the tools of bin/ that are built (vrrpdump, vrrpctl), separated by spaces.
#
# install: `cmake --install --prefix SCRATCH` lays down exactly the expected tree and nothing
#   outside SCRATCH; the files are the sources' (the unit's ExecStart filled in with
#   SCRATCH/sbin); the installed tools run --version; vrrpd accepts the example
#   configuration; the unit passes `systemd-analyze verify`.
# deb: `cpack -G DEB` builds one package whose control fields are sane (name, version,
#   architecture, maintainer, a Depends that names the package of every shared library the
#   tools link), whose file list is exactly the expected one (root-owned, sane modes, nothing
#   under /etc), whose unit starts /usr/sbin/vrrpd, whose extracted tools run --version, and
#   which dpkg installs into and removes from
#   a scratch root whose package database is a copy of this host's (so Depends is checked).
# Everything happens in a scratch directory removed on exit.
set -euo pipefail

mode=$1
build_dir=$2
source_dir=$3
version=$4
read -ra tools <<<"${5:-}"

scratch=$(mktemp -d /tmp/vrrpd-packaging.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The files every install holds, relative to the prefix.
expected_files() {
  {
    echo sbin/vrrpd
    echo share/man/man8/vrrpd.8
    echo share/man/man5/vrrpd.conf.5
    echo lib/systemd/system/vrrpd.service
    echo share/doc/vrrpd/examples/vrrpd.conf
    echo share/doc/vrrpd/copyright
    for tool in "${tools[@]}"; do
      echo "bin/$tool"
      if [[ -f $source_dir/man/$tool.8 ]]; then echo "share/man/man8/$tool.8"; fi
    done
  } | sort
}

# The installed copies are the sources; the unit is its template with ExecStart's folder
# filled in.
check_same_as_sources() {
  local prefix=$1 sbindir=$2
  cmp "$prefix/share/man/man8/vrrpd.8" "$source_dir/man/vrrpd.8" || fail "vrrpd.8 differs"
  cmp "$prefix/share/man/man5/vrrpd.conf.5" "$source_dir/man/vrrpd.conf.5" ||
    fail "vrrpd.conf.5 differs"
  sed "s|@VRRPD_SBINDIR@|$sbindir|g" "$source_dir/packaging/vrrpd.service.in" |
    cmp "$prefix/lib/systemd/system/vrrpd.service" - || fail "the unit differs"
  grep -q "^ExecStart=$sbindir/vrrpd --dont-fork " "$prefix/lib/systemd/system/vrrpd.service" ||
    fail "the unit's ExecStart does not run $sbindir/vrrpd --dont-fork"
  cmp "$prefix/share/doc/vrrpd/examples/vrrpd.conf" "$source_dir/packaging/vrrpd.conf.example" ||
    fail "the example configuration differs"
}

# The installed programs print "NAME VERSION".
check_versions() {
  local prefix=$1 binary out tool
  local -a binaries=("$prefix/sbin/vrrpd")
  for tool in "${tools[@]}"; do binaries+=("$prefix/bin/$tool"); done
  for binary in "${binaries[@]}"; do
    [[ -x $binary ]] || fail "$binary is not executable"
    out=$("$binary" --version) || fail "$binary --version exited non-zero"
    [[ $out == "$(basename "$binary") $version" ]] ||
      fail "$binary --version printed '$out', not '$(basename "$binary") $version'"
  done
}

# The installed unit, whose ExecStart is the installed vrrpd (systemd-analyze verify checks
# that it exists). verify reports unknown keys and bad values on stderr with status 0: any
# output is a failure.
check_unit() {
  local unit=$1
  if ! command -v systemd-analyze >/dev/null; then
    echo "systemd-analyze not installed: the unit is not verified"
    return
  fi
  local out
  out=$(systemd-analyze verify --man=no "$unit" 2>&1) || fail "systemd-analyze verify: $out"
  [[ -z $out ]] || fail "systemd-analyze verify reported: $out"
  echo "the unit passes systemd-analyze verify"
}

check_install() {
  local prefix=$scratch/prefix log=$scratch/install.log
  cmake --install "$build_dir" --prefix "$prefix" >"$log" 2>&1 ||
    { cat "$log"; fail "cmake --install failed"; }
  # Every path cmake reports is inside the prefix.
  if grep -E '^-- (Installing|Up-to-date): ' "$log" | grep -v -- " $prefix/"; then
    fail "files installed outside the prefix"
  fi
  local actual
  actual=$(cd "$prefix" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort)
  [[ $actual == "$(expected_files)" ]] ||
    fail "installed tree:"$'\n'"$actual"$'\n'"expected:"$'\n'"$(expected_files)"
  check_same_as_sources "$prefix" "$prefix/sbin"
  check_versions "$prefix"
  # The example is valid and warning-free (-t: 0 clean, 4 error, 5 warnings).
  local out status=0
  out=$("$prefix/sbin/vrrpd" -t -f "$prefix/share/doc/vrrpd/examples/vrrpd.conf" 2>&1) ||
    status=$?
  [[ $status == 0 && -z $out ]] || fail "vrrpd -t on the example: status $status: $out"
  check_unit "$prefix/lib/systemd/system/vrrpd.service"
  echo "cmake --install: $(wc -l <<<"$actual") files as expected"
}

field() {
  dpkg-deb -f "$1" "$2"
}

# The Debian package that holds the library a binary's NEEDED entry resolves to.
package_of_library() {
  local path=$1 owner
  for candidate in "$path" "$(realpath "$path")" "/usr$path" "${path#/usr}"; do
    if owner=$(dpkg -S "$candidate" 2>/dev/null); then
      echo "${owner%%:*}"
      return
    fi
  done
  fail "no package holds $path"
}

check_depends() {
  local deb=$1 binary=$2 depends lib path package entry
  depends=$(field "$deb" Depends)
  local -a names
  IFS=',' read -ra entries <<<"$depends"
  for entry in "${entries[@]}"; do
    entry=${entry# }
    names+=("${entry%% *}")
  done
  while read -r lib; do
    path=$(ldd "$binary" | awk -v l="$lib" '$1 == l { print $3 }')
    [[ -n $path ]] || fail "ldd does not resolve $lib"
    package=$(package_of_library "$path")
    printf '%s\n' "${names[@]}" | grep -qx "$package" ||
      fail "$(basename "$binary") links $lib ($package) but Depends is '$depends'"
  done < <(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
}

check_deb() {
  local out=$scratch/out log=$scratch/cpack.log
  # In the build directory: cpack runs its preinstall target there (nothing to build when the
  # build is complete), then installs into its own staging folder under $out.
  if ! (cd "$build_dir" && cpack -G DEB -B "$out" --config "$build_dir/CPackConfig.cmake") \
    >"$log" 2>&1; then
    cat "$log"
    # The preinstall step is a build of every target: a target that does not build (not
    # necessarily one that is packaged) fails the package.
    local preinstall=$out/_CPack_Packages/Linux/DEB/PreinstallOutput.log
    [[ -f $preinstall ]] && grep -E 'error|Error' "$preinstall" | head -20
    fail "cpack -G DEB failed"
  fi
  local arch
  arch=$(dpkg --print-architecture)
  local deb=$out/vrrpd_${version}_${arch}.deb
  [[ -f $deb ]] || { ls -l "$out"; fail "no $deb"; }
  [[ $(find "$out" -maxdepth 1 -name '*.deb' | wc -l) == 1 ]] || fail "more than one .deb"

  # Control fields.
  [[ $(field "$deb" Package) == vrrpd ]] || fail "Package is '$(field "$deb" Package)'"
  [[ $(field "$deb" Version) == "$version" ]] || fail "Version is '$(field "$deb" Version)'"
  [[ $(field "$deb" Architecture) == "$arch" ]] || fail "Architecture is not $arch"
  [[ $(field "$deb" Maintainer) =~ ^[^\<]+\ \<[^@\ ]+@[^\>\ ]+\>$ ]] ||
    fail "Maintainer '$(field "$deb" Maintainer)' is not 'Name <address>'"
  [[ $(field "$deb" Section) == net ]] || fail "Section is not net"
  [[ -n $(field "$deb" Description) ]] || fail "no Description"
  dpkg-deb -I "$deb" >/dev/null || fail "dpkg-deb -I cannot read the control archive"
  # Nothing under /etc, so no conffiles either.
  if dpkg-deb -I "$deb" conffiles >/dev/null 2>&1; then fail "unexpected conffiles"; fi

  # The file list: exactly the expected files under /usr, root-owned, sane modes.
  local listing actual
  listing=$(dpkg-deb -c "$deb")
  actual=$(awk '$1 !~ /^d/ { sub(/^\.\/usr\//, "", $6); print $6 }' <<<"$listing" | sort)
  [[ $actual == "$(expected_files)" ]] ||
    fail "package files:"$'\n'"$actual"$'\n'"expected:"$'\n'"$(expected_files)"
  if awk '$2 != "root/root"' <<<"$listing" | grep .; then fail "files not owned by root"; fi
  if awk '$6 !~ /^\.\/usr\//' <<<"$listing" | grep -v ' \./$'; then
    fail "entries outside /usr"
  fi
  awk '$6 == "./usr/sbin/vrrpd"' <<<"$listing" | grep -q '^-rwxr-xr-x ' || fail "vrrpd not 0755"
  for tool in "${tools[@]}"; do
    awk -v f="./usr/bin/$tool" '$6 == f' <<<"$listing" | grep -q '^-rwxr-xr-x ' ||
      fail "$tool not 0755"
  done
  if awk '$1 ~ /^-/ && $6 !~ /bin\// && $1 != "-rw-r--r--"' <<<"$listing" | grep .; then
    fail "data files not 0644"
  fi

  # The extracted files.
  local root=$scratch/root
  dpkg-deb -x "$deb" "$root"
  check_same_as_sources "$root/usr" /usr/sbin
  check_versions "$root/usr"
  check_depends "$deb" "$root/usr/sbin/vrrpd"
  for tool in "${tools[@]}"; do check_depends "$deb" "$root/usr/bin/$tool"; done
  echo "Depends: $(field "$deb" Depends)"

  # dpkg installs it (Depends checked against this host's packages) and removes it cleanly.
  local db=$scratch/dpkgroot/var/lib/dpkg dpkg_log=$scratch/dpkg.log
  mkdir -p "$db/info" "$db/updates" "$db/triggers"
  cp /var/lib/dpkg/status "$db/status"
  touch "$db/available"
  local -a dpkg_args=(--root="$scratch/dpkgroot" --log=/dev/null --force-script-chrootless
                      --force-not-root)
  # dpkg warns for each host package whose file list the copy lacks: kept out of the way.
  dpkg "${dpkg_args[@]}" -i "$deb" >"$dpkg_log" 2>&1 ||
    { grep -v 'files list file' "$dpkg_log"; fail "dpkg -i failed"; }
  dpkg-query --root="$scratch/dpkgroot" -W -f='${Status}' vrrpd 2>/dev/null |
    grep -qx 'install ok installed' || fail "dpkg does not report vrrpd installed"
  [[ -x $scratch/dpkgroot/usr/sbin/vrrpd ]] || fail "dpkg -i did not unpack vrrpd"
  dpkg "${dpkg_args[@]}" --purge vrrpd >"$dpkg_log" 2>&1 ||
    { grep -v 'files list file' "$dpkg_log"; fail "dpkg --purge failed"; }
  [[ -z $(find "$scratch/dpkgroot/usr" \( -type f -o -type l \) 2>/dev/null) ]] ||
    fail "files left after dpkg --purge"
  echo "$(basename "$deb"): $(wc -l <<<"$actual") files as expected, installs and purges"
}

case $mode in
  install) check_install ;;
  deb) check_deb ;;
  *) fail "unknown mode $mode" ;;
esac
