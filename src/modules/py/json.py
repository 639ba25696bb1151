"""json for sonde: dumps/loads with CPython's output format."""


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__(f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESC:
            out.append(_ESC[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7e):
            n = ord(ch)
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float_repr(f):
    if f != f:
        return 'NaN'
    if f == float('inf'):
        return 'Infinity'
    if f == -float('inf'):
        return '-Infinity'
    return repr(f)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if isinstance(indent, int):
        indent = ' ' * indent
    if separators is None:
        separators = (', ', ': ') if indent is None else (',', ': ')
    item_sep, key_sep = separators
    chunks = []
    markers = set()

    def enc(o, level):
        if o is None:
            chunks.append('null')
        elif o is True:
            chunks.append('true')
        elif o is False:
            chunks.append('false')
        elif isinstance(o, str):
            chunks.append(_encode_str(o, ensure_ascii))
        elif isinstance(o, int):
            chunks.append(int.__repr__(o))
        elif isinstance(o, float):
            if not allow_nan and (o != o or o in (float('inf'), -float('inf'))):
                raise ValueError("Out of range float values are not JSON compliant")
            chunks.append(_float_repr(o))
        elif isinstance(o, (list, tuple)):
            if id(o) in markers:
                raise ValueError("Circular reference detected")
            markers.add(id(o))
            if not o:
                chunks.append('[]')
            else:
                chunks.append('[')
                if indent is not None:
                    nl = '\n' + indent * (level + 1)
                    chunks.append(nl)
                    sep = item_sep + nl
                else:
                    sep = item_sep
                for i, v in enumerate(o):
                    if i:
                        chunks.append(sep)
                    enc(v, level + 1)
                if indent is not None:
                    chunks.append('\n' + indent * level)
                chunks.append(']')
            markers.discard(id(o))
        elif isinstance(o, dict):
            if id(o) in markers:
                raise ValueError("Circular reference detected")
            markers.add(id(o))
            if not o:
                chunks.append('{}')
            else:
                chunks.append('{')
                if indent is not None:
                    nl = '\n' + indent * (level + 1)
                    chunks.append(nl)
                    sep = item_sep + nl
                else:
                    sep = item_sep
                items = sorted(o.items()) if sort_keys else o.items()
                first = True
                for k, v in items:
                    if isinstance(k, str):
                        pass
                    elif isinstance(k, float):
                        k = _float_repr(k)
                    elif k is True:
                        k = 'true'
                    elif k is False:
                        k = 'false'
                    elif k is None:
                        k = 'null'
                    elif isinstance(k, int):
                        k = int.__repr__(k)
                    elif skipkeys:
                        continue
                    else:
                        raise TypeError(f'keys must be str, int, float, bool or None, not {type(k).__name__}')
                    if not first:
                        chunks.append(sep)
                    first = False
                    chunks.append(_encode_str(k, ensure_ascii))
                    chunks.append(key_sep)
                    enc(v, level + 1)
                if indent is not None:
                    chunks.append('\n' + indent * level)
                chunks.append('}')
            markers.discard(id(o))
        else:
            if default is None:
                raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
            enc(default(o), level)

    enc(obj, 0)
    return ''.join(chunks)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WS = ' \t\n\r'


def loads(s, *, object_hook=None, parse_float=None, parse_int=None, object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode('utf-8')
    n = len(s)

    def skip(i):
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(i):
        i = skip(i)
        if i >= n:
            raise JSONDecodeError("Expecting value", s, i)
        c = s[i]
        if c == '{':
            return obj(i + 1)
        if c == '[':
            return arr(i + 1)
        if c == '"':
            return string(i + 1)
        if s.startswith('null', i):
            return None, i + 4
        if s.startswith('true', i):
            return True, i + 4
        if s.startswith('false', i):
            return False, i + 5
        if s.startswith('NaN', i):
            return float('nan'), i + 3
        if s.startswith('Infinity', i):
            return float('inf'), i + 8
        if s.startswith('-Infinity', i):
            return float('-inf'), i + 9
        j = i
        if j < n and s[j] == '-':
            j += 1
        if j >= n or not s[j].isdigit():
            raise JSONDecodeError("Expecting value", s, i)
        if s[j] == '0':
            j += 1
        else:
            while j < n and s[j].isdigit():
                j += 1
        is_float = False
        if j < n and s[j] == '.' and j + 1 < n and s[j + 1].isdigit():
            is_float = True
            j += 1
            while j < n and s[j].isdigit():
                j += 1
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k].isdigit():
                is_float = True
                j = k
                while j < n and s[j].isdigit():
                    j += 1
        text = s[i:j]
        if is_float:
            return (parse_float or float)(text), j
        return (parse_int or int)(text), j

    def string(i):
        out = []
        start = i
        while True:
            if i >= n:
                raise JSONDecodeError("Unterminated string starting at", s, start - 1)
            c = s[i]
            if c == '"':
                return ''.join(out), i + 1
            if c == '\\':
                i += 1
                if i >= n:
                    raise JSONDecodeError("Unterminated string starting at", s, start - 1)
                e = s[i]
                if e == 'u':
                    code = int(s[i + 1:i + 5], 16)
                    i += 5
                    if 0xd800 <= code < 0xdc00 and s.startswith('\\u', i):
                        low = int(s[i + 2:i + 6], 16)
                        if 0xdc00 <= low < 0xe000:
                            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                            i += 6
                    out.append(chr(code))
                    continue
                mapped = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}.get(e)
                if mapped is None:
                    raise JSONDecodeError("Invalid \\escape", s, i - 1)
                out.append(mapped)
                i += 1
            elif c < ' ':
                raise JSONDecodeError("Invalid control character at", s, i)
            else:
                out.append(c)
                i += 1

    def obj(i):
        pairs = []
        i = skip(i)
        if i < n and s[i] == '}':
            return (object_pairs_hook(pairs) if object_pairs_hook else (object_hook({}) if object_hook else {})), i + 1
        while True:
            i = skip(i)
            if i >= n or s[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            k, i = string(i + 1)
            i = skip(i)
            if i >= n or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            v, i = value(i + 1)
            pairs.append((k, v))
            i = skip(i)
            if i < n and s[i] == ',':
                i += 1
                continue
            if i < n and s[i] == '}':
                i += 1
                break
            raise JSONDecodeError("Expecting ',' delimiter", s, i)
        if object_pairs_hook:
            return object_pairs_hook(pairs), i
        d = dict(pairs)
        return (object_hook(d) if object_hook else d), i

    def arr(i):
        out = []
        i = skip(i)
        if i < n and s[i] == ']':
            return out, i + 1
        while True:
            v, i = value(i)
            out.append(v)
            i = skip(i)
            if i < n and s[i] == ',':
                i += 1
                continue
            if i < n and s[i] == ']':
                return out, i + 1
            raise JSONDecodeError("Expecting ',' delimiter", s, i)

    v, i = value(0)
    i = skip(i)
    if i != n:
        raise JSONDecodeError("Extra data", s, i)
    return v


def load(fp, **kw):
    return loads(fp.read(), **kw)
