"""The web addresses a page writes out (`page_paths.check_addresses`): one written as it is is
named, as the site's Markdown shows it as text; one in a link or in HTML is not (the page's
links to other sites are `scan_markup`'s)."""

from __future__ import annotations

import pytest
from page_paths import check_addresses
from test_page_blocks import site_markdown


@pytest.mark.parametrize("text, named", [
    ("Served at http://127.0.0.1:8000 with live reload.", "http://127.0.0.1:8000"),
    ("See https://example.org/a_b?c=d.", "https://example.org/a_b?c=d"),
    ("نگاه کنید به https://example.org، سپس", "https://example.org"),
    ("A link [to it](https://example.org).", ""),
    ("An address <https://example.org>.", ""),
    ("[it]: https://example.org", ""),
    ('<a href="https://example.org">it</a>', ""),
])
def test_an_address_shown_as_text_is_named(text: str, named: str) -> None:
    found = check_addresses("docs/en/x.md", text)
    assert [p.message.split("`")[1] for p in found] == ([named] if named else [])
    if named:  # shown, and not as a link
        html = site_markdown().reset().convert(text)
        assert named in html and f'href="{named}' not in html, html
