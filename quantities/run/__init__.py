"""A run of the tool: the desk's config, the pipeline over many documents, in-article suppressions."""
