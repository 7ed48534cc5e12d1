#!/bin/bash
# keepalived -t against vrrpd -t on the corpus of keepalived.conf files: for every file both
# accept or both reject, except the differences expected.txt lists with their reason.
#
#   run_compat.sh VRRPD CONFIGS_DIR EXPECTED
#
# Exit 0 when every file gives what expected.txt says, 1 otherwise, 77 (skipped) when
# keepalived is not installed or this is not root (keepalived -t needs the network
# namespace and the mount namespace set up below).
#
# keepalived -t checks the host as well as the file: the interfaces a configuration names must
# exist, the script users must exist, the scripts must be there. So each keepalived run gets
# the host the corpus was written for, and leaves nothing behind:
#   - a network namespace with veth interfaces eth0-eth3 and ens5 (physical interfaces only:
#     a VMAC interface is keepalived's to create, see vmac.conf in expected.txt);
#   - a private mount namespace with overlays on /etc and /usr (the stubs of the scripts the
#     corpus names, a keepalived_script user) and a tmpfs on /run.
# keepalived_script is uid 0 there: keepalived 2.2.7's -t kills itself with SIGTERM when it
# checks a script as a non-root user (keepalived issue #2617, fixed after 2.2.7).
set -u

vrrpd=$1
configs=$2
expected=$3

if ! command -v keepalived >/dev/null 2>&1; then
  echo "SKIP: keepalived is not installed"
  exit 77
fi
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: keepalived -t runs in a network and a mount namespace here: needs root"
  exit 77
fi

ns="compat-$$"
tmp=$(mktemp -d /tmp/vrrpd-compat.XXXXXX)
cleanup() {
  ip netns del "$ns" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# The overlays below need overlayfs and mount namespaces; without them this test cannot give
# keepalived its host, which is a limit of the machine, not a finding.
mkdir -p "$tmp/probe/lower" "$tmp/probe/upper" "$tmp/probe/work" "$tmp/probe/merged"
if ! timeout 10 unshare --mount --propagation private mount -t overlay overlay \
  -o "lowerdir=$tmp/probe/lower,upperdir=$tmp/probe/upper,workdir=$tmp/probe/work" \
  "$tmp/probe/merged" 2>/dev/null; then
  echo "SKIP: no overlayfs in a mount namespace here"
  exit 77
fi

ip netns add "$ns" || { echo "FAIL: cannot create network namespace $ns"; exit 1; }
ip -n "$ns" link set lo up
for ifname in eth0 eth1 eth2 eth3 ens5; do
  ip -n "$ns" link add "$ifname" type veth peer name "p-$ifname" || exit 1
  ip -n "$ns" link set "$ifname" up
  ip -n "$ns" link set "p-$ifname" up
done

# Every absolute program the corpus runs (script, notify*), stubbed if the host lacks it.
scripts=$(grep -rhoE '^[[:space:]]*(script|notify[a-z_]*)[[:space:]]+"?/[^" ]+' "$configs" |
  grep -oE '/[^" ]+$' | sort -u)
for d in etc usr; do mkdir -p "$tmp/$d/upper" "$tmp/$d/work"; done

# keepalived's -t outcome for one file: its exit status, its messages in $tmp/keepalived.out.
keepalived_test() {
  local file=$1
  shift
  # shellcheck disable=SC2016 # the script's variables are the inner bash's, on purpose
  timeout 30 ip netns exec "$ns" unshare --mount --propagation private \
    bash -c '
      set -e
      tmp=$1 scripts=$2 file=$3
      shift 3
      for d in etc usr; do
        mount -t overlay overlay \
          -o "lowerdir=/$d,upperdir=$tmp/$d/upper,workdir=$tmp/$d/work" "/$d"
      done
      mount -t tmpfs tmpfs /run
      grep -q "^keepalived_script:" /etc/passwd ||
        echo "keepalived_script:x:0:0::/nonexistent:/usr/sbin/nologin" >>/etc/passwd
      for s in $scripts; do
        if [ ! -e "$s" ]; then
          mkdir -p "$(dirname "$s")"
          printf "#!/bin/sh\nexit 0\n" >"$s"
          chmod 0755 "$s"
        fi
      done
      set +e
      exec keepalived -t -f "$file" "$@"
    ' keepalived-compat "$tmp" "$scripts" "$file" "$@" >"$tmp/keepalived.out" 2>&1
}

classify_keepalived() {
  case $1 in
    0 | 6) echo accept ;;
    4 | 5) echo reject ;;
    *) echo "exit-$1" ;;  # killed, timed out, or a status keepalived -t does not document
  esac
}

