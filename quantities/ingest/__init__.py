"""Reading articles: files, folders, JSONL and stdin, front matter, markup stripped with an offset map."""
