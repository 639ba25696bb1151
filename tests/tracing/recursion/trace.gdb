# The same as trace.bt from gdb. Compared lines start with "| ".
set pagination off
set language c
set $entries = 0
set $returns = 0
break -probe-stap python:function__entry
commands
silent
if $_streq((char *)$_probe_arg1, "dive")
set $entries = $entries + 1
else
printf "| -> %s\n", (char *)$_probe_arg1
end
continue
end
break -probe-stap python:function__return
commands
silent
if $_streq((char *)$_probe_arg1, "dive")
set $returns = $returns + 1
else
printf "| <- %s\n", (char *)$_probe_arg1
end
continue
end
run
printf "| dive balanced: %d\n", $entries == $returns && $entries > 100
