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
from fine_tune_block13 import head, split


def neighbour_mean(f, pool, k):
    centred = f - f[pool].mean(0)
    u = centred / (np.linalg.norm(centred, axis=1, keepdims=True) + 1e-12)
    similarity = u @ u[pool].T
    similarity[pool, np.arange(len(pool))] = -np.inf
    nearest = np.argpartition(-similarity, k, axis=1)[:, :k]
    return f[pool][nearest].mean(1)


def app_scale(f, labelled):
    g = f[labelled] / np.linalg.norm(f[labelled], axis=1, keepdims=True)
    mu, var = g.mean(0), g.var(0)
    sd = np.sqrt(var + var.mean() + 1e-12)
    return lambda a: (a / np.linalg.norm(a, axis=1, keepdims=True) - mu) / sd


def main(prefix, dim, seeds, budgets):
    f = np.fromfile(prefix + '.f32', dtype='<f4').reshape(-1, dim)
    y = np.array([int(line.split('\t')[0]) for line in open(prefix + '.txt')])
    classes, results = y.max() + 1, {}
    for seed in range(seeds):
        test, pool = split(y, seed)
        variants = {'as they are': f}
        for k, beta in [(10, 0.3), (10, 0.5), (5, 0.5)]:
            variants['k %d, beta %.1f' % (k, beta)] = (1 - beta) * f + beta * neighbour_mean(f, pool, k)
        variants['concat, k 10'] = np.hstack([f, neighbour_mean(f, pool, 10)])
        for budget in budgets:
            labelled = pool[:budget]
            y1h = np.eye(classes, dtype='f4')[y[labelled]]
            for name, g in variants.items():
                scale = app_scale(g, labelled)
                v, c = head(scale(g[labelled]).astype('f4'), y1h, 0.01, steps=150)
                results.setdefault((budget, name), []).append(((scale(g[test]) @ v + c).argmax(1) == y[test]).mean())
    names = list(variants)
    for budget in budgets:
        print('%5d  ' % budget + '   '.join('%s %.1f %%' % (n, 100 * np.mean(results[(budget, n)])) for n in names))


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [int(b) for b in sys.argv[4].split(',')])
