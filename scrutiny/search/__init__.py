"""Full-text search of papers, agenda items and minutes, on PostgreSQL and on SQLite.

models (SearchEntry: one row per searchable object, `is_public` decided when written), backends (PostgreSQL
tsvector + GIN / SQLite FTS5 + bm25, one interface), services (indexing after commit, rebuild), selectors
(`search`), views (/search/ and /<panel>/search/), management/commands/rebuild_search_index.
"""
