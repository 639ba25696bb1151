# The same events as trace.bt from gdb. Compared lines start with "| ".
set pagination off
set language c
break -probe-stap python:cfunction__entry
commands
silent
printf "| -> %s.%s %s:%d\n", (char *)$_probe_arg3, (char *)$_probe_arg1, (char *)$_probe_arg0, $_probe_arg2
continue
end
break -probe-stap python:cfunction__return
commands
silent
printf "| <- %s.%s %s:%d\n", (char *)$_probe_arg3, (char *)$_probe_arg1, (char *)$_probe_arg0, $_probe_arg2
continue
end
run
