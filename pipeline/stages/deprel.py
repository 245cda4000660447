"""Who does what to whom, read from a dependency parse where a backend provides one.

Frames find actors by position and patterns; when the backend parsed the
sentence (stanza fills ``Sentence.tokens``), the parse says directly which
phrase is the subject of "hội đàm"/"held talks" and which is the partner
("với ..."/"with ..."), even when a clause or an apposition sits between them.
These helpers work on our ``Token`` records only (UD relations, heads as
indices within the sentence), so they need no parser at import or test time.
"""
from __future__ import annotations

from pipeline.doc import Token
from pipeline.lang import word_set

#: Subjects of the predicate. Passive subjects are included: the caller knows the trigger's voice.
SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass"})
#: Always objects of the predicate. ``obl:with`` is the Vietnamese treebank's label for "với X".
OBJECT_RELS = frozenset({"obj", "iobj", "obl:with"})
#: Objects only when marked by one of COMITATIVE_CASES ("talks with X" attaches X to the noun as nmod).
CASE_MARKED_RELS = frozenset({"obl", "nmod"})
COMITATIVE_CASES = word_set("comitative_cases")
#: Relations through which a verb shares its governor's subject ("X arrived and met Y", "X wants to visit Y").
SUBJECT_SHARING_RELS = frozenset({"conj", "xcomp"})
#: Direct dependents left out of an argument's phrase: other conjuncts are phrases of their own,
#: and the preposition or conjunction in front is not part of the name.
_OUTSIDE_PHRASE = frozenset({"conj", "cc", "case", "punct", "mark"})


def _base(rel: str | None) -> str:
    return (rel or "").split(":")[0]


def _children(tokens: list[Token]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in tokens]
    for i, t in enumerate(tokens):
        if 0 <= t.head < len(tokens) and t.head != i:
            kids[t.head].append(i)
    return kids


def coordinated(tokens: list[Token], i: int) -> list[int]:
    """Token ``i`` and every token coordinated with it (its conj dependents, transitively), in order.

    UD hangs every later conjunct on the first one, so "Việt Nam, Lào và Campuchia"
    is reached from "Việt Nam" alone.
    """
    kids = _children(tokens)
    out: list[int] = []
    stack = [i]
    while stack:
        j = stack.pop()
        if j in out:
            continue
        out.append(j)
        stack.extend(k for k in kids[j] if _base(tokens[k].deprel) == "conj")
    return sorted(out)


def phrase_span(tokens: list[Token], i: int, kids: list[list[int]] | None = None) -> tuple[int, int]:
    """Character extent of the phrase headed by token ``i``: its subtree without its own
    conjuncts, coordinator, preposition or punctuation; punctuation never sets an edge."""
    kids = kids if kids is not None else _children(tokens)
    nodes: list[int] = []
    seen: set[int] = set()
    stack = [i]
    while stack:
        j = stack.pop()
        if j in seen:
            continue
        seen.add(j)
        nodes.append(j)
        for k in kids[j]:
            if j == i and _base(tokens[k].deprel) in _OUTSIDE_PHRASE:
                continue
            stack.append(k)
    placed = [tokens[j] for j in nodes if tokens[j].end > tokens[j].start]
    edges = [t for t in placed if _base(t.deprel) != "punct" and t.upos != "PUNCT"] or placed
    if not edges:
        return tokens[i].start, tokens[i].end
    return min(t.start for t in edges), max(t.end for t in edges)


def _is_object(tokens: list[Token], kids: list[list[int]], k: int) -> bool:
    rel = tokens[k].deprel or ""
    if rel in OBJECT_RELS:
        return True
    if _base(rel) in CASE_MARKED_RELS:
        return any(_base(tokens[c].deprel) == "case" and tokens[c].text.lower() in COMITATIVE_CASES
                   for c in kids[k])
    return False


def verb_arguments(tokens: list[Token], trigger_start: int, trigger_end: int,
                   heads_only: bool = False) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Char spans of the subject phrases and object phrases of the predicate at the trigger.

    The predicate is every token overlapping [trigger_start, trigger_end) (a
    multi-word trigger such as "held talks" is one predicate). Subjects are its
    nsubj/nsubj:pass dependents; objects its obj, iobj, obl:with dependents and
    obl/nmod dependents marked by "với"/"with"; each is widened to its
    conjuncts. A predicate with no subject of its own borrows the subject of the
    verb it is coordinated with or governed by (conj, xcomp). Dependents inside
    the trigger are not arguments. Empty lists when no token covers the trigger.
    With ``heads_only`` each span is the argument's head with its name parts only
    (:func:`name_span`), leaving out relative clauses and modifiers.
    """
    if trigger_end > trigger_start:
        pred = [i for i, t in enumerate(tokens)
                if t.end > t.start and t.start < trigger_end and trigger_start < t.end]
    else:
        pred = [i for i, t in enumerate(tokens) if t.start <= trigger_start < t.end]
    if not pred:
        return [], []
    kids = _children(tokens)
    inside = set(pred)
    subjects: list[int] = []
    objects: list[int] = []
    for p in pred:
        for k in kids[p]:
            if k in inside:
                continue
            if tokens[k].deprel in SUBJECT_RELS:
                subjects.append(k)
            elif _is_object(tokens, kids, k):
                objects.append(k)
    if not subjects:
        subjects = _inherited_subjects(tokens, kids, pred, inside)

    span_of = name_span if heads_only else phrase_span

    def spans(heads: list[int]) -> list[tuple[int, int]]:
        members = sorted({j for h in heads for j in coordinated(tokens, h) if j not in inside})
        return sorted({span_of(tokens, j, kids) for j in members})

    return spans(subjects), spans(objects)


#: Dependents that belong to a head's own name ("Xi" + flat "Jinping"), not to a clause about it.
NAME_RELS = frozenset({"flat", "compound", "fixed", "goeswith"})


def name_span(tokens: list[Token], i: int, kids: list[list[int]] | None = None) -> tuple[int, int]:
    """Character extent of token ``i`` with its name parts (flat/compound), without clauses or
    modifiers: the person an argument phrase is about, not the people its relative clause mentions."""
    kids = kids if kids is not None else _children(tokens)
    members, todo = [i], [i]
    while todo:
        j = todo.pop()
        for k in kids[j]:
            if _base(tokens[k].deprel) in NAME_RELS:
                members.append(k)
                todo.append(k)
    return min(tokens[j].start for j in members), max(tokens[j].end for j in members)


def _inherited_subjects(tokens: list[Token], kids: list[list[int]], pred: list[int], inside: set[int]) -> list[int]:
    """The subject of the nearest governing verb, following conj/xcomp up from the predicate's head."""
    heads = [p for p in pred if tokens[p].head not in inside]
    current = heads[0] if heads else pred[0]
    for _ in range(len(tokens)):
        if _base(tokens[current].deprel) not in SUBJECT_SHARING_RELS:
            return []
        governor = tokens[current].head
        if not 0 <= governor < len(tokens):
            return []
        found = [k for k in kids[governor] if tokens[k].deprel in SUBJECT_RELS and k not in inside]
        if found:
            return found
        current = governor
    return []
