/* Exceptions raised per type (DTrace).
 * dtrace -q -s exceptions.d -c "sonde prog.py" */
python$target:::exception-raise
{
    @raised[copyinstr(arg0)] = count();
}
