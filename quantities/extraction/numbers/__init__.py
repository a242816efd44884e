"""Numerals in a sentence: the grammar compiled from a pack, the number words, the reader."""
