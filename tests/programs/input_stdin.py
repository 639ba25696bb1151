name = input("Name? ")
age = int(input())
print(f"Hello {name}, next year you'll be {age + 1}")
import sys
rest = sys.stdin.read()
print(rest.split())
try:
    input()
except EOFError as e:
    print("EOFError:", e)
