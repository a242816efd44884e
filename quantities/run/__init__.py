"""A run of the tool: the desk's config, the pipeline over many documents, in-article suppressions.

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
