#!/usr/bin/env python3
"""Features smoothed over the pool's nearest neighbours, against the features as they are, with random labels.

Each image's features move towards the mean of its k nearest pool images (cosine similarity of centred features;
a pool image never counts itself; test images are looked up in the pool, not in each other), by a share beta:
(1 - beta) x + beta mean(neighbours); "concat" puts the neighbour mean beside the features instead. The head
sees them as the app's head does (unit length, standardised with the labelled images' statistics, the spread
pooled with the mean spread; L2 penalty 0.01, 150 Adam steps). Per seed a stratified 30 % test split, then the
first B images of a shuffled pool are labelled.

Reads OUT.f32 / OUT.txt as written by DumpFeatureMaps.java with a pooled descriptor (e.g. assets/backbone/default.json).

usage: propagation.py PREFIX DIM SEEDS BUDGETS     e.g. propagation.py /tmp/digits 576 5 20,50,100,250
"""
import sys
import numpy as np
from screening import compare, read


def neighbour_mean(f, pool, k):
    centred = f - f[pool].mean(0)
    u = centred / (np.linalg.norm(centred, axis=1, keepdims=True) + 1e-12)
    similarity = u @ u[pool].T
    similarity[pool, np.arange(len(pool))] = -np.inf
    nearest = np.argpartition(-similarity, k, axis=1)[:, :k]
    return f[pool][nearest].mean(1)


def main(prefix, dim, seeds, budgets):
    f, y = read(prefix, dim)

    def variants(test, pool):
        out = {'as they are': f}
        for k, beta in [(10, 0.3), (10, 0.5), (5, 0.5)]:
            out['k %d, beta %.1f' % (k, beta)] = (1 - beta) * f + beta * neighbour_mean(f, pool, k)
        out['concat, k 10'] = np.hstack([f, neighbour_mean(f, pool, 10)])
        return out

    compare(y, seeds, budgets, variants)


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [int(b) for b in sys.argv[4].split(',')])
