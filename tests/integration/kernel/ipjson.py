#!/usr/bin/env python3
"""Flattens `ip -j` output into tab-separated lines for the kernel integration tests.

  ip -j addr show dev X | ipjson.py addr   -> local prefixlen scope label broadcast valid preferred flags
  ip -j -d link show X  | ipjson.py link   -> ifname address kind mode addr_gen_mode flags operstate link
  ip -j -6 maddr show dev X | ipjson.py maddr -> one group address a line
  ip -j neigh show      | ipjson.py neigh  -> dst lladdr state router
"""
import json
import sys

ADDR_FLAGS = ("secondary", "nodad", "noprefixroute", "tentative", "dadfailed", "deprecated",
              "dynamic", "optimistic", "home", "mngtmpaddr")


def main():
    kind = sys.argv[1]
    data = json.load(sys.stdin)
    for entry in data:
        if kind == "addr":
            for a in entry.get("addr_info", []):
                flags = ",".join(f for f in ADDR_FLAGS if a.get(f))
                print("\t".join([a.get("local", ""), str(a.get("prefixlen", "")),
                                 a.get("scope", ""), a.get("label", ""),
                                 a.get("broadcast", ""), str(a.get("valid_life_time", "")),
                                 str(a.get("preferred_life_time", "")), flags]))
        elif kind == "link":
            info = entry.get("linkinfo", {})
            data_ = info.get("info_data", {})
            print("\t".join([entry.get("ifname", ""), entry.get("address", ""),
                             info.get("info_kind", ""), str(data_.get("mode", "")),
                             entry.get("inet6_addr_gen_mode", ""),
                             ",".join(entry.get("flags", [])), entry.get("operstate", ""),
                             entry.get("link", "")]))
        elif kind == "maddr":
            for m in entry.get("maddr", []):
                print(m.get("address", ""))
        elif kind == "neigh":
            print("\t".join([entry.get("dst", ""), entry.get("lladdr", ""),
                             ",".join(entry.get("state", [])),
                             "router" if "router" in entry else ""]))
        else:
            sys.exit("unknown kind " + kind)


if __name__ == "__main__":
    main()
