# The same events as trace.bt from gdb. Compared lines start with "| ".
set pagination off
set language c
set $d = 0
break -probe-stap python:instance__new__start
commands
silent
printf "| %d new %s\n", $d, (char *)$_probe_arg0
set $d = $d + 1
continue
end
break -probe-stap python:instance__new__done
commands
silent
set $d = $d - 1
printf "| %d new done %s\n", $d, (char *)$_probe_arg0
continue
end
break -probe-stap python:instance__delete__start
commands
silent
printf "| %d del %s %s\n", $d, (char *)$_probe_arg0, (char *)$_probe_arg1
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
