/* Call flow with indentation, per thread (DTrace: illumos, FreeBSD, macOS).
 * dtrace -q -s call_flow.d -c "sonde prog.py" */
self int depth;

python$target:::function-entry
{
    printf("%*s=> %s %s:%d\n", self->depth * 2, "", copyinstr(arg1), copyinstr(arg0), arg2);
    self->depth++;
}

python$target:::function-return
{
    self->depth -= self->depth > 0 ? 1 : 0;
    printf("%*s<= %s %s:%d\n", self->depth * 2, "", copyinstr(arg1), copyinstr(arg0), arg2);
}
