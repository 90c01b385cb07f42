# The import bench's Python baselines: a single-process PIL loop over an image folder (open, convert, resize,
# to float32 in [0, 1]) and pandas.read_csv. Prints one JSON line; a missing module is reported, not raised.
import json
import os
import resource
import sys
import time


def peak_mb():
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def images(job):
    try:
        import numpy as np
        from PIL import Image
    except ImportError as error:
        return {"skipped": f"PIL or numpy is not importable ({error}); install python3-pil"}
    folder = job["path"]
    height, width = job["size"]
    mode = "L" if job["grayscale"] else "RGB"
    channels = 1 if job["grayscale"] else 3
    files = []
    for label, name in enumerate(sorted(n for n in os.listdir(folder) if not n.startswith("."))):
        sub = os.path.join(folder, name)
        files.extend((os.path.join(sub, f), label) for f in sorted(os.listdir(sub)) if not f.startswith("."))
    start = time.perf_counter()
    cpu = time.process_time()
    features = np.empty((len(files), channels, height, width), dtype=np.float32)
    labels = np.empty(len(files), dtype=np.int32)
    for i, (path, label) in enumerate(files):
        with Image.open(path) as image:
            pixels = np.asarray(image.convert(mode).resize((width, height), Image.BILINEAR), dtype=np.float32)
        features[i] = (pixels / 255.0).reshape(height, width, channels).transpose(2, 0, 1)
        labels[i] = label
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu_seconds": time.process_time() - cpu, "images_per_second": len(files) / seconds, "count": len(files)}


def table(job):
    try:
        import pandas as pd
    except ImportError as error:
        return {"skipped": f"pandas is not importable ({error}); install it with: apt-get install -y python3-pandas"}
    start = time.perf_counter()
    cpu = time.process_time()
    frame = pd.read_csv(job["path"])
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    size = os.path.getsize(job["path"])
    return {"seconds": seconds, "cpu_seconds": cpu, "mb_per_second": size / 1e6 / seconds, "rows": len(frame)}


def main():
    job = json.loads(sys.argv[1])
    result = images(job) if job["kind"] == "images" else table(job)
    result.update({"suite": job["suite"], "workload": job["workload"], "threads": 1, "peak_rss_mb": round(peak_mb(), 1)})
    print(json.dumps(result), flush=True)


main()
