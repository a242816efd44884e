"""From a document's text to its claims: sentences, numbers, the counted noun, attribution, modality."""
