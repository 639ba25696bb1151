"""collections.abc for sonde: isinstance checks by protocol, as the ABCs'
__subclasshook__ methods do in CPython."""


def _has(cls, *names):
    return all(any(n in k.__dict__ for k in cls.__mro__) for n in names)


class _ABCMeta(type):
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls in getattr(sub, '__mro__', ()):
            return True
        if sub in cls._registry:
            return True
        check = cls.__dict__.get('_check')
        return bool(check and check(sub))

    def register(cls, sub):
        cls._registry.append(sub)
        return sub


class _Base(metaclass=_ABCMeta):
    _registry = []

    def __init_subclass__(cls, **kw):
        cls._registry = []


class Hashable(_Base):
    _check = staticmethod(lambda c: getattr(c, '__hash__', None) is not None)


class Iterable(_Base):
    _check = staticmethod(lambda c: _has(c, '__iter__'))


class Iterator(Iterable):
    _check = staticmethod(lambda c: _has(c, '__iter__', '__next__'))


class Reversible(Iterable):
    _check = staticmethod(lambda c: _has(c, '__reversed__', '__iter__'))


class Generator(Iterator):
    _check = staticmethod(lambda c: _has(c, 'send', 'throw', 'close', '__next__'))


class Sized(_Base):
    _check = staticmethod(lambda c: _has(c, '__len__'))


class Container(_Base):
    _check = staticmethod(lambda c: _has(c, '__contains__'))


class Callable(_Base):
    _check = staticmethod(lambda c: _has(c, '__call__') or c.__name__ in ('function', 'builtin_function_or_method', 'method', 'type'))


class Collection(Sized, Iterable, Container):
    _check = staticmethod(lambda c: _has(c, '__len__', '__iter__', '__contains__'))


class Sequence(Reversible, Collection):
    _check = staticmethod(lambda c: c in (list, tuple, str, range, bytes, bytearray) or any(k in (list, tuple, str) for k in c.__mro__))


class MutableSequence(Sequence):
    _check = staticmethod(lambda c: list in c.__mro__ or bytearray in c.__mro__)


class Set(Collection):
    _check = staticmethod(lambda c: set in c.__mro__ or frozenset in c.__mro__)


class MutableSet(Set):
    _check = staticmethod(lambda c: set in c.__mro__)


class Mapping(Collection):
    _check = staticmethod(lambda c: dict in c.__mro__)


class MutableMapping(Mapping):
    _check = staticmethod(lambda c: dict in c.__mro__)


class MappingView(Sized):
    pass


class KeysView(MappingView, Set):
    _check = staticmethod(lambda c: c.__name__ == 'dict_keys')


class ItemsView(MappingView, Set):
    _check = staticmethod(lambda c: c.__name__ == 'dict_items')


class ValuesView(MappingView, Collection):
    _check = staticmethod(lambda c: c.__name__ == 'dict_values')
