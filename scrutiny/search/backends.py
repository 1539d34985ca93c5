"""Full-text search over `SearchEntry`, with one Python interface and one backend per database.

PostgreSQL: an English tsvector (title weighted A, body B) in `search_vector`, under a GIN index, queried
with `websearch_to_tsquery`; matches ranked with `ts_rank` on `rank_vector` (title A, the body's opening B)
and highlighted with `ts_headline` over a window of the text where the query's rarest word first occurs.
SQLite: an FTS5 table over the entry's title and body (external content: the text is stored once, in
`search_searchentry`; triggers keep the FTS index in step), ranked with bm25 and highlighted with snippet().

Both backends return snippets as plain text with private-use sentinel characters around the matches; the
selector escapes the text and only then turns the sentinels into <mark> tags, so nothing in an indexed
paper can inject HTML into the results page.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Left

from .models import SearchEntry

# Private-use characters: never in real text (services strip them from what they index).
MARK_START = "\ue000"
MARK_END = "\ue001"
ELLIPSIS = "…"

FTS_TABLE = "search_searchentry_fts"
# Title weighs ten times the body in bm25, as weight A outweighs B in PostgreSQL's ts_rank.
BM25_WEIGHTS = (10.0, 1.0)
SNIPPET_TOKENS = 32

# PostgreSQL: the body's opening that the ranking vector holds (with the title). Migration 0003 writes the
# same figure into existing entries: change both together (and rebuild the index).
RANK_CHARS = 2_000
# ts_headline parses all the text it is given: it gets this many characters from a match on ...
HEADLINE_WINDOW = 3_000
# ... starting this far before it.
HEADLINE_LEAD = 100
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=35, MinWords=15, MaxFragments=2, '
    f'FragmentDelimiter=" {ELLIPSIS} "'
)
SEARCH_VECTOR = SearchVector("title", weight="A", config="english") + SearchVector("body", weight="B", config="english")
RANK_VECTOR = SearchVector("title", weight="A", config="english") + SearchVector(
    Left("body", RANK_CHARS), weight="B", config="english"
)

FTS_SCHEMA = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, body, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS search_searchentry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_searchentry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_searchentry_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
]
FTS_DROP = [
    "DROP TRIGGER IF EXISTS search_searchentry_fts_update",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


@dataclass(frozen=True)
class Hit:
    """One match as a backend finds it: the entry's id, its rank (higher is better) and a raw snippet."""

    entry_id: int
    rank: float
    snippet: str


@dataclass(frozen=True)
class Filters:
    panel_id: int | None = None
    kinds: tuple[str, ...] | None = None
    date_from: date | None = None
    date_to: date | None = None
    public_only: bool = True

    def q(self, prefix: str = "") -> Q:
        conditions = {}
        if self.public_only:
            conditions["is_public"] = True
        if self.panel_id is not None:
            conditions["panel_id"] = self.panel_id
        if self.kinds is not None:
            conditions["kind__in"] = list(self.kinds)
        if self.date_from is not None:
            conditions["date__gte"] = self.date_from
        if self.date_to is not None:
            conditions["date__lte"] = self.date_to
        return Q(**{prefix + k: v for k, v in conditions.items()})


