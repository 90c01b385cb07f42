// The fixed parts of the PyTorch script (Python source): safetensors reading and writing, initialization,
// standardization, the split, evaluation, prediction and the training loop with DistributedDataParallel.

/**
 * Needs: Net, INIT, REGULARIZED, INPUT_SHAPE, NORMALIZATION, TARGET_NORMALIZATION, TASK, CLASS_NAMES, AUGMENTATION (with augment and
 * draw_augmentation when set) and the training constants.
 */
export const WEIGHTS_CODE = String.raw`DTYPES = {'F32': torch.float32, 'F64': torch.float64, 'I32': torch.int32, 'I64': torch.int64, 'U8': torch.uint8}


def read_safetensors(path):
    """Tensors by name from a safetensors file: the safetensors package when installed, else this small reader."""
    try:
        from safetensors.torch import load_file
        return load_file(path)
    except ImportError:
        pass
    with open(path, 'rb') as f:
        data = f.read()
    (length,) = struct.unpack('<Q', data[:8])  # the file starts with the JSON header's length
    header = json.loads(data[8:8 + length])
    start = 8 + length
    tensors = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        begin, end = info['data_offsets']
        dtype = DTYPES[info['dtype']]
        raw = bytearray(data[start + begin:start + end])
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.zeros(0, dtype=dtype)
        tensors[name] = flat.reshape(info['shape'])
    return tensors


def write_safetensors(tensors, path, metadata):
    """Float32 tensors as safetensors (header length, JSON header, little-endian data), written atomically."""
    header, chunks, offset = {'__metadata__': metadata}, [], 0
    for name in sorted(tensors):
        raw = array.array('f', tensors[name].detach().float().cpu().flatten().tolist()).tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(tensors[name].shape), 'data_offsets': [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b' ' * (-len(text) % 8)
    with open(path + '.tmp', 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text)
        for chunk in chunks:
            f.write(chunk)
    os.replace(path + '.tmp', path)


def load_weights(model, path):
    result = model.load_state_dict(read_safetensors(path), strict=False)
    # num_batches_tracked is a batch-norm counter PyTorch keeps; Netwright's weights do not have it.
    missing = [k for k in result.missing_keys if not k.endswith('num_batches_tracked')]
    if missing or result.unexpected_keys:
        raise SystemExit(f'{path} does not fit this model: missing {missing}, unexpected {result.unexpected_keys}')


def save_weights(model, path):
    tensors = {k: v for k, v in model.state_dict().items() if not k.endswith('num_batches_tracked')}
    metadata = {'format': 'netwright-weights-1', 'netwright.normalization': json.dumps(NORMALIZATION),
                'netwright.target_normalization': json.dumps(TARGET_NORMALIZATION),
                'netwright.class_names': json.dumps(CLASS_NAMES)}
    write_safetensors(tensors, path, metadata)


def initialize(model):
    """Fresh weights with Netwright's schemes (its random numbers differ): biases 0, batch norm 1 and 0."""
    for name, scheme in INIT.items():
        layer = model.get_submodule(name)
        if scheme.startswith('kaiming'):
            getattr(nn.init, scheme + '_')(layer.weight, nonlinearity='relu')  # std sqrt(2 / fan_in)
        else:
            getattr(nn.init, scheme + '_')(layer.weight)  # std sqrt(2 / (fan_in + fan_out))
        if layer.bias is not None:
            nn.init.zeros_(layer.bias)`;

