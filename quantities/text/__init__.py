"""Foundations on plain text: the tokenizer, folding, and the word tries (no language data)."""
