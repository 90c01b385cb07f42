# The PyTorch peer suite: runs one job from bench/run.ts (JSON in argv[1], shapes in bench/protocol.ts) and prints
# one result line. Same measuring rule as bench/timing.ts; run.ts sets OMP/BLAS thread variables in the environment.
import json
import math
import os
import sys
import time

DATA_FILES = {'int32': '<i4', 'float32': '<f4'}
FIRST_STEP_ONLY = 'one step took longer than the time budget, so only the first step (setup included) was timed'


def main():
    job = json.loads(sys.argv[1])
    try:
        import numpy as np
        import torch
        import torch.nn.functional as F
        from torch import nn
    except ImportError as error:
        emit(error_line(job, error, job['threads']))
        return
    torch.set_num_threads(job['threads'])
    torch.set_flush_denormal(True)  # denormals are flushed in netwright's kernels too
    torch.manual_seed(1)
    torch.mm(torch.ones(8, 8), torch.ones(8, 8))  # loads the BLAS library, so blas_library() can see it
    info = {'torch': torch.__version__, 'threads_interop': torch.get_num_interop_threads(),
            'mkldnn': bool(torch.backends.mkldnn.is_available()), 'blas': blas_library()}
    if 'reference' in info['blas']:
        print('pytorch: note: torch runs on the reference BLAS, which is many times slower than OpenBLAS; '
              'install libopenblas0-openmp for a fair comparison', file=sys.stderr)
    threads = torch.get_num_threads()
    try:
        line = measure_job(job, threads, info, np, torch, F, nn)
    except Exception as error:  # a workload this build cannot run becomes an error line, never a crash
        print(f"pytorch {job['workload']['name']}: {error!r}", file=sys.stderr)
        line = dict(error_line(job, error, threads), info=info)
    emit(line)


def measure_job(job, threads, info, np, torch, F, nn):
    workload = job['workload']
    batch = job['batch']
    common = {'suite': 'pytorch', 'workload': workload['name'], 'batch': batch, 'threads': threads,
              'threads_requested': job['threads']}
    manifest = read_manifest(job['dataDir'])
    if workload['kind'] == 'gemm':
        entry = manifest[workload['name']]
        m, k, n = workload['M'], workload['K'], workload['N']
        a = torch.from_numpy(read_array(np, job['dataDir'], entry['a'], 'float32', m * k))
        b = torch.from_numpy(read_array(np, job['dataDir'], entry['b'], 'float32', k * n))
        # Stored [K, M] / [N, K] when transposed: a transposed view, as the netwright suite passes the flags.
        a = a.reshape(k, m).t() if workload['transA'] else a.reshape(m, k)
        b = b.reshape(n, k).t() if workload['transB'] else b.reshape(k, n)
        c = torch.empty(m, n)
        timing = measure(lambda: torch.mm(a, b, out=c), job)
        flops = 2 * m * n * k * timing['steps']
        return dict(common, gflops=round4(flops / timing['seconds'] / 1e9), **timing_fields(timing), info=info)

    base = workload if workload['kind'] == 'train' else job['base']
    batches = load_batches(np, torch, job['dataDir'], manifest[base['name']], batch)
    model = build_model(nn, base['network'])
    state = {'next': 0, 'loss': None}

    def next_batch():
        x, y = batches[state['next'] % len(batches)]
        state['next'] += 1
        return x, y

    if workload['kind'] == 'train':
        model.train()
        optimizer = optimizer_of(torch, model, base['optimizer'])
        loss_of = F.cross_entropy if base['loss'] == 'cross_entropy' else F.mse_loss

        def step():
            x, y = next_batch()
            optimizer.zero_grad(set_to_none=True)
            loss = loss_of(model(x), y)
            loss.backward()
            optimizer.step()
            state['loss'] = loss.item()  # one value back per step, as the other suites do
    elif workload['kind'] == 'infer':
        model.eval()

        def step():
            x, _ = next_batch()
            with torch.inference_mode():
                model(x)
    else:
        raise ValueError(f"unknown workload kind {workload['kind']!r}")

    timing = measure(step, job)
    line = dict(common, samples_per_s=round4(batch * timing['steps'] / timing['seconds']), **timing_fields(timing))
    if workload['kind'] == 'train' and workload.get('reportSecondsFor'):
        line['seconds_for_500_steps'] = round4(timing['seconds'] / timing['steps'] * workload['reportSecondsFor'])
    if state['loss'] is not None:
        line['loss'] = round4(state['loss'])
    line['info'] = info
    return line


