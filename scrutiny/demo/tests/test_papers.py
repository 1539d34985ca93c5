"""The demo's papers for the West Mercia meeting of 19 September 2023: complete, idempotent, faithful to the
seed's figures and tables, and written in our own words (no long sentence copied from the seed)."""

import json
import re
from pathlib import Path

import pytest

from scrutiny.demo.papers import PAGEBREAK, PAPERS, demo_papers_load
from scrutiny.documents.choices import PaperSource, PaperStatus
from scrutiny.documents.models import Paper
from scrutiny.documents.services import paper_delete
from scrutiny.documents.text import SECTION_FIELDS as TEXT_SECTIONS
from scrutiny.meetings.models import Meeting

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SEED_FILE = SEEDS / "000_651e12d46f13f8ff.txt"
FACTS_FILE = SEEDS / "west-mercia-2023-09-facts.json"

PCC_REPORTS = ["6", "7", "8", "9"]
EVERY_PAPER = ["author", "contact_points", "recommendation", "background", "body"]
# As the seed prints them: the PCC's reports carry the four implications sections; the budget metrics report
# has no background papers section; the work programme has a summary and no implications.
REQUIRED = {
    "6": [
        *EVERY_PAPER,
        "risk_implications",
        "financial_implications",
        "legal_implications",
        "equality_implications",
        "supporting_information",
        "background_papers",
    ],
    "7": [
        *EVERY_PAPER,
        "risk_implications",
        "financial_implications",
        "legal_implications",
        "equality_implications",
        "supporting_information",
    ],
    "8": [
        *EVERY_PAPER,
        "risk_implications",
        "financial_implications",
        "legal_implications",
        "equality_implications",
        "supporting_information",
        "background_papers",
    ],
    "9": [
        *EVERY_PAPER,
        "risk_implications",
        "financial_implications",
        "legal_implications",
        "equality_implications",
        "supporting_information",
        "background_papers",
    ],
    "10": [*EVERY_PAPER, "summary", "supporting_information", "background_papers"],
}
# The paper's text sections as the search text reads them, and the contact points (kept apart from it).
SECTION_FIELDS = [*TEXT_SECTIONS, "contact_points"]


