"""Search in Debian's Chromium, in every edition, against the built site: the query table (letter
variants, ZWNJ, digits, Turkish i, name variants, exact phrases in each script), results kept to
the reader's edition, the weight of the first query, the keyboard and the dialog's language."""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, read_html
from languages import edition_prefix
from playwright.sync_api import Browser, Page

EDITIONS = ("en", "tr", "fa", "ar")
UI = yaml.safe_load((ROOT / "docs" / "data" / "ui.yml").read_text(encoding="utf-8"))
#: (edition, query, a URL the results must hold, from the site root)
QUERIES = [
    # Arabic-script letter variants: Arabic yeh and kaf, ta marbuta, hamza forms
    ("fa", "مرور تاريخ دو جامعه ايران و جمهوري آذربايجان", "fa/papers/masoumi-2025/#masoumi-history"),
    ("fa", "مرور تاریخ دو جامعه ایران و جمهوری آذربایجان", "fa/papers/masoumi-2025/#masoumi-history"),
    ("fa", "ازبكستان", "fa/papers/kazemi-1403/#kazemi-ots"),
    ("fa", "ازبکستان", "fa/papers/kazemi-1403/#kazemi-ots"),
    ("fa", "اعلاميه شوشي", "fa/papers/kazemi-1403/#kazemi-shusha"),
    ("ar", "استمرارية الصراع بين أذربيجان وأرمينيا", "ar/papers/karabakh-war/#karabakh-aim-problem-method"),
    ("ar", "استمراريه الصراع بين اذربيجان وارمينيا", "ar/papers/karabakh-war/#karabakh-aim-problem-method"),
    ("ar", "استمراریة الصراع بین آذربیجان وإرمینیا", "ar/papers/karabakh-war/#karabakh-aim-problem-method"),
    # tatweel and harakat
    ("ar", "اسـتـمـراريـة الصـــراع", "ar/papers/karabakh-war/#karabakh-aim-problem-method"),
    ("ar", "اسْتِمْرَارِيَّةِ الصِّرَاعِ", "ar/papers/karabakh-war/#karabakh-aim-problem-method"),
    # ZWNJ: joined, with a space and with ZWNJ
    ("fa", "قدرت‌نرم", "fa/timeline/#event-nye-soft-power-1990"),
    ("fa", "قدرت نرم", "fa/timeline/#event-nye-soft-power-1990"),
    ("fa", "قدرتنرم", "fa/glossary/#term-soft-power"),
    ("fa", "گذاشته‌اند", "fa/papers/masoumi-2025/#masoumi-history"),
    ("fa", "گذاشته اند", "fa/papers/masoumi-2025/#masoumi-history"),
    ("fa", "گذاشتهاند", "fa/papers/masoumi-2025/#masoumi-history"),
    # digits: Persian, Arabic-Indic and Latin
    ("fa", "آتش‌بس ۱۹۹۴", "fa/glossary/#term-ceasefire-1994"),
    ("fa", "آتش‌بس 1994", "fa/glossary/#term-ceasefire-1994"),
    ("ar", "وقف إطلاق النار ١٩٩٤", "ar/glossary/#term-ceasefire-1994"),
    ("tr", "ateşkesi ۱۹۹۴", "tr/glossary/#term-ceasefire-1994"),
    # Turkish dotted and dotless i, and Latin without diacritics
    ("tr", "KASR-I ŞİRİN", "tr/papers/ases-2025/#ases-1918"),
    ("tr", "kasr-ı şirin", "tr/papers/ases-2025/#ases-1918"),
    ("tr", "Kasr-i Sirin", "tr/papers/ases-2025/#ases-1918"),
    ("en", "İRAN", "papers/masoumi-2025/#masoumi-history"),
    ("tr", "ıran", "tr/papers/masoumi-2025/#masoumi-history"),
    # name variants, across scripts (glossary, index and the names of the rules file)
    ("en", "Zangezur", "people-and-places/#entity-zangezur"),
    ("en", "Zengezur", "people-and-places/#entity-zangezur"),
    ("en", "Zəngəzur", "people-and-places/#entity-zangezur"),
    ("tr", "Zangezur", "tr/people-and-places/#entity-zangezur"),
    ("fa", "Zengezur", "fa/people-and-places/#entity-zangezur"),
    ("en", "Shusha", "people-and-places/#entity-shusha"),
    ("en", "Şuşa", "people-and-places/#entity-shusha"),
    ("en", "Susa", "people-and-places/#entity-shusha"),
    ("en", "شوشا", "people-and-places/#entity-shusha"),
    ("fa", "شوشی", "fa/people-and-places/#entity-shusha"),
    ("fa", "Shusha", "fa/papers/kazemi-1403/#kazemi-shusha"),
    ("ar", "Şuşa", "ar/people-and-places/#entity-shusha"),
    ("en", "Karabağ", "papers/kardeslik/#kardeslik-1-1-c-karabakh"),
    ("fa", "قره باغ", "fa/papers/karabakh-war/#karabakh-abstract"),
    ("fa", "قره‌باغ", "fa/papers/karabakh-war/#karabakh-abstract"),
    ("fa", "قرهباغ", "fa/papers/karabakh-war/#karabakh-abstract"),
    ("tr", "Karabakh", "tr/papers/karabakh-war/#karabakh-significance"),
    # spellings the site does not write, which readers type: an entry's `variants:` and the
    # rules file's `names:` (a treaty of the timeline)
    ("en", "Nakhichevan", "people-and-places/#entity-nakhchivan"),
    ("tr", "Nakhichevan", "tr/people-and-places/#entity-nakhchivan"),
    ("en", "Ilham Aliev", "people-and-places/#entity-ilham-aliyev"),
    ("en", "Erevan", "people-and-places/#entity-yerevan"),
    ("en", "Golestan", "timeline/#event-treaty-gulistan-1813"),
    ("ar", "Turkmanchay", "ar/timeline/#event-treaty-turkmenchay-1828"),
    ("fa", "نخچیوان", "fa/people-and-places/#entity-nakhchivan"),
    ("ar", "ناخيتشيفان", "ar/people-and-places/#entity-nakhchivan"),
    ("fa", "زنگه‌زور", "fa/people-and-places/#entity-zangezur"),
    # an excerpt's exact phrase, in each script, original and translation
    ("fa", "مفهوم قدرت در طول تاریخ با ظرفیت نظامی یکسان بوده است",
     "fa/papers/kazemi-1403/#kazemi-abstract"),
    ("ar", "يهدف البحث إلى تسليط الضوء على العوامل الداخلية والخارجية",
     "ar/papers/karabakh-war/#karabakh-aim-problem-method"),
    ("tr", "Osmanlı-Safevi Anlaşmazlığı", "tr/papers/ases-2025/#ases-1918"),
    ("en", "Bu dönüşümün hukuki ve siyasi temelini oluşturan en kritik belge",
     "papers/kardeslik/#kardeslik-5-1-shusha-legal-basis"),
    ("en", "Throughout history the concept of power has been equated with military capacity",
     "papers/kazemi-1403/#kazemi-abstract"),
    ("tr", "the concept of power has been equated with military capacity",
     "tr/papers/kazemi-1403/#kazemi-abstract"),
    # an Arabic word with a conjunction or preposition on its article (والخسائر, بالإضافة,
    # بالتالي), found by the word with the article alone in every edition
    ("en", "الخسائر", "papers/karabakh-war/#karabakh-structure"),
    ("tr", "الإضافة", "tr/papers/karabakh-war/#karabakh-military-cooperation"),
    ("fa", "التالي", "fa/papers/karabakh-war/#karabakh-war-outbreak"),
    ("ar", "الخسائر", "ar/papers/karabakh-war/#karabakh-structure"),
    # a glossary entry, a timeline event and a page section
    ("en", "Bishkek Protocol", "glossary/#term-ceasefire-1994"),
    ("tr", "Şuşa Beyannamesi imzalar", "tr/timeline/#event-shusha-declaration-2021"),
]


