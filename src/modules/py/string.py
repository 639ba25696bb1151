"""string constants for sonde."""
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(x.capitalize() for x in s.split(sep))


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _sub(self, mapping, safe):
        import re
        out = []
        pattern = re.compile(r'\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\}|())')

        def repl(m):
            if m.group(1) is not None:
                return '$'
            name = m.group(2) or m.group(3)
            if name is not None:
                if name in mapping:
                    return str(mapping[name])
                if safe:
                    return m.group(0)
                raise KeyError(name)
            if safe:
                return m.group(0)
            raise ValueError(f'Invalid placeholder in string: line 1, col {m.start() + 1}')
        return pattern.sub(repl, self.template)

    def substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {}, **kws)
        return self._sub(m, False)

    def safe_substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {}, **kws)
        return self._sub(m, True)
