"""abc for sonde: abstract methods are recorded and enforced at instantiation."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABCMeta(type):
    pass


class ABC:
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        abstracts = set()
        for klass in cls.__mro__:
            for name, value in klass.__dict__.items():
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(name)
        for name in list(abstracts):
            value = getattr(cls, name, None)
            if not getattr(value, "__isabstractmethod__", False):
                abstracts.discard(name)
        cls.__abstractmethods__ = frozenset(abstracts)

    def __new__(cls, *args, **kwargs):
        abstracts = getattr(cls, "__abstractmethods__", ())
        if abstracts:
            names = sorted(abstracts)
            s = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} " + ", ".join(names))
        return object.__new__(cls)
