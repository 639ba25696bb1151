from abc import ABC, abstractmethod
class Item(ABC):
    def __init__(self, name, price):
        self.name = name
        self.price = price
    @abstractmethod
    def category(self):
        ...
    def __str__(self):
        return f"{self.category()}: {self.name} @ {self.price:.2f}"
class Book(Item):
    def category(self):
        return "book"
class Food(Item):
    def __init__(self, name, price, days):
        super().__init__(name, price)
        self.days = days
    def category(self):
        return "food"
    def __str__(self):
        return super().__str__() + f" ({self.days}d)"
try:
    Item("x", 1)
except TypeError as e:
    print("TypeError:", e)
stock = [Book("Dune", 9.99), Food("Bread", 2.5, 3), Book("Emma", 5.0)]
for s in stock:
    print(s)
by_cat = {}
for s in stock:
    by_cat.setdefault(s.category(), []).append(s.name)
print(by_cat, sum(s.price for s in stock), [type(s).__name__ for s in stock])
print(isinstance(stock[0], Item), issubclass(Food, ABC))