classify_vrrpd() {
  case $1 in
    0 | 5) echo accept ;;
    4) echo reject ;;
    *) echo "exit-$1" ;;
  esac
}

trim() {
  local s=$1
  s=${s#"${s%%[![:space:]]*}"}
  s=${s%"${s##*[![:space:]]}"}
  printf '%s' "$s"
}

expected_name=$(basename "$expected")
failures=0
checked=0
listed=()
while IFS='|' read -r file want_k want_v options reason; do
  file=$(trim "$file")
  case $file in '' | '#'*) continue ;; esac
  want_k=$(trim "$want_k")
  want_v=$(trim "$want_v")
  options=$(trim "${options:-}")
  reason=$(trim "${reason:-}")
  listed+=("$file")
  label=$file${options:+ ($options)}

  if [ "$want_k" != "$want_v" ] && [ -z "$reason" ]; then
    echo "FAIL $file: keepalived $want_k, vrrpd $want_v is listed without a reason"
    failures=$((failures + 1))
  fi
  if [ "$want_k" = "$want_v" ] && [ -n "$reason" ]; then
    echo "FAIL $file: both $want_k, but a reason for a difference is given"
    failures=$((failures + 1))
  fi

  if [[ $file == missing:* ]]; then
    path="$configs/${file#missing:}"
    if [ -e "$path" ]; then
      echo "FAIL $file: $path exists"
      failures=$((failures + 1))
      continue
    fi
  else
    path="$configs/$file"
    if [ ! -f "$path" ]; then
      echo "FAIL $file: listed in $expected_name but not in the corpus"
      failures=$((failures + 1))
      continue
    fi
  fi

  # shellcheck disable=SC2086 # options are words
  keepalived_test "$path" $options
  k_status=$?
  # shellcheck disable=SC2086
  timeout 30 "$vrrpd" -t -f "$path" $options >"$tmp/vrrpd.out" 2>&1
  v_status=$?
  got_k=$(classify_keepalived "$k_status")
  got_v=$(classify_vrrpd "$v_status")
  checked=$((checked + 1))

  if [ "$got_k" = "$want_k" ] && [ "$got_v" = "$want_v" ]; then
    echo "ok   $label: keepalived $got_k (exit $k_status), vrrpd $got_v (exit $v_status)"
    continue
  fi
  failures=$((failures + 1))
  echo "FAIL $label: keepalived $got_k (exit $k_status, expected $want_k)," \
    "vrrpd $got_v (exit $v_status, expected $want_v)"
  echo "  keepalived -t said:"
  sed 's/^/    /' "$tmp/keepalived.out"
  echo "  vrrpd -t said:"
  sed 's/^/    /' "$tmp/vrrpd.out"
done <"$expected"

# Every corpus file is classified (the included pieces under *.d/ are not corpus files).
while IFS= read -r path; do
  rel=${path#"$configs"/}
  found=0
  for f in "${listed[@]}"; do [ "$f" = "$rel" ] && found=1; done
  if [ $found = 0 ]; then
    echo "FAIL $rel: in the corpus but has no row in $expected_name"
    failures=$((failures + 1))
  fi
done < <(find "$configs" -maxdepth 1 -name '*.conf'; find "$configs/reject" -maxdepth 1 -name '*.conf')

if pgrep -x keepalived >/dev/null && [ -n "$(ip netns pids "$ns" 2>/dev/null)" ]; then
  echo "FAIL: a keepalived process is left in $ns"
  failures=$((failures + 1))
fi

echo "$checked files checked, $failures failures"
[ "$failures" = 0 ] && [ "$checked" -gt 0 ]