export const TRAINING_CODE = String.raw`def standardize(x):
    """(x - mean) / std with the training split's statistics; a std of 0 leaves the value unscaled."""
    if NORMALIZATION is None:
        return x
    shape = INPUT_SHAPE if NORMALIZATION['axis'] == 'feature' else [INPUT_SHAPE[0], 1, 1]
    mean = torch.tensor(NORMALIZATION['mean'], dtype=torch.float32).view(shape)
    std = torch.tensor([s if s > 0 else 1.0 for s in NORMALIZATION['std']], dtype=torch.float32).view(shape)
    return (x - mean) / std


def target_statistics():
    """TARGET_NORMALIZATION's mean and std as [1, targets] tensors (a std of 0 counts as 1)."""
    mean = torch.tensor(TARGET_NORMALIZATION['mean'], dtype=torch.float32).view(1, -1)
    std = torch.tensor([s if s > 0 else 1.0 for s in TARGET_NORMALIZATION['std']], dtype=torch.float32).view(1, -1)
    return mean, std


def standardize_targets(y):
    """Regression targets [N, targets] as the model learns them, (t - mean) / std; others as they are."""
    if TARGET_NORMALIZATION is None:
        return y
    mean, std = target_statistics()
    return (y - mean.to(y.device)) / std.to(y.device)


def to_label_units(outputs):
    """The model's outputs [N, targets] in the label's units, output * std + mean; as they are without statistics."""
    if TARGET_NORMALIZATION is None:
        return outputs
    mean, std = target_statistics()
    return outputs * std.to(outputs.device) + mean.to(outputs.device)


def split_rows(y, args):
    """Train/validation/test row lists and how they were chosen: Netwright's own rows (the split file beside this
    script), so the test rows are ones the exported model never trained on; --random-split draws new rows with
    SPLIT's fractions from --seed instead."""
    count = len(y)
    if args.random_split or SPLIT_FILE is None:
        order = torch.randperm(count, generator=torch.Generator().manual_seed(args.seed)).tolist()
        train = round(count * SPLIT['train'])
        validation = round(count * SPLIT['validation'])
        return order[:train], order[train:train + validation], order[train + validation:], f'a random split (seed {args.seed})'
    with open(args.split) as f:
        split = json.load(f)
    if split.get('format') != 'netwright-split-1':
        raise SystemExit(f'{args.split} is not a Netwright split file')
    redraw = 'pass --random-split to train on a new random split instead'
    if split['rows'] != count:
        raise SystemExit(f"{args.split} holds Netwright's split of {split['rows']} rows, but {args.data} gives {count}; {redraw}")
    check = split['check']
    if check['kind'] == 'labels':
        same = sum((i + 1) * (label + 1) for i, label in enumerate(y.tolist())) % 2147483647 == check['value']
    else:
        same = abs(y.double().sum().item() - check['value']) <= 1e-6 * max(1.0, check['scale'])
    if not same:
        raise SystemExit(f"{args.data}: the {'labels' if check['kind'] == 'labels' else 'targets'} of its rows, in order, are not "
                         f"the ones Netwright split (rows added, removed or reordered); {redraw}")
    return split['train'], split['validation'], split['test'], f"Netwright's split ({os.path.basename(args.split)})"


def penalty(model):
    parameters = dict(model.named_parameters())
    names = list(parameters) if PENALIZE_ALL else REGULARIZED
    total = 0.0
    if L1:
        total = total + L1 * sum(parameters[n].abs().sum() for n in names)
    if L2:
        total = total + L2 / 2 * sum(parameters[n].pow(2).sum() for n in names)
    return total


def apply_changes(pending, epoch, steps, model, optimizer, log):
    """Makes the SETTING_CHANGES due by (epoch, steps) and drops them from pending."""
    global L1, L2
    while pending and (pending[0]['epoch'], pending[0]['step']) <= (epoch, steps):
        change = pending.pop(0)
        setting, value = change['setting'], change['value']
        if setting == 'lr':
            for group in optimizer.param_groups:
                group['lr'] = value
        elif setting == 'l1':
            L1 = value
        elif setting == 'l2':
            L2 = value
        elif setting == 'dropout':
            getattr(model, change['node']).p = value
        elif setting == 'patience':
            EARLY_STOPPING['patience'] = value
        log(f"epoch {epoch} step {steps}: {setting}{' of ' + change['node'] if 'node' in change else ''} set to {value}")


def train_step(network, model, optimizer, x, y):
    """One update on a batch: loss plus penalties, backward, clipping, optimizer step. Returns the data loss."""
    optimizer.zero_grad()
    loss = compute_loss(network(x), y)
    (loss + penalty(model)).backward()
    if CLIP_NORM is not None:
        nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
    if CLIP_VALUE is not None:
        nn.utils.clip_grad_value_(model.parameters(), CLIP_VALUE)
    optimizer.step()
    return loss.item()


@torch.no_grad()
def evaluate(model, x, y, device):
    """Loss (and accuracy for classes, MAE, RMSE and R² in the label's units for numbers) of a split in eval mode:
    dropout off, batch norm on running statistics. y is in the label's units; the loss is on the targets as trained."""
    model.eval()
    outputs = torch.cat([model(x[i:i + BATCH_SIZE].to(device)) for i in range(0, len(x), BATCH_SIZE)])
    y = y.to(device)
    result = {'loss': compute_loss(outputs, standardize_targets(y)).item()}
    if TASK == 'classification':
        predicted = outputs.argmax(1) if outputs.shape[1] > 1 else (outputs[:, 0] > 0).long()
        result['accuracy'] = (predicted == y).float().mean().item()
    else:
        # R^2 per output (1 - squared error / squared deviation from the mean), averaged, as Netwright reports it.
        target = y.double().reshape(len(y), -1)
        predicted = to_label_units(outputs.reshape(len(y), -1)).double()
        errors = ((predicted - target) ** 2).sum(0)
        spread = ((target - target.mean(0)) ** 2).sum(0)
        r2 = torch.where(spread > 0, 1 - errors / spread.clamp(min=1e-300), (errors == 0).double())
        result['mae'] = (predicted - target).abs().mean().item()
        result['rmse'] = ((predicted - target) ** 2).mean().sqrt().item()
        result['r2'] = r2.mean().item()
    model.train()
    return result


def from_rank0(train_loss, metrics, device):
    """Rank 0's numbers for every process, so schedules and early stopping decide alike everywhere."""
    keys = list(metrics or {})
    values = torch.tensor([train_loss] + [metrics[k] for k in keys], dtype=torch.float64, device=device)
    dist.broadcast(values, 0)
    values = values.tolist()
    return values[0], (dict(zip(keys, values[1:])) if metrics else None)


def describe(name, metrics):
    return '  '.join(f'{name} {k} {v:.4f}' for k, v in metrics.items())


class EarlyStopping:
    """Stops once EARLY_STOPPING['metric'] has not improved by more than min_delta for 'patience' epochs."""

    def __init__(self):
        self.best, self.best_epoch, self.bad_epochs, self.best_state = None, None, 0, None

    def update(self, epoch, metrics, model):
        value = metrics['loss' if EARLY_STOPPING['metric'] == 'val_loss' else 'accuracy']
        delta = EARLY_STOPPING['min_delta']
        lower_is_better = EARLY_STOPPING['metric'] == 'val_loss'
        improved = math.isfinite(value) and (self.best is None or (
            value < self.best - delta if lower_is_better else value > self.best + delta))
        if improved:
            self.best, self.best_epoch, self.bad_epochs = value, epoch, 0
            if EARLY_STOPPING['restore_best']:
                self.best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        else:
            self.bad_epochs += 1
        return self.bad_epochs > 0 and self.bad_epochs >= EARLY_STOPPING['patience']


def predict(model, path):
    """Prints the model's eval-mode outputs for raw (unstandardized) input rows as JSON: {"outputs": [[...], ...]},
    regression predictions in the label's units."""
    with (sys.stdin if path == '-' else open(path)) as f:
        rows = json.load(f)
    x = torch.tensor(rows, dtype=torch.float32).reshape(-1, *INPUT_SHAPE)
    model.eval()
    with torch.no_grad():
        outputs = to_label_units(model(standardize(x)))
    print(json.dumps({'outputs': outputs.tolist()}))


def parse_args():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument('--data', default=DATA_PATH, help='the data to train on (default: %(default)s)')
    parser.add_argument('--weights', default=os.path.join(here, WEIGHTS_FILE), help='safetensors weights to start from')
    parser.add_argument('--from-scratch', action='store_true', help='start from fresh weights instead of --weights')
    parser.add_argument('--epochs', type=int, default=EPOCHS)
    parser.add_argument('--out', default=os.path.join(here, 'trained.safetensors'), help='where rank 0 saves the weights')
    parser.add_argument('--split', default=os.path.join(here, SPLIT_FILE or ''), help="Netwright's train/validation/test rows (default: %(default)s)")
    parser.add_argument('--random-split', action='store_true', help="draw a new random split with SPLIT's fractions and --seed instead of Netwright's rows")
    parser.add_argument('--seed', type=int, default=SEED, help='seeds weight initialization, shuffling and a --random-split (default: %(default)s)')
    parser.add_argument('--predict', metavar='ROWS_JSON', help="print the outputs for the raw rows in this JSON file ('-': stdin) and exit")
    return parser.parse_args()


def main():
    args = parse_args()
    distributed = int(os.environ.get('WORLD_SIZE', '1')) > 1  # torchrun sets WORLD_SIZE, RANK and LOCAL_RANK
    if distributed:
        dist.init_process_group('nccl' if torch.cuda.is_available() else 'gloo')
    rank = dist.get_rank() if distributed else 0
    local_rank = int(os.environ.get('LOCAL_RANK', '0'))
    device = torch.device(f'cuda:{local_rank}' if torch.cuda.is_available() else 'cpu')
    if device.type == 'cuda':
        torch.cuda.set_device(device)
    log = print if rank == 0 else (lambda *a, **k: None)
    torch.manual_seed(args.seed)

    model = Net()
    if args.from_scratch:
        initialize(model)
    else:
        load_weights(model, args.weights)
    if args.predict:
        predict(model, args.predict)
        return
    model.to(device)

    x, y = read_data(args.data)
    if list(x.shape[1:]) != INPUT_SHAPE:
        raise SystemExit(f'{args.data} gives samples of shape {list(x.shape[1:])}, the model takes {INPUT_SHAPE}')
    x = standardize(x)
    train, validation, test, split_source = split_rows(y, args)
    # The model learns standardized targets (TARGET_NORMALIZATION), as in the studio; evaluate() compares in label units.
    train_set = torch.utils.data.TensorDataset(x[train], standardize_targets(y)[train])
    sampler = DistributedSampler(train_set, shuffle=SHUFFLE, seed=args.seed) if distributed else None
    loader = torch.utils.data.DataLoader(train_set, batch_size=BATCH_SIZE, sampler=sampler,
                                         shuffle=SHUFFLE and sampler is None, generator=torch.Generator().manual_seed(args.seed))
    # DistributedDataParallel averages the gradients of all processes after each backward pass.
    network = DistributedDataParallel(model, device_ids=[local_rank] if device.type == 'cuda' else None) if distributed else model
    optimizer = make_optimizer([p for p in model.parameters() if p.requires_grad])  # frozen layers' stay out
    schedule = make_schedule(optimizer)
    stopper = EarlyStopping() if EARLY_STOPPING and validation else None
    log(f'{len(train)} training, {len(validation)} validation, {len(test)} test rows from {split_source}; '
        f'{sum(p.numel() for p in model.parameters())} parameters; {dist.get_world_size() if distributed else 1} process(es) on {device}')

    pending, steps = sorted(SETTING_CHANGES, key=lambda c: (c['epoch'], c['step'])), 0
    # Augmentation draws per process: each rank changes its own images differently.
    augment_generator = torch.Generator().manual_seed(args.seed * 1009 + rank)
    for epoch in range(1, args.epochs + 1):
        if sampler is not None:
            sampler.set_epoch(epoch)
        network.train()
        loss_sum, seen = 0.0, 0
        apply_changes(pending, epoch, steps, model, optimizer, log)
        for xb, yb in loader:
            if AUGMENTATION is not None:
                draws = draw_augmentation(len(xb), xb.shape[2], xb.shape[3], augment_generator)
                xb = augment(xb, draws, AUGMENTATION['cutout_size'])
            loss_sum += train_step(network, model, optimizer, xb.to(device), yb.to(device)) * len(xb)
            seen += len(xb)
            steps += 1
            apply_changes(pending, epoch, steps, model, optimizer, log)
        lr = optimizer.param_groups[0]['lr']
        train_loss = loss_sum / seen
        metrics = evaluate(model, x[validation], y[validation], device) if validation else None
        if distributed:
            train_loss, metrics = from_rank0(train_loss, metrics, device)
        if schedule is not None and SCHEDULE_WATCHES_LOSS:
            schedule.step(metrics['loss'] if metrics else train_loss)
        elif schedule is not None:
            schedule.step()
        log(f'epoch {epoch}/{args.epochs}  train loss {train_loss:.4f}  {describe("val", metrics or {})}  lr {lr:.3g}')
        if stopper is not None and stopper.update(epoch, metrics, model):
            log(f'early stop: no improvement for {stopper.bad_epochs} epochs (best at epoch {stopper.best_epoch})')
            if stopper.best_state is not None:
                model.load_state_dict(stopper.best_state)
            break

    if rank == 0:
        if test:
            log(describe('test', evaluate(model, x[test], y[test], device)))
        save_weights(model, args.out)
        log(f'saved the weights to {args.out}')
    if distributed:
        dist.barrier()  # the other processes wait while rank 0 evaluates and saves, then all leave together
        # Every process leaves at once, without tearing the group down: with torch 1.13 a process still tearing its
        # group down after another has gone can spin on the closed connection for ever (seen here, on rank 0 as on the
        # others). The weights are saved and closed by now; the operating system closes the connections.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)`;