def _september(panel) -> Meeting:
    return panel.meetings.get(slug="2023-09-19")


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every Markdown table in `markdown`, as rows of stripped cells (the header row first, no separator)."""
    tables, current = [], []
    for line in markdown.splitlines():
        line = line.strip()
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _table_after(markdown: str, heading: str) -> list[list[str]]:
    """The first table after the line `heading`."""
    return _tables(markdown.split(f"\n{heading}\n", 1)[1])[0]


def _facts() -> dict:
    if not FACTS_FILE.exists():
        pytest.skip(f"The seed's facts file is not here: {FACTS_FILE}")
    return json.loads(FACTS_FILE.read_text(encoding="utf-8"))


# Loading ------------------------------------------------------------------------------------------------------


def test_load_writes_a_paper_for_each_report_with_every_section(demo):
    """load_demo_data writes the papers; loading them again finds each report already there."""
    assert demo_papers_load() == []
    meeting = _september(demo)
    for number, data in PAPERS.items():
        papers = list(Paper.objects.live().filter(agenda_item__meeting=meeting, agenda_item__number=number))
        assert len(papers) == 1, number
        paper = papers[0]
        assert paper.title == data["title"]
        assert paper.source == PaperSource.WRITTEN
        assert paper.status == PaperStatus.ACCEPTED
        assert paper.order == 1
        for name in REQUIRED[number]:
            assert getattr(paper, name).strip(), f"item {number} has no {name}"
        assert "## " in paper.body
        assert paper.text, "the search text is built"
    for number in PCC_REPORTS:
        assert (
            PAPERS[number]["author"] == "Gareth Boulton, Chief Executive, Office of the Police and Crime Commissioner"
        )
        assert "Gareth Boulton" in PAPERS[number]["contact_points"]
    assert "Samantha Morris" in PAPERS["10"]["author"]


def test_equality_implications_are_none_except_for_the_diversity_report():
    for number in ["6", "7", "8"]:
        assert PAPERS[number]["equality_implications"] == "None."
    assert "Equality Act" in PAPERS["9"]["equality_implications"]


def test_load_is_idempotent_and_fills_only_items_without_a_live_paper(demo):
    assert demo_papers_load() == []
    meeting = _september(demo)
    # Five reports, and the minutes of 27 July on item 5.
    assert Paper.objects.live().filter(agenda_item__meeting=meeting).count() == 6

    estates = Paper.objects.live().get(agenda_item__meeting=meeting, agenda_item__number="8")
    paper_delete(acting_user=None, paper=estates)
    again = demo_papers_load()

    assert [paper.agenda_item.number for paper in again] == ["8"]
    assert Paper.objects.live().filter(agenda_item__meeting=meeting).count() == 6


def test_page_breaks_stand_on_their_own_lines():
    for number, data in PAPERS.items():
        for name in SECTION_FIELDS:
            for line in data[name].splitlines():
                if PAGEBREAK in line:
                    assert line.strip() == PAGEBREAK, (number, name, line)
        assert PAGEBREAK in data["body"], number


# The seed's tables ----------------------------------------------------------------------------------------------

# The appendix of the diversity report, as printed: ethnic group -> police officer, police officer total, PCSO,
# police staff, police staff total, special, special total, grand total.
WORKFORCE = {
    "April 2023": {
        "BAME": [82, 82, 6, 66, 72, 2, 2, 156],
        "Not Stated": [30, 30, 3, 79, 82, 1, 1, 113],
        "White": [2372, 2372, 185, 1742, 1927, 66, 66, 4365],
        "Grand Total": [2484, 2484, 194, 1887, 2081, 69, 69, 4634],
    },
    "April 2022": {
        "BAME": [73, 73, 4, 58, 62, 2, 2, 137],
        "Not Stated": [24, 24, 4, 90, 94, 2, 2, 120],
        "White": [2257, 2257, 201, 1751, 1952, 77, 77, 4286],
        "Grand Total": [2354, 2354, 209, 1899, 2108, 81, 81, 4543],
    },
    "April 2021": {
        "BAME": [66, 66, 6, 49, 55, 2, 2, 123],
        "Not Stated": [21, 21, 3, 89, 92, 5, 5, 118],
        "White": [2200, 2200, 202, 1681, 1883, 110, 110, 4193],
        "Grand Total": [2287, 2287, 211, 1819, 2030, 117, 117, 4434],
    },
    "April 2020": {
        "BAME": [52, 52, 6, 51, 57, 1, 1, 110],
        "Not Stated": [15, 15, 3, 85, 88, 5, 5, 108],
        "White": [2147, 2147, 219, 1679, 1898, 99, 99, 4144],
        "Grand Total": [2214, 2214, 228, 1815, 2043, 105, 105, 4362],
    },
}
BAME_PERCENTAGES = {
    "% BAME police officer": ["2.35%", "2.86%", "3.10%", "3.30%"],
    "% BAME police staff (inc. PCSO)": ["2.79%", "2.71%", "2.94%", "3.46%"],
    "% BAME specials": ["0.95%", "1.17%", "2.47%", "2.90%"],
    "% BAME total": ["2.52%", "2.77%", "3.02%", "3.37%"],
}


def test_the_diversity_appendix_holds_the_seeds_counts_exactly():
    body = PAPERS["9"]["body"]
    for month, expected in WORKFORCE.items():
        table = _table_after(body, f"### {month}")
        assert table[0] == [
            "Ethnic Group",
            "Police Officer",
            "Police Officer Total",
            "PCSO",
            "Police Staff",
            "Police Staff Total",
            "Special",
            "Special Total",
            "Grand Total",
        ]
        rows = {row[0].strip("*"): [int(cell) for cell in row[1:]] for row in table[1:]}
        assert rows == expected, month
    # The examples the brief names.
    april_2023 = {row[0].strip("*"): row for row in _table_after(body, "### April 2023")}
    assert (april_2023["BAME"][1], april_2023["Grand Total"][1]) == ("82", "2484")
    assert (april_2023["BAME"][8], april_2023["Grand Total"][8]) == ("156", "4634")
    april_2021 = {row[0].strip("*"): row for row in _table_after(body, "### April 2021")}
    assert (april_2021["BAME"][1], april_2021["Grand Total"][1]) == ("66", "2287")
    assert (april_2021["BAME"][6], april_2021["Grand Total"][6]) == ("2", "117")


def test_the_diversity_percentages_table_is_printed_twice_as_in_the_seed():
    tables = [t for t in _tables(PAPERS["9"]["body"]) if t[0] == ["", "2020/21", "2021/22", "2022/23", "2023/24"]]
    assert len(tables) == 2  # in the report and in its appendix
    for table in tables:
        assert {row[0]: row[1:] for row in table[1:]} == BAME_PERCENTAGES


def test_table_1_has_every_kpi_row_of_the_facts():
    facts = _facts()["budget_metrics_table1"]
    rows = [row for table in _tables(PAPERS["7"]["body"]) for row in table[1:]]
    assert len(rows) == len(facts)
    for fact, row in zip(facts, rows, strict=True):
        assert row[2] == fact["kpi"]
        assert row[3] == (fact["data_source"] or "")
        value = fact["q1_2023_24"]["value"]
        if value is not None:
            assert re.search(rf"\b{value}( minutes|%)", row[4]), (fact["kpi"], row[4])
        change = fact["q1_2023_24"]["change_vs_last_year"]
        if change:
            assert change.lstrip("+-") in row[4], (fact["kpi"], row[4])
    finance = " ".join(rows[-4][4:] + rows[-3][4:])
    for figure in ["£277.068m", "£277.016m", "£78.954m", "£80.328m", "£1.373m", "£2.379m", "7%"]:
        assert figure in finance
    for figure in ["£12.092m", "£6.682m", "£5.528m", "£1.154m", "33%", "47%", "7%", "4%", "£0.222m"]:
        assert figure in finance


def test_the_work_programme_table_has_every_row_of_the_facts():
    facts = _facts()["work_programme_2023_24"]
    rows = [row for table in _tables(PAPERS["10"]["body"]) for row in table[1:] if not row[0].startswith("**")]
    assert len(rows) == len(facts)
    for fact, (meeting, area, last, notes) in zip(facts, rows, strict=True):
        assert area == fact["area"]
        assert meeting == (fact["meeting"] or "")
        # Statutory and regular items print their frequency in this column; two dates are kept apart by ";".
        assert last.replace(";", "") == (fact.get("frequency") or fact["date_of_last_report"] or ""), area
        assert notes == (fact["notes"] or "")


def test_the_estates_budget_table_is_exact():
    table = _tables(PAPERS["8"]["body"])[0]
    rows = {row[0].lstrip("– "): row[1:] for row in table[1:]}
    assert rows["Total Estates Budget"] == ["9,800,880", "12,958,859"]
    assert rows["Planned Programme Budget - Revenue"] == ["829,585", "1,062,921"]
    assert rows["Masterplan"] == ["7,496,000", "8,940,000"]
    assert rows["Planned Programme Capital"] == ["800,000", "1,596,000"]
    assert rows["Local Policing Estates Transformation"] == ["418,000", "1,491,000"]


# Our own words ------------------------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z£%]+", " ", text.lower()).split())


def _sentences(markdown: str) -> list[str]:
    """The prose of a Markdown section as sentences: tables (which may copy the seed's cells) left out."""
    prose = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") or stripped == PAGEBREAK:
            continue
        stripped = re.sub(r"^(#+|[-*]|\d+\\\.)\s*", "", stripped)
        stripped = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", stripped)
        prose.append(stripped if stripped else "\n")
    text = " ".join(prose)
    return [s for chunk in text.split("\n") for s in re.split(r"(?<=[.!?])\s+", chunk) if s.strip()]


def test_no_long_sentence_is_copied_from_the_seed():
    if not SEED_FILE.exists():
        pytest.skip(f"The seed agenda pack is not here: {SEED_FILE}")
    seed = f" {_normalise(SEED_FILE.read_text(encoding='utf-8'))} "
    copied = []
    for number, data in PAPERS.items():
        for name in SECTION_FIELDS:
            for sentence in _sentences(data[name]):
                words = _normalise(sentence)
                if len(words.split()) >= 12 and f" {words} " in seed:
                    copied.append((number, name, sentence))
    assert not copied
