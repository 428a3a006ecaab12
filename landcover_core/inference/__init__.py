"""Streaming inference: tiling and blending, backends (torch, onnxruntime), the predict pipeline."""
