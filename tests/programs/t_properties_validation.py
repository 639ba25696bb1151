class Temperature:
    def __init__(self, celsius=0):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius
    @property
    def kelvin(self):
        return self._celsius + 273.15
t = Temperature(25)
print(t.celsius, t.kelvin)
t.celsius = -10
print(t.celsius, round(t.kelvin, 2))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(hasattr(t, "_celsius"))
try:
    t.kelvin = 5
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temperature.celsius).__name__, Temperature.kelvin.fget.__name__)
