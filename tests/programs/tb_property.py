class Account:
    def __init__(self):
        self.balance = 0
    @property
    def ratio(self):
        return 100 / self.balance
acct = Account()
print(acct.balance)
print(acct.ratio)
