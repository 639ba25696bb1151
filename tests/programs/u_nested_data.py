data = {"users": [{"name": "a", "roles": ["admin", "dev"], "meta": {"age": 30}}, {"name": "b", "roles": [], "meta": {"age": 25}}]}
print([u["name"] for u in data["users"] if "admin" in u["roles"]])
print(sum(u["meta"]["age"] for u in data["users"]) / len(data["users"]))
data["users"][1]["roles"].append("ops")
print(data["users"][1])
flat = {f"{u['name']}.{r}": True for u in data["users"] for r in u["roles"]}
print(flat)
import copy
snapshot = copy.deepcopy(data)
data["users"][0]["meta"]["age"] = 99
print(snapshot["users"][0]["meta"], data["users"][0]["meta"])
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[::-1] for row in matrix], [matrix[i][i] for i in range(3)])
print(str(data)[:60], len(repr(data)))
