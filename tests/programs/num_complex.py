print(repr(complex(1,2)), repr(1j), repr(complex(0,0)), repr(complex(-0.0, -1)), repr(complex(1.5, 0)), repr(complex(1e20, -1e-5)), repr(-1j), repr(complex(0.0,-0.0)), repr(complex(-1, 0)))
print((1+2j)*(3-4j), (1+2j)/(3-4j), abs(3+4j), (1+1j)**2, (2j)**0.5, (1+2j).conjugate(), (1+2j).real, complex('1+2j'), complex(' 3j '), 2**1j)
print(hash(1+0j) == hash(1), 1+0j == 1, str(1+2j), f'{1+2j}', complex(2), -(1+1j), +(2j), (1+2j) - 1, 1 - (1+2j))
z = 3 + 4j
print(type(z).__name__, isinstance(z, complex), z.imag, abs(z), z * z.conjugate(), z / 2, 2 / z, z ** -1, z ** 3)
import cmath
print(cmath.sqrt(-1), cmath.sqrt(-4), round(cmath.phase(1j), 12), cmath.polar(1 + 1j), cmath.exp(0), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-12)
roots = [(-b + s * cmath.sqrt(b * b - 4 * a * c)) / (2 * a) for a, b, c in [(1, 2, 5)] for s in (1, -1)]
print(roots, sum([1j, 2, 3.5]), [complex(i, -i) for i in range(3)], {1j: "x"}[1j])
try:
    1j / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
