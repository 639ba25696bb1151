/* Garbage-collection pauses: their length per generation (nanoseconds,
 * quantize), and the longest (DTrace).
 * dtrace -q -s gc_pauses.d -c "sonde prog.py" */
python$target:::gc-start
{
    self->start = timestamp;
    self->gen = arg0;
}

python$target:::gc-done
/self->start/
{
    @pause_ns[self->gen] = quantize(timestamp - self->start);
    @longest_ns = max(timestamp - self->start);
    self->start = 0;
}