def run_query(page: Page, query: str) -> list[str]:
    """The hrefs of the results of `query` typed into the open dialog (relative to the root)."""
    box = page.locator('input[type="search"]')
    box.fill(query)
    page.wait_for_selector('[data-search-results][aria-busy="false"]', state="attached",
                           timeout=15000)
    links = page.locator("[data-search-results] a")
    hrefs = [href for href in links.evaluate_all("els => els.map(e => e.href)")]
    assert all("#" in href and href.split("#")[1] for href in hrefs), hrefs  # the contract
    return hrefs


def open_search(page: Page, server: str, edition: str, url: str = "glossary/") -> None:
    page.goto(server + edition_prefix(edition) + url)
    page.locator("[data-search-open]").click()
    page.locator('dialog[open] input[type="search"]').wait_for()


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_query_table(page: Page, server: str, edition: str) -> None:
    assert len(QUERIES) >= 40
    open_search(page, server, edition)
    failures = []
    for query_edition, query, expected in QUERIES:
        if query_edition != edition:
            continue
        hrefs = [h.removeprefix(server) for h in run_query(page, query)]
        if expected not in hrefs:
            failures.append(f"{query!r} ({edition}): {expected} not in {hrefs[:12]}")
        foreign = [h for h in hrefs if not h.startswith(edition_prefix(edition)) or (
            edition == "en" and h.split("/")[0] in ("tr", "fa", "ar"))]
        if foreign:
            failures.append(f"{query!r} ({edition}): results from another edition {foreign}")
    assert not failures, "\n".join(failures)


