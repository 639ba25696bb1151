# A comparison whose result cannot be tested for truth, in an `if` the
# fast loop runs as one instruction with its jump, inside a frame called
# in-loop through a call written over two lines.
class Weird:
    def __bool__(self):
        raise ValueError("no truth")

    def __lt__(self, other):
        return Weird()


def test(a, b):
    if (
        a < b
    ):
        return 1
    return 2


def run():
    total = 0
    for i in range(3):
        total += test(
            Weird(), i)
    return total


print(test(1, 2))
run()
