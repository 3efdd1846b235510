#!/usr/bin/env python3
"""PyTorch doing the trainer's work on the adding problem, for the side-by-side benchmark (`bench train`).

Reads on stdin {"models": ["rnn", "lstm", "gru", "irnn"], "steps": 50, "hidden": 16, "batch": 32,
"learningRate": 0.01, "clip": 1.0, "forgetBias": 1.0, "evaluateEvery": 50, "evaluationSequences": 500,
"warmup": 100, "windows": 7, "window": 100, "dtype": "float64", "seed": 1}.
Per model it trains what org.gtt.train trains: nn.RNN (tanh), nn.LSTM (forget-gate bias +1), nn.GRU or the
IRNN (nn.RNN with ReLU, W_hh = I, W_ih ~ N(0, 0.001^2), zero biases), one layer, batch_first, a linear readout
on the last hidden state; MSE loss; Adam; clip_grad_norm_ at `clip`; a fresh adding-problem batch every
iteration (drawn with torch's generator) and, every `evaluateEvery` iterations, a forward pass without
gradients over `evaluationSequences` fixed sequences, as the Java trainer does. After `warmup` untimed
iterations it times `windows` windows of `window` iterations each and prints
{"torch": ..., "dtype": ..., "threads": 1, "models": {"rnn": {"iterationsPerSecond": median,
"iterationsPerCpuSecond": median per second of the process's CPU time, "windows": [...], "evalLoss": ...}, ...}}
on stdout (CPU time is the steadier figure on a loaded machine). One thread (torch.set_num_threads(1)), as the Java trainer runs a model.
Not used by the tests.
"""
import json
import statistics
import sys
import time

import torch
from torch import nn


def adding_batch(size, steps, generator, dtype):
    """x[b, t] = (u_t, m_t); two markers, the first in the first max(1, T//10) steps; target = sum of marked u."""
    first = max(1, steps // 10)
    u = torch.rand(size, steps, generator=generator, dtype=dtype)
    p1 = torch.randint(0, first, (size,), generator=generator)
    p2 = torch.randint(first, steps, (size,), generator=generator)
    markers = torch.zeros(size, steps, dtype=dtype)
    rows = torch.arange(size)
    markers[rows, p1] = 1.0
    markers[rows, p2] = 1.0
    target = u[rows, p1] + u[rows, p2]
    return torch.stack((u, markers), dim=2), target


class Net(nn.Module):
    def __init__(self, kind, hidden, forget_bias):
        super().__init__()
        if kind == "lstm":
            self.cell = nn.LSTM(2, hidden, batch_first=True)
            with torch.no_grad():
                self.cell.bias_ih_l0[hidden:2 * hidden] += forget_bias
        elif kind == "gru":
            self.cell = nn.GRU(2, hidden, batch_first=True)
        else:
            self.cell = nn.RNN(2, hidden, nonlinearity="relu" if kind == "irnn" else "tanh", batch_first=True)
            if kind == "irnn":
                with torch.no_grad():
                    self.cell.weight_hh_l0.copy_(torch.eye(hidden))
                    self.cell.weight_ih_l0.normal_(0.0, 0.001)
                    self.cell.bias_ih_l0.zero_()
                    self.cell.bias_hh_l0.zero_()
        self.readout = nn.Linear(hidden, 1)

    def forward(self, x):
        states, _ = self.cell(x)
        return self.readout(states[:, -1, :]).squeeze(1)


def race(kind, request, dtype):
    torch.manual_seed(request.get("seed", 1))
    generator = torch.Generator().manual_seed(request.get("seed", 1))
    steps, batch = request["steps"], request["batch"]
    net = Net(kind, request["hidden"], request["forgetBias"]).to(dtype)
    optimizer = torch.optim.Adam(net.parameters(), lr=request["learningRate"])
    loss_fn = nn.MSELoss()
    eval_x, eval_y = adding_batch(request["evaluationSequences"], steps,
                                  torch.Generator().manual_seed(0x5EED), dtype)
    every = request["evaluateEvery"]
    state = {"iteration": 0, "evalLoss": float("nan")}

    def iterate():
        x, y = adding_batch(batch, steps, generator, dtype)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(net(x), y)
        loss.backward()
        if request.get("clip") is not None:
            nn.utils.clip_grad_norm_(net.parameters(), request["clip"])
        optimizer.step()
        state["iteration"] += 1
        if state["iteration"] % every == 0:
            with torch.no_grad():
                state["evalLoss"] = loss_fn(net(eval_x), eval_y).item()

    for _ in range(request["warmup"]):
        iterate()
    rates, cpu_rates = [], []
    for _ in range(request["windows"]):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(request["window"]):
            iterate()
        rates.append(request["window"] / (time.perf_counter() - start))
        cpu_rates.append(request["window"] / (time.process_time() - cpu_start))
    return {"iterationsPerSecond": statistics.median(rates), "iterationsPerCpuSecond": statistics.median(cpu_rates),
            "windows": rates, "evalLoss": state["evalLoss"]}


def main():
    request = json.load(sys.stdin)
    torch.set_num_threads(1)
    dtype = {"float64": torch.float64, "float32": torch.float32}[request.get("dtype", "float64")]
    models = {kind: race(kind, request, dtype) for kind in request["models"]}
    json.dump({"torch": torch.__version__, "dtype": request.get("dtype", "float64"),
               "threads": torch.get_num_threads(), "models": models}, sys.stdout)


if __name__ == "__main__":
    main()
