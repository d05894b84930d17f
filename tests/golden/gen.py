"""Regenerate every golden file in tests/golden/data/ from real PyTorch.

    /usr/bin/python3 tests/golden/gen.py            # all families
    /usr/bin/python3 tests/golden/gen.py conv       # only cases_conv.py

Each tests/golden/cases_<family>.py defines generate(out_dir). Needs Debian's
python3-torch (1.13), which runs under /usr/bin/python3 only. The outputs are committed
so that CI needs no torch.
"""
import glob
import importlib
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    sys.path.insert(0, HERE)
    import torch  # noqa: F401 - fail early with a clear message when torch is missing
    torch.set_num_threads(1)
    # Deprecation warnings of the very calls the cases record (implicit softmax dim, ...).
    warnings.simplefilter('ignore', UserWarning)
    out_dir = os.path.join(HERE, 'data')
    families = argv or sorted(os.path.basename(p)[len('cases_'):-3] for p in glob.glob(os.path.join(HERE, 'cases_*.py')))
    for family in families:
        importlib.import_module(f'cases_{family}').generate(out_dir)
        print(f'golden: {family}')


if __name__ == '__main__':
    main(sys.argv[1:])
