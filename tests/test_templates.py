"""The compiled-template cache shared by the editions' Jinja environments, and the filters the
reader's templates use (`templates`)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from templates import MemoryBytecodeCache, keep_ranges


def _env(folder: Path, cache: MemoryBytecodeCache, **settings: object) -> Environment:
    return Environment(loader=FileSystemLoader(folder), bytecode_cache=cache, **settings)


def test_a_template_is_compiled_once_for_every_environment(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.html").write_text("<b>{{ x }}</b>", encoding="utf-8")
    cache = MemoryBytecodeCache()
    compiled = []
    original = Environment.compile

    def counting(self, *args, **kwargs):
        compiled.append(args[1] if len(args) > 1 else kwargs.get("name"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    for _ in range(4):  # one environment per edition
        assert _env(tmp_path, cache).get_template("a.html").render(x="1") == "<b>1</b>"
    assert compiled == ["a.html"]


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    template = tmp_path / "a.html"
    template.write_text("one {{ x }}", encoding="utf-8")
    cache = MemoryBytecodeCache()
    assert _env(tmp_path, cache).get_template("a.html").render(x=1) == "one 1"
    template.write_text("two {{ x }}", encoding="utf-8")
    assert _env(tmp_path, cache).get_template("a.html").render(x=1) == "two 1"


def test_code_compiled_with_other_settings_is_not_reused(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("{{ x }}", encoding="utf-8")
    cache = MemoryBytecodeCache()
    assert _env(tmp_path, cache).get_template("a.html").render(x="<i>") == "<i>"
    escaping = _env(tmp_path, cache, autoescape=select_autoescape(["html"]))
    assert escaping.get_template("a.html").render(x="<i>") == "&lt;i&gt;"


def test_a_range_of_numbers_is_kept_on_one_line_and_the_rest_escaped() -> None:
    assert keep_ranges("pp. 251–278 & <b>") == (
        'pp. <span class="unbroken">251–278</span> &amp; &lt;b&gt;')
    assert keep_ranges("صص ۲۵۱–۲۷۸.") == 'صص <span class="unbroken">۲۵۱–۲۷۸</span>.'
    assert keep_ranges("2020 – 2021, 3-4") == "2020 – 2021, 3-4"  # a dash between words, a hyphen


def test_the_search_box_escapes_its_strings_though_the_theme_does_not() -> None:
    """The theme renders its partials without autoescaping (as MkDocs sets up Jinja): the search
    box, which it renders, escapes each interface string itself, as the reader's templates do."""
    import material
    from conftest import ROOT

    theme = Path(material.__file__).parent / "templates"
    env = Environment(loader=FileSystemLoader([ROOT / "overrides", theme]))
    assert not env.autoescape
    said = "<b>R&D</b>"
    search_ui = {key: said for key in ("search", "edition", "search_label", "search_placeholder",
                                       "search_close", "search_all_editions")}
    search_ui |= {"strings": {"none": said}, "hint_parts": [(said, False), (said, True)]}
    html = env.get_template("partials/search-box.html").render(search_ui=search_ui)
    assert "<b>" not in html and "R&D" not in html
    assert html.count("&lt;b&gt;R&amp;D&lt;/b&gt;") == 10, html
