#!/usr/bin/env python3
"""Seed inputs for fuzz_advert: two selector bytes, then an IP packet (see fuzz_advert.cpp).

  make_advert_seeds.py OUTDIR                 crafted adverts (what tests/fuzz/corpus/advert holds)
  make_advert_seeds.py --pcaps DIR OUTDIR     also every IP packet of DIR/*.pcap (classic pcap;
                                              Ethernet, SLL, SLL2, raw, loopback, C-HDLC, Frame
                                              Relay), for a run against ../shared's captures
                                              without copying them into the repository.
The crafted adverts use only documentation addresses (RFC 5737, RFC 3849) and link-local ones.
"""
import argparse
import ipaddress
import os
import struct
import sys


def fold(total):
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def ones_sum(data):
    if len(data) % 2:
        data += b"\0"
    return fold(sum(struct.unpack(f"!{len(data) // 2}H", data)))


def checksum(data):
    return (~ones_sum(data)) & 0xFFFF


def vrrp_message(version, vrid, priority, interval_cs, addresses, src, dst, form,
                 auth_type=0, auth=b""):
    """RFC 9568 §5.2 (v3) or RFC 3768 §5.3 (v2); form: rfc9568, rfc5798 or v2."""
    raw = b"".join(ipaddress.ip_address(a).packed for a in addresses)
    if version == 2:
        head = struct.pack("!BBBBBBH", 0x21, vrid, priority, len(addresses), auth_type,
                           interval_cs // 100, 0)
        body = head + raw + auth.ljust(8, b"\0")[:8]
    else:
        head = struct.pack("!BBBBHH", 0x31, vrid, priority, len(addresses),
                           interval_cs & 0x0FFF, 0)
        body = head + raw
    pseudo = b""
    s, d = ipaddress.ip_address(src).packed, ipaddress.ip_address(dst).packed
    if form == "rfc5798" or (form == "rfc9568" and len(s) == 16):
        if len(s) == 4:
            pseudo = s + d + struct.pack("!BBH", 0, 112, len(body))
        else:
            pseudo = s + d + struct.pack("!II", len(body), 112)
    csum = checksum(pseudo + body)
    return body[:6] + struct.pack("!H", csum) + body[8:]


def ipv4(src, dst, payload, ttl=255, proto=112):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0xC0, 20 + len(payload), 0, 0, ttl, proto, 0,
                         ipaddress.ip_address(src).packed, ipaddress.ip_address(dst).packed)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def ipv6(src, dst, payload, hop_limit=255, next_header=112):
    return struct.pack("!IHBB16s16s", 0x6E000000, len(payload), next_header, hop_limit,
                       ipaddress.ip_address(src).packed,
                       ipaddress.ip_address(dst).packed) + payload


