class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self._balance})"
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        return self.deposit(interest)
accounts = [Account("ann", 100), Savings("ben", 1000), Account("cid")]
accounts[0].deposit(50).withdraw(30)
accounts[1].add_interest()
for acct, amt in [(accounts[2], 10), (accounts[0], 500)]:
    try:
        acct.withdraw(amt)
    except InsufficientFunds as e:
        print(f"{acct.owner}: {e} (short by {e.needed - e.available})")
try:
    accounts[2].deposit(-5)
except ValueError as e:
    print("error:", e)
for a in accounts:
    print(a, a.history)
print(sum(a.balance for a in accounts), max(accounts, key=lambda a: a.balance).owner)
try:
    accounts[0].balance = 0
except AttributeError as e:
    print("AttributeError:", e)
