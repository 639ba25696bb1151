# Class patterns use isinstance() semantics: a metaclass __instancecheck__
# decides the match.
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 1


class P(metaclass=Meta):
    pass


for v in (1, 2):
    match v:
        case P():
            print(v, "matched")
        case _:
            print(v, "no match")
