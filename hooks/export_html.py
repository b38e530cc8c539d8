"""The list of the corpus export's files on the download page (the first part of `::: downloads`).

The files are named as `export` writes them; which translation memories there are follows the
content (one per original language of the excerpts, one per language the notes are translated
into). Each file is described in the edition's language (`download_*` in docs/data/ui.yml).
"""

from __future__ import annotations

from collections.abc import Callable

from languages import EDITIONS, ORIGINAL_LANGUAGES
from model import Corpus
from templates import render


def corpus_file_list(corpus: Corpus) -> list[tuple[str, str, str]]:
    """(file name in `corpus/`, ui key of its description, language named in it), in page order."""
    excerpts = list(corpus.excerpts.values())
    originals = {x.lang for x in excerpts}
    translated = {lang for x in excerpts for n in x.notes for lang, text in n.texts.items()
                  if text and lang != "en"}
    files = [("excerpts.json", "download_json", ""), ("excerpts.schema.json", "download_schema", ""),
             ("pairs.csv", "download_csv", ""), ("pairs.tsv", "download_tsv", "")]
    files += [(f"excerpts-{lang}-en.tmx", "download_tmx_pair", lang)
              for lang in ORIGINAL_LANGUAGES if lang in originals]
    files += [(f"notes-en-{lang}.tmx", "download_tmx_notes", lang)
              for lang in EDITIONS if lang in translated]
    return files + [("excerpts.tmx", "download_tmx", "")]


def corpus_downloads_html(corpus: Corpus, ui: dict[str, str],
                          root_href: Callable[[str], str]) -> str:
    """Links to every file of the corpus export, each with what it holds."""
    files = [{"name": name, "href": root_href(f"corpus/{name}"),
              "text": ui[key].replace("{lang}", ui[f"lang_{lang}"]) if lang else ui[key]}
             for name, key, lang in corpus_file_list(corpus)]
    return render("corpus-files.html", files=files)
