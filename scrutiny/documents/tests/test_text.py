"""What search reads from a paper: the words a reader sees, not the Markdown around them."""

from scrutiny.documents.models import Paper
from scrutiny.documents.text import markdown_plain_text, paper_text


class TestPaperText:
    def test_tables_and_lists_become_their_words(self):
        text = markdown_plain_text(
            "| Line | 23/24 (£) |\n|---|---:|\n| Total Estates Budget | 12,958,859 |\n\n- one\n- two"
        )
        assert "Total Estates Budget 12,958,859" in text
        assert "|" not in text
        assert "---" not in text
        assert "one two" in text

    def test_markup_in_a_section_never_reaches_the_index(self):
        paper = Paper(title="Estates", body="Costs <script>alert(1)</script> **rose** &amp; fell")
        text = paper_text(paper)
        assert "<script>" not in text
        assert "**" not in text
        assert "Costs" in text
        assert "rose & fell" in text
