"""Reading with the keyboard alone, with a screen reader's names, and on a phone, in Debian's
Chromium: every control is named in the edition's language, focus is visible, glosses and the
view switch work from the keyboard, and long pages keep the view switch and a contents menu at
hand on a 390 px screen."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import phone_page
from languages import LANGUAGES
from PIL import Image, ImageStat
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from test_a11y import DRAWN, PREFIXES

ROOT = Path(__file__).resolve().parents[1]
MATERIAL_LANGUAGES = Path(yaml.__file__).parents[1] / "material" / "templates" / "partials" / \
    "languages"
CONTROLS = {"button", "link", "textbox", "searchbox", "checkbox", "radio", "combobox", "switch",
            "tab", "menuitem", "DisclosureTriangle"}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    yield context.new_page()
    context.close()


def theme_strings(edition: str) -> set[str]:
    text = (MATERIAL_LANGUAGES / f"{edition}.html").read_text(encoding="utf-8")
    return {value for _, value in re.findall(r'"([\w.]+)": "([^"]+)"', text)}


def english_interface(edition: str, corpus) -> set[str]:
    """The English interface strings (the theme's and the reader's) that the edition words
    differently: none of them may name a control of that edition."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    english = theme_strings("en") | set(corpus.ui["en"].values()) | \
        set(re.findall(r"toggle: \{[^}]*name: ([^}]+)\}", config))  # the palette switch's
    own = theme_strings(edition) | set(corpus.ui[edition].values())
    # the edition switcher names each edition in its own language in every edition ("English")
    own |= {LANGUAGES[code].native for code in LANGUAGES}
    return {s for s in english - own if len(s) > 3 and "{" not in s}


def exposed(page: Page) -> list[tuple[str, str]]:
    """(role, accessible name) of every node Chromium exposes to assistive technology."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return [(n.get("role", {}).get("value", ""), (n.get("name") or {}).get("value", "").strip())
            for n in nodes if not n.get("ignored")]


def controls(page: Page) -> list[tuple[str, str]]:
    """(role, accessible name) of every control Chromium exposes to assistive technology."""
    return [(role, name) for role, name in exposed(page) if role in CONTROLS]


@pytest.mark.parametrize("edition", list(PREFIXES))
def test_every_control_is_named_in_the_editions_language(desktop: Page, server: str, corpus,
                                                         edition: str) -> None:
    english = english_interface(edition, corpus) if edition != "en" else set()
    problems, seen = [], 0
    for path in ("", "papers/kazemi-1403/", "glossary/"):
        desktop.goto(server + PREFIXES[edition] + path)
        for role, name in controls(desktop):
            seen += 1
            if not name:
                problems.append(f"{path}: a {role} without a name")
            elif name in english:
                problems.append(f"{path}: a {role} named in English: {name!r}")
    assert seen > 50
    assert not problems, "\n".join(sorted(set(problems)))


def landmarks(page: Page, role: str) -> list[str]:
    """The accessible names of the page's landmarks of `role`, as a screen reader lists them."""
    return [name for kind, name in exposed(page) if kind == role]


@pytest.mark.parametrize("edition", list(PREFIXES))
def test_every_navigation_landmark_has_a_name_of_its_own_on_a_phone(phone: Page, server: str,
                                                                    edition: str) -> None:
    """A screen reader lists a page's landmarks by name. The theme labels the navigation of a
    section with a page of its own ("Papers", "Seminar packets") by the section's toggle, which
    it draws as an arrow only: on a phone, two nameless navigation landmarks. The drawer that
    holds them is out of the list while it is closed, and each section's while its panel is:
    the test opens the drawer, then each section in turn."""
    for path in ("", "papers/kazemi-1403/", "packets/iran/"):
        phone.goto(server + PREFIXES[edition] + path)
        closed = landmarks(phone, "navigation")
        assert all(closed) and len(set(closed)) == len(closed), (path, closed)
        phone.locator(".md-header [data-drawer-button]").tap()
        opened, seen = landmarks(phone, "navigation"), set()
        assert len(opened) > len(closed), (path, closed, opened)
        for label in phone.locator(".md-sidebar--primary label.md-nav__link[for^='__nav']").all():
            label.tap()
            names = landmarks(phone, "navigation")
            assert all(names) and len(set(names)) == len(names), (path, names)
            seen |= set(names) - set(opened)
            phone.locator(f"label.md-nav__title[for='{label.get_attribute('for')}']").tap()
        assert len(seen) >= 2, (path, seen)  # the sections' own: Papers, Seminar packets


