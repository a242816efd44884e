"""Numerals in a sentence: the grammar compiled from a pack, the number words, the reader.

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
