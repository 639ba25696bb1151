"""datetime for sonde: naive date, time, datetime and timedelta (proleptic
Gregorian, as CPython's pure-Python implementation)."""
import time as _time

MINYEAR = 1
MAXYEAR = 9999
_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYNAMES = [None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLMONTH = [None, "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_FULLDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year)) + day


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_date(year, month, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total_us = round((((weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60 + seconds) * 1000000) + milliseconds * 1000 + microseconds)
        d, rem = divmod(total_us, 86400 * 1000000)
        s, us = divmod(rem, 1000000)
        self._days, self._seconds, self._microseconds = int(d), int(s), int(us)

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def total_seconds(self):
        return ((self._days * 86400 + self._seconds) * 10 ** 6 + self._microseconds) / 10 ** 6

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return timedelta(microseconds=self._us() * k)

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        return timedelta(microseconds=self._us() / other)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        return timedelta(microseconds=self._us() // other)

    def __abs__(self):
        return -self if self._days < 0 else self

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        return self._us() < other._us()

    def __le__(self, other):
        return self._us() <= other._us()

    def __gt__(self, other):
        return self._us() > other._us()

    def __ge__(self, other):
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0

    def __repr__(self):
        args = []
        if self._days:
            args.append(f"days={self._days}")
        if self._seconds:
            args.append(f"seconds={self._seconds}")
        if self._microseconds:
            args.append(f"microseconds={self._microseconds}")
        return f"datetime.timedelta({', '.join(args) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f"{hh}:{mm:02d}:{ss:02d}"
        if self._days:
            s = f"{self._days} day{'s' if abs(self._days) != 1 else ''}, " + s
        if self._microseconds:
            s += f".{self._microseconds:06d}"
        return s


def _strftime(fmt, y, mo, d, h, mi, s, us, wd, yd):
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != '%' or i + 1 == len(fmt):
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        out.append({
            'Y': f"{y:04d}", 'y': f"{y % 100:02d}", 'm': f"{mo:02d}", 'd': f"{d:02d}", 'H': f"{h:02d}",
            'M': f"{mi:02d}", 'S': f"{s:02d}", 'f': f"{us:06d}", 'a': _DAYNAMES[wd + 1], 'A': _FULLDAY[wd],
            'b': _MONTHNAMES[mo], 'B': _FULLMONTH[mo], 'j': f"{yd:03d}", 'p': "AM" if h < 12 else "PM",
            'I': f"{(h % 12) or 12:02d}", 'w': str((wd + 1) % 7), '%': '%', 'e': f"{d:2d}",
            'c': f"{_DAYNAMES[wd + 1]} {_MONTHNAMES[mo]} {d:2d} {h:02d}:{mi:02d}:{s:02d} {y:04d}",
            'x': f"{mo:02d}/{d:02d}/{y % 100:02d}", 'X': f"{h:02d}:{mi:02d}:{s:02d}", 'D': f"{mo:02d}/{d:02d}/{y % 100:02d}",
            'F': f"{y:04d}-{mo:02d}-{d:02d}", 'T': f"{h:02d}:{mi:02d}:{s:02d}",
        }.get(k, '%' + k))
    return ''.join(out)


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year, self._month, self._day = year, month, day

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    @classmethod
    def today(cls):
        t = _time.localtime() if hasattr(_time, "localtime") else None
        n = int(_time.time() // 86400) + _ymd2ord(1970, 1, 1)
        return cls.fromordinal(n)

    @classmethod
    def fromordinal(cls, n):
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        return cls(int(s[0:4]), int(s[5:7]), int(s[8:10]))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    __str__ = isoformat

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, self.weekday(), self.toordinal() - _ymd2ord(self._year, 1, 1) + 1)

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(year or self._year, month or self._month, day or self._day)

    def timetuple(self):
        return (self._year, self._month, self._day, 0, 0, 0, self.weekday(), 0, -1)

    def __repr__(self):
        return f"datetime.date({self._year}, {self._month}, {self._day})"

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        return type(other) is type(self) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() - other.days)
        if isinstance(other, date):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0):
        super().__init__(year, month, day)
        if not 0 <= hour <= 23:
            raise ValueError("hour must be in 0..23")
        if not 0 <= minute <= 59:
            raise ValueError("minute must be in 0..59")
        if not 0 <= second <= 59:
            raise ValueError("second must be in 0..59")
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)

    @classmethod
    def now(cls):
        t = _time.time()
        days, secs = divmod(t, 86400)
        d = date.fromordinal(int(days) + _ymd2ord(1970, 1, 1))
        secs_i = int(secs)
        return cls(d.year, d.month, d.day, secs_i // 3600, secs_i // 60 % 60, secs_i % 60, int((secs - secs_i) * 1e6))

    utcnow = now

    @classmethod
    def fromisoformat(cls, s):
        d = date.fromisoformat(s[:10])
        h = mi = sec = 0
        if len(s) > 10:
            t = s[11:]
            h, mi = int(t[0:2]), int(t[3:5])
            sec = int(t[6:8]) if len(t) >= 8 else 0
        return cls(d.year, d.month, d.day, h, mi, sec)

    @classmethod
    def combine(cls, d, t):
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000) + self._microsecond

    @classmethod
    def _from_us(cls, us):
        days, rem = divmod(us, 86400 * 1000000)
        secs, micro = divmod(rem, 1000000)
        y, m, d = _ord2ymd(days)
        return cls(y, m, d, secs // 3600, secs // 60 % 60, secs % 60, micro)

    def _key(self):
        return self._us()

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._us() - other._us())
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def isoformat(self, sep='T'):
        s = f"{date.isoformat(self)}{sep}{self._hour:02d}:{self._minute:02d}:{self._second:02d}"
        if self._microsecond:
            s += f".{self._microsecond:06d}"
        return s

    def __str__(self):
        return self.isoformat(' ')

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond, self.weekday(), self.toordinal() - _ymd2ord(self._year, 1, 1) + 1)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None):
        return type(self)(year if year is not None else self._year, month or self._month, day or self._day,
                          self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second, self._microsecond if microsecond is None else microsecond)

    def timestamp(self):
        return (self._us() - _ymd2ord(1970, 1, 1) * 86400 * 1000000) / 1e6

    def __repr__(self):
        parts = [self._year, self._month, self._day, self._hour, self._minute]
        if self._second or self._microsecond:
            parts.append(self._second)
        if self._microsecond:
            parts.append(self._microsecond)
        return f"datetime.datetime({', '.join(map(str, parts))})"

    @classmethod
    def strptime(cls, s, fmt):
        vals = {'Y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0}
        i = j = 0
        while i < len(fmt):
            if fmt[i] == '%' and i + 1 < len(fmt):
                k = fmt[i + 1]
                width = 4 if k == 'Y' else 2
                num = ''
                while j < len(s) and s[j].isdigit() and len(num) < width:
                    num += s[j]
                    j += 1
                if not num:
                    raise ValueError(f"time data {s!r} does not match format {fmt!r}")
                vals[k] = int(num)
                i += 2
            else:
                if j >= len(s) or s[j] != fmt[i]:
                    raise ValueError(f"time data {s!r} does not match format {fmt!r}")
                i += 1
                j += 1
        if j != len(s):
            raise ValueError(f"unconverted data remains: {s[j:]}")
        return cls(vals['Y'], vals['m'], vals['d'], vals['H'], vals['M'], vals['S'])


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0):
        self.hour, self.minute, self.second, self.microsecond = hour, minute, second, microsecond

    def isoformat(self):
        s = f"{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        if self.microsecond:
            s += f".{self.microsecond:06d}"
        return s

    __str__ = isoformat

    def __repr__(self):
        parts = [self.hour, self.minute]
        if self.second or self.microsecond:
            parts.append(self.second)
        if self.microsecond:
            parts.append(self.microsecond)
        return f"datetime.time({', '.join(map(str, parts))})"

    def __eq__(self, other):
        return isinstance(other, time) and (self.hour, self.minute, self.second, self.microsecond) == (other.hour, other.minute, other.second, other.microsecond)

    def __lt__(self, other):
        return (self.hour, self.minute, self.second, self.microsecond) < (other.hour, other.minute, other.second, other.microsecond)

    def __hash__(self):
        return hash((self.hour, self.minute, self.second, self.microsecond))