def accessible_names(page: Page, selector: str) -> list[str]:
    """The accessible name Chromium computes for each element the selector matches."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    names = []
    for node in session.send("DOM.querySelectorAll", {"nodeId": root,
                                                      "selector": selector})["nodeIds"]:
        ax = session.send("Accessibility.getPartialAXTree", {"nodeId": node,
                                                            "fetchRelatives": False})["nodes"][0]
        names.append((ax.get("name") or {}).get("value", "").strip())
    session.detach()
    return names


@pytest.mark.parametrize("edition", list(PREFIXES))
def test_each_excerpt_is_named_by_its_citation_label(desktop: Page, server: str, corpus,
                                                     edition: str) -> None:
    """A screen reader announces each excerpt with its citation label ("Kazemi & Salehi Yeganeh
    1403, ¶7, p. 258"), in the edition's language, as it moves into it."""
    key = "kazemi-1403"
    desktop.goto(server + PREFIXES[edition] + f"papers/{key}/")
    desktop.wait_for_function(DRAWN, timeout=20000)  # what assistive tools read is drawn
    # a space is a space to a screen reader: the label's no-break space after "p." too
    names = [" ".join(name.split()) for name in accessible_names(desktop, "article.excerpt")]
    labels = desktop.evaluate("[...document.querySelectorAll('article.excerpt')].map(a => "
                              "a.querySelector('.excerpt__label').textContent"
                              ".replace(/\\s+/g, ' ').trim())")
    assert len(labels) == len(corpus.papers[key].excerpts)
    assert names == labels, (edition, names[:3], labels[:3])


def test_a_section_toggle_is_named_as_its_section() -> None:
    from theme_a11y import named_section_toggles

    theme = ('<div class="md-nav__link md-nav__container"><a href="../" class="md-nav__link">'
             '<span class="md-ellipsis">Papers &amp; notes</span></a>'
             '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="0">'
             '<span class="md-nav__icon md-icon"></span></label></div>')
    named = named_section_toggles(theme)
    assert named == theme.replace('tabindex="0">', 'tabindex="0"><span class="visually-hidden">'
                                  'Papers &amp; notes</span>')
    assert named_section_toggles(named) == named
    plain = '<label class="md-nav__link" for="__nav_3" id="__nav_3_label">Across</label>'
    assert named_section_toggles(plain) == plain


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focus_ring(page: Page) -> str:
    return page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return document.activeElement.matches(':focus-visible') ? s.outlineStyle : 'none'; }""")


GLOSS_SHOWN = "() => getComputedStyle(document.activeElement, '::after').content"


@pytest.mark.parametrize("edition", ["en", "fa"])
def test_a_gloss_works_with_the_keyboard_alone(desktop: Page, server: str, edition: str) -> None:
    desktop.goto(server + PREFIXES[edition] + "papers/kazemi-1403/")
    desktop.locator("article.excerpt .excerpt__copy").first.focus()
    tab_to(desktop, "a.gloss")
    gloss = desktop.evaluate_handle("document.activeElement")
    url = desktop.url
    assert focus_ring(desktop) not in ("none", ""), "the focused term shows where the focus is"
    described = desktop.evaluate("""el => {
        const d = document.getElementById(el.getAttribute('aria-describedby'));
        return d ? d.textContent : ''; }""", gloss)
    assert described and described == gloss.get_attribute("data-gloss")
    assert desktop.evaluate(GLOSS_SHOWN) in ("none", "normal")
    desktop.keyboard.press("Enter")
    assert described[:20] in desktop.evaluate(GLOSS_SHOWN), "Enter opens the definition"
    assert desktop.url == url
    desktop.keyboard.press("Escape")
    assert desktop.evaluate(GLOSS_SHOWN) in ("none", "normal"), "Escape closes it"
    assert desktop.evaluate("el => document.activeElement === el", gloss), "focus stays"
    desktop.keyboard.press("Enter")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(re.compile(r".*/glossary/#.+"))


def test_the_view_switch_works_with_the_keyboard_alone(desktop: Page, server: str) -> None:
    desktop.goto(server + "fa/papers/kazemi-1403/")
    desktop.locator(".excerpt-view [data-view]").first.focus()
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.dataset.view") == "original"
    assert focus_ring(desktop) not in ("none", "")
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.documentElement.dataset.excerptView") == "original"
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Space")
    assert desktop.evaluate("document.documentElement.dataset.excerptView") == "translation"
    assert desktop.get_attribute('.excerpt-view [data-view="translation"]', "aria-pressed") \
        == "true"
    desktop.keyboard.press("Shift+Tab")
    desktop.keyboard.press("Shift+Tab")
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.documentElement.dataset.excerptView") is None


@pytest.mark.parametrize("edition", ["fa", "ar"])
def test_the_view_switch_stays_at_hand_on_a_long_page(phone: Page, server: str,
                                                      edition: str) -> None:
    phone.goto(server + PREFIXES[edition] + "papers/karabakh-war/")
    assert phone.evaluate("document.documentElement.scrollHeight") > 20 * PHONE["height"]
    phone.locator("article.excerpt").last.scroll_into_view_if_needed()
    button = phone.locator('.excerpt-view [data-view="original"]')
    box = button.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
    at_point = phone.evaluate("([x, y]) => document.elementFromPoint(x, y).dataset.view",
                              [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert at_point == "original", "nothing covers it"
    button.tap()
    assert phone.evaluate("document.documentElement.dataset.excerptView") == "original"
    phone.locator('.excerpt-view [data-view="both"]').tap()


@pytest.mark.parametrize("edition,path", [("en", "papers/karabakh-war/"),
                                          ("fa", "papers/karabakh-war/"),
                                          ("ar", "papers/karabakh-war/"), ("tr", "packets/iran/")])
def test_a_contents_menu_leads_to_a_section_on_a_phone(phone: Page, server: str, edition: str,
                                                        path: str) -> None:
    phone.goto(server + PREFIXES[edition] + path)
    menu = phone.locator("details.page-contents")
    assert menu.is_visible() and menu.get_attribute("open") is None
    top = menu.bounding_box()
    assert top and top["y"] < PHONE["height"], "the menu is at the top of the page"
    menu.locator("summary").tap()
    links = menu.locator("a[href^='#']")
    assert links.count() >= 3
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    link = links.nth(links.count() - 2)
    target = link.get_attribute("href")
    link.tap()
    phone.wait_for_function("(h) => decodeURIComponent(location.hash) === h", arg=target)
    heading = phone.locator(f"[id='{target[1:]}']").bounding_box()
    bar = phone.locator(".excerpt-view").bounding_box()
    assert heading and bar and bar["y"] + bar["height"] <= heading["y"] + 1, \
        "the heading shows below the header and the view switch"
    assert heading["y"] < PHONE["height"] / 2


@pytest.mark.parametrize("edition,width,text,stays", [
    ("en", 320, 16, True), ("tr", 320, 16, True), ("fa", 390, 24, True), ("tr", 390, 24, False)])
def test_an_address_shows_its_excerpt_below_the_view_switch(
        browser: Browser, server: str, edition: str, width: int, text: int, stays: bool) -> None:
    """Opened by its address, an excerpt stands below the header and the view switch however
    many rows the switch wraps to: two at 320 px, three or four in very large text, where a
    fixed margin of one row left the excerpt's first lines under it. A switch that would take,
    with the header, more than a quarter of the screen's height scrolls away with the page."""
    context, page = phone_page(browser, width, PHONE["height"], text)
    anchor = "kardeslik-4-1-first-war-reform"
    page.goto(server + PREFIXES[edition] + "papers/kardeslik/#" + anchor)
    page.wait_for_function(DRAWN, timeout=20000)
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    bar = page.locator(".excerpt-view").bounding_box()
    context.close()
    assert bar
    if stays:
        assert abs(bar["y"] - header) <= 1 and bar["y"] + bar["height"] <= top + 1, (bar, top)
    else:
        assert bar["y"] + bar["height"] <= 0 and header <= top + 1 < PHONE["height"] / 2, (bar, top)


