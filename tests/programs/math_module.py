import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.trunc(-3.7), type(math.floor(2.0)).__name__)
print(math.factorial(20), math.factorial(30), math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6))
print(math.pow(2, 10), math.exp(1), math.log(math.e), math.log(100, 10), math.log2(1024), math.log10(1000))
print(round(math.sin(math.pi / 2), 10), round(math.cos(0), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180), math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(1e400))
print(math.fabs(-2), math.copysign(3, -1), math.fmod(7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.dist((0, 0), (3, 4)), math.floor(1e20), math.ceil(-0.5))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.log(2**1000), math.sqrt(10**20))
