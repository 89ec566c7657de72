#!/usr/bin/python3
"""Mnemo and PyTorch on the same workloads, interleaved in one run, as Mnemo/PyTorch ratios.

Runs PyTorch in this process and Mnemo in one long-lived JVM (dev.mnemo.benchmarks.endtoend.
EndToEnd serve, driven over stdin/stdout), alternating blocks of steps (PyTorch, Mnemo, PyTorch,
Mnemo, ... with the order flipped every round) so that both see the same machine state. The
workloads, the same on both sides (float32, random data, Adam lr 1e-3, cross-entropy on logits):

  lstm_train       LSTM(128->256) on [64, 50, 128] + Linear(256, 10) on the last step: training step
  lstm_infer_b64   the same network, inference on batch 64
  lstm_infer_b1    the same network, inference on batch 1 (latency)
  gru_train        as lstm_train with a GRU
  cnn_train        Conv(1->32,3,p1)-ReLU-MaxPool2-Conv(32->64,3,p1)-ReLU-MaxPool2-Linear(3136,128)-ReLU-
                   Linear(128,10) on [128, 1, 28, 28]: training step (images/s = 128 / step time)
  lstm_classifier  token ids of lengths 20-50 (vocabulary 10,000), batch 64 padded per step,
                   Embedding(128)-LSTM(256)-Linear(2), lengths honoured (PyTorch: packed sequence)

Mnemo runs through its user API (Model.fit over a DataLoader, Model.predict), so a Mnemo step
includes assembling its batch from the dataset, and the PyTorch step of lstm_classifier pads its
batch too. Afterwards, in fresh processes, a 10,000-step training run of a small LSTM on each side
reports its resident set size after every 1,000 steps and its peak; memory is flat when the second half
of the run grows less than 5 % (the JVM also runs 5x as long, to show where its warm-up levels off).

PyTorch setup this needs (see the repository's measuring notes): Debian's python3-torch with
libopenblas0-openmp (this script stops if the reference BLAS is active), OPENBLAS_CORETYPE=SkylakeX
on CPUs that OpenBLAS 0.3.21 does not know (set here unless already set), torch.set_num_threads(2).
Build the jar first: ./mvnw -q package -pl benchmarks -am -DskipTests

    /usr/bin/python3 benchmarks/peers/side_by_side.py [--rounds 5] [--workloads lstm_train,cnn_train]
                                                     [--backends default,vector] [--no-memory]
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("OPENBLAS_CORETYPE", "SkylakeX")
os.environ.setdefault("OMP_NUM_THREADS", "2")

try:  # the environment above must be set before torch loads OpenBLAS
    import torch
    from torch import nn
except ImportError:
    raise SystemExit(f"{sys.executable} has no torch: run this with Debian's /usr/bin/python3 "
                     "(apt-get install python3-torch libopenblas0-openmp)")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
THREADS = 2
# Steps per timed block (at most; slow sides get fewer, see block_steps).
BLOCK_MS = 500
STEPS = {"lstm_train": 10, "lstm_infer_b64": 30, "lstm_infer_b1": 200, "gru_train": 10, "cnn_train": 10,
         "lstm_classifier": 10}
T, I, H, CLASSES = 50, 128, 256, 10


# ---------------------------------------------------------------------------------------- PyTorch side

class LastStepClassifier(nn.Module):
    """A recurrent layer (batch first) and a Linear layer on its output at the last step."""

    def __init__(self, recurrent):
        super().__init__()
        self.recurrent = recurrent
        self.fc = nn.Linear(H, CLASSES)

    def forward(self, x):
        y, _ = self.recurrent(x)
        return self.fc(y[:, -1])


class TextClassifier(nn.Module):
    """Embedding, LSTM over each sentence's valid ids (packed), Linear on the final state."""

    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(10_000, 128, padding_idx=0)
        self.lstm = nn.LSTM(128, H, batch_first=True)
        self.fc = nn.Linear(H, 2)

    def forward(self, ids, lengths):
        packed = nn.utils.rnn.pack_padded_sequence(self.embedding(ids), lengths, batch_first=True,
                                                   enforce_sorted=False)
        _, (h, _) = self.lstm(packed)
        return self.fc(h[-1])


