# A float loop: numerical integration and a Mandelbrot grid.
def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


def mandel(w, h, limit):
    inside = 0
    for y in range(h):
        ci = 2.0 * y / h - 1.0
        for x in range(w):
            cr = 2.5 * x / w - 2.0
            zr = zi = 0.0
            for _ in range(limit):
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                if zr * zr + zi * zi > 4.0:
                    break
            else:
                inside += 1
    return inside


print(f"{integrate(lambda x: x * x * x - x, 0.0, 3.0, 200_000):.6f}", mandel(60, 40, 50))
