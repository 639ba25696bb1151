import json
data = {"name": "sonde", "version": [0, 1], "ok": True, "none": None, "pi": 3.14, "nested": {"a": [], "b": {}}, "uni": "é✓", "esc": "q\"\\\n"}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, 2.5, "x"], separators=(",", ":")), json.dumps("é", ensure_ascii=False), json.dumps(1e20), json.dumps(float("inf")))
back = json.loads(s)
print(back == data, back["version"], type(back["pi"]).__name__)
print(json.loads('[1, 2.0, -3e2, true, false, null, "a\\u00e9\\n", {"k": [{}]}]'))
print(json.loads('  {"a" : 1 , "b":[ ]}  '), json.loads("12"), json.loads('"x"'))
for bad in ['{"a": }', '[1, 2', '{"a" 1}', "nul", '[1,]', '"unterminated']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps({1: "int key", True: "t"}))
class P:
    def __init__(self):
        self.x = 1
print(json.dumps(P(), default=lambda o: o.__dict__))
