"""os.path for sonde (POSIX)."""
import _os

sep = '/'


def join(a, *p):
    path = a
    for b in p:
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    return p[p.rfind('/') + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    base = basename(p)
    i = base.rfind('.')
    if i <= 0 or base[:i].strip('.') == '':
        return p, ''
    cut = len(p) - len(base) + i
    return p[:cut], p[cut:]


def isabs(p):
    return p.startswith('/')


def normpath(path):
    if not path:
        return '.'
    initial = 2 if path.startswith('//') and not path.startswith('///') else (1 if path.startswith('/') else 0)
    comps = path.split('/')
    new = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not new) or (new and new[-1] == '..'):
            new.append(comp)
        elif new:
            new.pop()
    path = '/'.join(new)
    if initial:
        path = '/' * initial + path
    return path or '.'


def abspath(p):
    if not isabs(p):
        p = join(_os.getcwd(), p)
    return normpath(p)


def _stat(p):
    try:
        return _os.stat(p)
    except OSError:
        return None


def exists(p):
    return _stat(p) is not None


def isfile(p):
    s = _stat(p)
    return s is not None and s[0] == 1


def isdir(p):
    s = _stat(p)
    return s is not None and s[0] == 2


def getsize(p):
    return _os.stat(p)[1]


def getmtime(p):
    return _os.stat(p)[2]


def expanduser(p):
    if p.startswith('~'):
        return _os.environ.get('HOME', '~') + p[1:]
    return p
