# The same call flow as trace.bt, from gdb's SDT probe breakpoints.
# Lines the harness compares start with "| ".
set pagination off
set language c
set $depth = 0
break -probe-stap python:function__entry
commands
silent
printf "| %d -> %s:%s:%d\n", $depth, (char *)$_probe_arg0, (char *)$_probe_arg1, $_probe_arg2
set $depth = $depth + 1
continue
end
break -probe-stap python:function__return
commands
silent
set $depth = $depth - 1
printf "| %d <- %s:%s:%d\n", $depth, (char *)$_probe_arg0, (char *)$_probe_arg1, $_probe_arg2
continue
end
run
