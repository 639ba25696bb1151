# The same events as trace.bt from gdb. Compared lines start with "| ".
set pagination off
set language c
break -probe-stap python:import__find__load__start
commands
silent
printf "| import %s\n", (char *)$_probe_arg0
continue
end
break -probe-stap python:import__find__load__done
commands
silent
printf "| import done %s found=%d\n", (char *)$_probe_arg0, $_probe_arg1
continue
end
break -probe-stap python:function__entry
commands
silent
printf "| -> %s:%s:%d\n", (char *)$_probe_arg0, (char *)$_probe_arg1, $_probe_arg2
continue
end
run
