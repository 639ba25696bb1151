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
break -probe-stap python:audit
commands
silent
printf "| audit %s %s\n", (char *)$_probe_arg0, (char *)$_probe_arg1
continue
end
break -probe-stap python:instance__new__start
commands
silent
printf "| new %s %s\n", (char *)$_probe_arg0, (char *)$_probe_arg1
continue
end
break -probe-stap python:instance__new__done
commands
silent
printf "| new done %s %s\n", (char *)$_probe_arg0, (char *)$_probe_arg1
continue
end
break -probe-stap python:compile__start
commands
silent
printf "| compile %s\n", (char *)$_probe_arg0
continue
end
break -probe-stap python:compile__done
commands
silent
printf "| compile done %s ok=%d\n", (char *)$_probe_arg0, $_probe_arg1
continue
end
run
