def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
days_in = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
def day_of_year(y, m, d):
    return sum(days_in[:m - 1]) + d + (1 if m > 2 and is_leap(y) else 0)
def weekday(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7
names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
print([is_leap(y) for y in (1900, 2000, 2023, 2024)])
print(day_of_year(2024, 3, 1), day_of_year(2023, 12, 31))
print(names[weekday(2024, 1, 1)], names[weekday(1969, 7, 20)], names[weekday(2000, 2, 29)])
secs = 98765
h, rem = divmod(secs, 3600)
m, s = divmod(rem, 60)
print(f"{h:02d}:{m:02d}:{s:02d}")
