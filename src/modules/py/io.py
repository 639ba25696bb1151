"""io for sonde: StringIO and BytesIO in memory, open() re-exported."""
open = open


class StringIO:
    def __init__(self, initial_value='', newline='\n'):
        self._buf = initial_value
        self._pos = 0
        self.closed = False

    def write(self, s):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        before = self._buf[:self._pos]
        after = self._buf[self._pos + len(s):]
        self._buf = before + s + after
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        return self._buf

    def read(self, size=-1):
        if size is None or size < 0:
            out = self._buf[self._pos:]
        else:
            out = self._buf[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def readline(self, size=-1):
        i = self._buf.find('\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._buf[self._pos:end]
        self._pos = end
        return out

    def readlines(self):
        out = []
        while True:
            line = self.readline()
            if not line:
                return out
            out.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._pos = pos if whence == 0 else (self._pos + pos if whence == 1 else len(self._buf) + pos)
        return self._pos

    def tell(self):
        return self._pos

    def truncate(self, size=None):
        size = self._pos if size is None else size
        self._buf = self._buf[:size]
        return size

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def isatty(self):
        return False

    def readable(self):
        return True

    def writable(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


class BytesIO:
    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(initial_bytes)
        self._pos = 0
        self.closed = False

    def write(self, b):
        b = bytes(b)
        self._buf[self._pos:self._pos + len(b)] = b
        self._pos += len(b)
        return len(b)

    def getvalue(self):
        return bytes(self._buf)

    def read(self, size=-1):
        if size is None or size < 0:
            out = bytes(self._buf[self._pos:])
        else:
            out = bytes(self._buf[self._pos:self._pos + size])
        self._pos += len(out)
        return out

    def seek(self, pos, whence=0):
        self._pos = pos if whence == 0 else (self._pos + pos if whence == 1 else len(self._buf) + pos)
        return self._pos

    def tell(self):
        return self._pos

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()
