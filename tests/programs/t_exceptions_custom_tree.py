class AppError(Exception):
    """Base for app errors."""
    code = 1
    def __init__(self, message, *, detail=None):
        super().__init__(message)
        self.detail = detail
    def __str__(self):
        base = super().__str__()
        return f"{base} ({self.detail})" if self.detail else base
class NotFound(AppError):
    code = 404
class Forbidden(AppError):
    code = 403
def handle(kind):
    try:
        if kind == "nf":
            raise NotFound("no such thing", detail="id=7")
        if kind == "fb":
            raise Forbidden("go away")
        if kind == "other":
            raise KeyError("weird")
        return "ok"
    except AppError as e:
        return f"{type(e).__name__}[{e.code}]: {e}"
    except Exception as e:
        return f"unexpected {e!r}"
for k in ["nf", "fb", "other", "none"]:
    print(handle(k))
print(issubclass(NotFound, AppError), NotFound.__doc__, AppError.__doc__, NotFound("x").args)
err = NotFound("m", detail="d")
print(repr(err), err.detail, isinstance(err, Exception))