# Parsing what people type -------------------------------------------------------------------------------------

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ParsedQuery:
    """A query as web search engines read it: words and "quoted phrases" all required, `or` between
    alternatives, a leading minus to exclude."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]  # OR of groups; each group an AND of phrases (word tuples)
    excluded: tuple[tuple[str, ...], ...]

    @property
    def is_empty(self) -> bool:
        return not any(self.groups)


# PostgreSQL's English stop words (snowball's list). Single words on this list are dropped from a query on
# both databases, so that "the", "and" or "not" never make SQLite find less than PostgreSQL.
_STOP_WORDS_TEXT = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are
    was were be been being have has had having do does did doing a an the and but if or because as until while
    of at by for with about against between into through during before after above below to from up down in out
    on off over under again further then once here there when where why how all any both each few more most
    other some such no nor not only own same so than too very s t can will just don should now
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def parse_query(text: str) -> ParsedQuery:
    groups: list[list[tuple[str, ...]]] = [[]]
    excluded: list[tuple[str, ...]] = []
    for match in _TOKEN.finditer(text or ""):
        negated, quoted, bare = match.groups()
        if bare is not None:
            if bare.lower() == "or":
                if groups[-1]:
                    groups.append([])
                continue
            negated = "-" if bare.startswith("-") else ""
            words = tuple(_WORD.findall(bare))
        else:
            words = tuple(_WORD.findall(quoted))
        if len(words) == 1 and words[0].lower() in STOP_WORDS:
            continue
        if not words:
            continue
        (excluded if negated else groups[-1]).append(words)
    return ParsedQuery(groups=tuple(tuple(g) for g in groups if g), excluded=tuple(excluded))


def _fts_phrase(words: tuple[str, ...]) -> str:
    # \w+ words never hold a double quote, so quoting each one makes any input a valid FTS5 string.
    return " + ".join(f'"{w}"' for w in words)


def fts5_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression for a parsed query: every word quoted, so no input is a syntax error."""
    groups = ["(" + " AND ".join(_fts_phrase(p) for p in group) + ")" for group in parsed.groups]
    expression = " OR ".join(groups)
    if len(groups) > 1:
        expression = f"({expression})"
    for phrase in parsed.excluded:
        expression += f" NOT {_fts_phrase(phrase)}"
    return expression


def websearch_text(parsed: ParsedQuery) -> str:
    """The same query rewritten cleanly for PostgreSQL's websearch_to_tsquery."""

    def phrase(words):
        return words[0] if len(words) == 1 else '"' + " ".join(words) + '"'

    text = " or ".join(" ".join(phrase(p) for p in group) for group in parsed.groups)
    for words in parsed.excluded:
        text += " -" + phrase(words)
    return text


def headline_terms(parsed: ParsedQuery) -> list[tuple[str, str]]:
    """What shows where a text has the query's words, to place the highlighting window (PostgreSQL).

    (head, word) pairs: the SQL looks for each head followed by the prefix the word's Snowball stem gives
    ("proposing" and "proposes" both start "propos"; a stem ending in i, "properti" for "property" and
    "properties", without it), lowered, capitalised, in title case or in capitals. Each wanted word alone
    (head ""); each phrase, its words but the last as typed, one space apart. Stop words alone are left
    out: never highlighted.
    """
    terms = set()
    for group in parsed.groups:
        for phrase in group:
            words = [w.lower() for w in phrase]
            terms.update(("", word) for word in words if word not in STOP_WORDS)
            if len(words) > 1:
                terms.add(("".join(word + " " for word in words[:-1]), words[-1]))
    return sorted(terms)


def highlight_text(parsed: ParsedQuery) -> str:
    """For PostgreSQL's websearch_to_tsquery: any wanted word or phrase, for ts_headline to mark.

    Not the query itself: ts_headline only marks a stretch of text that satisfies its query whole, so a
    window showing one word of two (or a text whose other word is in the title) would be marked nowhere.
    """

    def phrase(words):
        return words[0] if len(words) == 1 else '"' + " ".join(words) + '"'

    return " or ".join(phrase(p) for group in parsed.groups for p in group)


# Backends ---------------------------------------------------------------------------------------------------


