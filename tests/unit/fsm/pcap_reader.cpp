// The capture reader lives with the codec tests (tests/unit/codec/pcap_fixture.cpp); each unit
// test folder is its own binary, so the replay test compiles it in here rather than copying it.
#include "unit/codec/pcap_fixture.cpp"
