"""Search folding: the rule set of `docs/data/search-normalise.yml` applied to text, and the forms
that make one spelling find another.

`Folder.fold` is the indexer's half of the rule set; `docs/assets/js/search-normalise.js` is the
browser's, and reads the same rules as JSON (`Folder.browser_rules`). `expansions` gives what the
index adds to a record's folded text: the other spellings of every glossary term and every person,
organisation or place it names (their names in four languages, `match:` forms and `variants:`),
and the joined form of every two-part word written with ZWNJ or a space.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml_lines import load_yaml, strip_lines

RULES_FILE = Path("data") / "search-normalise.yml"
RULES_PATH = f"docs/{RULES_FILE.as_posix()}"
_ZWNJ_WORD = re.compile(r"[^\s\u200c]+(?:\u200c[^\s\u200c]+)+")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)\s*")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
#: what separates words when names are looked for (a name in parentheses or quotes is found)
_WORD_BREAK = re.compile(r"[^\w'’-]+")
#: how much of a word may follow a name (Karabağ'da, شوشی‌ها are folded to two words anyway)
_SUFFIX = 4
#: an Arabic word whose article has a conjunction or preposition written on it, folded (ك is ک):
#: و، ف (and), ب (with), ک (as) before ال, and ل (for) before it, written لل
#: (a whole word of the text, as `_WORD_BREAK` cuts it: nothing of a word before or after)
_PROCLITIC = re.compile(r"(?<![\w'’-])(?:(?:[وف]?[بک]|[وف])ال|[وف]?لل)(\w{3,})(?![\w'’-])")


#: how to fix a problem in the rules file, unless the problem says more
RULES_FIX = "the comments at the top of the file say what each part holds"


class RulesError(ValueError):
    """The rules file is malformed: `message` names the entry, `line` is the line of the file it
    is on and `fix` how to fix it; written out, the file and line come first."""

    def __init__(self, message: str, line: int = 1, fix: str = RULES_FIX) -> None:
        super().__init__(f"{RULES_PATH}:{line}: {message}")
        self.message, self.line, self.fix = message, line, fix


def _code_point(value: Any, line: int) -> int:
    try:
        return int(str(value), 16)
    except ValueError:
        raise RulesError(f"'{value}' is not a hexadecimal code point", line,
                         'write each code point in hexadecimal, e.g. ["064B", "065F"]') from None


@dataclass
class Folder:
    """The folding rules read from the data file."""

    letters: dict[str, str]
    remove: list[tuple[int, int]]
    space: list[str]
    #: spellings of names that no glossary or index entry has on its own (Karabakh, Karabağ)
    names: list[list[str]] = field(default_factory=list)
    table: dict[int, str | None] = field(init=False)

    def __post_init__(self) -> None:
        table: dict[int, str | None] = {ord(k): v for k, v in self.letters.items()}
        for low, high in self.remove:
            table.update({cp: None for cp in range(low, high + 1)})
        for char in [*self.space, "\t", "\n", "\r", "\f", "\v"]:
            table[ord(char)] = " "
        self.table = table

    @classmethod
    def load(cls, docs_dir: Path) -> Folder:
        path = docs_dir / RULES_FILE
        if not path.is_file():
            raise RulesError("the file is missing: search folds text by its rules", 1,
                             "restore it from the repository")
        loaded, problems = load_yaml(path, docs_dir.parent)  # a key given twice is one too
        if problems:
            raise RulesError(problems[0].message, problems[0].line, problems[0].fix)
        lines = loaded.get("__lines__", {}) if isinstance(loaded, dict) else {}
        data = strip_lines(loaded) or {}
        if not isinstance(data, dict):
            raise RulesError("the file is not a mapping of `letters`, `remove`, `space` and "
                             "`names`", 1, "restore the file's structure from the repository")
        letters = data.get("letters") or {}
        if not isinstance(letters, dict) or not all(
                isinstance(k, str) and len(k) == 1 and isinstance(v, str)
                for k, v in letters.items()):
            raise RulesError("an entry under `letters` does not map one character to a text",
                             lines.get("letters", 1), 'write e.g. `"ي": "ی"`')
        remove = []
        for number, pair in enumerate(data.get("remove") or [], start=1):
            if not isinstance(pair, list) or len(pair) != 2:
                raise RulesError(f"`remove` entry {number} is not a pair of code points",
                                 lines.get("remove", 1), 'write e.g. ["064B", "065F"]')
            at = lines.get("remove", 1)
            remove.append((_code_point(pair[0], at), _code_point(pair[1], at)))
        space = data.get("space") or []
        if not isinstance(space, list) or not all(isinstance(c, str) and len(c) == 1
                                                  for c in space):
            raise RulesError("`space` is not a list of characters", lines.get("space", 1),
                             'give each character an entry of its own, e.g. `- "\\u00a0"`')
        names = data.get("names") or []
        if not all(isinstance(g, list) and all(isinstance(f, str) for f in g) for g in names):
            raise RulesError("`names` is not a list of lists of spellings",
                             lines.get("names", 1), "write e.g. `- [Karabakh, Karabağ, قره‌باغ]`")
        if not letters:  # an emptied file: search would match no spelling to another
            raise RulesError("there are no `letters`, so search would fold no spelling into "
                             "another", lines.get("letters", 1),
                             "restore the file from the repository's history")
        return cls(dict(letters), remove, space, names)

    def fold(self, text: str) -> str:
        """The text as search compares it (see the rules file for the steps)."""
        folded = unicodedata.normalize("NFD", text).lower().translate(self.table)
        return re.sub(" +", " ", folded).strip(" ")

    def browser_rules(self) -> dict[str, Any]:
        """The rules as the browser's normaliser reads them."""
        return {"letters": self.letters, "remove": [list(pair) for pair in self.remove],
                "space": self.space}


