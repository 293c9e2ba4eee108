#!/usr/bin/env bash
# Whole-process cost of qostop in a real terminal: CPU (utime+stime from
# /proc), bytes written to the terminal (tmux pipe-pane) and resident
# memory, over SECONDS after a 5 s warm-up.
# usage: docs/measure-process.sh SECONDS WIDTH HEIGHT -- COMMAND...
# The command is run through the shell with exec, so the pane's pid is
# qostop's, e.g.: docs/measure-process.sh 60 100 30 -- ./qostop demo
# KEYS="Enter Enter" sends tmux keys after start (demo: open the first
# meeting, then its first participant).
set -eu
secs=$1 w=$2 h=$3; shift 4
sock=qm$$
out=/tmp/pipe-$$.bytes; : > $out
tmux -L $sock new -d -s m -x $w -y $h "exec env TERM=xterm-256color $*"
tmux -L $sock pipe-pane -t m -o "cat >> $out"
sleep 2
for k in ${KEYS:-}; do tmux -L $sock send-keys -t m "$k"; sleep 1; done
sleep 3   # warm-up: first fetch, layout
pid=$(tmux -L $sock display -p -t m "#{pane_pid}")
t0=$(awk '{print $14+$15}' /proc/$pid/stat); b0=$(stat -c %s $out)
sleep $secs
t1=$(awk '{print $14+$15}' /proc/$pid/stat); b1=$(stat -c %s $out)
rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status); hwm=$(awk '/VmHWM/{print $2}' /proc/$pid/status)
tck=$(getconf CLK_TCK)
echo "cpu_seconds=$(echo "scale=3; ($t1-$t0)/$tck" | bc) over ${secs}s => $(echo "scale=3; 100*($t1-$t0)/$tck/$secs" | bc)% of one core"
echo "terminal_bytes=$((b1-b0)) over ${secs}s => $(( (b1-b0)*60/secs )) bytes/min"
echo "rss_kb=$rss peak_kb=$hwm"
tmux -L $sock capture-pane -p -t m | head -5
tmux -L $sock kill-server
