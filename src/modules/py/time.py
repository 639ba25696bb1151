"""time for sonde: the clocks come from _time; struct_time, gmtime/localtime
(UTC), mktime, strftime and ctime are computed here."""
from _time import time, time_ns, perf_counter, perf_counter_ns, monotonic, monotonic_ns, process_time, sleep

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']


class struct_time(tuple):
    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 9:
            raise TypeError(f"time.struct_time() takes a 9-sequence ({len(seq)}-sequence given)")
        return tuple.__new__(cls, seq)

    tm_year = property(lambda s: s[0])
    tm_mon = property(lambda s: s[1])
    tm_mday = property(lambda s: s[2])
    tm_hour = property(lambda s: s[3])
    tm_min = property(lambda s: s[4])
    tm_sec = property(lambda s: s[5])
    tm_wday = property(lambda s: s[6])
    tm_yday = property(lambda s: s[7])
    tm_isdst = property(lambda s: s[8])
    tm_zone = property(lambda s: 'UTC')
    tm_gmtoff = property(lambda s: 0)

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(f'{n}={v}' for n, v in zip(_FIELDS, self)) + ')'


def _civil(days):
    # days since 1970-01-01 -> (y, m, d), Howard Hinnant's algorithm.
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = int(secs // 1)
    days, rem = divmod(secs, 86400)
    y, m, d = _civil(days)
    yday = days - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, wday, yday, 0))


localtime = gmtime


def mktime(t):
    return float(_days_from_civil(t[0], t[1], t[2]) * 86400 + t[3] * 3600 + t[4] * 60 + t[5])


calendar_timegm = mktime


def strftime(fmt, t=None):
    if t is None:
        t = localtime()
    y, mo, d, h, mi, s, wd, yd = t[:8]
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
            'M': f"{mi:02d}", 'S': f"{s:02d}", 'a': _DAYS[wd][:3], 'A': _DAYS[wd], 'b': _MONTHS[mo - 1][:3],
            'B': _MONTHS[mo - 1], 'j': f"{yd:03d}", 'p': "AM" if h < 12 else "PM", 'I': f"{(h % 12) or 12:02d}",
            'w': str((wd + 1) % 7), 'Z': 'UTC', 'z': '+0000', '%': '%', 'e': f"{d:2d}",
            'c': f"{_DAYS[wd][:3]} {_MONTHS[mo - 1][:3]} {d:2d} {h:02d}:{mi:02d}:{s:02d} {y:04d}",
            'x': f"{mo:02d}/{d:02d}/{y % 100:02d}", 'X': f"{h:02d}:{mi:02d}:{s:02d}",
            'D': f"{mo:02d}/{d:02d}/{y % 100:02d}", 'F': f"{y:04d}-{mo:02d}-{d:02d}", 'T': f"{h:02d}:{mi:02d}:{s:02d}",
        }.get(k, '%' + k))
    return ''.join(out)


def asctime(t=None):
    return strftime('%a %b %e %H:%M:%S %Y', t)


def ctime(secs=None):
    return asctime(localtime(secs))
