"""os for sonde: a small POSIX subset over the _os primitives."""
import sys
import _os
import posixpath as path

sys.modules['os.path'] = path
name = 'posix'
sep = '/'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
extsep = '.'
devnull = '/dev/null'


class _Environ(dict):
    def __setitem__(self, key, value):
        _os.putenv(key, value)
        dict.__setitem__(self, key, value)


environ = _Environ(_os.environ)
getcwd = _os.getcwd
listdir = _os.listdir
remove = _os.remove
unlink = _os.remove
mkdir = _os.mkdir
rmdir = _os.rmdir
rename = _os.rename
getpid = _os.getpid
cpu_count = _os.cpu_count
chdir = _os.chdir


def makedirs(name, mode=0o777, exist_ok=False):
    _os.makedirs(name, mode, exist_ok)


def getenv(key, default=None):
    return environ.get(key, default)


def fspath(p):
    return p


def walk(top):
    dirs, files = [], []
    for n in sorted(listdir(top)):
        (dirs if path.isdir(path.join(top, n)) else files).append(n)
    yield top, dirs, files
    for d in dirs:
        yield from walk(path.join(top, d))
