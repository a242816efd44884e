"""The ways people use the tool: the command line and the pytest plugin.

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
