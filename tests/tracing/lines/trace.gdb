# The same events as trace.bt from gdb. Compared lines start with "| ".
set pagination off
set language c
break -probe-stap python:line
commands
silent
printf "| %s:%s:%d\n", (char *)$_probe_arg0, (char *)$_probe_arg1, $_probe_arg2
continue
end
run
