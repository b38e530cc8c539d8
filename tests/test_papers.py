"""The five papers: minimum excerpts, the sections each must cover, the topics of the paper
issues, summary lengths, the record, and fidelity to the sources."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, read_html

#: paper -> (minimum excerpts, sections that must each have an excerpt)
REQUIRED = {
    "kazemi-1403": (16, ["abstract", "introduction", "literature", "method", "theory", "tracing",
                         "mechanisms", "role", "conclusion"]),
    "masoumi-2025": (16, ["abstract", "introduction", "literature-review", "framework", "method",
                          "history", "politics", "nuclear", "geography", "ethnicity-language",
                          "judicial-treaty", "ambassadors-spouses", "counter-terrorism",
                          "azeri-speaking-diplomats", "borders", "separatist-groups",
                          "parliamentary-diplomacy", "conclusion"]),
    "karabakh-war": (18, ["abstract", "introduction", "aim", "preliminary"] +
                     [f"part-{n}" for n in range(1, 9)] + ["closing", "conclusions"]),
    "ases-2025": (12, ["ozet", "giris", "s1", "s2", "sonuc"]),
    "kardeslik": (32, [f"s1-{n}" for n in range(2, 7)] + [f"s1-1-{x}" for x in "abcd"] +
                  ["s2-1", "s2-2", "s2-3", "s3-1", "s3-2", "s3-3", "s4-1", "s4-2", "s5-1", "s5-2"] +
                  [f"s6-{n}" for n in range(1, 7)] + [f"s7-{n}" for n in range(1, 5)] +
                  ["s8-1", "s8-2", "s8-3", "ch9"]),
}

#: paper -> topics the issue lists, each a pattern that one excerpt's original must contain
TOPICS = {
    "kazemi-1403": ["داوود اوغلو", "عمق راهبردی", "هانتینگتون", "ردیابی فرایند", "جوزف نای",
                    "1918", "ایلچی", "یک ملت", "سازمان همکاری و هماهنگی ترکیه", "سازمان کشورهای ترک", "الفبا",
                    "اعلامیه شوشی", "ارزش"],
    "masoumi-2025": ["بینش", "انگیزش", "محیط", "مصاحبه", "هسته‌ای", "همسران سفرا", "تروریسم",
                     "آذری‌زبان|آذری زبان", "مرز", "تجزیه", "پارلمان"],
    "karabakh-war": ["شوشا|شوشي", "إيران", "زانجيزور", "لاتشين", "بيرقدار", "الثلاثي"],
    "ases-2025": ["Selçuklu", "Osmanlı", "Safevi", "Kafkas İslam Ordusu", "Azerbaycan Demokratik "
                  "Cumhuriyeti", "Kars", "Moskova", "Türkoloji", "1991", "Bakü-Tiflis-Ceyhan", "Bir millet"],
    "kardeslik": ["Şuşa", "Zengezur", "NATO", "Bayraktar|SİHA"],
}

SUMMARY_HEADINGS = {"en": ["Summary", "Chapter summaries"], "fa": ["خلاصه"], "ar": ["الملخص"],
                    "tr": ["Özet", "Bölüm özetleri"]}


@pytest.mark.parametrize("key", REQUIRED)
def test_minimum_excerpts_and_sections(corpus, key: str) -> None:
    minimum, sections = REQUIRED[key]
    paper = corpus.papers[key]
    assert len(paper.excerpts) >= minimum
    covered = {e.section for e in paper.excerpts}
    missing = [s for s in sections if s not in covered]
    assert not missing, f"{key}: no excerpt in {missing}"


@pytest.mark.parametrize("key", TOPICS)
def test_listed_topics_are_quoted(corpus, key: str) -> None:
    originals = [e.original for e in corpus.papers[key].excerpts]
    missing = [t for t in TOPICS[key] if not any(re.search(t, o) for o in originals)]
    assert not missing, f"{key}: no excerpt on {missing}"


def test_kardeslik_mirrors_the_studys_structure(corpus) -> None:
    paper = corpus.papers["kardeslik"]
    numbered = [s for s in paper.sections if s.level == 2]
    assert len(numbered) == 29
    assert len([s for s in paper.sections if s.level == 1]) == 9
    assert len([s for s in paper.sections if s.level == 3]) == 4


@pytest.mark.parametrize("key", REQUIRED)
def test_excerpt_lengths(corpus, key: str) -> None:
    """40–250 words; shorter only where one excerpt quotes a whole run-in section."""
    paper = corpus.papers[key]
    run_in = {s.id for s in paper.sections if s.run_in}
    for excerpt in paper.excerpts:
        words = len(excerpt.original.split())
        whole_run_in = excerpt.section in run_in and sum(
            e.section == excerpt.section for e in paper.excerpts) == 1
        assert words <= 250 and (words >= 40 or whole_run_in), (excerpt.id, words)


def test_every_run_in_section_can_be_cited(corpus) -> None:
    """The run-in subheadings a paper treats as sections each have an excerpt of their own."""
    expected = {("karabakh-war", s) for s in ("aim", "significance", "problem", "method",
                                                 "structure")}
    expected |= {("kardeslik", f"s1-1-{x}") for x in "abcd"}
    marked = {(p.key, s.id) for p in corpus.papers.values() for s in p.sections if s.run_in}
    assert expected <= marked
    for key, section in marked:
        assert any(e.section == section for e in corpus.papers[key].excerpts), (key, section)


def summary_words(path: Path, headings: list[str]) -> int:
    text = path.read_text(encoding="utf-8")
    total = 0
    for part in re.split(r"^## ", text, flags=re.M)[1:]:
        head, _, body = part.partition("\n")
        if head.strip() in headings:
            total += len(re.sub(r"\[\[[^\]]+\]\]", "", body).split())
    return total


@pytest.mark.parametrize("key", REQUIRED)
def test_summary_lengths(corpus, key: str) -> None:
    paper = corpus.papers[key]
    english = summary_words(ROOT / "docs" / "en" / "papers" / f"{key}.md", SUMMARY_HEADINGS["en"])
    own = summary_words(ROOT / "docs" / paper.lang / "papers" / f"{key}.md",
                        SUMMARY_HEADINGS[paper.lang])
    longest = 1500 if key == "kardeslik" else 900
    assert 500 <= english <= longest, english
    assert 300 <= own <= (900 if key == "kardeslik" else 600), own


@pytest.mark.parametrize("key", REQUIRED)
def test_pages_carry_an_editors_assessment(key: str, corpus) -> None:
    paper = corpus.papers[key]
    for edition in ("en", paper.lang):
        text = (ROOT / "docs" / edition / "papers" / f"{key}.md").read_text(encoding="utf-8")
        assert re.search(r"^## (Editor's assessment|ارزیابی ویراستار|تقييم المحرر|"
                         r"Editörün değerlendirmesi)", text, re.M), (edition, key)


@pytest.mark.parametrize("key", REQUIRED)
def test_record_and_how_to_cite_on_both_pages(site: Path, corpus, key: str) -> None:
    paper = corpus.papers[key]
    for prefix in ("", f"{paper.lang}/"):
        doc = read_html(site, f"{prefix}papers/{key}/")
        assert doc.select_one(".record .record__table")
        cite = doc.select_one("#how-to-cite")
        assert cite and cite.select_one('a[href$=".bib"]') and cite.select_one('a[href$=".ris"]')
        csl = cite.select_one('a[href$=".json"]')
        assert csl is not None and csl["href"].endswith(f"cite/{key}.json")
        headings = [h.get("id") for h in doc.select("h3[id], h4[id], h5[id]")]
        assert [f"sec-{s.id}" for s in paper.sections] == [h for h in headings
                                                          if h and h.startswith("sec-")]


def test_papers_without_a_stated_title_are_marked_as_the_sites_own(site: Path, corpus) -> None:
    for key in ("karabakh-war", "ases-2025"):
        assert corpus.papers[key].record.site_title
        doc = read_html(site, f"papers/{key}/")
        assert "the site's own" in doc.select_one(".record").get_text()


@pytest.mark.parametrize("prefix", ["tr/", "fa/", "ar/"])
def test_the_records_english_values_say_they_are_english(site: Path, corpus,
                                                         prefix: str) -> None:
    """On the Turkish, Persian and Arabic pages, the record's English title and keywords and the
    journal's English name are marked English, as its original title is marked in the paper's
    language: a screen reader reads "The Role of Soft Power…" in English."""
    for key, paper in corpus.papers.items():
        record = read_html(site, f"{prefix}papers/{key}/").select_one(".record__table")
        english = [t for t in (paper.record.title.en, paper.record.site_title
                               and paper.record.site_title.en) if t]
        if paper.record.keywords and paper.record.keywords.en:
            english.append(", ".join(paper.record.keywords.en))
        if paper.record.journal and paper.record.journal.en and \
                paper.record.journal.en != paper.record.journal.original:
            english.append(paper.record.journal.en)
        assert english, key
        for text in english:
            holder = record.find(lambda tag, t=text: tag.get("lang") and tag.get_text() == t)
            assert holder is not None and holder["lang"] == "en", (prefix, key, text)


@pytest.mark.parametrize("prefix, date, year", [
    ("", "December 2025", "2025"), ("tr/", "Aralık 2025", "2025"),
    ("fa/", "دسامبر ۲۰۲۵", "۲۰۲۵"), ("ar/", "كانون الأول/ديسمبر 2025", "2025")])
def test_a_records_gregorian_date_is_in_the_editions_words(site: Path, prefix: str, date: str,
                                                          year: str) -> None:
    """The issue date the data gives in numbers (`2025-12`), and the year, as each edition
    writes a date, in its language."""
    doc = read_html(site, f"{prefix}papers/ases-2025/")
    ui = yaml.safe_load((ROOT / "docs" / "data" / "ui.yml").read_text(encoding="utf-8"))
    strings = {**ui["en"], **(ui.get(prefix.strip("/")) or {})}
    fields = {dt.get_text(strip=True): dd for dt, dd in
              ((f.select_one("dt"), f.select_one("dd")) for f in doc.select(".record__field"))}
    for label, text in ((strings["date"], date), (strings["year"], year)):
        value = fields[label].find(lambda tag: tag.get("lang"))
        assert value.get_text() == text and value["lang"] == (prefix.strip("/") or "en"), \
            (prefix, label, str(fields[label]))


def test_authors_english_abstracts_are_shown(site: Path) -> None:
    for key in ("kazemi-1403", "karabakh-war", "ases-2025"):
        doc = read_html(site, f"papers/{key}/")
        block = doc.select_one("details.authors-abstract blockquote[lang=en]")
        assert block is not None and len(block.get_text().split()) > 80, key


def test_fidelity_of_every_excerpt(site: Path, tmp_path: Path) -> None:
    tool = ROOT.parent / "shared" / "tools" / "fidelity.py"
    if not tool.exists():
        assert not os.environ.get("READER_SOURCES_REQUIRED"), \
            "this run must score the excerpts: ../shared/tools/fidelity.py is missing"
        pytest.skip("the source texts (../shared) are not beside this checkout")
    data = json.loads((site / "corpus" / "excerpts.json").read_text(encoding="utf-8"))
    sources = "".join(p.read_text(encoding="utf-8") for p in (tool.parent.parent / "sources")
                      .glob("*.txt"))
    for item in data["excerpts"]:  # score a repaired split as the source prints it, glued
        for glued in item["glued_in_source"]:
            assert glued in sources, (item["id"], glued, "is not in the sources")
            item["original"] = rejoin(item["original"], glued)
    scored = tmp_path / "excerpts.json"
    scored.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, str(tool), str(scored), "--min", "0.83", "--quiet"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    count = len(data["excerpts"])
    assert f"{count} of {count} excerpts faithful" in result.stdout


def rejoin(text: str, glued: str) -> str:
    """`text` with the two adjacent-in-the-source words that make `glued` written as one."""
    words = text.split()
    for i, first in enumerate(words):
        rest = glued[len(first.strip(".,:؛،")):] if glued.startswith(first.strip(".,:؛،")) else None
        if rest and rest in words:
            words[i] = glued
            words.remove(rest)
            return " ".join(words)
    raise AssertionError(f"{glued!r} is not two words of the excerpt")


def test_rejoin() -> None:
    assert rejoin("في دراسة الموضوع. والمنهج التحليلي", "الموضوعوالمنهج") == \
        "في دراسة الموضوعوالمنهج التحليلي"