class PostgresBackend:
    """Matching on the full vector, ranking on the lead vector, highlighting a window of the text.

    `search_vector` (title A, the whole body B) decides what matches, under its GIN index. Ranking every match
    against that vector would read ~14 KB of tsvector per match (half a second for a common word over the
    national instance), so matches are ranked on `rank_vector` instead: the title (A) and the opening
    `RANK_CHARS` characters of the body (B), where a paper says what it is about. A title match and an early,
    dense match rank first; a paper that only mentions the words further in still matches, below them.

    ts_headline parses all the text it is given, so it gets `HEADLINE_WINDOW` characters from just before the
    first occurrence of the query's rarest word in the body (see `_headlines`), not the whole paper.
    """

    vendor = "postgresql"

    def _query(self, parsed: ParsedQuery) -> SearchQuery:
        return SearchQuery(websearch_text(parsed), search_type="websearch", config="english")

    def _matches(self, parsed: ParsedQuery, filters: Filters) -> QuerySet:
        return SearchEntry.objects.filter(filters.q()).filter(search_vector=self._query(parsed))

    def search(self, parsed: ParsedQuery, filters: Filters, *, limit: int, offset: int) -> tuple[list[Hit], int]:
        query = self._query(parsed)
        ranked = (
            self._matches(parsed, filters)
            .annotate(rank=SearchRank(F("rank_vector"), query, normalization=1))
            .order_by()
            .values_list("id", "date", "rank")
        )
        try:
            sql, params = ranked.query.sql_with_params()
        except EmptyResultSet:  # the filters alone exclude everything (no kinds chosen)
            return [], 0
        with connection.cursor() as cursor:
            # The rank is computed in a fenced subquery (OFFSET 0), so the window count that carries the total
            # on the page's rows buffers (id, date, rank) only, never the vectors.
            cursor.execute(
                f"SELECT id, rank, count(*) OVER () FROM ({sql} OFFSET 0) AS matches "
                "ORDER BY rank DESC, date DESC, id LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            page = cursor.fetchall()
            if not page:
                return [], (self._matches(parsed, filters).count() if offset else 0)
            total = page[0][2]
            headlines = self._headlines(cursor, parsed, [pk for pk, _, _ in page])
        return [Hit(entry_id=pk, rank=float(rank), snippet=headlines.get(pk, "")) for pk, rank, _ in page], total

    def _headlines(self, cursor, parsed: ParsedQuery, ids: list[int]) -> dict[int, str]:
        """The highlighted extracts of the page shown (ts_headline parses its text: never for every match).

        ts_headline gets a window of `HEADLINE_WINDOW` characters of each text, starting `HEADLINE_LEAD`
        characters before the anchor, so that the first fragment shows it: the first occurrence of the
        query's rarest term found in the text (a phrase, or the word the planner's statistics find in the
        fewest entries, the latest of equally rare ones: commoner words are about everywhere, and the rarest
        is what the reader looks for); the opening when no term is found. It marks any of the query's words
        or phrases (`highlight_text`), choosing the first stretches that have one.

        The terms are found by a plain substring search for each spelling of each (`headline_terms`), which
        stops at the first occurrence and is far cheaper than parsing the text (or than a case-insensitive
        regular expression). The opening is searched first: most pages need read no more of their texts from
        TOAST; otherwise a term found in the opening is not looked for further, and a term's other spellings
        only when one is not found. One query for the page, whatever its size.
        """
        window, lead = HEADLINE_WINDOW, HEADLINE_LEAD
        terms = headline_terms(parsed)
        heads, words = [head for head, _ in terms], [word for _, word in terms]
        cursor.execute(
            f"""
            WITH common AS (
                -- how common each of the commonest lexemes is, from the planner's statistics: the rest are rare
                SELECT x.lexeme, x.freq
                FROM pg_stats AS ps,
                    unnest(ps.most_common_elems::text::text[], ps.most_common_elem_freqs) AS x(lexeme, freq)
                WHERE ps.schemaname = current_schema() AND ps.tablename = 'search_searchentry'
                    AND ps.attname = 'search_vector'
            ), stems AS (
                SELECT t.head || CASE WHEN length(s.stem) > 3 AND right(s.stem, 1) = 'i'
                        THEN left(s.stem, -1) ELSE s.stem END AS term,
                    -- a phrase is rarer than any word
                    CASE WHEN t.head <> '' THEN -1
                        ELSE coalesce((SELECT c.freq FROM common c WHERE c.lexeme = s.stem), 0) END AS freq
                FROM unnest(%s::text[], %s::text[]) AS t(head, word),
                LATERAL (SELECT coalesce((ts_lexize('english_stem', t.word))[1], t.word) AS stem) s
            ), terms AS (
                -- each term as written lowered, capitalised, in title case and in capitals (NULL: same again)
                SELECT ARRAY[
                    term,
                    nullif(upper(left(term, 1)) || substr(term, 2), term),
                    nullif(nullif(initcap(term), upper(left(term, 1)) || substr(term, 2)), term),
                    nullif(nullif(upper(term), upper(left(term, 1)) || substr(term, 2)), term)
                ] AS spellings, freq
                FROM stems
            )
            SELECT e.id, ts_headline('english', w.doc, websearch_to_tsquery('english', %s), %s)
            FROM search_searchentry e
            -- the opening first (only so much is read from TOAST): enough when every term is found early in it
            CROSS JOIN LATERAL (SELECT left(e.body, {window}) AS opening OFFSET 0) o
            CROSS JOIN LATERAL (
                SELECT bool_and(at IS NOT NULL) AS all_found, (array_agg(at ORDER BY freq, at DESC))[1] AS anchor
                FROM (
                    SELECT (SELECT min(nullif(strpos(o.opening, sp), 0)) FROM unnest(t.spellings) AS sp) AS at,
                        t.freq
                    FROM terms t
                ) found
            ) fo
            CROSS JOIN LATERAL (
                -- (a window opened mid-word starts at the next word)
                SELECT CASE WHEN fo.all_found AND fo.anchor <= {window // 2} THEN
                    CASE WHEN fo.anchor <= {lead + 1} THEN o.opening
                    ELSE regexp_replace(substr(o.opening, fo.anchor - {lead}), '^\\S*\\s+', '') END
                ELSE (
                    SELECT CASE WHEN f.anchor <= {lead + 1} THEN substr(d.body, 1, {window})
                        ELSE regexp_replace(substr(d.body, f.anchor - {lead}, {window}), '^\\S*\\s+', '') END
                    -- the whole text, read from TOAST once
                    FROM (SELECT e.body || '' AS body OFFSET 0) d
                    CROSS JOIN LATERAL (
                        -- a term's position in the opening, or else its first spelling found in the text
                        -- (COALESCE stops at the first found: the text is scanned no further than needed)
                        SELECT coalesce((array_agg(at ORDER BY freq, at DESC) FILTER (WHERE at IS NOT NULL))[1], 1)
                            AS anchor
                        FROM (
                            SELECT t.freq, coalesce(
                                (SELECT min(nullif(strpos(o.opening, sp), 0)) FROM unnest(t.spellings) AS sp),
                                nullif(strpos(d.body, t.spellings[1]), 0),
                                nullif(strpos(d.body, t.spellings[2]), 0),
                                nullif(strpos(d.body, t.spellings[3]), 0),
                                nullif(strpos(d.body, t.spellings[4]), 0)
                            ) AS at
                            FROM terms t
                        ) found
                    ) f
                ) END AS doc
            ) w
            WHERE e.id = ANY(%s)
            """,
            [heads, words, highlight_text(parsed), HEADLINE_OPTIONS, ids],
        )
        return dict(cursor.fetchall())

    def entries_indexed(self, entries) -> None:
        """Compute the vectors of entries just written, in the database (the text is there already)."""
        for kind in {e.kind for e in entries}:
            object_ids = [e.object_id for e in entries if e.kind == kind]
            SearchEntry.objects.filter(kind=kind, object_id__in=object_ids).update(
                search_vector=SEARCH_VECTOR, rank_vector=RANK_VECTOR
            )

    def after_rebuild(self) -> None:
        """Move the rebuilt rows out of the GIN index's pending list (a linear scan on every search until
        autovacuum gets there) and give the planner fresh statistics."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('search_entry_vector_gin'::regclass)")
            cursor.execute("ANALYZE search_searchentry")

    def index_size(self) -> int:
        """Bytes of the GIN index and of the lead vectors used for ranking."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_relation_size('search_entry_vector_gin') + "
                "(SELECT coalesce(sum(pg_column_size(rank_vector)), 0) FROM search_searchentry)"
            )
            return int(cursor.fetchone()[0])


