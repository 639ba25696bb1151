"""cmath for sonde (the common functions)."""
import math as _m

pi = _m.pi
e = _m.e
tau = _m.tau
inf = _m.inf
nan = _m.nan
infj = complex(0.0, _m.inf)
nanj = complex(0.0, _m.nan)


def _c(z):
    return z if isinstance(z, complex) else complex(z)


def phase(z):
    z = _c(z)
    return _m.atan2(z.imag, z.real)


def polar(z):
    z = _c(z)
    return abs(z), phase(z)


def rect(r, phi):
    return complex(r * _m.cos(phi), r * _m.sin(phi))


def exp(z):
    z = _c(z)
    m = _m.exp(z.real)
    return complex(m * _m.cos(z.imag), m * _m.sin(z.imag))


def log(z, base=None):
    z = _c(z)
    r = complex(_m.log(abs(z)), phase(z))
    if base is not None:
        return r / log(base)
    return r


def log10(z):
    return log(z) / _m.log(10)


def sqrt(z):
    z = _c(z)
    if z.real == 0 and z.imag == 0:
        return complex(0.0, z.imag)
    ax, ay = abs(z.real), abs(z.imag)
    s = _m.sqrt((ax + _m.hypot(ax, ay)) / 2)
    d = ay / (2 * s)
    if z.real >= 0:
        return complex(s, _m.copysign(d, z.imag))
    return complex(d, _m.copysign(s, z.imag))


def sin(z):
    z = _c(z)
    return complex(_m.sin(z.real) * _m.cosh(z.imag), _m.cos(z.real) * _m.sinh(z.imag))


def cos(z):
    z = _c(z)
    return complex(_m.cos(z.real) * _m.cosh(z.imag), -_m.sin(z.real) * _m.sinh(z.imag))


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    if a == b:
        return True
    d = abs(a - b)
    return d <= rel_tol * abs(a) or d <= rel_tol * abs(b) or d <= abs_tol


def isnan(z):
    z = _c(z)
    return _m.isnan(z.real) or _m.isnan(z.imag)


def isinf(z):
    z = _c(z)
    return _m.isinf(z.real) or _m.isinf(z.imag)


def isfinite(z):
    z = _c(z)
    return _m.isfinite(z.real) and _m.isfinite(z.imag)
