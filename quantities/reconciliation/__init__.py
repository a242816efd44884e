"""Lining claims up into figures and applying the rules: intervals, alignment, rules, reference figures.

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
