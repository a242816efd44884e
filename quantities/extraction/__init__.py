"""From a document's text to its claims: sentences, numbers, the counted noun, attribution, modality.

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
