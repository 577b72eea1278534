"""REST resources of a case (`cases` and its notes, tasks, members, documents, timeline), split by noun."""
