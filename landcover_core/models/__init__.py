"""The networks, their pretrained weights and the self-describing model file."""
