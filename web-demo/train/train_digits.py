"""Train the demo's digit classifier on scikit-learn's 8x8 digits, offline, in PyTorch.

    /usr/bin/python3 web-demo/train/train_digits.py

Needs Debian's python3-torch and python3-sklearn (both for /usr/bin/python3). Seeded and
single-threaded, so a rerun writes the same weights. Writes
  web-demo/models/digits_cnn.safetensors   the state_dict (keys as DigitsCNN in web-demo/models.js)
  tests/golden/data/demo_digits.json       golden for tests/js/demo.test.js: stroke paths
                                            the test draws with the mouse, the 8x8 image they
                                            give (digits_input.py) and PyTorch's probabilities
and prints the test accuracy (quoted in the README's Demo section).

Input scaling: sklearn's images are block counts 0..16; the model reads them divided by 16.
"""
import torch
from torch import nn
import torch.nn.functional as F
from sklearn.datasets import load_digits

from common import save_golden, save_weights
from digits_input import digits8x8

SEED = 0
EPOCHS = 60
BATCH = 64

# Polylines in the page's canvas pixels (280 x 280); the Chromium test replays them with
# mouse strokes, one mouse.move per vertex.
STROKES = {
    'seven': [[[70, 62], [212, 58], [176, 128], [128, 226]], [[112, 140], [196, 140]]],
    'zero': [[[140, 50], [104, 64], [84, 104], [80, 150], [94, 198], [128, 226], [160, 222], [190, 190],
              [200, 140], [192, 92], [170, 60], [140, 50]]],
}
EXPECTED = {'seven': 7, 'zero': 0}


class DigitsCNN(nn.Module):
    """The same module tree as DigitsCNN in web-demo/models.js."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Dropout(0.25), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


def shift_batch(x, gen):
    """Random shifts of up to one 8x8 pixel (zero fill): drawn digits are never placed exactly."""
    padded = F.pad(x, (1, 1, 1, 1))
    out = torch.empty_like(x)
    offsets = torch.randint(0, 3, (x.shape[0], 2), generator=gen)
    for i, (dy, dx) in enumerate(offsets.tolist()):
        out[i] = padded[i, :, dy:dy + 8, dx:dx + 8]
    return out


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(SEED)

    digits = load_digits()
    x = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16.0
    y = torch.tensor(digits.target, dtype=torch.int64)
    perm = torch.randperm(len(x), generator=gen)
    n_test = len(x) // 5
    test_idx, train_idx = perm[:n_test], perm[n_test:]
    x_train, y_train, x_test, y_test = x[train_idx], y[train_idx], x[test_idx], y[test_idx]

    model = DigitsCNN()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(x_train), generator=gen)
        for start in range(0, len(order), BATCH):
            idx = order[start:start + BATCH]
            loss = F.cross_entropy(model(shift_batch(x_train[idx], gen)), y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()

    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    print(f'digits CNN: test accuracy {accuracy * 100:.2f}% on {n_test} held-out images '
          f'({len(x_train)} for training, {EPOCHS} epochs)')

    save_weights(model, 'digits_cnn', {'accuracy': f'{accuracy:.4f}', 'source': 'web-demo/train/train_digits.py'})

    cases = []
    with torch.no_grad():
        for name, strokes in STROKES.items():
            grid = digits8x8(strokes)
            probs = F.softmax(model(torch.tensor(grid, dtype=torch.float32).view(1, 1, 8, 8) / 16.0), dim=1)[0]
            label = int(probs.argmax())
            print(f'stroke path {name!r}: PyTorch predicts {label} (p={probs[label].item():.3f})')
            assert label == EXPECTED[name], f'stroke path {name!r} is classified as {label}'
            cases.append({'name': name, 'strokes': strokes, 'grid': grid, 'label': label,
                          'probs': [float(p) for p in probs]})
    save_golden('demo_digits', {'format': 'webtorch-demo-digits-1', 'source': 'web-demo/train/train_digits.py',
                                'accuracy': accuracy, 'cases': cases}, indent=1)


if __name__ == '__main__':
    main()
