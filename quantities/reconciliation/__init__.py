"""Lining claims up into figures and applying the rules: intervals, alignment, rules, reference figures."""
