from collections import defaultdict
txns = [("alice", "deposit", 100), ("bob", "deposit", 50), ("alice", "withdraw", 30), ("bob", "withdraw", 80), ("carol", "deposit", 10), ("alice", "deposit", 5)]
balances = defaultdict(int)
rejected = []
for who, kind, amt in txns:
    if kind == "deposit":
        balances[who] += amt
    elif balances[who] >= amt:
        balances[who] -= amt
    else:
        rejected.append((who, amt))
for who in sorted(balances):
    print(f"{who:>6}: {balances[who]:6.2f}")
print("rejected:", rejected)
print("total:", sum(balances.values()), "richest:", max(balances, key=balances.get))