#: a name, and its own glossary or index entry, which comes before whatever mentions it
NAME_QUERIES = [
    ("en", "soft power", "glossary/#term-soft-power"),
    ("en", "Erdoğan", "people-and-places/#entity-recep-tayyip-erdogan"),
    ("en", "Nagorno-Karabakh", "people-and-places/#entity-nagorno-karabakh"),
    ("tr", "Zengezur koridoru", "tr/glossary/#term-zangezur-corridor"),
    ("fa", "قدرت نرم", "fa/glossary/#term-soft-power"),
    ("fa", "شوشی", "fa/people-and-places/#entity-shusha"),
    ("ar", "ممر زنغزور", "ar/glossary/#term-zangezur-corridor"),
]


@pytest.mark.browser
def test_a_names_own_entry_comes_first(page: Page, server: str) -> None:
    failures = []
    opened = ""
    for edition, query, expected in sorted(NAME_QUERIES, key=lambda q: EDITIONS.index(q[0])):
        if edition != opened:  # the dialog of each edition opened once
            open_search(page, server, edition)
            opened = edition
        hrefs = [h.removeprefix(server) for h in run_query(page, query)]
        first = hrefs[0] if hrefs else ""
        if expected not in hrefs[:2] or not re.search(r"#(term|entity)-", first):
            failures.append(f"{query!r} ({edition}): {expected} not first in {hrefs[:5]}")
    assert not failures, "\n".join(failures)


#: words the site does not hold, which Pagefind by itself answers with a short word of the
#: index that begins them ("the" for "theocracy", "and", "i", "sh", "از", "به", "من", "kap"),
#: even where it gives no matched word to check ("moulin", by "mou")
ABSENT = [("en", "theocracy"), ("en", "Andorra"), ("en", "shusa"), ("tr", "Iğdır"),
          ("fa", "ازدواج"), ("fa", "بهشت"), ("ar", "منطاد"), ("en", "Karabakh theocracy"),
          ("tr", "kaplumbağa"), ("en", "moulin")]
#: what it does hold: a word being typed, inflected forms (a Turkish word's stem, a Persian
#: plural with its pronoun, an Arabic word with a preposition on its article) and a phrase
HELD = [("en", "azerb", "papers/kardeslik/"), ("en", "theo", "papers/"),
        ("tr", "savaşlarımızdan", "tr/"), ("fa", "درگیریهایشان", "fa/papers/karabakh-war/"),
        ("ar", "بالحرب", "ar/papers/karabakh-war/"), ("en", '"soft power"', "timeline/")]


@pytest.mark.browser
def test_a_word_the_site_does_not_hold_finds_nothing(page: Page, server: str) -> None:
    failures = []
    for edition in EDITIONS:
        open_search(page, server, edition)
        for query in [q for e, q in ABSENT if e == edition]:
            hrefs = run_query(page, query)
            status = page.locator("[data-search-status]").text_content()
            if hrefs or status != UI[edition]["search_none"]:
                failures.append(f"{query!r} ({edition}): {status!r} {hrefs[:3]}")
        for query, where in [(q, w) for e, q, w in HELD if e == edition]:
            hrefs = [h.removeprefix(server) for h in run_query(page, query)]
            if not any(h.startswith(where) for h in hrefs):
                failures.append(f"{query!r} ({edition}): nothing in {where} among {hrefs[:3]}")
    assert not failures, "\n".join(failures)


