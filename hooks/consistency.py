"""One form per name and per term: `make check` reports a listed variant in the site's own text.

An entry of the index of people and places (`docs/data/entities.yml`), of the glossary
(`glossary.yml`) or of the timeline (`events.yml`) may list, per language, the variants that the
site's own writing must not use and the form to write instead:

    variants:
      en: {"İlham Aliyev": "Ilham Aliyev", "Gümrü Treaty": "Treaty of Alexandropol"}

The check reads what the editors write in that language: the English translations of excerpts,
the editor's notes in each language and the pages of each edition. Quotations of a source, in
«guillemets» or in code, and citations in parentheses with a year are left alone. A deliberate exception is allowed where it is written:
`allow_variants: ["İlham"]` on the excerpt (for its translation and notes) or in the front matter
of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from languages import EDITIONS
from model import Corpus, Problem
from source_text import _rel, without_code
from yaml_lines import front_matter

#: quotations of a source and bibliographic citations "(Author, 2021)" keep their own wording
_QUOTED = re.compile(r"«[^»]*»|`[^`\n]*`|\([^()\n]*\b\d{4}[a-z]?\b[^()\n]*\)")


@dataclass(frozen=True)
class Variant:
    lang: str
    form: str
    use: str
    source: str  #: the data file and entry that lists it, for the message
    pattern: re.Pattern[str]


def read_variants(entries: list[tuple[str, str, Any]]) -> tuple[list[Variant], list[Problem]]:
    """Variants from (file, entry id, `variants:` value) triples."""
    variants, problems = [], []
    for file, entry, value in entries:
        if value is None:
            continue
        if not isinstance(value, dict) or not all(
                lang in EDITIONS and isinstance(forms, dict) for lang, forms in value.items()
                if lang not in ("__line__", "__lines__")):
            problems.append(Problem(file, 1, f"'{entry}': `variants` must map a language to "
                                    "`{variant: form to use}`",
                                    'write e.g. `variants: {en: {"İlham Aliyev": "Ilham Aliyev"}}`'))
            continue
        for lang, forms in value.items():
            if lang in ("__line__", "__lines__"):
                continue
            for form, use in forms.items():
                if form in ("__line__", "__lines__"):
                    continue
                pattern = re.compile(rf"(?<![\w\u200c]){re.escape(str(form))}(?![\w\u200c])")
                variants.append(Variant(lang, str(form), str(use), f"{file} ({entry})", pattern))
    return variants, problems


def _hits(text: str, variants: list[Variant], lang: str, allowed: set[str]) -> list[tuple[int, Variant]]:
    """(line offset, variant) of every listed variant in `text` outside quotations."""
    plain = _QUOTED.sub(lambda m: " " * len(m.group(0)), without_code(text))
    out = []
    for variant in variants:
        if variant.lang != lang or variant.form in allowed:
            continue
        for match in variant.pattern.finditer(plain):
            out.append((plain[: match.start()].count("\n"), variant))
    return out


def _problem(file: str, line: int, variant: Variant, excerpt: str | None = None) -> Problem:
    return Problem(file, line, f"'{variant.form}' is a variant; the site writes "
                   f"'{variant.use}' (listed in {variant.source})",
                   f"write '{variant.use}', or, if this use is deliberate, add "
                   f"`allow_variants: [\"{variant.form}\"]` to the excerpt or the page's front matter",
                   excerpt)


def check_variants(docs_dir: Path, corpus: Corpus, variants: list[Variant]) -> list[Problem]:
    problems = []
    for excerpt in corpus.excerpts.values():
        allowed = set(excerpt.allow_variants)
        for _offset, variant in _hits(excerpt.translation, variants, "en", allowed):
            problems.append(_problem(excerpt.file, excerpt.line, variant, excerpt.id))
        for note in excerpt.notes:
            for lang, text in note.texts.items():
                for _offset, variant in _hits(text, variants, lang, allowed):
                    problems.append(_problem(excerpt.file, note.lines.get(lang, note.line),
                                             variant, excerpt.id))
    for lang in EDITIONS:
        for path in sorted((docs_dir / lang).rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            allowed = {str(v) for v in front_matter(text).get("allow_variants") or []}
            rel = _rel(path, docs_dir.parent)
            for offset, variant in _hits(text, variants, lang, allowed):
                problems.append(_problem(rel, offset + 1, variant))
    return problems
