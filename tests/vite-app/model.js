// The forward pass the page, its worker and the Node side of the test all run: a seeded
// Linear -> ReLU -> Linear on ones, so the numbers can be compared across contexts.
export function runForward(torch, nn) {
  torch.manual_seed(0);
  const net = new nn.Sequential(new nn.Linear(4, 3), new nn.ReLU(), new nn.Linear(3, 2));
  const y = net.forward(torch.ones(2, 4));
  const out = { shape: y.shape, values: Array.from(y.toTypedArray()) };
  y.dispose();
  return out;
}