@pytest.mark.browser
def test_only_the_readers_edition_unless_all_editions_is_ticked(page: Page, server: str) -> None:
    open_search(page, server, "fa")
    own = [h.removeprefix(server) for h in run_query(page, "Shusha")]
    assert own and all(h.startswith("fa/") for h in own), own
    page.locator("[data-search-all]").check()
    page.wait_for_selector('[data-search-results][aria-busy="false"]', state="attached")
    every = [h.removeprefix(server) for h in run_query(page, "Shusha")]
    assert {h.split("/")[0] for h in every} - {"fa"}, every
    other = page.locator("[data-search-results] a[hreflang]")
    assert other.count() > 0
    assert other.first.get_attribute("hreflang") in ("en", "tr", "ar")


@pytest.mark.browser
def test_an_index_entry_says_whether_it_is_a_person_an_organisation_or_a_place(
        page: Page, server: str) -> None:
    """Above its name, in the reader's edition: "Kuruluş" over NATO, not "Kişiler ve yerler"."""
    for edition, query, entry, kind in [("en", "Elchibey", "abulfaz-elchibey", "person"),
                                        ("tr", "NATO", "nato", "organisation"),
                                        ("fa", "شوشا", "shusha", "place"),
                                        ("ar", "سوكار", "socar", "organisation")]:
        open_search(page, server, edition)
        run_query(page, query)
        result = page.locator(f'[data-search-results] a[href$="#entity-{entry}"]').first
        assert result.locator(".reader-search__kind").inner_text() == \
            UI[edition][f"search_kind_{kind}"], (edition, query)


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_interface_chrome_is_not_indexed(page: Page, server: str, edition: str) -> None:
    """The "Copy link" button beside every excerpt is not indexed: no excerpt, entry or event is
    found by its words (the reading guide, which explains it, may be)."""
    open_search(page, server, edition)
    kinds = {UI[edition][f"search_kind_{k}"]
             for k in ("excerpt", "term", "person", "organisation", "place", "event")}
    for key in ("copy_link",):
        run_query(page, UI[edition].get(key) or UI["en"][key])
        found = page.locator("[data-search-results] .reader-search__kind").all_inner_texts()
        assert not [k for k in found if k.split(" · ")[0] in kinds], (key, found)


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_first_view_loads_nothing_for_search_and_the_first_query_little(
        browser: Browser, server: str, edition: str) -> None:
    """Nothing of search is fetched before the reader opens it; the first query then fetches
    under 300 KB, gzip-compressed (Pagefind's files are gzip already)."""
    context = browser.new_context()
    tab = context.new_page()
    responses = []
    tab.on("response", lambda response: responses.append(response))
    tab.goto(server + edition_prefix(edition) + "papers/kazemi-1403/", wait_until="networkidle")
    before = [r.url for r in responses]
    assert not [u for u in before if "pagefind" in u or "search" in u], before
    # what the query fetches, by the page's own clock: a busy machine may report the page's
    # last fonts and scripts to the test after it has opened the search
    tab.wait_for_function("() => document.documentElement.hasAttribute('data-reader-drawn')")
    tab.evaluate("document.fonts.ready.then(() => true)")  # the page drawn, with its fonts
    tab.evaluate("performance.clearResourceTimings(); performance.mark('search-opened')")
    tab.locator("[data-search-open]").click()
    hrefs = run_query(tab, "Shusha")
    tab.wait_for_load_state("networkidle")
    assert hrefs
    after = set(tab.evaluate("""() => {
        const opened = performance.getEntriesByName('search-opened')[0].startTime;
        return performance.getEntriesByType('resource')
            .filter(e => e.startTime >= opened).map(e => e.name);
    }"""))
    for _ in range(100):  # until the test has been told of every one of them
        if after <= {r.url for r in responses}:
            break
        tab.wait_for_timeout(100)
    fetched = [r for r in responses if r.url in after]
    assert {r.url for r in fetched} == after
    assert any("pagefind/" in r.url and r.url.endswith("pagefind.js") for r in fetched)
    size = sum(len(gzip.compress(r.body())) for r in fetched if r.status == 200)
    assert size < 300_000, (size, [r.url for r in fetched])
    assert not [r.url for r in fetched if f"pagefind/{edition}/" not in r.url and "pagefind/" in r.url
                and not r.url.endswith("rules.json")]
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_dialog_speaks_the_editions_language_and_works_with_the_keyboard(
        page: Page, server: str, edition: str) -> None:
    page.goto(server + edition_prefix(edition) + "timeline/")
    page.bring_to_front()
    button = page.locator("[data-search-open]")
    assert button.get_attribute("aria-label") == UI[edition]["search"]
    page.keyboard.press("s")
    dialog = page.locator("dialog[data-search-dialog]")
    opened = "() => document.querySelector('dialog[data-search-dialog]').open"
    page.wait_for_function(opened, timeout=5000)  # a busy machine may deliver the key late
    box = page.locator('input[type="search"]')
    assert box.evaluate("el => el === document.activeElement")
    assert box.get_attribute("aria-label") == UI[edition]["search_label"]
    title = page.locator("#" + dialog.get_attribute("aria-labelledby"))
    assert title.inner_text() == UI[edition]["search_label"]
    direction = "rtl" if edition in ("fa", "ar") else "ltr"
    assert dialog.evaluate("d => getComputedStyle(d).direction") == direction
    # the hint, in the edition's words, shows the keys it names as keys
    hint = page.locator("#" + box.get_attribute("aria-describedby"))
    assert hint.inner_text() == UI[edition]["search_hint"]
    assert hint.locator("kbd").all_inner_texts() == ["/", "S", "Esc"]
    run_query(page, "Şuşa")
    first = page.locator("[data-search-results] a").first
    assert page.locator("[data-search-results] a mark").count() > 0
    box.press("ArrowDown")
    assert first.evaluate("el => el === document.activeElement")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    # the focus leaves the closed dialog, so the next key is a shortcut again
    page.wait_for_function(FOCUS_OUTSIDE, timeout=5000)
    page.keyboard.press("/")
    page.wait_for_function(opened, timeout=5000)
    page.locator("[data-search-close]").click()
    assert not dialog.evaluate("d => d.open")
    button.click()
    assert dialog.evaluate("d => d.open")
    # opened with the button, closed with Escape: the focus is back on the button (Escape in a
    # search field that has text clears the text first; the field is emptied for that)
    box.fill("")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    page.wait_for_function("() => document.activeElement === "
                           "document.querySelector('[data-search-open]')", timeout=5000)