def test_the_contents_menu_gives_way_to_the_sidebar_on_a_wide_screen(desktop: Page,
                                                                     server: str) -> None:
    desktop.goto(server + "ar/papers/karabakh-war/")
    assert not desktop.locator("details.page-contents").is_visible()
    assert desktop.locator(".md-sidebar--secondary nav").first.is_visible()


#: the focused element's text, and whether a reader sees it (tests/js/focus_seen.js)
FOCUS_SEEN = (Path(__file__).parent / "js" / "focus_seen.js").read_text(encoding="utf-8")
IN_DRAWER = "() => !!document.activeElement.closest('.md-sidebar--primary')"


def seen_once_slid(page: Page) -> bool:
    """Whether the focused element comes into sight once the drawer or a panel has slid in."""
    try:
        page.wait_for_function(f"() => ({FOCUS_SEEN})()[1]", timeout=3000)
    except PlaywrightTimeoutError:
        return False
    return True


def tab_and_see(page: Page, times: int, key: str = "Tab") -> list[tuple[str, bool]]:
    seen = []
    for _ in range(times):
        page.keyboard.press(key)
        seen.append(tuple(page.evaluate(FOCUS_SEEN)))
    return seen


@pytest.mark.parametrize("edition,width", [("en", 1024), ("fa", 390), ("ar", 390)])
def test_the_drawer_opens_with_the_keyboard_and_hides_its_links_while_closed(
        browser: Browser, server: str, corpus, edition: str, width: int) -> None:
    """Below 1220 px the site's navigation is a drawer. Closed, its links were still reached by
    Tab, out of sight (30 stops at x = -242 on a tablet), and its menu button, the theme's
    <label>, could not be reached at all; nor could the way back from a section's panel."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server + PREFIXES[edition] + "papers/masoumi-2025/")
    stops = []
    while len(stops) < 40 and not page.evaluate(
            "() => !!document.activeElement.closest('.md-content')"):
        stops += tab_and_see(page, 1)
    assert 4 < len(stops) < 40 and all(seen for _, seen in stops[:-1]), stops
    page.reload()
    tab_to(page, ".md-header button[data-drawer-button]")
    button = page.locator(".md-header button[data-drawer-button]")
    assert button.get_attribute("aria-label") == corpus.ui[edition]["menu"]
    assert focus_ring(page) not in ("none", "") and page.evaluate(FOCUS_SEEN)[1]
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate(IN_DRAWER) and seen_once_slid(page), "Enter moves into it"
    tab_to(page, ".md-sidebar--primary label.md-nav__link[for^='__nav']")
    section = page.evaluate("document.activeElement.htmlFor")
    page.keyboard.press("Enter")  # the section's panel: every stop in it in sight
    assert seen_once_slid(page)
    panel = [page.evaluate(FOCUS_SEEN)] + tab_and_see(page, 3)
    assert all(seen for _, seen in panel) and page.evaluate(IN_DRAWER), panel
    tab_and_see(page, 3, "Shift+Tab")
    assert page.evaluate("document.activeElement.htmlFor") == section, "the way back, first"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.matches('.md-nav__link[for]')")
    assert seen_once_slid(page), "back on the section's own label"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches('.md-header [data-drawer-button]')")
    context.close()


def fill(page: Page, selector: str) -> tuple[float, ...]:
    """The mean colour of an element as Chromium paints it (its computed style keeps the
    page's colours where a forced-colors mode paints the system's)."""
    shot = Image.open(io.BytesIO(page.locator(selector).screenshot())).convert("RGB")
    return tuple(ImageStat.Stat(shot).mean)


@pytest.mark.parametrize("edition", ["en", "fa"])
def test_the_chosen_view_shows_in_a_forced_colors_mode(browser: Browser, server: str,
                                                       edition: str) -> None:
    """Windows' contrast themes replace the page's colours with the system's: the chosen view's
    fill went with them, and the three buttons of the view switch looked alike."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, forced_colors="active")
    page = context.new_page()
    page.goto(server + PREFIXES[edition] + "papers/kazemi-1403/")
    for chosen in ("both", "original"):
        page.locator(f'.excerpt-view [data-view="{chosen}"]').click()
        page.mouse.move(0, 400)  # no hover on the buttons
        looks = {view: fill(page, f'.excerpt-view [data-view="{view}"]')
                 for view in ("both", "original", "translation")}
        apart = min(sum(abs(a - b) for a, b in zip(looks[chosen], look, strict=True))
                    for view, look in looks.items() if view != chosen)
        assert apart > 60, (chosen, looks)
    context.close()
