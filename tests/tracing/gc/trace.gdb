# The same events as trace.bt from gdb. Compared lines start with "| ".
set pagination off
set language c
set $d = 0
break -probe-stap python:gc__start
commands
silent
printf "| %d gc start %d\n", $d, $_probe_arg0
set $d = $d + 1
continue
end
break -probe-stap python:gc__done
commands
silent
set $d = $d - 1
printf "| %d gc done %d\n", $d, $_probe_arg0
continue
end
break -probe-stap python:instance__delete__start
commands
silent
printf "| %d del %s\n", $d, (char *)$_probe_arg0
set $d = $d + 1
continue
end
break -probe-stap python:instance__delete__done
commands
silent
set $d = $d - 1
printf "| %d del done %s\n", $d, (char *)$_probe_arg0
continue
end
break -probe-stap python:audit
commands
silent
printf "| %s\n", (char *)$_probe_arg0
continue
end
run
