"""One form, one entry: the forms that find the index's entries and the glossary's terms in text.

Each entry of the index (`docs/data/entities.yml`) lists the excerpts its `match:` forms find
(`apparatus.link_entities`), every entry on its own: a form that also finds another entry's name
(«Aliyev» in «Heydar Aliyev») would list that entry's excerpts under this one too. A glossary form
glosses one term (`ReaderBuild.term_by_form`): a form written under two terms would gloss only one
of them, and nothing would say which.
"""

from __future__ import annotations

from bisect import bisect_right

from apparatus import Apparatus, Entity
from form_match import form_key, form_pattern
from model import Problem

ENTITIES, GLOSSARY = "docs/data/entities.yml", "docs/data/glossary.yml"


class _Forms:
    """Every entry's forms, one a line, searched at once for each entry's pattern."""

    def __init__(self, entities: list[Entity]) -> None:
        self.owners: list[tuple[int, Entity, str]] = []  #: (offset, entry, form), in order
        offset = 0
        for entity in entities:
            for form in entity.match:
                self.owners.append((offset, entity, form))
                offset += len(form) + 1
        self.offsets = [offset for offset, _, _ in self.owners]
        self.text = "\n".join(form for _, _, form in self.owners)

    def found(self, entity: Entity) -> dict[str, tuple[Entity, str, str]]:
        """(other entry, a form of `entity`, the other's form it finds), by the other's id."""
        pattern, out = form_pattern(entity.match), {}
        for match in pattern.finditer(self.text) if pattern else ():
            at = bisect_right(self.offsets, match.start()) - 1
            _, other, written = self.owners[at]
            if other is not entity and other.id not in out:
                mine = next((f for f in entity.match
                             if (one := form_pattern([f])) and one.search(written)), written)
                out[other.id] = (other, mine, written)
        return out


def shared_forms(app: Apparatus) -> list[Problem]:
    """A problem for each index entry whose forms find another entry's, and for each glossary
    form written under two terms (named at the second)."""
    problems = []
    entities = list(app.entities.values())
    forms = _Forms(entities)
    for number, entity in enumerate(entities):
        for other, mine, written in forms.found(entity).values():
            if mine.casefold() == written.casefold():  # the same form twice: named at the second
                if entities.index(other) < number:
                    problems.append(Problem(
                        ENTITIES, entity.line, f"entity '{entity.id}': the form «{mine}» is also "
                        f"a form of entity '{other.id}' (line {other.line}): the excerpts that "
                        "name either would be listed under both", "keep the form under the entry "
                        "it names, and write the other entry's forms in full"))
            else:
                problems.append(Problem(
                    ENTITIES, entity.line, f"entity '{entity.id}': its form «{mine}» also finds "
                    f"«{written}», a form of entity '{other.id}' (line {other.line}): the excerpts "
                    f"that name {other.names.get('en', other.id)} would be listed under "
                    f"{entity.names.get('en', entity.id)} too",
                    "write the form in full, so that it names this entry only (e.g. «Ilham "
                    "Aliyev», not «Aliyev»)"))
    first: dict[str, str] = {}
    for term in app.terms.values():
        for form in dict.fromkeys(form_key(f) for f in term.match):
            owner = first.setdefault(form, term.id)
            if owner != term.id:
                problems.append(Problem(
                    GLOSSARY, term.line, f"glossary term '{term.id}': the form «{form}» is also "
                    f"a form of '{owner}' (line {app.terms[owner].line}): the text would be "
                    "glossed with one of them only", "keep the form under the term it means, "
                    "or write it in full under each"))
    return problems
