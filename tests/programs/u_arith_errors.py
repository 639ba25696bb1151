for f in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 0 ** -1, lambda: 2 ** 10000.0, lambda: 1 + "a", lambda: "a" - "b", lambda: [] - [], lambda: -[], lambda: ~1.5, lambda: 1 << -1, lambda: divmod(1, 0), lambda: int("1.5"), lambda: float("x1"), lambda: round("1"), lambda: abs(None)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