def build_model(nn, network):
    """nn.Sequential from the workload's layer list; in-features follow the shapes (NCHW)."""
    shape = list(network['inputShape'])
    modules = []
    for index, layer in enumerate(network['layers']):
        kind = layer['kind']
        if kind == 'dense':
            modules.append(nn.Linear(shape[0], layer['units']))
            shape = [layer['units']]
        elif kind == 'conv2d':
            k, p = layer['kernelSize'], layer['padding']
            modules.append(nn.Conv2d(shape[0], layer['filters'], k, padding=p, bias=layer['bias']))
            shape = [layer['filters'], shape[1] + 2 * p - k + 1, shape[2] + 2 * p - k + 1]
        elif kind == 'maxpool2d':
            modules.append(nn.MaxPool2d(layer['size']))
            shape = [shape[0], shape[1] // layer['size'], shape[2] // layer['size']]
        elif kind == 'flatten':
            modules.append(nn.Flatten())
            shape = [math.prod(shape)]
        elif kind == 'dropout':
            modules.append(nn.Dropout(layer['p']))
        elif kind == 'batchnorm2d':
            modules.append(nn.BatchNorm2d(shape[0], eps=1e-5, momentum=0.1))
        elif kind == 'relu':
            modules.append(nn.ReLU())
        else:
            raise ValueError(f"layer {index + 1}: unknown layer kind {kind!r}")
    return nn.Sequential(*modules)


def optimizer_of(torch, model, optimizer):
    if optimizer['type'] == 'sgd':
        return torch.optim.SGD(model.parameters(), lr=optimizer['lr'], momentum=optimizer['momentum'])
    if optimizer['type'] == 'adam':
        return torch.optim.Adam(model.parameters(), lr=optimizer['lr'])
    raise ValueError(f"unknown optimizer {optimizer['type']!r}")


def load_batches(np, torch, data_dir, entry, batch):
    """Whole batches as tensors made before timing: inputs NCHW float32, labels int64 (what cross_entropy takes)."""
    sample_size = math.prod(entry['inputShape'])
    inputs = read_array(np, data_dir, entry['inputs'], 'float32', entry['samples'] * sample_size)
    inputs = inputs.reshape([entry['samples'], *entry['inputShape']])
    if entry['targetType'] == 'int32':
        targets = read_array(np, data_dir, entry['targets'], 'int32', entry['samples']).astype(np.int64)
    else:
        targets = read_array(np, data_dir, entry['targets'], 'float32', entry['samples'] * entry['targetSize'])
        targets = targets.reshape(entry['samples'], entry['targetSize'])
    count = entry['samples'] // batch
    if count < 1:
        raise ValueError(f"{entry['samples']} samples are fewer than one batch of {batch}")
    return [(torch.from_numpy(inputs[i * batch:(i + 1) * batch].copy()),
             torch.from_numpy(targets[i * batch:(i + 1) * batch].copy())) for i in range(count)]


def measure(step, job):
    """bench/timing.ts's rule: warm up, size the timed run from the warm-up speed, median of the repeats."""
    plan, budget, min_repeat = job['plan'], job['budgetSeconds'], job['minRepeatSeconds']
    start = time.perf_counter()
    after_first = start
    warmup_steps = 0
    while warmup_steps < max(1, plan['warmupSteps']):
        step()
        warmup_steps += 1
        if warmup_steps == 1:
            after_first = time.perf_counter()
            if after_first - start > budget:  # too slow to time twice: report the one step measured
                return {'warmup_steps': 0, 'steps': 1, 'repeats': 1, 'seconds': after_first - start, 'first_step_only': True}
        if time.perf_counter() - start > budget / 4:
            break
    end = time.perf_counter()
    per_step = (end - after_first) / (warmup_steps - 1) if warmup_steps > 1 else end - start

    timed_budget = budget * 0.75
    safe = max(per_step, 1e-9)
    steps = max(plan['timedSteps'], math.ceil(min_repeat / safe))
    steps = max(1, min(steps, math.floor(timed_budget / plan['repeats'] / safe)))
    repeats = max(1, min(plan['repeats'], math.floor(timed_budget / (steps * safe))))
    seconds = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        seconds.append(time.perf_counter() - t0)
    seconds.sort()
    mid = len(seconds) // 2
    median = seconds[mid] if len(seconds) % 2 else (seconds[mid - 1] + seconds[mid]) / 2
    return {'warmup_steps': warmup_steps, 'steps': steps, 'repeats': repeats, 'seconds': median, 'first_step_only': False}


def timing_fields(timing):
    fields = {'steps': timing['steps'], 'repeats': timing['repeats'], 'seconds': round4(timing['seconds']),
              'warmup_steps': timing['warmup_steps']}
    if timing['first_step_only']:
        fields['note'] = FIRST_STEP_ONLY
    return fields


def blas_library():
    """Which BLAS this process loaded (Debian's torch uses whatever libblas.so.3 points to), from /proc/self/maps."""
    try:
        with open('/proc/self/maps', encoding='utf8') as f:
            paths = {line.split()[-1] for line in f if 'blas' in line or 'mkl' in line}
    except OSError:
        return 'unknown'
    for name in ('openblas', 'mkl', 'blis'):
        if any(name in os.path.basename(path) or f'/{name}' in path for path in paths):
            return name
    libblas = sorted(path for path in paths if os.path.basename(path).startswith('libblas'))
    return f'reference ({libblas[0]})' if libblas else 'built in'


def read_manifest(data_dir):
    with open(os.path.join(data_dir, 'manifest.json'), encoding='utf8') as f:
        return json.load(f)


def read_array(np, data_dir, file, kind, expected):
    values = np.fromfile(os.path.join(data_dir, file), dtype=DATA_FILES[kind])
    if values.size != expected:
        raise ValueError(f"{file} holds {values.size} {kind} values, expected {expected}")
    return values


def error_line(job, error, threads):
    return {'suite': 'pytorch', 'workload': job['workload']['name'], 'batch': job['batch'], 'threads': threads,
            'threads_requested': job['threads'], 'error': str(error).split('\n')[0][:300]}


def round4(value):
    return float(f'{value:.4g}')


def emit(line):
    sys.stdout.write(json.dumps(line) + '\n')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
