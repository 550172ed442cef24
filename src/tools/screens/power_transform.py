#!/usr/bin/env python3
"""A power transform of the pooled features (x^0.5, x^0.7, log(1 + x / mean)) before the head, against the features
as they are, with random labels.

The pooled activations are non-negative and skewed; a power below one evens them out before the head scales each
vector to unit length and standardises it (the app's head: spread pooled with the mean spread, L2 penalty 0.01,
150 Adam steps). Per seed a stratified 30 % test split, then the first B images of a shuffled pool are labelled.

Reads OUT.f32 / OUT.txt as written by DumpFeatureMaps.java with a pooled descriptor (e.g. assets/backbone/default.json).

usage: power_transform.py PREFIX DIM SEEDS BUDGETS     e.g. power_transform.py /tmp/digits 576 5 20,50,100,250
"""
import sys
import numpy as np
from screening import compare, read


def main(prefix, dim, seeds, budgets):
    f, y = read(prefix, dim)
    if f.min() < 0:
        sys.exit('negative features: a power transform needs pooled ReLU outputs')
    variants = {'as they are': f, 'x^0.5': np.sqrt(f), 'x^0.7': f ** 0.7, 'log1p': np.log1p(f / f.mean())}
    compare(y, seeds, budgets, lambda test, pool: variants)


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [int(b) for b in sys.argv[4].split(',')])
