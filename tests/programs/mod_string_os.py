import string, os
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5], len(string.punctuation))
print(string.capwords("hello big world"))
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y/z.py"), os.path.dirname("/x/y/z.py"))
print(os.path.splitext("archive.tar.gz"), os.path.split("/a/b"), os.path.isabs("/a"), os.path.normpath("a/./b/../c"))
print(os.sep, os.path.exists("mod_string_os.py"), os.path.isdir("mypkg"), os.path.isfile("mypkg"))
print(type(os.getcwd()).__name__, type(os.environ).__name__, os.getenv("SONDE_SURELY_UNSET", "default"))
print(sorted(os.listdir("mypkg"))[:3])
