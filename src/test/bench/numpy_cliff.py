#!/usr/bin/env python3
"""NumPy doing the engine's work for the cliff's grid, for the side-by-side benchmark (`bench`).

Reads {"wMin": .., "wMax": .., "bMin": .., "bMax": .., "n": .., "steps": .., "repeats": N} on stdin;
computes E, dE/dw and dE/db of Pascanu et al.'s single unit x_t = w*sigmoid(x_{t-1}) + b (x_0 = 0.5,
E = (sigmoid(x_T) - 0.7)^2) on the n x n grid by backpropagation through time, vectorised over the whole
grid (one array operation per time step, the fastest NumPy idiom), N times; prints
{"medianMs": ..., "cpuMedianMs": ..., "numpy": ..., "loss": [[...]], "dLossDw": [[...]], "dLossDb": [[...]]} on stdout.
Not used by the tests.
"""
import json
import sys
import time

import numpy as np

X0 = 0.5
TARGET = 0.7


def logistic(a):
    """sigmoid(a) and sigmoid'(a) from one exponential, as the engine computes them."""
    e = np.exp(-np.abs(a))
    d = 1.0 + e
    return np.where(a >= 0, 1.0 / d, e / d), e / (d * d)


def grid(w_min, w_max, b_min, b_max, n, steps):
    w = np.linspace(w_min, w_max, n)[None, :]
    b = np.linspace(b_min, b_max, n)[:, None]
    x = np.full((n, n), X0)
    sigma = np.empty((steps + 1, n, n))
    slope = np.empty((steps + 1, n, n))
    for t in range(steps):
        sigma[t], slope[t] = logistic(x)
        x = w * sigma[t] + b
    sigma[steps], slope[steps] = logistic(x)
    error = sigma[steps] - TARGET
    delta = 2.0 * error * slope[steps]
    dw = np.zeros((n, n))
    db = np.zeros((n, n))
    for t in range(steps, 0, -1):
        dw += delta * sigma[t - 1]
        db += delta
        delta = delta * (w * slope[t - 1])
    return error * error, dw, db


def main():
    request = json.load(sys.stdin)
    args = (request["wMin"], request["wMax"], request["bMin"], request["bMax"], request["n"], request["steps"])
    times = []
    cpu_times = []
    for _ in range(request.get("repeats", 100)):
        start = time.perf_counter()
        start_cpu = time.thread_time()
        loss, dw, db = grid(*args)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.thread_time() - start_cpu) * 1000)
    json.dump({"medianMs": float(np.median(times)), "cpuMedianMs": float(np.median(cpu_times)), "numpy": np.__version__,
               "loss": loss.tolist(), "dLossDw": dw.tolist(), "dLossDb": db.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