#: true once the focus is outside the search dialog
FOCUS_OUTSIDE = ("() => !document.querySelector('dialog[data-search-dialog]')"
                 ".contains(document.activeElement)")


@pytest.mark.browser
def test_snippets_read_in_their_own_direction(page: Page, server: str) -> None:
    open_search(page, server, "fa")
    run_query(page, "مفهوم قدرت در طول تاریخ")
    snippet = page.locator('[data-search-results] a[href$="#kazemi-abstract"] .reader-search__snippet')
    assert snippet.get_attribute("lang") == "fa" and snippet.get_attribute("dir") == "rtl"
    assert "قدرت" in snippet.locator("mark").all_inner_texts()
    run_query(page, "the concept of power has been equated")
    snippet = page.locator('[data-search-results] a[href$="#kazemi-abstract"] .reader-search__snippet')
    assert snippet.get_attribute("lang") == "en" and snippet.get_attribute("dir") == "ltr"
    page.locator("[data-search-results] a[href$='#kazemi-abstract']").click()
    page.wait_for_url("**/fa/papers/kazemi-1403/#kazemi-abstract")
    assert page.locator("#kazemi-abstract").is_visible()


@pytest.mark.browser
def test_each_word_of_a_query_is_highlighted(page: Page, server: str) -> None:
    """A query of two words is highlighted whole, and a name of two words as one: "Şuşa
    Beyannamesi", a name whose spellings the results also highlight, was highlighted as "Şuşa"
    alone, its second word left plain in the name's own entry and in every snippet."""
    open_search(page, server, "tr")
    run_query(page, "Şuşa Beyannamesi")
    results = page.locator("[data-search-results] a")
    assert results.first.locator(".reader-search__name mark").all_inner_texts() == [
        "Şuşa Beyannamesi"]
    for index in range(min(5, results.count())):
        snippet = results.nth(index).locator(".reader-search__snippet")
        shown = snippet.inner_text().count("Beyannamesi")
        marked = " ".join(snippet.locator("mark").all_inner_texts()).count("Beyannamesi")
        assert shown == marked, (index, snippet.inner_text())
    run_query(page, "Türk askeri")
    words = " ".join(results.first.locator("mark").all_inner_texts()).casefold()
    assert "türk" in words and "askeri" in words, words


