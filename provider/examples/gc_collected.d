/* Collections and unreachable objects found, per generation (DTrace).
 * dtrace -q -s gc_collected.d -c "sonde prog.py" */
python$target:::gc-start
{
    self->gen = arg0;
    @collections[arg0] = count();
}

python$target:::gc-done
{
    @collected[self->gen] = sum(arg0);
    @per_collection[self->gen] = quantize(arg0);
}
