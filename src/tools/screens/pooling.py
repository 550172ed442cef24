#!/usr/bin/env python3
"""Channel means against means and maxima, as features for a softmax head, with random labels.

Reads raw feature maps written by DumpFeatureMaps.java (a descriptor whose output is the map itself,
"pool": "none", featureDim = CHANNELS x CELLS) and compares two poolings of them: the channel means
(what the backbones gave before) and the means followed by the maxima. The head sees the features as
the app's head does (unit length, standardised with the labelled images' statistics; L2 penalty 0.01).
Per seed: a stratified 30 % test split, then the first B images of a shuffled pool are labelled.

usage: pooling.py MAPS_PREFIX CHANNELS CELLS SEEDS BUDGETS
  e.g. pooling.py /tmp/maps/digits 768 144 5 20,50,100,250   (InceptionV3 mixed5 at 224 px: 12 x 12 cells)
"""
import sys
import numpy as np
from screening import compare


def plain_scale(f, labelled):
    """Unit length, then standardised with the labelled images' own spread (the head before the pooled spread)."""
    g = f[labelled] / np.linalg.norm(f[labelled], axis=1, keepdims=True)
    mu, sd = g.mean(0), g.std(0) + 1e-6
    return lambda a: (a / np.linalg.norm(a, axis=1, keepdims=True) - mu) / sd


def main(prefix, channels, cells, seeds, budgets):
    maps = np.fromfile(prefix + '.f32', dtype='<f4').reshape(-1, channels, cells)
    y = np.array([int(line.split('\t')[0]) for line in open(prefix + '.txt')])
    poolings = {'means': maps.mean(2), 'means + maxima': np.hstack([maps.mean(2), maps.max(2)])}
    del maps
    compare(y, seeds, budgets, lambda test, pool: poolings, scale=plain_scale, steps=300)


if __name__ == '__main__':
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), [int(b) for b in sys.argv[5].split(',')])
