#!/usr/bin/python3
"""PyTorch's side of the image-classify comparison: the same CNN, data and training as
`mnemo train image-classify`, timed per epoch, for an images/s ratio taken back to back on one machine.

Architectures (the Mnemo options that build the same network in brackets):

  reference  Conv(1->8,3,p1)-ReLU-MaxPool2-Conv(8->16,3,p1)-ReLU-MaxPool2-Linear(784,64)-ReLU-Linear(64,10),
             52k parameters: the PyTorch CNN of shared/anchors/DATA.md (90.2 % after 8 epochs)
             [--filters 8 --dense 64 --no-batch-norm --conv-dropout 0 --dropout 0]
  mnemo      image-classify's defaults: [Conv(3,p1, no bias)-BatchNorm-ReLU-MaxPool2-Dropout(0.1)] with
             32 then 64 filters, Linear(3136,256)-ReLU-Dropout(0.3)-Linear(256,10), 825k parameters

Data: Debian's dataset-fashion-mnist, the first 54,000 training images (Mnemo's split differs: a
seeded stratified 54,000), standardised by their mean and deviation; Adam lr 1e-3, batch 64,
reshuffled each epoch, cosine decay to 1 % over the epochs; the 10,000 test images measured at
the end. PyTorch setup as side_by_side.py: Debian's python3-torch with libopenblas0-openmp,
torch.set_num_threads(2).

    /usr/bin/python3 benchmarks/peers/fashion_cnn.py --arch reference --epochs 8
"""
import argparse
import gzip
import json
import math
import time

import numpy as np
import torch
import torch.nn as nn

DATA = "/usr/share/datasets/fashion-mnist/"


def idx(name, offset):
    with gzip.open(DATA + name) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def network(arch):
    if arch == "reference":
        return nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.1),
                         nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.1),
                         nn.Flatten(), nn.Linear(3136, 256), nn.ReLU(), nn.Dropout(0.3), nn.Linear(256, 10))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--arch", choices=["reference", "mnemo"], default="reference")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)[:54000].astype(np.float32) / 255
    y = idx("train-labels-idx1-ubyte.gz", 8)[:54000].astype(np.int64)
    tx = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    ty = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
    mean, std = x.mean(), x.std()
    x, tx = torch.from_numpy((x - mean) / std), torch.from_numpy((tx - mean) / std)
    y, ty = torch.from_numpy(y), torch.from_numpy(ty)
    model = network(args.arch)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda e: 0.01 + 0.99 * (1 + math.cos(math.pi * e / args.epochs)) / 2)
    loss_fn = nn.CrossEntropyLoss()
    seconds = []
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(x))
        start = time.perf_counter()
        for i in range(0, len(x), 64):
            batch = order[i:i + 64]
            optimizer.zero_grad()
            loss_fn(model(x[batch]), y[batch]).backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
        schedule.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(tx).argmax(1) == ty).float().mean().item()
    print(json.dumps({"arch": args.arch, "epochs": args.epochs, "parameters": sum(p.numel() for p in model.parameters()),
                      "training_seconds": sum(seconds), "train_images_per_second": len(x) * args.epochs / sum(seconds),
                      "test_accuracy": accuracy, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
