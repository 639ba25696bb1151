"""complex numbers for sonde, with CPython's arithmetic (Smith's division,
c_powi for small integer powers) and repr."""
import math as _m


def _fmt(x):
    s = repr(float(x))
    return s[:-2] if s.endswith('.0') else s


def _parts(v):
    if isinstance(v, complex):
        return v.real, v.imag
    if isinstance(v, (int, float)):
        return float(v), 0.0
    return None


def _parse(s):
    t = s.strip().replace(' ', '')
    if t.startswith('(') and t.endswith(')'):
        t = t[1:-1]
    if not t:
        raise ValueError("complex() arg is a malformed string")
    try:
        if t.endswith('j') or t.endswith('J'):
            body = t[:-1]
            split = -1
            for i in range(len(body) - 1, 0, -1):
                if body[i] in '+-' and body[i - 1] not in 'eE':
                    split = i
                    break
            if split == -1:
                imag = body
                if imag in ('', '+'):
                    return 0.0, 1.0
                if imag == '-':
                    return 0.0, -1.0
                return 0.0, float(imag)
            re_part, im_part = body[:split], body[split:]
            if im_part in ('+', '-'):
                im_part += '1'
            return float(re_part), float(im_part)
        return float(t), 0.0
    except ValueError:
        raise ValueError("complex() arg is a malformed string") from None


class complex:
    __slots__ = ('_re', '_im')

    def __new__(cls, real=0, imag=0):
        self = object.__new__(cls)
        if isinstance(real, str):
            if imag != 0:
                raise TypeError("complex() can't take second arg if first is a string")
            self._re, self._im = _parse(real)
            return self
        r = _parts(real)
        i = _parts(imag)
        if r is None:
            if hasattr(real, '__complex__'):
                r = _parts(real.__complex__())
            elif hasattr(real, '__float__'):
                r = (float(real), 0.0)
            else:
                raise TypeError(f"complex() first argument must be a string or a number, not '{type(real).__name__}'")
        if i is None:
            raise TypeError(f"complex() second argument must be a number, not '{type(imag).__name__}'")
        # As CPython: only a complex argument contributes a cross term.
        self._re = r[0] - i[1] if isinstance(imag, complex) else r[0]
        self._im = r[1] + i[0] if isinstance(real, complex) else i[0]
        return self

    real = property(lambda self: self._re)
    imag = property(lambda self: self._im)

    def conjugate(self):
        return complex(self._re, -self._im)

    def __repr__(self):
        if self._re == 0 and _m.copysign(1.0, self._re) == 1.0:
            return _fmt(self._im) + 'j'
        im = _fmt(self._im)
        if not im.startswith('-'):
            im = '+' + im
        return '(' + _fmt(self._re) + im + 'j)'

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        h = hash(self._re) + 1000003 * hash(self._im)
        h = (h + 2 ** 63) % 2 ** 64 - 2 ** 63
        return -2 if h == -1 else h

    def __eq__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return self._re == o[0] and self._im == o[1]

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __bool__(self):
        return self._re != 0 or self._im != 0

    def __neg__(self):
        return complex(-self._re, -self._im)

    def __pos__(self):
        return complex(self._re, self._im)

    def __abs__(self):
        return _m.hypot(self._re, self._im)

    def __add__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex(self._re + o[0], self._im + o[1])

    __radd__ = __add__

    def __sub__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex(self._re - o[0], self._im - o[1])

    def __rsub__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex(o[0] - self._re, o[1] - self._im)

    def __mul__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        a, b = self._re, self._im
        c, d = o
        return complex(a * c - b * d, a * d + b * c)

    __rmul__ = __mul__

    @staticmethod
    def _quot(a, b):
        ar, ai = a
        br, bi = b
        abr, abi = abs(br), abs(bi)
        if abr >= abi:
            if abr == 0.0:
                raise ZeroDivisionError("complex division by zero")
            ratio = bi / br
            denom = br + bi * ratio
            return complex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
        ratio = br / bi
        denom = br * ratio + bi
        return complex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)

    def __truediv__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex._quot((self._re, self._im), o)

    def __rtruediv__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex._quot(o, (self._re, self._im))

    @staticmethod
    def _powu(x, n):
        r = complex(1.0, 0.0)
        p = x
        mask = 1
        while mask > 0 and n >= mask:
            if n & mask:
                r = r * p
            mask <<= 1
            p = p * p
        return r

    @staticmethod
    def _pow(a, b):
        ar, ai = a
        br, bi = b
        if bi == 0.0 and br == _m.floor(br) and abs(br) <= 100.0:
            x = complex(ar, ai)
            n = int(br)
            if n > 0:
                return complex._powu(x, n)
            if n == 0:
                return complex(1.0, 0.0)
            return complex._quot((1.0, 0.0), (lambda p: (p.real, p.imag))(complex._powu(x, -n)))
        if br == 0.0 and bi == 0.0:
            return complex(1.0, 0.0)
        if ar == 0.0 and ai == 0.0:
            if bi != 0.0 or br < 0.0:
                raise ZeroDivisionError("0.0 to a negative or complex power")
            return complex(0.0, 0.0)
        vabs = _m.hypot(ar, ai)
        ln = vabs ** br
        at = _m.atan2(ai, ar)
        phase = at * br
        if bi != 0.0:
            ln /= _m.exp(at * bi)
            phase += bi * _m.log(vabs)
        return complex(ln * _m.cos(phase), ln * _m.sin(phase))

    def __pow__(self, other, mod=None):
        if mod is not None:
            raise ValueError("complex modulo")
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex._pow((self._re, self._im), o)

    def __rpow__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex._pow(o, (self._re, self._im))

    def __complex__(self):
        return self

    def __reduce__(self):
        return (complex, (self._re, self._im))
