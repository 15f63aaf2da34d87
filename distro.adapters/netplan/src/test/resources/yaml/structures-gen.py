import json, yaml
shared = {"addresses": ["8.8.8.8"], "search": []}
sl = ["a", "b"]
docs = {
 "nested": {"network": {"version": 2, "ethernets": {"eth0": {"match": {"macaddress": "52:54:00:12:34:00"}, "addresses": ["10.0.0.2/24", "2001:db8::2/64"], "routes": [{"to": "0.0.0.0/0", "via": "10.0.0.1", "metric": 100}], "nameservers": {"addresses": [], "search": ["x"]}, "dhcp4": False, "mtu": 9000, "empty": {}}}}},
 "listoflists": {"k": [[1, 2], [], [[3]], {"a": [1]}, None, True, 1.5]},
 "aliases": {"network": {"a": shared, "b": shared, "c": {"x": sl, "y": sl}, "d": [shared, {"z": 1}]}},
 "rootlist": [1, {"a": 2}],
 "intkeys": {"m": {10: "a", 9: "b", 100: "c"}},
 "emptyroot": {},
}
print(json.dumps({k: yaml.dump(v, indent=4, default_flow_style=False, line_break="\n") for k, v in docs.items()}, indent=1))
