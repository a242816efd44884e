"""What a run found (the result model), its JSON records, and the output formats."""
