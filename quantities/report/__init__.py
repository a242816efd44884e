"""What a run found (the result model), its JSON records, and the output formats.

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
