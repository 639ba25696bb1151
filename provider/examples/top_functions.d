/* Calls and inclusive time per Python function (DTrace).
 * dtrace -q -s top_functions.d -c "sonde prog.py" */
python$target:::function-entry
{
    @calls[copyinstr(arg0), copyinstr(arg1)] = count();
    self->ts[self->depth++] = timestamp;
}

python$target:::function-return
/self->depth > 0/
{
    self->depth--;
    @ns[copyinstr(arg0), copyinstr(arg1)] = sum(timestamp - self->ts[self->depth]);
    self->ts[self->depth] = 0;
}

END
{
    trunc(@calls, 20);
    trunc(@ns, 20);
    printa("%8@d %s:%s\n", @calls);
    printa("%12@d ns %s:%s\n", @ns);
}
