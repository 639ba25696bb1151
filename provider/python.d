/*
 * The python provider: every probe sonde fires, with typed, named arguments.
 * This file is the single source of truth; arch/build.rs generates the Rust
 * probe API from it. The first eight probes are CPython's (Include/pydtrace.d),
 * byte for byte in name, order and argument size.
 */
provider python {
    probe function__entry(const char *filename, const char *funcname, int lineno);
    probe function__return(const char *filename, const char *funcname, int lineno);
    probe line(const char *filename, const char *funcname, int lineno);
    probe gc__start(int generation);
    probe gc__done(long collected);
    probe import__find__load__start(const char *modulename);
    probe import__find__load__done(const char *modulename, int found);
    probe audit(const char *event, const char *args);
    probe instance__new__start(const char *classname, const char *filename);
    probe instance__new__done(const char *classname, const char *filename);
    probe instance__delete__start(const char *classname, const char *filename);
    probe instance__delete__done(const char *classname, const char *filename);
    probe exception__raise(const char *typename, const char *filename, const char *funcname, int lineno);
    probe exception__handled(const char *typename, const char *filename, const char *funcname, int lineno);
    probe cfunction__entry(const char *filename, const char *funcname, int lineno, const char *module);
    probe cfunction__return(const char *filename, const char *funcname, int lineno, const char *module);
    probe compile__start(const char *filename);
    probe compile__done(const char *filename, int ok);
};

#pragma D attributes Evolving/Evolving/Common provider python provider
#pragma D attributes Evolving/Evolving/Common provider python module
#pragma D attributes Evolving/Evolving/Common provider python function
#pragma D attributes Evolving/Evolving/Common provider python name
#pragma D attributes Evolving/Evolving/Common provider python args