@pytest.mark.browser
def test_mixed_direction_results_read_as_on_the_pages(page: Page, server: str) -> None:
    """A Latin citation in a Persian text and a Turkish title in a Persian label are isolated
    in the results as they are on the pages, and the results read in order (the check of the
    browser test's table of mixed-direction strings)."""
    from test_browser import VISUAL_ORDER

    open_search(page, server, "fa")
    run_query(page, "Davutoğlu")
    results = page.locator("[data-search-results]")
    isolated = results.locator('.reader-search__snippet bdi[dir="ltr"]').all_inner_texts()
    assert "(Davutoglu, 2016: 129)" in isolated, isolated
    titles = results.locator('.reader-search__name[dir="rtl"] bdi[dir="ltr"]').all_inner_texts()
    assert "Kardeşlikten Stratejik İttifaka" in titles, titles
    assert results.evaluate(VISUAL_ORDER) == []
    open_search(page, server, "en")
    run_query(page, "داوود اوغلو")
    rtl = results.locator('.reader-search__snippet[dir="ltr"] bdi[dir="rtl"]').all_inner_texts()
    assert any("اوغلو" in run for run in rtl), rtl
    # a Persian run whose letters tell it says its language, as on the pages, for a screen
    # reader's voice (the style guide's «دانشکدۀ»)
    run_query(page, "دانشکدۀ")
    persian = results.locator('.reader-search__snippet bdi[dir="rtl"][lang="fa"]').all_inner_texts()
    assert any("دانشکدۀ" in run for run in persian), persian
    assert results.evaluate(VISUAL_ORDER) == []
    # a Turkish paper's title in an English label says its language, as on the pages
    run_query(page, "Kardeşlikten")
    turkish = results.locator('span[lang="tr"]').all_inner_texts()
    assert "Kardeşlikten Stratejik İttifaka" in turkish, turkish


@pytest.mark.browser
def test_a_run_the_page_marks_in_another_language_says_so_in_the_results(page: Page,
                                                                          server: str) -> None:
    """An English book title in a Turkish event, a Turkish one in an English event: the results
    say their language as the pages do, for a screen reader's voice."""
    open_search(page, server, "tr")
    run_query(page, "Bound to Lead")
    results = page.locator("[data-search-results]")
    english = results.locator('.reader-search__name span[lang="en"]').all_inner_texts()
    assert "Bound to Lead" in english, english
    open_search(page, server, "en")
    run_query(page, "Stratejik Derinlik")
    turkish = results.locator('.reader-search__name span[lang="tr"]').all_inner_texts()
    assert "Stratejik Derinlik" in turkish, turkish
    # an English heading beside its Arabic rendering, the word found at the start of the run:
    # the run takes the highlight with it, and no empty one is left
    open_search(page, server, "ar")
    run_query(page, "Significance")
    english = results.locator('.reader-search__snippet bdi[lang="en"] mark').all_inner_texts()
    assert "Significance" in english, english
    assert results.locator("mark:empty").count() == 0


