# How the generate-*.py scripts write tensors into the golden fixtures: {"shape", "data"} with float32 values as the
# shortest decimals that read back as the same float32 (so the JSON stays small and exact).
import json
import os

import torch


def repr_f32(v):
    """The shortest decimal that rounds back to the same float32 (9 significant digits always do; fewer first)."""
    target = torch.tensor(v, dtype=torch.float32).item()
    for digits in range(6, 10):
        text = f'{target:.{digits}g}'
        if torch.tensor(float(text), dtype=torch.float32).item() == target:
            return text
    return f'{target:.9g}'


def tensor(t):
    """{"shape", "data"} of a tensor, its values rounded to float32."""
    values = t.detach().to(torch.float32).flatten().tolist()
    return {'shape': list(t.shape), 'data': [float(repr_f32(v)) for v in values]}


def write_cases(path, cases):
    """The cases as one JSON array in `path`, with a line saying so."""
    with open(path, 'w') as f:
        json.dump(cases, f)
        f.write('\n')
    print(f'wrote {len(cases)} cases to {os.path.normpath(path)} (torch {torch.__version__})')
