"""What the screens share: features read as DumpFeatureMaps.java writes them, and the accuracy of the app's head on
random labels for several variants of the same features."""
import numpy as np
from fine_tune_block13 import head, split


def read(prefix, dim):
    """The pooled features (one row per image) and the class index of each image."""
    f = np.fromfile(prefix + '.f32', dtype='<f4').reshape(-1, dim)
    y = np.array([int(line.split('\t')[0]) for line in open(prefix + '.txt')])
    return f, y


def app_scale(f, labelled):
    """As the app's head: unit length, then standardised with the labelled images' statistics, the spread pooled
    with the mean spread."""
    g = f[labelled] / np.linalg.norm(f[labelled], axis=1, keepdims=True)
    mu, var = g.mean(0), g.var(0)
    sd = np.sqrt(var + var.mean() + 1e-12)
    return lambda a: (a / np.linalg.norm(a, axis=1, keepdims=True) - mu) / sd


def compare(y, seeds, budgets, variants_of, scale=app_scale, steps=150):
    """Prints, per budget, the mean test accuracy of the head on each variant. Per seed a stratified 30 % test split,
    then the first B images of the shuffled pool are labelled; variants_of(test, pool) gives {name: features}."""
    classes, results, names = y.max() + 1, {}, []
    for seed in range(seeds):
        test, pool = split(y, seed)
        variants = variants_of(test, pool)
        names = list(variants)
        for budget in budgets:
            labelled = pool[:budget]
            y1h = np.eye(classes, dtype='f4')[y[labelled]]
            for name, g in variants.items():
                s = scale(g, labelled)
                v, c = head(s(g[labelled]).astype('f4'), y1h, 0.01, steps=steps)
                results.setdefault((budget, name), []).append(((s(g[test]) @ v + c).argmax(1) == y[test]).mean())
    for budget in budgets:
        print('%5d  ' % budget + '   '.join('%s %.1f %%' % (n, 100 * np.mean(results[(budget, n)])) for n in names),
              flush=True)
