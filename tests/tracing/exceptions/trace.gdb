# The same events as trace.bt from gdb. Compared lines start with "| ".
set pagination off
set language c
break -probe-stap python:exception__raise
commands
silent
printf "| raise %s %s:%s:%d\n", (char *)$_probe_arg0, (char *)$_probe_arg1, (char *)$_probe_arg2, $_probe_arg3
continue
end
break -probe-stap python:exception__handled
commands
silent
printf "| handled %s %s:%s:%d\n", (char *)$_probe_arg0, (char *)$_probe_arg1, (char *)$_probe_arg2, $_probe_arg3
continue
end
run