def test_the_themes_search_is_gone_and_each_page_has_the_readers(site: Path) -> None:
    assert not list(site.rglob("search_index.json"))
    assert not (site / "search").exists()
    for edition in EDITIONS:
        for url in ("", "papers/kazemi-1403/", "glossary/"):
            soup = read_html(site, edition_prefix(edition) + url)
            assert not soup.select(".md-search"), url
            assert len(soup.select('input[type="search"]')) == 1
            assert len(soup.select("[data-search-results]")) == 1
            dialog = soup.select_one("dialog[data-search-dialog]")
            assert dialog is not None and dialog["data-search-edition"] == edition
        index = site / "pagefind" / edition
        assert (index / "pagefind.js").is_file() and list((index / "fragment").iterdir())
        assert not (index / "pagefind-ui.js").exists()
    assert (site / "pagefind" / "rules.json").is_file()
    head = (site / "fa" / "glossary" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    policy = html.unescape(
        head.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0])
    script_src = policy.split("script-src ")[1].split(";")[0]
    assert "'wasm-unsafe-eval'" in script_src  # Pagefind's WebAssembly, and nothing more
    assert "'unsafe-eval'" not in script_src and "unsafe-inline" not in policy
    assert "connect-src 'self';" in policy


#: interface strings that are chrome: no record of any edition holds them
CHROME_KEYS = ("copy_link", "copied", "permalink", "fallback_title", "fallback_link",
               "edit_excerpt", "report_problem", "view_original", "view_translation",
               "note_in_english", "download_pdf")


@pytest.mark.parametrize("markup, lang, text, marks", [
    ('<p>Joseph Nye, <em><span lang="en">Bound to Lead</span></em> kitabında</p>', "tr",
     "Joseph Nye, Bound to Lead kitabında", [(12, 25, "en")]),
    # the text as it was read before: whitespace collapsed, blocks apart, inline elements not
    ('<div><p>a<span lang="en">  b </span>c</p><p>d</p></div>', "tr", "a b c d", [(2, 3, "en")]),
    # the language of the text around it is no mark; a run inside a marked one is marked against
    # it; an isolation's <bdi> is left to `run_offsets`
    ('<p><span lang="tr">bu <span lang="en">this</span></span> <bdi lang="fa">این</bdi></p>',
     "tr", "bu this این", [(3, 7, "en")]),
    ('<p><span lang="tr">bu <span lang="en">this</span></span></p>', "en", "bu this",
     [(0, 7, "tr"), (3, 7, "en")]),
    # the private-use characters the markers are made of mean nothing in a page's text
    ('<p>a\ue002b\ue000c<span lang="en">d</span></p>', "tr", "abcd", [(3, 4, "en")]),
])
def test_a_records_text_keeps_the_languages_its_page_marks(markup: str, lang: str, text: str,
                                                           marks: list) -> None:
    import lxml.html
    from search_marks import marked_text, unmark

    node = lxml.html.fragment_fromstring(markup, create_parent="div")
    assert unmark(marked_text(node), lang) == (text, marks)


@pytest.mark.parametrize("body, text", [
    # a link, a gloss or an isolation inside a sentence adds no space at its edges
    ('<p>hedefleri "<a class="gloss">stratejik derinlik</a>", <a>kimlik</a>, enerji</p>',
     'hedefleri "stratejik derinlik", kimlik, enerji'),
    ("<p>«<bdi>Hürriyet</bdi>»، <em>Strategic</em>'s</p>", "«Hürriyet»، Strategic's"),
    # blocks stay apart, written together or not
    ("<p>birinci</p><p>ikinci</p><ul><li>üç</li><li>dört</li></ul>", "birinci ikinci üç dört"),
    ("<p>a <a>b</a> <a>c</a></p>", "a b c"),
])
def test_a_sections_text_reads_as_its_page(body: str, text: str) -> None:
    """A page's prose in its search records reads as on the page: the snippet of a result
    showed «hedefleri " stratejik derinlik ", kimlik ,» for «hedefleri "stratejik derinlik",
    kimlik,»."""
    import lxml.html
    from search_records import page_records

    page = lxml.html.document_fromstring(
        '<html><body><article class="md-content__inner md-typeset"><h1 id="top">Başlık</h1>'
        f"{body}</article></body></html>")
    records = page_records("tr/x/", page, "tr")
    assert [t for r in records for _, t in r.texts] == [text]


def test_no_record_holds_interface_chrome(site: Path) -> None:
    from search import site_pages
    from search_records import page_records

    checked = 0
    for edition, url, soup in site_pages(site):
        if url.split("/")[-2:-1] != ["kazemi-1403"] and "fallback" not in url:
            continue
        strings = [UI[edition].get(k) or UI["en"][k] for k in CHROME_KEYS if UI["en"].get(k)]
        for record in page_records(url, soup, edition):
            shown = " ".join([record.title, *(t for _, t in record.texts), record.hidden])
            checked += 1
            assert not [s for s in strings if s in shown], (url, record.url)
    assert checked > 4 * 20


