from datetime import date, datetime, timedelta, time
d = date(2024, 1, 15)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isoformat(), d.toordinal())
print(d + timedelta(days=30), d - timedelta(weeks=3), date(2024, 3, 1) - date(2024, 2, 1), (date(2025, 1, 1) - d).days)
print(d.strftime("%Y/%m/%d %A %B %j %a %b"), date(2000, 2, 29).replace(year=2004), date.fromisoformat("2023-12-25"))
print(sorted([date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 1)]), date(2024, 1, 1) < date(2024, 1, 2), max(date(1999, 12, 31), date(2000, 1, 1)))
dt = datetime(2024, 3, 10, 14, 30, 5)
print(dt, repr(dt), dt.date(), dt.time(), dt.hour, dt.strftime("%H:%M:%S %p %I"), dt.isoformat())
print(dt + timedelta(hours=12), dt - datetime(2024, 3, 9), (dt - datetime(2024, 1, 1)).total_seconds())
td = timedelta(days=1, hours=3, minutes=4, seconds=5)
print(td, repr(td), td.days, td.seconds, td.total_seconds(), td * 2, td / 2, -td, abs(-td), timedelta(0), timedelta(minutes=90))
print(datetime.strptime("2024-07-04 09:15", "%Y-%m-%d %H:%M"), datetime.fromisoformat("2024-02-29T23:59:58"))
print(time(9, 5), repr(time(9, 5, 7)), f"{d:%d.%m.%Y}", date(2024, 12, 31) + timedelta(days=1), date(1900, 3, 1).weekday())
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
print(type(datetime.now()).__name__, type(date.today()).__name__, isinstance(dt, date))
