"""Reading articles: files, folders, JSONL and stdin, front matter, markup stripped with an offset map.

Internal: the public surface is ``quantities`` (read, extract, reconcile, check, the types and
errors) and ``quantities.testing``; what is here may change between releases.
"""
