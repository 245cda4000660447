"""The language registry: every supported language has a complete profile, the shared stages
ask it instead of testing the language code, and a text of unknown language gets every rule."""
from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from pipeline.lang import UnsupportedLanguage, has_profile, joined, languages, profile, profiles, word_set
from pipeline.lang.base import DateGrammar, FrameCues, LanguageProfile, NameRules, StageWords
from pipeline.stages.dates import find_dates, find_durations

STAGES = Path(__file__).resolve().parents[2] / "pipeline" / "stages"


@pytest.mark.parametrize("code", languages())
def test_each_language_profile_is_registered_under_its_own_code_and_fills_every_field(code):
    p = profile(code)
    assert isinstance(p, LanguageProfile) and p.code == code
    assert isinstance(p.cues, FrameCues) and isinstance(p.names, NameRules) and isinstance(p.dates, DateGrammar)
    for f in dataclasses.fields(FrameCues):
        assert isinstance(getattr(p.cues, f.name), re.Pattern), f.name
    assert callable(p.dates.candidates) and callable(p.dates.durations) and p.dates.prefilter_words
    assert isinstance(p.words, StageWords)
    for f in dataclasses.fields(StageWords):
        value = getattr(p.words, f.name)
        if isinstance(value, str):
            re.compile(value)  # each language's words are valid alternatives on their own
        else:
            assert isinstance(value, tuple) and all(isinstance(w, str) and w for w in value), f.name


def test_stage_words_are_joined_over_every_language_in_registry_order():
    assert joined("at_place") == r"\btại|\bở|\bin|\bat"  # Vietnamese first, as the registry
    assert joined("led_by_name_before") == profile("vi").words.led_by_name_before  # English adds nothing
    assert joined("until_weekday") == profile("en").words.until_weekday  # Vietnamese adds nothing
    assert word_set("comitative_cases") == {"với", "with"}
    assert joined("of_words", "names") == "của|of"  # another part of the profile


def test_a_field_no_language_fills_never_matches(monkeypatch):
    import pipeline.lang as lang

    empty = [dataclasses.replace(p, words=dataclasses.replace(p.words, spouse="")) for p in profiles()]
    monkeypatch.setattr(lang, "profiles", lambda: tuple(empty))
    assert lang.joined("spouse") == "(?!)" and not re.search(lang.joined("spouse"), "his wife")


def test_an_unknown_language_code_is_refused_with_the_supported_ones():
    assert not has_profile("fr") and not has_profile(None)
    with pytest.raises(UnsupportedLanguage, match="'fr'.*'vi'.*'en'"):
        profile("fr")


def test_profiles_come_in_registry_order():
    assert tuple(p.code for p in profiles()) == languages() == ("vi", "en")


def _language_tests(path: Path) -> list[str]:
    """Comparisons in a module that test a language code: against a registered code written out,
    or of a ``lang`` name or attribute against any string ("lang == 'vi'", "self.lang != 'en'").
    Selecting a language's rows of a data file (``row["lang"] == lang``) is a lookup, not a test."""
    codes = set(languages())
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        members = [e for o in operands if isinstance(o, (ast.Tuple, ast.List, ast.Set)) for e in o.elts]
        code = any(isinstance(o, ast.Constant) and o.value in codes for o in operands + members)
        lang = any(isinstance(o, ast.Name) and o.id == "lang" or isinstance(o, ast.Attribute) and o.attr == "lang"
                   for o in operands)
        string = any(isinstance(o, ast.Constant) and isinstance(o.value, str) for o in operands)
        if code or (lang and string):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_shared_stage_compares_a_language_code():
    offenders = [hit for path in sorted(STAGES.glob("*.py")) for hit in _language_tests(path)]
    assert offenders == []


def test_the_guard_above_sees_a_language_test_and_not_a_data_lookup(tmp_path):
    sample = tmp_path / "stage.py"
    sample.write_text('def f(self, lang, row, x):\n'
                      '    a = lang == "vi"\n'
                      '    b = self.lang != "xx"\n'
                      '    c = x in ("en", "fr")\n'
                      '    return row["lang"] == lang\n')
    assert sorted(_language_tests(sample)) == ["stage.py:2", "stage.py:3", "stage.py:4"]


REF = dt.date(2025, 5, 9)


def test_a_text_of_unknown_language_is_read_with_every_language_date_grammar():
    text = "ngày 7/5 (Hà Nội); May 8 (Tokyo)"
    assert [m.text for m in find_dates(text, "vi", REF)] == ["ngày 7/5"]
    assert [m.text for m in find_dates(text, "en", REF)] == ["May 8"]
    assert [(m.text, m.date_start) for m in find_dates(text, "any", REF)] == [
        ("ngày 7/5", "2025-05-07"), ("May 8", "2025-05-08")]


def test_durations_come_from_the_language_grammar_or_from_all_for_an_unknown_language():
    text = "a three-day visit, trong 3 ngày"
    assert [d for _, _, d in find_durations(text, "en")] == [3]
    assert [d for _, _, d in find_durations(text, "vi")] == [3]
    assert len(find_durations(text, "any")) == 2


def test_cues_tried_on_every_article_hold_every_language_words():
    from pipeline.stages.frame_cues import DATE_NOT_EVENT, PAST_DAY_WORDS, REPORT_AFTER

    assert DATE_NOT_EVENT.search("The ministry announced on")["report"]
    assert DATE_NOT_EVENT.search("Bộ Ngoại giao cho biết")["report_day"] and PAST_DAY_WORDS == ("hôm",)
    assert DATE_NOT_EVENT.search("dịp kỷ niệm")["fixed"] and DATE_NOT_EVENT.search("on the anniversary")["fixed"]
    assert REPORT_AFTER.match(", cho hay") and REPORT_AFTER.match(" announced")
    assert not DATE_NOT_EVENT.search("Thủ tướng hội đàm với") and not REPORT_AFTER.match(" met")


# Characters that are facts of the Latin script, not words of a language: "đ" and "Đ" do not
# decompose under NFD, so folding (gazetteer.fold) and the test for diacritics in a name
# (actors._has_vietnamese_letters) name them.
_LETTER_FACTS = {("gazetteer.py", "đĐ"), ("actors.py", "đĐ")}


def _vietnamese_literals(path: Path) -> list[str]:
    """String literals of a module, docstrings aside, holding a letter with a diacritic or "đ":
    a Vietnamese word that belongs in ``pipeline/lang/vi/`` or ``data/``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                and (path.name, node.value) not in _LETTER_FACTS \
                and any(c in "đĐ" or (c.isalpha() and unicodedata.decomposition(c)) for c in node.value):
            found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_no_shared_stage_writes_a_vietnamese_word():
    offenders = [hit for path in sorted(STAGES.glob("*.py")) for hit in _vietnamese_literals(path)]
    assert offenders == []


def test_the_guard_above_sees_a_vietnamese_word_and_not_a_docstring_or_comment(tmp_path):
    sample = tmp_path / "stage.py"
    sample.write_text('"""Reads "tại"."""\n'
                      'import re\n'
                      '# "thăm"\n'
                      'A = re.compile(r"\\b(?:at|tại)\\s+")\n'
                      'B = f"{A}đến"\n'
                      'C = "Đoàn"\n'
                      'D = "at the"\n', encoding="utf-8")
    assert sorted(h.split(":")[1] for h in _vietnamese_literals(sample)) == ["4", "5", "6"]
