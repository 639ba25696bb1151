/* Time to delete an instance and everything that dies with it (a deletion
 * cascade), per class of the outermost instance (nanoseconds, quantize):
 * the example of Jesus Cea's documentation (DTrace).
 * dtrace -q -s delete_cascades.d -c "sonde prog.py" */
self int depth;

python$target:::instance-delete-start
/self->depth == 0/
{
    self->start = timestamp;
}

python$target:::instance-delete-start
{
    self->depth++;
}

python$target:::instance-delete-done
/self->depth > 0/
{
    self->depth--;
}

python$target:::instance-delete-done
/self->depth == 0 && self->start/
{
    @cascade_ns[copyinstr(arg0)] = quantize(timestamp - self->start);
    self->start = 0;
}
