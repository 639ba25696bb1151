"""dataclasses for sonde (pure Python, generating methods with exec as CPython does)."""


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.kw_only = kw_only

    def __repr__(self):
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r},default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},hash={self.hash!r},compare={self.compare!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=False):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, kw_only)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fs.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return obj


def astuple(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple(astuple(getattr(obj, f.name)) for f in fields(obj))
    if isinstance(obj, (list, tuple)):
        return type(obj)(astuple(v) for v in obj)
    return obj


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _make_fn(name, params, body, env, qualname):
    src = f"def {name}({', '.join(params)}):\n" + "\n".join("    " + b for b in (body or ["pass"]))
    ns = {}
    exec(src, env, ns)
    fn = ns[name]
    fn.__qualname__ = f"{qualname}.{name}"
    return fn


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    all_fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields:
            for f in base_fields.values():
                all_fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    for name, typ in annotations.items():
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = typ
        if kw_only:
            f.kw_only = True
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        all_fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = all_fields
    flds = list(all_fields.values())
    qual = cls.__qualname__
    env = {'MISSING': MISSING, '__dataclass_builtins_object__': object, 'FrozenInstanceError': FrozenInstanceError}
    if init:
        params = ['self']
        body = []
        seen_default = False
        kw_params = []
        for f in flds:
            if not f.init:
                if f.default_factory is not MISSING:
                    env[f'__dflt_{f.name}'] = f.default_factory
                    body.append(_assign(f.name, f'__dflt_{f.name}()', frozen))
                elif f.default is not MISSING:
                    env[f'__dflt_{f.name}'] = f.default
                    body.append(_assign(f.name, f'__dflt_{f.name}', frozen))
                continue
            if f.default is not MISSING:
                env[f'__dflt_{f.name}'] = f.default
                p = f'{f.name}=__dflt_{f.name}'
                seen_default = True
            elif f.default_factory is not MISSING:
                env[f'__dflt_{f.name}'] = f.default_factory
                p = f'{f.name}=MISSING'
                seen_default = True
            else:
                if seen_default and not f.kw_only:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                p = f.name
            if f.kw_only:
                kw_params.append(p)
            else:
                params.append(p)
            if f.default_factory is not MISSING:
                body.append(_assign(f.name, f'__dflt_{f.name}() if {f.name} is MISSING else {f.name}', frozen))
            else:
                body.append(_assign(f.name, f.name, frozen))
        if kw_params:
            params.append('*')
            params.extend(kw_params)
        if '__post_init__' in dir(cls):
            body.append('self.__post_init__()')
        _set(cls, '__init__', _make_fn('__init__', params, body, env, qual))
    if repr:
        rf = [f.name for f in flds if f.repr]
        body = ['return self.__class__.__qualname__ + f"(' + ', '.join(f'{n}={{self.{n}!r}}' for n in rf) + ')"']
        _set(cls, '__repr__', _make_fn('__repr__', ['self'], body, env, qual))
    cmp_fields = [f.name for f in flds if f.compare]
    tup = '(' + ''.join(f'self.{n},' for n in cmp_fields) + ')'
    otup = '(' + ''.join(f'other.{n},' for n in cmp_fields) + ')'
    if eq:
        body = ['if other.__class__ is self.__class__:', f'    return {tup} == {otup}', 'return NotImplemented']
        _set(cls, '__eq__', _make_fn('__eq__', ['self', 'other'], body, env, qual))
    if order:
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')]:
            body = ['if other.__class__ is self.__class__:', f'    return {tup} {op} {otup}', 'return NotImplemented']
            _set(cls, name, _make_fn(name, ['self', 'other'], body, env, qual))
    if frozen:
        body = ['raise FrozenInstanceError(f"cannot assign to field {name!r}")']
        _set(cls, '__setattr__', _make_fn('__setattr__', ['self', 'name', 'value'], body, env, qual))
        body = ['raise FrozenInstanceError(f"cannot delete field {name!r}")']
        _set(cls, '__delattr__', _make_fn('__delattr__', ['self', 'name'], body, env, qual))
    if unsafe_hash or (eq and frozen):
        hf = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]
        body = ['return hash((' + ''.join(f'self.{n},' for n in hf) + '))']
        cls.__hash__ = _make_fn('__hash__', ['self'], body, env, qual)
    elif eq and '__hash__' not in cls.__dict__:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in flds if f.init)
    return cls


def _assign(name, value, frozen):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__(self, {name!r}, {value})'
    return f'self.{name} = {value}'


def _set(cls, name, value):
    if name not in cls.__dict__:
        setattr(cls, name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)