def test_a_pages_own_contents_menu_is_not_indexed(site: Path) -> None:
    """The folded menu of a long page's sections (its contents, for a phone) is navigation, as
    the theme's table of contents is: the page's first record held the whole menu, so a word of
    any heading found the top of the page with the list of its sections as the snippet."""
    from search import site_pages
    from search_records import page_records

    menus = 0
    for edition, url, page in site_pages(site):
        menu = page.find('.//details[@class="page-contents"]')
        if menu is None:
            continue
        menus += 1
        entries = [" ".join(a.text_content().split()) for a in menu.iter("a")]
        listed = " ".join(entries[:2])
        for record in page_records(url, page, edition):
            shown = " ".join(" ".join(t for _, t in record.texts).split())
            assert listed not in shown, (url, record.url, listed)
    assert menus >= 4 * 5  # the paper pages of every edition, at least


def test_records_of_a_persian_or_arabic_paper_quote_its_language(site: Path, corpus) -> None:
    """The results say a run's language as the pages do: on a paper's page, its excerpts and its
    sections quote it (a run no letter identifies, such as the summary's «بام», is read in the
    voice of a Persian or Arabic paper; a Latin «quotation» in Persian or Arabic text on a
    Turkish paper, in Turkish); elsewhere, an excerpt quotes its own paper."""
    from search import site_pages
    from search_records import page_records

    seen = set()
    for edition, url, page in site_pages(site):
        key = url.split("/")[-2] if "/papers/" in f"/{url}" else ""
        for record in page_records(url, page, edition):
            if record.kind == "excerpt":
                paper = corpus.papers[corpus.excerpts[record.hidden].paper]
            elif key in corpus.papers and record.kind == "section":
                paper = corpus.papers[key]
            else:
                assert record.quoted == "", (url, record.url)
                continue
            assert record.quoted == paper.lang, record.url
            seen.add((edition, record.quoted))
    assert {(e, lang) for e in EDITIONS for lang in ("fa", "ar", "tr")} <= seen


def test_a_failing_indexer_stops_the_build_with_its_output(tmp_path: Path, monkeypatch) -> None:
    """Pagefind runs once per edition, side by side; one that fails is reported with what it
    said, and none is left running."""
    import pagefind.service
    import search
    from search_fold import Expander, Folder
    from search_records import Record

    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\ncase \"$*\" in *'--force-language fa'*) "
                      "echo 'cannot read the fa documents'; exit 3;; esac\nsleep 0.2\n",
                      encoding="utf-8")
    binary.chmod(0o755)
    monkeypatch.setattr(pagefind.service, "get_executable", lambda: binary)
    records = {code: [Record(url=f"{code}/#x", kind="section", title="T", texts=[(code, "t")])]
               for code in ("en", "fa")}
    with pytest.raises(search.SearchError) as error:
        search._write_indexes(records, tmp_path / "out", Folder.load(ROOT / "docs"), Expander())
    assert "fa edition" in str(error.value) and "cannot read the fa documents" in str(error.value)


def test_a_served_site_is_indexed_in_the_background_as_a_build_indexes_it(
        site: Path, tmp_path: Path) -> None:
    """`mkdocs serve` reloads a changed page without waiting for the search index: the index is
    written in the background (`cli.py search`), the same as the build writes it, and an index
    still being written when the site is built again is stopped."""
    import shutil

    import reader_build
    from search import Indexer

    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind", "pdf"))
    index = Indexer()
    index.serving = True
    index.write(copy, reader_build.current(ROOT / "docs"))
    assert index.wait() == 0
    built = sorted(p.relative_to(site) for p in (site / "pagefind").rglob("*") if p.is_file())
    assert len(built) > 100
    assert built == sorted(p.relative_to(copy) for p in (copy / "pagefind").rglob("*")
                           if p.is_file())
    assert all((site / p).read_bytes() == (copy / p).read_bytes() for p in built)
    index.write(copy, reader_build.current(ROOT / "docs"))
    running = index._process
    index.stop()
    assert running is not None and running.poll() is not None and index.wait() == 0
