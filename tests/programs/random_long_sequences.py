# Long seeded sequences (several twists of the state block) and a
# getstate/setstate round trip across a twist.
import random
random.seed(12345)
xs=[random.random() for _ in range(3000)]
print(sum(xs), random.getrandbits(100), random.randrange(10**30))
s=random.getstate()
a=[random.random() for _ in range(700)]
random.setstate(s)
b=[random.random() for _ in range(700)]
print(a==b, a[-1])