def cnn():
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, CLASSES))


class TorchTraining:
    """Training steps over batches cycled from a fixed list; batch(i) returns (inputs tuple, targets)."""

    def __init__(self, model, batch):
        self.model, self.batch, self.i = model, batch, 0
        self.optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        self.loss = nn.CrossEntropyLoss()

    def run(self, steps):
        ms = []
        for _ in range(steps):
            start = time.perf_counter()
            inputs, targets = self.batch(self.i)
            self.optimizer.zero_grad()
            loss = self.loss(self.model(*inputs), targets)
            loss.backward()
            self.optimizer.step()
            loss.item()
            ms.append((time.perf_counter() - start) * 1e3)
            self.i += 1
        return ms


class TorchPredict:
    def __init__(self, model, x):
        self.model, self.x = model.eval(), x

    def run(self, steps):
        ms = []
        with torch.no_grad():
            for _ in range(steps):
                start = time.perf_counter()
                self.model(self.x)
                ms.append((time.perf_counter() - start) * 1e3)
        return ms


def torch_workload(name):
    g = torch.Generator().manual_seed(7)
    if name in ("lstm_train", "gru_train"):
        cell = nn.LSTM(I, H, batch_first=True) if name == "lstm_train" else nn.GRU(I, H, batch_first=True)
        xs = [torch.randn(64, T, I, generator=g) for _ in range(4)]
        ys = [torch.randint(0, CLASSES, (64,), generator=g) for _ in range(4)]
        return TorchTraining(LastStepClassifier(cell), lambda i: ((xs[i % 4],), ys[i % 4]))
    if name.startswith("lstm_infer_b"):
        batch = int(name[len("lstm_infer_b"):])
        return TorchPredict(LastStepClassifier(nn.LSTM(I, H, batch_first=True)), torch.randn(batch, T, I, generator=g))
    if name == "cnn_train":
        xs = [torch.randn(128, 1, 28, 28, generator=g) for _ in range(4)]
        ys = [torch.randint(0, CLASSES, (128,), generator=g) for _ in range(4)]
        return TorchTraining(cnn(), lambda i: ((xs[i % 4],), ys[i % 4]))
    if name == "lstm_classifier":
        sentences = [torch.randint(1, 10_000, (int(torch.randint(20, 51, (1,), generator=g)),), generator=g)
                     for _ in range(8 * 64)]
        labels = torch.randint(0, 2, (8 * 64,), generator=g)

        def batch(i):
            k = i % 8
            chunk = sentences[64 * k:64 * (k + 1)]
            ids = nn.utils.rnn.pad_sequence(chunk, batch_first=True)
            lengths = torch.tensor([len(s) for s in chunk])
            return (ids, lengths), labels[64 * k:64 * (k + 1)]
        return TorchTraining(TextClassifier(), batch)
    raise SystemExit(f"unknown workload {name}")


# ---------------------------------------------------------------------------------------- Mnemo side

