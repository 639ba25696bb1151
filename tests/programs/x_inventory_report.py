inventory = [
    {"sku": "A1", "name": "Widget", "qty": 10, "price": 2.5},
    {"sku": "B2", "name": "Gadget", "qty": 0, "price": 10.0},
    {"sku": "C3", "name": "Doohickey", "qty": 3, "price": 7.25},
]
print(f"{'SKU':<5}{'Name':<12}{'Qty':>5}{'Value':>10}")
for item in sorted(inventory, key=lambda i: i["qty"] * i["price"], reverse=True):
    value = item["qty"] * item["price"]
    flag = " (out)" if item["qty"] == 0 else ""
    print(f"{item['sku']:<5}{item['name']:<12}{item['qty']:>5}{value:>10.2f}{flag}")
total = sum(i["qty"] * i["price"] for i in inventory)
print(f"{'Total':<22}{total:>10.2f}")
low = [i["name"] for i in inventory if i["qty"] < 5]
print("Reorder:", ", ".join(low) or "none")