def crafted():
    """(name, selector bytes, packet)"""
    v4s, v4d = "192.0.2.11", "224.0.0.18"
    v6s, v6d = "fe80::11", "ff02::12"
    out = []

    def v3v4(form, addrs=("192.0.2.100",), prio=200, vrid=7, interval=100):
        return ipv4(v4s, v4d, vrrp_message(3, vrid, prio, interval, list(addrs), v4s, v4d, form))

    out.append(("v3-ipv4-rfc5798", b"\0\0", v3v4("rfc5798")))
    out.append(("v3-ipv4-rfc9568", b"\0\0", v3v4("rfc9568")))
    out.append(("v3-ipv4-three-vips", b"\0\0",
                v3v4("rfc5798", ("192.0.2.100", "198.51.100.1", "203.0.113.1"), interval=10)))
    out.append(("v3-ipv4-prio0", b"\0\0", v3v4("rfc5798", prio=0)))
    out.append(("v3-ipv4-owner-unicast-ttl64", b"\x05\0",
                ipv4(v4s, "192.0.2.12",
                     vrrp_message(3, 7, 255, 100, ["192.0.2.100"], v4s, "192.0.2.12", "rfc9568"),
                     ttl=64)))
    out.append(("v3-ipv6", b"\0\0",
                ipv6(v6s, v6d, vrrp_message(3, 7, 200, 100, ["fe80::7", "2001:db8::100"],
                                            v6s, v6d, "rfc9568"))))
    out.append(("v3-ipv6-no-link-local", b"\x20\0",
                ipv6(v6s, v6d, vrrp_message(3, 7, 100, 4095, ["2001:db8::100"], v6s, v6d,
                                            "rfc9568"))))
    out.append(("v2-ipv4-none", b"\0\0",
                ipv4(v4s, v4d, vrrp_message(2, 7, 200, 100, ["192.0.2.100"], v4s, v4d, "v2"))))
    out.append(("v2-ipv4-simple-text", b"\0\x02",
                ipv4(v4s, v4d, vrrp_message(2, 9, 100, 300, ["192.0.2.100", "192.0.2.101"],
                                            v4s, v4d, "v2", auth_type=1, auth=b"secret"))))
    # Cisco-style trailer after the v2 Authentication Data, summed with it (codec.hpp).
    msg = vrrp_message(2, 7, 200, 100, ["192.0.2.100"], v4s, v4d, "v2", auth_type=254)
    msg = msg[:6] + b"\0\0" + msg[8:] + bytes(range(30))
    msg = msg[:6] + struct.pack("!H", checksum(msg)) + msg[8:]
    out.append(("v2-ipv4-md5-trailer", b"\0\0", ipv4(v4s, v4d, msg)))
    # IPv4 with options (router alert) and IPv6 with a hop-by-hop header.
    payload = vrrp_message(3, 7, 200, 100, ["192.0.2.100"], v4s, v4d, "rfc5798")
    header = struct.pack("!BBHHHBBH4s4s", 0x46, 0, 24 + len(payload), 0, 0, 255, 112, 0,
                         ipaddress.ip_address(v4s).packed, ipaddress.ip_address(v4d).packed)
    header += b"\x94\x04\0\0"
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    out.append(("v3-ipv4-router-alert", b"\0\0", header + payload))
    v6payload = vrrp_message(3, 7, 200, 100, ["fe80::7"], v6s, v6d, "rfc9568")
    hop_by_hop = struct.pack("!BB", 112, 0) + b"\x05\x02\0\0\x01\0"
    out.append(("v3-ipv6-hop-by-hop", b"\0\0",
                ipv6(v6s, v6d, hop_by_hop + v6payload, next_header=0)))
    return out


LINK_OFFSETS = {0: 4, 1: 14, 12: 0, 14: 0, 101: 0, 104: 4, 107: 4, 108: 4, 113: 16, 228: 0,
                229: 0, 276: 20}


def pcap_packets(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return
    magic = data[:4]
    endian = {b"\xd4\xc3\xb2\xa1": "<", b"\xa1\xb2\xc3\xd4": ">", b"\x4d\x3c\xb2\xa1": "<",
              b"\xa1\xb2\x3c\x4d": ">"}.get(magic)
    if endian is None:
        return
    linktype = struct.unpack(endian + "I", data[20:24])[0] & 0x0FFFFFFF
    offset = LINK_OFFSETS.get(linktype)
    if offset is None:
        return
    pos = 24
    while pos + 16 <= len(data):
        incl = struct.unpack(endian + "I", data[pos + 8:pos + 12])[0]
        frame = data[pos + 16:pos + 16 + incl]
        pos += 16 + incl
        start = offset
        if linktype == 1:  # skip 802.1Q tags
            while len(frame) >= start and frame[start - 2:start] == b"\x81\x00":
                start += 4
        if len(frame) > start:
            yield frame[start:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pcaps", help="also extract the IP packets of DIR/*.pcap")
    parser.add_argument("outdir")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    count = 0
    for name, selector, packet in crafted():
        with open(os.path.join(args.outdir, name + ".bin"), "wb") as f:
            f.write(selector + packet)
        count += 1
    if args.pcaps:
        for entry in sorted(os.listdir(args.pcaps)):
            if not entry.endswith(".pcap"):
                continue
            for i, packet in enumerate(pcap_packets(os.path.join(args.pcaps, entry))):
                # Both decode paths: multicast (TTL 255 required) and unicast (deferred).
                for sel in (b"\0\0", b"\x01\0"):
                    name = f"pcap-{entry[:-5]}-{i}-{sel[0]}.bin"
                    with open(os.path.join(args.outdir, name), "wb") as f:
                        f.write(sel + packet)
                    count += 1
    print(f"make_advert_seeds: {count} seeds in {args.outdir}")


if __name__ == "__main__":
    sys.exit(main())
