"""Markdown written in the application, rendered to HTML that is safe to show anywhere.

Python-Markdown renders; nh3 (the Rust `ammonia` sanitiser) keeps only the tags a report needs, so a paper's
author cannot put script, styles or event handlers into a public page or a pack.
"""

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "hr",
    "code",
    "pre",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}}


# A line holding only this marker starts a new page in printed packs (as a report's author lays it out);
# on screen it is nothing.
PAGE_BREAK_MARKER = "<!-- pagebreak -->"
PAGE_BREAK_HTML = '<div class="page-break"></div>'


def _render_chunk(text: str) -> str:
    html = markdown_lib.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML (tables and lists included); headings start at h2 within a paper.

    Page-break markers become an empty `div.page-break`, added after sanitising (the author's own HTML never
    survives): the print stylesheet breaks the page there.
    """
    lines = (text or "").splitlines()
    chunks, current = [], []
    for line in lines:
        if line.strip() == PAGE_BREAK_MARKER:
            chunks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    chunks.append("\n".join(current))
    return PAGE_BREAK_HTML.join(_render_chunk(chunk) for chunk in chunks)
