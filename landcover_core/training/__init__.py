"""Training: the loop with partial cross-entropy, losses, weight averaging, torchrun, self-training, pseudo-labels."""
