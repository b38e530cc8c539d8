"""Search folding: the indexer's rules (hooks/search_fold.py) and the browser's
(docs/assets/js/search-normalise.js, run with node) fold every string alike, and the name
expansion makes one spelling find the others."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from search_fold import Expander, Folder, RulesError, article_forms, name_forms

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node")
JS = ROOT / "docs" / "assets" / "js" / "search-normalise.js"

STRINGS = [
    "ايران", "ایران", "إيران", "أذربيجان", "اذربيجان", "آذربایجان", "ازبكستان", "ازبکستان",
    "قدرت‌نرم", "قدرت نرم", "قدرتنرم", "مدرسة", "مدرسه", "ٱلله", "مؤتمر", "مسئله", "رئيس",
    "الحَرْبُ", "كـــتـــاب", "شوشی", "شوشا", "شوشي", "۱۴۰۳", "١٤٠٣", "1403", "۲۰۲۰ میلادی",
    "İran", "IRAN", "ıran", "Iğdır", "ISTANBUL", "İstanbul", "Şuşa", "Susa", "SUSA", "Zəngəzur",
    "Zengezur", "Karabağ", "Karabakh", "Dağlık Karabağ", "Ağdam", "Türkiye", "Kardeşlikten",
    "naïve café", "Øresund", "Straße", "Łódź", "\u202bمتن\u202c", "a\u00a0b", "  spaced\tout\n ",
    "\u200fیک\u200e", "ۀ", "خانۀ ما", "خانهٔ ما", "ك ي ى ة ە", "Ünlü ÇÖĞ",
]


@pytest.fixture(scope="module")
def folder() -> Folder:
    return Folder.load(ROOT / "docs")


def browser_fold(folder: Folder, strings: list[str]) -> list[str]:
    assert NODE, "node is needed to run the browser's normaliser"
    script = ("const {makeFolder} = require(process.argv[1]);"
              "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const f = makeFolder(input.rules);"
              "process.stdout.write(JSON.stringify(input.strings.map(f.fold)));")
    payload = json.dumps({"rules": folder.browser_rules(), "strings": strings})
    result = subprocess.run([NODE, "-e", script, str(JS)], input=payload, capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout)


def test_python_and_browser_fold_alike(folder: Folder) -> None:
    python = [folder.fold(s) for s in STRINGS]
    assert browser_fold(folder, STRINGS) == python
    assert len(set(python)) < len(STRINGS)  # the variants did fold together


@pytest.mark.parametrize("a, b", [
    ("ايران", "ایران"), ("ازبكستان", "ازبکستان"), ("أذربيجان", "اذربيجان"),
    ("آذربایجان", "اذربایجان"), ("قدرت‌نرم", "قدرت نرم"), ("مدرسة", "مدرسه"),
    ("مؤتمر", "موتمر"), ("رئيس", "رییس"), ("الحَرْبُ", "الحرب"), ("كـــتـــاب", "کتاب"),
    ("۱۴۰۳", "1403"), ("١٤٠٣", "1403"), ("İran", "iran"), ("IRAN", "ıran"),
    ("Şuşa", "susa"), ("Zəngəzur", "zengezur"), ("خانۀ", "خانه"), ("خانهٔ", "خانه"),
    ("\u202bمتن\u202c", "متن"), ("Karabağ", "karabag"),
])
def test_variants_fold_to_one_form(folder: Folder, a: str, b: str) -> None:
    assert folder.fold(a) == folder.fold(b)


def test_the_browser_maps_folded_text_back_to_the_original(folder: Folder) -> None:
    assert NODE
    text = "Şuşa ve Zəngəzur, قدرت‌نرم"
    script = ("const {makeFolder} = require(process.argv[1]);"
              "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const m = makeFolder(input.rules).foldWithMap(input.text);"
              "const at = m.text.indexOf('zengezur');"
              "process.stdout.write(input.text.slice(m.starts[at], m.ends[at + 7]));")
    payload = json.dumps({"rules": folder.browser_rules(), "text": text})
    out = subprocess.run([NODE, "-e", script, str(JS)], input=payload, capture_output=True,
                         text=True, check=True).stdout
    assert out == "Zəngəzur"


def test_a_name_finds_its_other_spellings_and_compounds_their_joined_form(folder: Folder) -> None:
    names = Expander()
    forms = name_forms({"en": "Shusha", "tr": "Şuşa", "fa": "شوشا"}, ["شوشی"],
                       {"en": {"Şuşa": "Shusha"}})
    names.add_group([folder.fold(f) for f in forms])
    names.learn_compounds("قدرت‌نرم ترکیه", folder)
    added = names.expansions(folder.fold("نقش قدرت نرم در شوشی‌ها و Şuşa'da"))
    assert {"shusha", "susa", "شوشا", "شوشی", "قدرتنرم"} <= set(added)
    assert names.expansions(folder.fold("nothing to see")) == []


def test_a_malformed_rules_file_is_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search-normalise.yml").write_text("remove:\n  - [\"06ZB\", \"065F\"]\n",
                                                          encoding="utf-8")
    with pytest.raises(RulesError) as error:
        Folder.load(tmp_path)
    assert str(error.value).startswith("docs/data/search-normalise.yml:1: '06ZB' is not a "
                                       "hexadecimal code point")
    assert 'e.g. ["064B", "065F"]' in error.value.fix


def test_a_missing_rules_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(RulesError) as error:
        Folder.load(tmp_path)
    assert str(error.value).startswith("docs/data/search-normalise.yml:1: the file is missing")
    assert "restore it" in error.value.fix


def test_names_must_be_lists_of_spellings(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search-normalise.yml").write_text("names:\n  - Karabakh\n",
                                                          encoding="utf-8")
    with pytest.raises(RulesError) as error:
        Folder.load(tmp_path)
    assert "`names`" in error.value.message and error.value.line == 1
    assert "write e.g." in error.value.fix


@pytest.mark.parametrize("text, forms", [
    ("والخسائر بالإضافة كالبحر فالبحث", ["الخسایر", "الاضافه", "البحر", "البحث"]),
    ("للتركية وللتركية وبالتالي", ["الترکیه", "التالی"]),
    ("الحرب والحرب", ["الحرب"]),  # the bare word stays as it is; the other gains it
    ("بالا والی ولد بلد", []),  # too short after the article, or no article at all
])
def test_a_proclitic_on_the_arabic_article_is_indexed_without_it(
        folder: Folder, text: str, forms: list[str]) -> None:
    assert article_forms(folder.fold(text)) == forms


@pytest.mark.parametrize("hint, keys", [
    ("Press / or S to search; Esc closes.", ["/", "S", "Esc"]),
    ("اضغط / أو S للبحث، وEsc للإغلاق.", ["/", "S", "Esc"]),  # «و» written on the key's name
    ("Search Sources with S; a/b is no key.", ["S"]),  # keys only as words of their own
])
def test_the_search_hint_shows_its_keys_as_keys(hint: str, keys: list[str]) -> None:
    from search import hint_parts

    parts = hint_parts(hint)
    assert "".join(text for text, _ in parts) == hint
    assert [text for text, key in parts if key] == keys
