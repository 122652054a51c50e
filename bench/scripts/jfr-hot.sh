#!/usr/bin/env bash
# Summarises a JFR recording: execution samples of the server's request threads by top frame, and by the
# com.consento methods on the stack (inclusive). Usage: bench/scripts/jfr-hot.sh FILE.jfr [top-n]
set -euo pipefail
file=$1
top=${2:-25}
jfr print --events jdk.ExecutionSample --stack-depth 96 "$file" | python3 -c '
import re, sys, collections
top = int(sys.argv[1])
text = sys.stdin.read()
events = text.split("jdk.ExecutionSample")[1:]
leaf, incl, total = collections.Counter(), collections.Counter(), 0
for e in events:
    if "http-nio" not in e:
        continue
    frames = [re.sub(r"\s+line:.*", "", l.strip()) for l in e.splitlines() if re.match(r"\s+[\w$.]+\(.*\)\s+line:", l)]
    if not frames:
        continue
    total += 1
    leaf[frames[0]] += 1
    for f in dict.fromkeys(re.sub(r"\(.*", "", f) for f in frames if f.startswith("com.consento")):
        incl[f] += 1
print(f"{total} execution samples on request threads")
print("--- top frames (self)")
for f, n in leaf.most_common(top):
    print(f"{100.0 * n / max(total, 1):5.1f}%  {f}")
print("--- com.consento methods on the stack (inclusive)")
for f, n in incl.most_common(top):
    print(f"{100.0 * n / max(total, 1):5.1f}%  {f}")
' "$top"
