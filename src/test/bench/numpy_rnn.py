#!/usr/bin/env python3
"""NumPy doing the engine's work for one rnn request, for the side-by-side benchmark (`bench`).

Reads {"weights": {...PyTorch layout...}, "inputs": [[...]], "activation": "tanh", "repeats": N}
on stdin; runs the forward pass, all the products dh_T/dh_k, their spectral norms (one batched
SVD call, the fastest NumPy idiom), the step-Jacobian norms and the eigenvalues of W_hh, N times;
prints {"medianMs": ..., "jacobianLog10Norms": [...], "stepLog10Norms": [...]} on stdout.
Not used by the tests. Products are not rescaled, so keep requests inside the double range.
"""
import json
import sys
import time

import numpy as np

PHI = {
    "tanh": (np.tanh, lambda a: 1.0 / np.cosh(a) ** 2),
    "sigmoid": (lambda a: 1 / (1 + np.exp(-a)), lambda a: np.exp(-np.abs(a)) / (1 + np.exp(-np.abs(a))) ** 2),
    "relu": (lambda a: np.maximum(a, 0), lambda a: (a > 0).astype(float)),
    "linear": (lambda a: a, lambda a: np.ones_like(a)),
}


def run(w_ih, w_hh, b, xs, activation):
    phi, dphi = PHI[activation]
    steps, n = xs.shape[0], w_hh.shape[0]
    h = np.zeros(n)
    slopes = np.empty((steps, n))
    for t in range(steps):
        a = w_ih @ xs[t] + w_hh @ h + b
        h = phi(a)
        slopes[t] = dphi(a)
    factors = slopes[:, :, None] * w_hh  # step Jacobians diag(phi'(a_t)) W_hh
    products = np.empty((steps + 1, n, n))
    products[steps] = np.eye(n)
    for k in range(steps - 1, -1, -1):
        products[k] = products[k + 1] @ factors[k]
    jacobian = np.log10(np.linalg.norm(products, ord=2, axis=(1, 2)))
    step = np.log10(np.linalg.norm(factors, ord=2, axis=(1, 2)))
    np.linalg.eigvals(w_hh)
    return jacobian, step


def main():
    request = json.load(sys.stdin)
    weights = request["weights"]
    w_ih = np.array(weights["weight_ih_l0"])
    w_hh = np.array(weights["weight_hh_l0"])
    b = np.array(weights["bias_ih_l0"]) + np.array(weights["bias_hh_l0"])
    xs = np.array(request["inputs"])
    times = []
    for _ in range(request.get("repeats", 200)):
        start = time.perf_counter()
        jacobian, step = run(w_ih, w_hh, b, xs, request.get("activation", "tanh"))
        times.append((time.perf_counter() - start) * 1000)
    json.dump({"medianMs": float(np.median(times)), "numpy": np.__version__,
               "jacobianLog10Norms": jacobian.tolist(), "stepLog10Norms": step.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
