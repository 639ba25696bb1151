"""enum for sonde: Enum, IntEnum, StrEnum, auto and unique over a metaclass."""


class auto:
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None


def _is_descriptor(v):
    return hasattr(v, '__get__') or hasattr(v, '__set__') or hasattr(v, '__delete__')


class EnumMeta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        members = []
        for key in list(ns.keys()):
            if key.startswith('_') or key in ('name', 'value'):
                continue
            value = ns[key]
            if callable(value) or _is_descriptor(value) or isinstance(value, (staticmethod, classmethod)):
                continue
            members.append((key, value))
            del ns[key]
        cls = super().__new__(mcs, name, bases, ns)
        member_type = object
        for b in cls.__mro__[1:]:
            if b in (int, str, float):
                member_type = b
                break
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._member_names_ = []
        last = 0
        for key, value in members:
            if isinstance(value, auto):
                if member_type is str:
                    value = key.lower()
                else:
                    value = cls._generate_next_value_(key, 1, len(cls._member_names_), [last] if cls._member_names_ else [])
            if value in cls._value2member_map_:
                alias = cls._value2member_map_[value]
                cls._member_map_[key] = alias
                type.__setattr__(cls, key, alias)
                continue
            if member_type is object:
                member = object.__new__(cls)
            else:
                args = value if isinstance(value, tuple) and member_type is not str else (value,)
                member = member_type.__new__(cls, *args)
            member._name_ = key
            member._value_ = value
            if '__init__' in cls.__dict__:
                cls.__init__(member, *(value if isinstance(value, tuple) else (value,)))
            cls._member_map_[key] = member
            cls._value2member_map_[value] = member
            cls._member_names_.append(key)
            type.__setattr__(cls, key, member)
            if isinstance(value, int) and not isinstance(value, bool):
                last = value
        return cls

    def _generate_next_value_(cls, name, start, count, last_values):
        return (last_values[-1] + 1) if last_values else start

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __call__(cls, value, *args, **kwargs):
        if args or kwargs or not hasattr(cls, '_value2member_map_'):
            return type.__call__(cls, value, *args, **kwargs)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class Enum(metaclass=EnumMeta):
    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)


class IntEnum(int, Enum):
    def __repr__(self):
        return Enum.__repr__(self)

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return int(self) == other

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return int(self) < other


class StrEnum(str, Enum):
    def __repr__(self):
        return Enum.__repr__(self)

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return str.__eq__(self, other)

    def __hash__(self):
        return hash(self._value_)


class Flag(Enum):
    pass


class IntFlag(int, Flag):
    pass


def unique(enumeration):
    seen = {}
    for name, member in enumeration.__members__.items():
        if name != member.name:
            raise ValueError(f"duplicate values found in {enumeration!r}: {name} -> {member.name}")
    return enumeration
