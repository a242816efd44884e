"""Foundations on plain text: the tokenizer, folding, and the word tries (no language data).

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
