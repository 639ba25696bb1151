/* Imports with their time and outcome (DTrace).
 * dtrace -q -s imports.d -c "sonde prog.py" */
python$target:::import-find-load-start
{
    self->t[copyinstr(arg0)] = timestamp;
}

python$target:::import-find-load-done
{
    printf("%-30s %s %d us\n", copyinstr(arg0), arg1 ? "found" : "NOT FOUND",
        (timestamp - self->t[copyinstr(arg0)]) / 1000);
    self->t[copyinstr(arg0)] = 0;
}
