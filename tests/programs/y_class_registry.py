class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name or cls.__name__.lower()] = cls
    def run(self):
        return f"{type(self).__name__} running"
class Alpha(Plugin):
    pass
class Beta(Plugin, name="b"):
    def run(self):
        return super().run() + " fast"
print(sorted(Plugin.registry), [Plugin.registry[k]().run() for k in sorted(Plugin.registry)])
class Meta(type):
    created = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.created.append(name)
        return cls
class Base(metaclass=Meta):
    pass
class Derived(Base):
    pass
print(Meta.created, type(Derived).__name__, isinstance(Derived, Meta))