class SqliteBackend:
    vendor = "sqlite"

    def _where(self, filters: Filters) -> tuple[str, list]:
        sql, params = [], []
        if filters.public_only:
            sql.append("e.is_public")
        if filters.panel_id is not None:
            sql.append("e.panel_id = %s")
            params.append(filters.panel_id)
        if filters.kinds is not None:
            if not filters.kinds:
                sql.append("0")
            else:
                sql.append("e.kind IN (" + ", ".join(["%s"] * len(filters.kinds)) + ")")
                params.extend(filters.kinds)
        if filters.date_from is not None:
            sql.append("e.date >= %s")
            params.append(filters.date_from.isoformat())
        if filters.date_to is not None:
            sql.append("e.date <= %s")
            params.append(filters.date_to.isoformat())
        return "".join(f" AND {condition}" for condition in sql), params

    def search(self, parsed: ParsedQuery, filters: Filters, *, limit: int, offset: int) -> tuple[list[Hit], int]:
        match = fts5_query(parsed)
        where, params = self._where(filters)
        # CROSS JOIN keeps the FTS table as the outer loop: otherwise a panel filter can lead SQLite to walk
        # the panel's entries and run the full-text match once for each of them.
        base = (
            f"FROM {FTS_TABLE} CROSS JOIN search_searchentry e ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s"
        )
        with connection.cursor() as cursor:
            title_weight, body_weight = BM25_WEIGHTS
            # The total rides on the page's rows (a window count), saving a second pass over the matches.
            # (FTS5's functions cannot sit beside a window function: bm25 is computed in a subquery.)
            cursor.execute(
                f"SELECT id, score, count(*) OVER () FROM (SELECT e.id, e.date, bm25({FTS_TABLE}, %s, %s) AS score "
                f"{base}{where}) ORDER BY score, date DESC, id LIMIT %s OFFSET %s",
                [title_weight, body_weight, match, *params, limit, offset],
            )
            rows = cursor.fetchall()
            if not rows:
                if not offset:
                    return [], 0
                cursor.execute(f"SELECT count(*) {base}{where}", [match, *params])
                return [], cursor.fetchone()[0]
            total = rows[0][2]
            # Snippets only for the page shown: SQLite would otherwise build one for every match before sorting.
            ids = [pk for pk, _, _ in rows]
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, 1, %s, %s, %s, %s) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
                [MARK_START, MARK_END, ELLIPSIS, SNIPPET_TOKENS, match, *ids],
            )
            snippets = dict(cursor.fetchall())
        # bm25 is lower for a better match; the interface promises higher is better.
        return [Hit(entry_id=pk, rank=-score, snippet=snippets.get(pk) or "") for pk, score, _ in rows], total

    def entries_indexed(self, entries) -> None:
        """Nothing to do: the triggers wrote the FTS index in the same statement."""

    def after_rebuild(self) -> None:
        """Merge the FTS5 index's segments into one, and give the planner fresh statistics."""
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
            cursor.execute("ANALYZE search_searchentry")

    def index_size(self) -> int:
        """Bytes of the FTS5 shadow tables (the index proper; the text itself lives in search_searchentry)."""
        with connection.cursor() as cursor:
            try:
                cursor.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE %s", [f"{FTS_TABLE}%"])
                return cursor.fetchone()[0]
            except Exception:  # dbstat is a compile-time option
                cursor.execute(f"SELECT coalesce(sum(length(block)), 0) FROM {FTS_TABLE}_data")
                return cursor.fetchone()[0]


def fts_schema_create(schema_connection) -> None:
    """Create the SQLite FTS5 table and its triggers (idempotent). Does nothing on other databases."""
    if schema_connection.vendor != "sqlite":
        return
    with schema_connection.cursor() as cursor:
        for statement in FTS_SCHEMA:
            cursor.execute(statement)


def get_backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise ImproperlyConfigured(f"Search supports PostgreSQL and SQLite, not {connection.vendor}.")
