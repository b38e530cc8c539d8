"""The allow-list sanitiser and the Content-Security-Policy, as units, and on a built page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sanitize import UnsafeContent, content_security_policy, repeated_ids, sanitize, with_policy

READER_HTML = (
    '<article class="excerpt" id="x-1" data-excerpt="x-1" data-lang="fa">'
    '<header class="excerpt__head"><a class="excerpt__anchor" href="#x-1" title="Link">¶1</a>'
    '<cite class="excerpt__label" lang="fa" dir="rtl">کاظمی ۱۴۰۳</cite>'
    '<button type="button" class="excerpt__copy" data-copy-anchor="x-1">Copy</button></header>'
    '<div data-role="original" lang="fa" dir="rtl" aria-label="Original"><p>متن '
    '<bdi dir="ltr">(Nye, 2004)</bdi></p></div>'
    '<table><tbody><tr><th scope="row">DOI</th><td><a class="external" rel="noopener" '
    'href="https://doi.org/10.1/x">10.1/x</a></td></tr></tbody></table>'
    '<details><summary>s</summary><p>t &amp; u</p></details>'
    '<p><img alt="A map" src="../map.png" width="300" loading="lazy"></p></article>')


def test_the_readers_own_html_passes_unchanged_in_substance() -> None:
    clean = sanitize(READER_HTML, "docs/en/page.md")
    assert 'data-copy-anchor="x-1"' in clean and '<bdi dir="ltr">' in clean
    assert 'href="https://doi.org/10.1/x"' in clean and "t &amp; u" in clean
    assert '<img alt="A map" src="../map.png" width="300" loading="lazy">' in clean  # an image


def test_the_clean_html_is_read_as_the_tokenizer_reads_it() -> None:
    """The check of what was removed reads the sanitiser's output with a pattern of its own:
    on awkward but allowed markup it finds every tag the tokenizer finds."""
    from html_tokens import tokenize
    from sanitize import ATTRIBUTES, TAGS, URL_SCHEMES, _clean_signature, _signature

    awkward = (READER_HTML + '<p title="a > b &quot;c&quot; \'d\' &lt;e&gt;" lang=tr>x &lt; y</p>'
               '<abbr title=\'single "quoted"\'>A</abbr><br/><hr>'
               # a value that speaks of markup: its "&lt;" is text, decoded once, not twice
               '<a href="#x" title="write &amp;lt;p&amp;gt; for a paragraph">x</a>'
               '<svg viewBox="0 0 10 10"><path d="M0 0L10 10"/><text x="1" y="2">&lt;t&gt;</text>'
               '</svg>')
    import nh3
    clean = nh3.clean(awkward, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                      generic_attribute_prefixes={"data-"}, link_rel=None)
    assert _clean_signature(clean) == _signature(tokenize(clean))
    assert sum(_clean_signature(clean).values()) >= 20
    assert sanitize(awkward, "docs/en/page.md") == clean


@pytest.mark.parametrize("hostile, what", [
    ('<p onclick="alert(1)">text</p>', "onclick"),
    ('<p\nonmouseover="alert(1)">text</p>', "onmouseover"),
    ('<img src=x onerror="alert(1)">', "img"),
    ('<img alt="x" src="https://evil.example/x.png">', "not a file of the site"),
    ('<img alt="x" src="//evil.example/x.png">', "not a file of the site"),
    ('<img alt="x" src="data:image/svg+xml,<svg/>">', "not a file of the site"),
    ('<img alt="x" src=" jav&#x09;ascript:alert(1)">', "not a file of the site"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "javascript"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "ascript"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ('<script>alert(1)</script>', "script"),
    ('<p style="background:url(http://evil.example/x.png)">x</p>', "style"),
    ('<iframe src="https://evil.example"></iframe>', "iframe"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "meta"),
    ('<svg><script>alert(1)</script></svg>', "script"),  # svg itself is allowed: the maps
    ('<form action="https://evil.example"><input name="q"></form>', "form"),
    ('<object data="x.swf"></object>', "object"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "math"),
])
def test_hostile_markup_is_refused_with_the_page_and_the_markup(hostile: str, what: str) -> None:
    with pytest.raises(UnsafeContent) as error:
        sanitize(f"<p>before</p>{hostile}<p>after</p>", "docs/tr/guide.md")
    message = str(error.value)
    assert message.startswith("docs/tr/guide.md:") and "How to fix" in message
    assert what in message


def test_an_id_given_twice_is_found() -> None:
    clean = sanitize('<h2 id="summary">Summary</h2><p id="a">x</p><article id="summary">'
                     '<p id="b">y</p></article><span id="a"></span>', "x.md")
    assert repeated_ids(clean) == ["summary", "a"]
    assert repeated_ids(sanitize('<p id="a">x</p><p id="b">y</p>', "x.md")) == []


def test_the_policy_allows_only_the_site_and_the_pages_own_inline_scripts() -> None:
    page = ('<html><head><title>t</title><script>var a = 1;</script>'
            '<script src="x.js"></script><script type="application/json">{}</script></head>'
            '<body></body></html>')
    policy = content_security_policy(page)
    assert "script-src 'self' 'sha256-" in policy and policy.count("sha256-") == 1
    assert "style-src 'self';" in policy and "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert with_policy(page).startswith('<html><head><meta http-equiv="Content-Security-Policy"')


def test_every_page_of_the_site_carries_the_policy(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 70
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head)
        assert policy, path
        assert "unsafe-inline" not in policy.group(1)


def test_a_page_with_an_event_handler_does_not_build(project_copy: Path, tmp_path: Path) -> None:
    from conftest import mkdocs_build

    page = project_copy / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") +
                    '\n\nA paragraph with a handler.\n{: onclick="alert(1)" }\n', encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/en/index.md" in result.stdout + result.stderr
    assert "onclick" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
