print("mypkg init")
VERSION = "1.0"
from .util import helper
