from ..util import public
from . import sibling
VALUE = public * 10
def who():
    return __name__
