#!/usr/bin/env python3
"""Does fine-tuning MobileNetV2's block-13 expansion pay, against the frozen features, with random labels?

The default backbone's features are the channel means of relu6(block_13_expand(block_12_add)): a 1x1
convolution from 96 to 576 channels with batch norm folded in. Given the cached block_12_add maps of a
set, this trains that convolution (from its pretrained weights, pulled towards them by an L2 penalty)
together with a softmax head, and compares the test accuracy with the head alone on the frozen
features. Both heads see the features as the app's head does (unit length, then standardised with the
labelled images' statistics) and have the same L2 penalty (0.01). Per seed: a stratified 30 % test
split, then the first B images of a shuffled pool are labelled, for each budget B.

Making the inputs (from the repository root; the TF.js model from src/tools/tfjs/export-model.cjs):

  java -cp target/activelabel.jar org.activelabel.backbone.convert.TfjsToOnnx /tmp/tfjs-mobilenet/model.json \\
      /tmp/ft/maps.onnx --outputs block_12_add,block_13_expand_BN --raw --descriptor /tmp/ft/d.json --id maps --size 160
  # two descriptors from d.json, "pool": "none": block_12_add with featureDim 9600 (96 x 10 x 10), and
  # outputName block_13_expand_BN with featureDim 57600 (576 x 10 x 10); then per set
  java -cp target/activelabel.jar src/tools/screens/DumpFeatureMaps.java /tmp/ft/b12.json DIR /tmp/ft/SET
  # and once, for the pretrained weights (recovered exactly by least squares, the layer being linear)
  java -cp target/activelabel.jar src/tools/screens/DumpFeatureMaps.java /tmp/ft/b13bn.json assets/sample /tmp/ft/sample-b13bn

usage: fine_tune_block13.py WEIGHTS_FROM_B12 WEIGHTS_FROM_B13BN SET SEEDS BUDGETS [MU,STEPS,LR ...]
  e.g. fine_tune_block13.py /tmp/ft/sample /tmp/ft/sample-b13bn /tmp/ft/digits 3 20,50,100,250 0.01,150,1e-3
  MU: L2 pull towards the pretrained weights; STEPS: full-batch Adam steps; LR: step size for the block
"""
import sys
import numpy as np

CELLS, IN, OUT = 100, 96, 576  # 10 x 10 cells at 160 px input


def maps(prefix, channels):
    x = np.fromfile(prefix + '.f32', dtype='<f4').reshape(-1, channels, CELLS).transpose(0, 2, 1).copy()
    y = np.array([int(line.split('\t')[0]) for line in open(prefix + '.txt')])
    return x, y


def pretrained(b12_prefix, b13bn_prefix):
    x, _ = maps(b12_prefix, IN)
    z, _ = maps(b13bn_prefix, OUT)
    a = np.hstack([x.reshape(-1, IN), np.ones((x.shape[0] * CELLS, 1), 'f4')]).astype('f8')
    solution = np.linalg.lstsq(a, z.reshape(-1, OUT).astype('f8'), rcond=None)[0]
    residual = np.abs(a @ solution - z.reshape(-1, OUT)).max()
    assert residual < 1e-3, 'block 13 is not linear in block 12 here: %g' % residual
    return solution[:IN].astype('f4'), solution[IN].astype('f4')


def split(y, seed):
    """A stratified 30 % test split, and the rest shuffled: the first B of it are the labelled images."""
    rng = np.random.default_rng(seed)
    test = []
    for k in range(y.max() + 1):
        members = np.where(y == k)[0]
        rng.shuffle(members)
        test += list(members[:int(round(0.3 * len(members)))])
    test = np.array(test)
    pool = np.setdiff1d(np.arange(len(y)), test)
    rng.shuffle(pool)
    return test, pool


def features(x, w, b):
    z = x @ w + b
    return z, np.clip(z, 0, 6).mean(1)