def article_forms(folded: str) -> list[str]:
    """Each word of the folded text that carries a proclitic before the Arabic article, with the
    article alone («والخسائر» → «الخسائر», «للتركیه» → «التركیه»): the index holds both, so that
    a search for the word finds it whatever is written on it. Search engines' Arabic stemming
    (Pagefind's, in the Arabic edition) does this for the Arabic edition only; the other editions
    search the Arabic originals too. A Persian word that happens to begin so gains a form nobody
    looks for, and nothing else."""
    return list(dict.fromkeys("ال" + stem for stem in _PROCLITIC.findall(folded)))


def name_forms(names: dict[str, str], match: list[str], variants: Any) -> list[str]:
    """Every written form of one name: its names (and their parentheses), match forms, variants."""
    forms: list[str] = []
    for name in [*names.values(), *match]:
        forms.append(_PARENTHESES.sub(" ", name).strip())
        forms += [inner.strip() for inner in _PARENTHESES.findall(name)]
    if isinstance(variants, dict):
        for pairs in variants.values():
            if isinstance(pairs, dict):
                forms += [str(k) for k in pairs if not str(k).startswith("__")]
                forms += [str(v) for k, v in pairs.items() if not str(k).startswith("__")]
    return [f for f in forms if f]


@dataclass
class Expander:
    """What the index adds to a folded text so that every spelling of a name finds the others."""

    groups: list[tuple[str, ...]] = field(default_factory=list)
    compounds: set[tuple[str, ...]] = field(default_factory=set)
    _by_form: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    #: the first words of the names and compounds of more than one word (a text's word that is
    #: none of them starts no such name: the scan goes on to the next word)
    _heads: set[str] = field(default_factory=set)
    #: what each phrase that begins with a head, of the texts seen so far, is (`_hits`)
    _phrases: dict[tuple[str, ...], tuple[list[int], bool]] = field(default_factory=dict)
    #: the words of the texts seen so far, by the groups each is in, and those in any group
    _words: dict[str, list[int]] = field(default_factory=dict)
    _named: set[str] = field(default_factory=set)

    def add_group(self, folded_forms: list[str]) -> None:
        forms = tuple(dict.fromkeys(f for f in folded_forms if len(f) > 2))
        if len(forms) < 2:
            return
        self.groups.append(forms)
        for form in forms:
            words = tuple(form.split(" "))
            self._by_form.setdefault(words, []).append(len(self.groups) - 1)
            self._forget()
            if len(words) > 1:
                self._heads.add(words[0])
            self.add_compound(form)

    def add_compound(self, folded: str) -> None:
        """A name of two or three words in Arabic script, or a word written with ZWNJ."""
        words = tuple(folded.split(" "))
        if 1 < len(words) <= 3 and _ARABIC.search(folded):
            self.compounds.add(words)
            self._forget()
            self._heads.add(words[0])

    def learn_compounds(self, raw: str, folder: Folder) -> None:
        """Every word written with ZWNJ in `raw` is a compound."""
        for word in _ZWNJ_WORD.findall(raw):
            self.add_compound(folder.fold(word))

    def _forget(self) -> None:
        """A name or compound was added: what the words seen so far are is looked up again."""
        self._phrases.clear()
        self._words.clear()
        self._named.clear()

    def _word_groups(self, words: set[str]) -> set[int]:
        """The groups the single words are in (each distinct word looked up once)."""
        for word in words.difference(self._words):
            groups = self._words[word] = self._groups((word,))
            if groups:
                self._named.add(word)
        found: set[int] = set()
        for word in words & self._named:
            found.update(self._words[word])
        return found

    def _groups(self, phrase: tuple[str, ...]) -> list[int]:
        """The groups a name of one to three words written as `phrase` (its last word perhaps
        with a suffix) is in."""
        head, last = phrase[:-1], phrase[-1]
        return [index for cut in range(max(0, min(_SUFFIX, len(last) - 3)) + 1)
                for index in self._by_form.get((*head, last[:len(last) - cut]), ())]

    def _hits(self, phrase: tuple[str, ...]) -> tuple[list[int], bool]:
        """`_groups` of a phrase of two or three words, and whether it is a compound."""
        if phrase not in self._phrases:
            self._phrases[phrase] = (self._groups(phrase), phrase in self.compounds)
        return self._phrases[phrase]

    def expansions(self, folded: str) -> list[str]:
        """Joined forms of the compounds in the text, then the other spellings of its names."""
        words = [w for w in _WORD_BREAK.split(folded) if w]
        joined: dict[str, None] = {}
        unique = set(words)
        found = self._word_groups(unique)
        heads = unique & self._heads
        for i in (i for i, word in enumerate(words) if word in heads) if heads else ():
            for n in (2, 3):
                if i + n > len(words):
                    break
                groups, compound = self._hits(tuple(words[i:i + n]))
                if compound:
                    joined["".join(words[i:i + n])] = None
                found.update(groups)
        forms = dict.fromkeys(form for index in sorted(found) for form in self.groups[index])
        for form in list(forms):
            parts = tuple(form.split(" "))
            if parts in self.compounds:
                joined["".join(parts)] = None
        return [*joined, *forms]
