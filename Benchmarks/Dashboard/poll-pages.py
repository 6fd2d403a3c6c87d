#!/usr/bin/env python3
"""Many dashboard pages polling one silo: does the silo's memory or CPU grow with pages or with time?

Usage: poll-pages.py SILO_URL GATEWAY_URL SILO_PID [PAGES] [SECONDS] [BASELINE_SECONDS]

Runs the dev mesh's demo traffic (5 requests/s through the gateway) throughout. For BASELINE_SECONDS no page polls;
then PAGES simulated pages poll as the dashboard's script does (api/state every second, api/config and api/series
every 5 s) for SECONDS. Prints the silo process's resident memory and CPU every 30 s and per phase, as Markdown.
Standard library only; loopback only.
"""
import json
import sys
import threading
import time
import urllib.request

silo, gateway, pid = sys.argv[1].rstrip('/'), sys.argv[2].rstrip('/'), int(sys.argv[3])
pages = int(sys.argv[4]) if len(sys.argv) > 4 else 30
seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 360
baseline = int(sys.argv[6]) if len(sys.argv) > 6 else 120
ticks = 100  # os.sysconf('SC_CLK_TCK') on Linux
stop = threading.Event()
polling = threading.Event()
answers = {'state': 0, 'slow': 0, 'errors': 0}
lock = threading.Lock()


def rss_kib():
    with open(f'/proc/{pid}/status') as f:
        return next(int(line.split()[1]) for line in f if line.startswith('VmRSS:'))


def cpu_seconds():
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


def get(path):
    with urllib.request.urlopen(silo + path, timeout=10) as r:
        r.read()


def traffic():
    body = json.dumps({'model': 'chat-model', 'messages': [{'role': 'user', 'content': 'hi'}], 'max_tokens': 8}).encode()
    while not stop.is_set():
        try:
            req = urllib.request.Request(gateway + '/v1/chat/completions', body, {'content-type': 'application/json'})
            with urllib.request.urlopen(req, timeout=10) as r:
                r.read()
        except Exception:
            pass
        time.sleep(0.2)


def page(index):
    n = 0
    while not stop.is_set():
        if polling.is_set():
            try:
                get('/dashboard/api/state')
                if n % 5 == index % 5:
                    get('/dashboard/api/config')
                    get('/dashboard/api/series')
                    with lock:
                        answers['slow'] += 1
                with lock:
                    answers['state'] += 1
            except Exception:
                with lock:
                    answers['errors'] += 1
            n += 1
        time.sleep(1)


threads = [threading.Thread(target=traffic, daemon=True)] + [threading.Thread(target=page, args=(i,), daemon=True) for i in range(pages)]
for t in threads:
    t.start()

print('| phase | elapsed s | silo RSS MiB | silo CPU % (since last row) |')
print('| --- | --- | --- | --- |')
start = time.time()
last_t, last_cpu = start, cpu_seconds()
phase_rows = {}
for phase, length in (('baseline (no page)', baseline), (f'{pages} pages polling', seconds)):
    if phase != 'baseline (no page)':
        polling.set()
    phase_start = time.time()
    phase_cpu = cpu_seconds()
    first_rss = rss_kib()
    while time.time() - phase_start < length:
        time.sleep(30)
        now, cpu = time.time(), cpu_seconds()
        print(f'| {phase} | {now - start:.0f} | {rss_kib() / 1024:.1f} | {100 * (cpu - last_cpu) / (now - last_t):.1f} |', flush=True)
        last_t, last_cpu = now, cpu
    phase_rows[phase] = (first_rss / 1024, rss_kib() / 1024, 100 * (cpu_seconds() - phase_cpu) / (time.time() - phase_start))
stop.set()
print()
for phase, (first, last, cpu) in phase_rows.items():
    print(f'- {phase}: RSS {first:.1f} -> {last:.1f} MiB, silo CPU {cpu:.1f} % of one core on average')
print(f'- answers: {answers["state"]} state, {answers["slow"]} config+series pairs, {answers["errors"]} errors')