class Adam:
    def __init__(self, params, rates):
        self.params, self.rates, self.t = params, rates, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, grads):
        self.t += 1
        for i, (p, g) in enumerate(zip(self.params, grads)):
            self.m[i] = 0.9 * self.m[i] + 0.1 * g
            self.v[i] = 0.999 * self.v[i] + 0.001 * g * g
            p -= self.rates[i] * (self.m[i] / (1 - 0.9 ** self.t)) / (np.sqrt(self.v[i] / (1 - 0.999 ** self.t)) + 1e-8)


def softmax(logits):
    logits = logits - logits.max(1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(1, keepdims=True)


def head(u, y1h, l2, steps=300, rate=0.01):
    v = np.zeros((u.shape[1], y1h.shape[1]), 'f4')
    c = np.zeros(y1h.shape[1], 'f4')
    opt = Adam([v, c], [rate, rate])
    for _ in range(steps):
        d = (softmax(u @ v + c) - y1h) / len(u)
        opt.step([u.T @ d + l2 * v, d.sum(0)])
    return v, c


def fine_tune(x, y1h, w0, b0, v, c, mu, sd, l2, pull, steps, rate):
    w, b, v, c = w0.copy(), b0.copy(), v.copy(), c.copy()
    opt = Adam([w, b, v, c], [rate, rate, 0.01, 0.01])
    flat = x.reshape(-1, IN)
    for _ in range(steps):
        z, f = features(x, w, b)
        norm = np.linalg.norm(f, axis=1, keepdims=True)
        g = f / norm
        u = (g - mu) / sd
        d = (softmax(u @ v + c) - y1h) / len(x)
        dg = (d @ v.T) / sd
        df = (dg - g * (g * dg).sum(1, keepdims=True)) / norm
        dz = np.broadcast_to(df[:, None, :] / CELLS, z.shape) * ((z > 0) & (z < 6))
        opt.step([(flat.T @ dz.reshape(-1, OUT) + pull * (w - w0)).astype('f4'),
                  (dz.sum((0, 1)) + pull * (b - b0)).astype('f4'), u.T @ d + l2 * v, d.sum(0)])
    return w, b, v, c


def main(args):
    w0, b0 = pretrained(args[0], args[1])
    x, y = maps(args[2], IN)
    seeds, budgets = int(args[3]), [int(b) for b in args[4].split(',')]
    settings = [tuple(float(p) for p in s.split(',')) for s in args[5:]]
    classes, results = y.max() + 1, {}
    for seed in range(seeds):
        test, pool = split(y, seed)
        _, frozen_test = features(x[test], w0, b0)
        for budget in budgets:
            labelled = pool[:budget]
            y1h = np.eye(classes, dtype='f4')[y[labelled]]
            _, f = features(x[labelled], w0, b0)
            g = f / np.linalg.norm(f, axis=1, keepdims=True)
            mu, sd = g.mean(0), g.std(0) + 1e-6
            scale = lambda a: (a / np.linalg.norm(a, axis=1, keepdims=True) - mu) / sd
            v, c = head(scale(f), y1h, 0.01)
            results.setdefault(('frozen', budget), []).append(((scale(frozen_test) @ v + c).argmax(1) == y[test]).mean())
            for pull, steps, rate in settings:
                w, b, v2, c2 = fine_tune(x[labelled], y1h, w0, b0, v, c, mu, sd, 0.01, pull, int(steps), rate)
                _, tuned_test = features(x[test], w, b)
                key = ('tuned %g,%d,%g' % (pull, steps, rate), budget)
                results.setdefault(key, []).append(((scale(tuned_test) @ v2 + c2).argmax(1) == y[test]).mean())
        print('seed', seed, 'done', file=sys.stderr, flush=True)
    for (name, budget), accs in sorted(results.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print('%5d  %-22s %5.1f %%  (+- %.1f)' % (budget, name, 100 * np.mean(accs), 100 * np.std(accs) / np.sqrt(len(accs))))


if __name__ == '__main__':
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    main(sys.argv[1:])
