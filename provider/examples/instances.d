/* Instances created per class, and the time their construction (__new__
 * and __init__) took (DTrace).
 * dtrace -q -s instances.d -c "sonde prog.py" */
self int depth;

python$target:::instance-new-start
{
    @created[copyinstr(arg1), copyinstr(arg0)] = count();
    start[tid, self->depth] = timestamp;
    self->depth++;
}

python$target:::instance-new-done
/self->depth > 0/
{
    self->depth--;
    @init_ns[copyinstr(arg0)] = quantize(timestamp - start[tid, self->depth]);
    start[tid, self->depth] = 0;
}
