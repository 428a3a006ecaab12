"""Accuracy assessment: metrics from a confusion matrix, evaluation of maps and models."""