def java_command():
    out = subprocess.run(["bash", "-c", '. .mvn/find-jdk.sh >&2 && echo "$JAVA_HOME"'], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return [os.path.join(out.stdout.strip(), "bin", "java"), "--add-modules=jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED", "-cp", JAR, "dev.mnemo.benchmarks.endtoend.EndToEnd"]


class Mnemo:
    """The EndToEnd server: one command line in, one JSON line out."""

    def __init__(self):
        self.process = subprocess.Popen(java_command() + ["serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, bufsize=1)

    def ask(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the Mnemo JVM ended while answering '{command}'")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait(timeout=60)


class MnemoWorkload:
    def __init__(self, mnemo, name, backend):
        self.mnemo, self.name, self.backend = mnemo, name, backend

    def run(self, steps):
        return self.mnemo.ask(f"run {self.name} {self.backend} {steps}")["ms"]


# ---------------------------------------------------------------------------------------- memory

def rss_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise SystemExit(f"no {field} in /proc/self/status")


def torch_memory_run(steps):
    """The PyTorch twin of Mnemo's MemoryRun: LSTM(8->32) + Linear(32, 1), MSE, Adam, batch 16, 20 steps;
    RSS after every tenth of the steps; flat when the second half grows less than 5 %."""
    torch.set_num_threads(THREADS)
    g = torch.Generator().manual_seed(3)
    x = torch.randn(800, 20, 8, generator=g)
    y = (x[:, -1, 0] + x[:, 0, 1]).unsqueeze(1)
    lstm, fc = nn.LSTM(8, 32, batch_first=True), nn.Linear(32, 1)
    optimizer = torch.optim.Adam(list(lstm.parameters()) + list(fc.parameters()), lr=1e-3)
    start, kb = time.perf_counter(), []
    for step in range(1, steps + 1):
        k = (step - 1) % 50
        out, _ = lstm(x[16 * k:16 * (k + 1)])
        loss = nn.functional.mse_loss(fc(out[:, -1]), y[16 * k:16 * (k + 1)])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % (steps // 10) == 0:
            kb.append(rss_kb("VmRSS"))
    late_growth = (kb[9] - kb[4]) / kb[4]
    return {"steps": steps, "seconds": round(time.perf_counter() - start, 2), "final_loss": round(loss.item(), 4),
            "sampled_every": steps // 10, "rss_mb": [round(v / 1024, 1) for v in kb],
            "growth": round((kb[9] - kb[0]) / kb[0], 4), "late_growth": round(late_growth, 4),
            "peak_rss_mb": round(rss_kb("VmHWM") / 1024, 1), "flat": abs(late_growth) < 0.05}


def memory_runs(steps):
    """The flat-memory run on each side, each in a fresh process. The JVM runs three times: with its default
    heap sizing; with a fixed, pre-touched 128 MB heap, which takes Java heap pages touched for the first time
    out of the growth so that what remains is native memory and the JIT; and the latter for 5x the steps, which
    shows whether what grows in the first run levels off (JIT warm-up) or keeps growing (a leak)."""
    fixed = ["-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch"]
    runs = {}
    for how, flags, n in (("JVM defaults", [], steps), ("fixed pre-touched 128 MB heap", fixed, steps),
                          ("fixed pre-touched 128 MB heap", fixed, 5 * steps)):
        cmd = java_command()
        java = subprocess.run(cmd[:1] + flags + cmd[1:] + ["memory", str(n)], capture_output=True, text=True)
        if java.returncode != 0:
            raise SystemExit("Mnemo memory run failed:\n" + java.stderr)
        runs[f"mnemo, {how}, {n:,} steps"] = json.loads(java.stdout.strip().splitlines()[-1])
    py = subprocess.run([sys.executable, os.path.abspath(__file__), "--memory-child", str(steps)],
                        capture_output=True, text=True)
    if py.returncode != 0:
        raise SystemExit("PyTorch memory run failed:\n" + py.stderr)
    runs[f"pytorch, {steps:,} steps"] = json.loads(py.stdout)
    return runs


# ---------------------------------------------------------------------------------------- timing

def warm_up(workload, seconds, limit=None):
    """Runs blocks of 1, 2, 4, ... steps for about `seconds` (JIT, primitive caches, allocator) and returns the
    fastest step of the last block in ms; stops early once a step is over `limit` ms after one second. The
    first block (one cold step, mostly JIT compilation) never decides alone: a slow machine can spend
    more than the limit on it and then run at PyTorch's speed."""
    start, k, last = time.perf_counter(), 1, []
    while True:
        last = workload.run(k)
        elapsed = time.perf_counter() - start
        if (elapsed >= seconds and k > 1) or (limit is not None and k > 1 and elapsed >= 1 and min(last) > limit):
            return min(last)
        k *= 2


def block_steps(name, step_ms):
    """Steps per timed block: STEPS[name], fewer for slow sides so that a block lasts about half a second."""
    return max(1, min(STEPS[name], round(BLOCK_MS / step_ms)))


# ---------------------------------------------------------------------------------------- report

def summary(blocks):
    """Median of every step of every measured block, and the spread of the blocks' medians."""
    medians = [statistics.median(b) for b in blocks]
    return {"median_ms": statistics.median([v for b in blocks for v in b]), "lo": min(medians), "hi": max(medians)}


def fmt(ms):
    return f"{ms:.3g}" if ms < 100 else f"{ms:.0f}"


def report(results, skipped, memory, meta):
    lines = [f"Side by side, {meta['date']}: {meta['cpu']}, {THREADS} threads each; PyTorch {meta['torch']} "
             f"(OpenBLAS {meta['blas']}, OPENBLAS_CORETYPE={os.environ['OPENBLAS_CORETYPE']}); Mnemo on {meta['java']}; "
             f"{meta['rounds']} interleaved rounds; median ms per step (spread = min-max of the rounds' medians).", "",
             "| workload | PyTorch ms | Mnemo backend | Mnemo ms | Mnemo / PyTorch | throughput PyTorch / Mnemo |",
             "|---|---:|---|---:|---:|---:|"]
    for name, sides in results.items():
        p = sides["pytorch"]
        for backend, m in sides["mnemo"].items():
            unit, per = ("images/s", 128) if name == "cnn_train" else \
                ("calls/s", 1) if "infer" in name else ("steps/s", 1)
            lines.append(f"| {name} | {fmt(p['median_ms'])} ({fmt(p['lo'])}-{fmt(p['hi'])}) | {backend} | "
                         f"{fmt(m['median_ms'])} ({fmt(m['lo'])}-{fmt(m['hi'])}) | "
                         f"{m['median_ms'] / p['median_ms']:.2f} | "
                         f"{per * 1e3 / p['median_ms']:.0f} / {per * 1e3 / m['median_ms']:.0f} {unit} |")
    for s in skipped:
        lines.append(f"| {s['workload']} | | {s['backend']} | skipped: {s['reason']} | | |")
    if memory:
        lines += ["", "| training run, small LSTM | RSS after 1/10 of the steps | "
                      "at 1/2 | at the end | growth 1/10 to end | growth 1/2 to end | peak RSS | flat (2nd half < 5 %) "
                      "| wall time |", "|---|---:|---:|---:|---:|---:|---:|---|---:|"]
        for side, r in memory.items():
            mb = r["rss_mb"]
            lines.append(f"| {side} | {mb[0]} MB | {mb[4]} MB | {mb[9]} MB | {100 * r['growth']:+.1f} % | "
                         f"{100 * r['late_growth']:+.1f} % | {r['peak_rss_mb']} MB | {'yes' if r['flat'] else 'NO'} "
                         f"| {r['seconds']} s |")
    return "\n".join(lines)


def blas_in_use():
    try:
        target = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    except OSError:
        return "unknown"
    return target


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu} x {os.cpu_count()}"


def main():
    parser = argparse.ArgumentParser(description="Mnemo vs PyTorch, interleaved")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workloads", default=",".join(STEPS))
    parser.add_argument("--backends", default="default",
                        help="Mnemo backends, comma-separated: default (the fastest available), or names; 'all' = every available one")
    parser.add_argument("--max-slowdown", type=float, default=20.0,
                        help="skip a non-default Mnemo backend on a workload when its warm step is this many times "
                             "slower than PyTorch's (the default backend is always measured)")
    parser.add_argument("--warm-up", type=float, default=3.0, help="seconds of warm-up per workload and side")
    parser.add_argument("--memory-steps", type=int, default=10_000)
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        print(json.dumps(torch_memory_run(args.memory_child)))
        return

    blas = blas_in_use()
    if "openblas" not in blas:
        raise SystemExit(f"libblas.so.3 is {blas}, not OpenBLAS: PyTorch would run about 25x slower. "
                         "Install it: apt-get install libopenblas0-openmp")
    if not os.path.exists(JAR):
        raise SystemExit(f"{JAR} is missing; build it: ./mvnw -q package -pl benchmarks -am -DskipTests")
    torch.set_num_threads(THREADS)
    workloads = args.workloads.split(",")
    mnemo = Mnemo()
    info = mnemo.ask("backends")
    backends = info["available"] if args.backends == "all" else args.backends.split(",")
    backends = [info["default"] if b == "default" else b for b in backends]
    backends = list(dict.fromkeys(backends))
    java_version = subprocess.run(java_command()[:1] + ["-version"], capture_output=True, text=True).stderr.splitlines()[0]
    meta = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cpu": machine(),
            "torch": torch.__version__, "blas": os.path.basename(os.path.dirname(blas)), "java": java_version,
            "rounds": args.rounds, "mnemo_default_backend": info["default"]}
    print(f"Mnemo backends: {backends} (default {info['default']}); workloads: {workloads}", file=sys.stderr)

    sides, skipped, steps = {}, [], {}
    for name in workloads:
        p = torch_workload(name)
        torch_step = warm_up(p, args.warm_up)
        sides[name] = {"pytorch": p, "mnemo": {}}
        steps[name] = {"pytorch": block_steps(name, torch_step)}
        for b in backends:
            m = MnemoWorkload(mnemo, name, b)
            limit = None if b == info["default"] else args.max_slowdown * torch_step
            step = warm_up(m, args.warm_up, limit)
            if limit is not None and step > limit:
                skipped.append({"workload": name, "backend": b,
                                "reason": f"warm step {fmt(step)} ms, over {args.max_slowdown:g}x PyTorch"})
                continue
            sides[name]["mnemo"][b] = m
            steps[name][b] = block_steps(name, step)
        print(f"  warmed {name}: steps per block {steps[name]}", file=sys.stderr)

    blocks = {name: {"pytorch": [], **{b: [] for b in s["mnemo"]}} for name, s in sides.items()}
    for r in range(args.rounds):
        for name, s in sides.items():
            order = [("pytorch", s["pytorch"])] + list(s["mnemo"].items())
            for label, w in (order if r % 2 == 0 else order[::-1]):
                time.sleep(0.2)  # let the other side's OpenMP threads stop spinning
                blocks[name][label].append(w.run(steps[name][label]))
        print(f"  round {r + 1}/{args.rounds} done", file=sys.stderr)
    mnemo.close()

    results = {name: {"pytorch": summary(b["pytorch"]),
                      "mnemo": {k: summary(v) for k, v in b.items() if k != "pytorch"}} for name, b in blocks.items()}
    memory = None if args.no_memory else memory_runs(args.memory_steps)
    text = report(results, skipped, memory, meta)
    print(text)
    out = os.path.join(ROOT, "benchmarks", "results")
    os.makedirs(out, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%M%SZ")
    with open(os.path.join(out, f"peers-{stamp}.json"), "w") as f:
        json.dump({"meta": meta, "results": results, "skipped": skipped, "memory": memory, "blocks_ms": blocks}, f, indent=1)
    with open(os.path.join(out, f"peers-{stamp}.md"), "w") as f:
        f.write(text + "\n")
    print(f"\nwrote benchmarks/results/peers-{stamp}.json and .md", file=sys.stderr)


if __name__ == "__main__":
    main()
