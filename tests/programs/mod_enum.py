from enum import Enum, IntEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return f"{self.name} is {self.value}"
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value, Color["RED"], Color(2))
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1), Color.RED == Color.RED, Color.RED == 1)
print(Color.RED.describe(), type(Color.RED).__name__, isinstance(Color.RED, Color), Color)
for c in Color:
    print(c.name, c.value)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    ALIAS = 1
print(list(Shape), Shape.ALIAS is Shape.CIRCLE, Shape.SQUARE.value)
class Prio(IntEnum):
    LOW = 1
    HIGH = 3
print(Prio.LOW < Prio.HIGH, Prio.HIGH + 1, sorted([Prio.HIGH, Prio.LOW]), int(Prio.HIGH), Prio(3))
d = {Color.RED: "stop", Color.GREEN: "go"}
print(d[Color.RED], f"{Color.GREEN}", Color.__members__.keys())
match Color.BLUE:
    case Color.RED:
        print("red")
    case Color.BLUE:
        print("blue matched")
