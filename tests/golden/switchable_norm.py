"""Reference SwitchableNorm1d/2d for webtorch's golden tests (not part of torch.nn).

Luo, Ren, Peng, Zhang, Li, "Differentiable Learning-to-Normalize via Switchable
Normalization", ICLR 2019. For an input h of shape (N, C, *S), with I_k the set of elements
statistic k averages over (k in {in, ln, bn}):

  eq. (2)  h_hat = gamma * (h - sum_k w_k mu_k) / sqrt(sum_k w'_k sigma2_k + eps) + beta
  eq. (3)  w_k = exp(lambda_k) / sum_z exp(lambda_z), the same for w'_k with lambda'_k
  eq. (4)  mu_in  = 1/|S| sum_S h                  sigma2_in = 1/|S| sum_S (h - mu_in)^2
           mu_ln  = 1/C sum_C mu_in               sigma2_ln = 1/C sum_C (sigma2_in + mu_in^2) - mu_ln^2
           mu_bn  = 1/N sum_N mu_in               sigma2_bn = 1/N sum_N (sigma2_in + mu_in^2) - mu_bn^2

(eq. 4 is the paper's efficient form: LN and BN statistics come from the IN ones, and LN
averages over C and S per sample as the paper defines it.) The variances are the biased
ones of the paper's definition. In training mu_bn/sigma2_bn are the batch's and update
running_mean/running_var by a moving average; in eval the running ones are used.

Choices (documented because this layer is not in torch.nn):
  * momentum=0.1 in PyTorch's convention, running = (1 - momentum) * running + momentum * batch;
    the authors' reference implementation (github.com/switchablenorms/Switchable-Normalization,
    SwitchNorm2d) writes the same default as a decay, momentum=0.9 (running = 0.9 * running +
    0.1 * batch).
  * lambda (mean_weight) and lambda' (var_weight) start at ones(3), as in that implementation
    (equal importance); weight/bias are 1-D (C,) like BatchNorm's and start at ones/zeros;
    running_var starts at ones like BatchNorm's.
  * SwitchableNorm1d takes (N, C) or (N, C, L) like BatchNorm1d; SwitchableNorm2d (N, C, H, W).
"""
import torch
from torch import nn


class _SwitchableNorm(nn.Module):
    _ranks = ()

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.weight = nn.Parameter(torch.ones(num_features))
        self.bias = nn.Parameter(torch.zeros(num_features))
        self.mean_weight = nn.Parameter(torch.ones(3))
        self.var_weight = nn.Parameter(torch.ones(3))
        self.register_buffer('running_mean', torch.zeros(num_features))
        self.register_buffer('running_var', torch.ones(num_features))

    def forward(self, x):
        if x.dim() not in self._ranks:
            raise ValueError(f'expected {" or ".join(f"{r}D" for r in self._ranks)} input (got {x.dim()}D input)')
        n, c = x.shape[:2]
        h = x.reshape(n, c, -1)
        mean_in = h.mean(-1, keepdim=True)                            # (N, C, 1)
        var_in = h.var(-1, unbiased=False, keepdim=True)
        second = var_in + mean_in ** 2                                # E[h^2] per (n, c)
        mean_ln = mean_in.mean(1, keepdim=True)                       # (N, 1, 1)
        var_ln = second.mean(1, keepdim=True) - mean_ln ** 2
        if self.training:
            mean_bn = mean_in.mean(0, keepdim=True)                   # (1, C, 1)
            var_bn = second.mean(0, keepdim=True) - mean_bn ** 2
            with torch.no_grad():
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean_bn.reshape(c))
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * var_bn.reshape(c))
        else:
            mean_bn = self.running_mean.reshape(1, c, 1)
            var_bn = self.running_var.reshape(1, c, 1)
        wm = torch.softmax(self.mean_weight, 0)
        wv = torch.softmax(self.var_weight, 0)
        mean = wm[0] * mean_in + wm[1] * mean_ln + wm[2] * mean_bn
        var = wv[0] * var_in + wv[1] * var_ln + wv[2] * var_bn
        out = (h - mean) / (var + self.eps).sqrt()
        return out.reshape(x.shape) * self.weight.reshape(1, c, *([1] * (x.dim() - 2))) \
            + self.bias.reshape(1, c, *([1] * (x.dim() - 2)))

    def extra_repr(self):
        return f'{self.num_features}, eps={self.eps}, momentum={self.momentum}'


class SwitchableNorm1d(_SwitchableNorm):
    _ranks = (2, 3)


class SwitchableNorm2d(_SwitchableNorm):
    _ranks = (4,)
