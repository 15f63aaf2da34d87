import json, yaml
samples = ["eth0", "52:54:00:12:34:00", "aa:bb:cc:dd:ee:ff", "fa:16:3e:00:11:22", "00:11:22:33:44:55",
 "192.168.1.10/24", "2001:db8::1/64", "::1", "::", "fe80::1", "10:20", "1:2:3", "802.3ad", "layer3+4",
 "active-backup", "balance-rr", "", "yes", "no", "on", "off", "True", "null", "~", "Null", "1", "0", "0x1f",
 "017", "1_000", "1.5", ".5", "1e5", "1.0e+5", "2001-01-01", "2001-1-1 10:00:00", "<<", "=", "-", "- a", "-a",
 "a: b", "a:b", "a #b", "a#b", "#x", "!x", "&x", "*x", "|x", ">x", "'x", '"x', "%x", "@x", "`x", "x,y", "[x]",
 "{x}", "?x", "? x", ":x", ": x", "x:", "---", "...", "--- a", " lead", "trail ", "a  b", "a b", "tab\there",
 "line\nbreak", "éclair", "en*", "eth*", "*", "dhcp4", "6", "+1", "-1", "1:30", "12:34:56", "1:60", "190:20:30.15",
 ".inf", "-.Inf", ".NaN", "0b101", "0o17", "y", "n", "Y", "x'y", "foo.example.com", "a\\b", "10.0.0.0/8",
 "0.0.0.0/0", "100ms", "mii", "\u00a0x", "x\x00y", "\x07", "\u2028"]
out = []
for s in samples:
    out.append({"s": s, "value": yaml.dump({"k": s}, indent=4, default_flow_style=False, line_break="\n"),
                "key": yaml.dump({s: 1}, indent=4, default_flow_style=False, line_break="\n")})
floats = [1.5, 0.1, 1e20, 1e-05, 123456789012345678.0, 1e16, 1234567890123456.0, 0.0001, 2.0, -3.25, float("inf"), -float("inf"), 100.0, 1e100, 5e-324]
fl = [{"f": repr(f), "value": yaml.dump({"k": f}, indent=4, default_flow_style=False)} for f in floats]
print(json.dumps({"strings": out, "floats": fl}, indent=1))
