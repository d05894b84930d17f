"""Train the demo's sine forecaster, offline, in PyTorch: an LSTM that reads a noisy sine
wave and predicts its clean continuation.

    /usr/bin/python3 web-demo/train/train_sine_lstm.py

Needs Debian's python3-torch (for /usr/bin/python3). Seeded and single-threaded. Writes
  web-demo/models/sine_lstm.safetensors   the state_dict (keys as SineLSTM in web-demo/models.js)
  tests/golden/data/demo_sine.json        golden for tests/js/demo.test.js: the page's waves
                                           #0..#2 and PyTorch's 40-step forecasts of them
and prints the forecast error on held-out waves (quoted in the README's Demo section).

A wave (the page's `makeWave` in web-demo/app.js computes the same numbers): after
torch.manual_seed(k), u = torch.rand(3 + 100);
  period = 12 + 18 u0 steps, phase = 2 pi u1, amplitude = 0.6 + 0.4 u2,
  clean[t] = amplitude sin(2 pi t / period + phase),   t = 0..99
  noisy[t] = clean[t] + 0.15 (2 u[3 + t] - 1)
The model sees noisy[0:60] and forecasts t = 60..99 by feeding its predictions back in.
"""
import math

import torch
from torch import nn

from common import save_golden, save_weights

SEED = 0
HISTORY = 60
HORIZON = 40
TOTAL = HISTORY + HORIZON
NOISE = 0.15
STEPS = 1500
BATCH = 64
GOLDEN_WAVES = [0, 1, 2]


class SineLSTM(nn.Module):
    """The same module tree as SineLSTM in web-demo/models.js."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(1, 32, batch_first=True)
        self.head = nn.Linear(32, 1)

    def forward(self, x, hx=None):
        out, hx = self.lstm(x, hx)
        return self.head(out), hx


def waves_from_uniform(u):
    """u: [B, 3 + TOTAL] uniforms -> (noisy, clean), each [B, TOTAL] float64."""
    u = u.double()
    t = torch.arange(TOTAL, dtype=torch.float64)
    period = 12 + 18 * u[:, :1]
    phase = 2 * math.pi * u[:, 1:2]
    amplitude = 0.6 + 0.4 * u[:, 2:3]
    clean = amplitude * torch.sin(2 * math.pi * t / period + phase)
    return clean + NOISE * (2 * u[:, 3:] - 1), clean


def page_wave(k):
    """Wave #k exactly as the page computes it: plain float64 arithmetic on PyTorch's draws."""
    torch.manual_seed(k)
    u = [float(v) for v in torch.rand(3 + TOTAL)]
    period = 12 + 18 * u[0]
    phase = 2 * math.pi * u[1]
    amplitude = 0.6 + 0.4 * u[2]
    clean = [amplitude * math.sin(2 * math.pi * t / period + phase) for t in range(TOTAL)]
    noisy = [c + NOISE * (2 * u[3 + t] - 1) for t, c in enumerate(clean)]
    return noisy, clean


def forecast(model, history):
    """history: [B, HISTORY] -> [B, HORIZON]: the last one-step prediction, then fed back."""
    out, hx = model(history.float().unsqueeze(-1))
    x = out[:, -1:, :]
    preds = [x]
    for _ in range(HORIZON - 1):
        x, hx = model(x, hx)
        preds.append(x)
    return torch.cat(preds, dim=1).squeeze(-1)


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(SEED)

    model = SineLSTM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, STEPS)
    for _ in range(STEPS):
        noisy, clean = waves_from_uniform(torch.rand(BATCH, 3 + TOTAL, generator=gen))
        # Teacher forcing: each step predicts the next clean value from the noisy past.
        pred, _ = model(noisy[:, :-1].float().unsqueeze(-1))
        loss = nn.functional.mse_loss(pred.squeeze(-1), clean[:, 1:].float())
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()

    model.eval()
    with torch.no_grad():
        noisy, clean = waves_from_uniform(torch.rand(256, 3 + TOTAL, generator=gen))
        pred = forecast(model, noisy[:, :HISTORY])
        target = clean[:, HISTORY:].float()
        rmse = (pred - target).pow(2).mean().sqrt().item()
        baseline = target.pow(2).mean().sqrt().item()
    print(f'sine LSTM: {HORIZON}-step forecast RMSE {rmse:.4f} on 256 held-out waves '
          f'(predicting zero: {baseline:.4f}; noise amplitude {NOISE})')

    save_weights(model, 'sine_lstm', {'forecast_rmse': f'{rmse:.4f}', 'source': 'web-demo/train/train_sine_lstm.py'})

    cases = []
    with torch.no_grad():
        for k in GOLDEN_WAVES:
            noisy, clean = page_wave(k)
            pred = forecast(model, torch.tensor([noisy[:HISTORY]], dtype=torch.float64))[0]
            cases.append({'wave': k, 'noisy': noisy, 'clean': clean, 'forecast': [float(v) for v in pred]})
    save_golden('demo_sine', {'format': 'webtorch-demo-sine-1', 'source': 'web-demo/train/train_sine_lstm.py',
                              'history': HISTORY, 'horizon': HORIZON, 'rmse': rmse, 'cases': cases})


if __name__ == '__main__':
    main()
