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


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML (tables and lists included); headings start at h2 within a paper."""
    html = markdown_lib.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
