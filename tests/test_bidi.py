"""Isolation of opposite-direction runs, and Solar Hijri dates."""

from __future__ import annotations

from datetime import date
from html import escape as html_escape

import pytest
from bidi_isolation import isolate_html, isolate_text, isolate_tokens, isolated_tokens, run_offsets
from calendar_sh import gregorian_equivalent, long_date, month_of_year, solar_hijri
from html_tokens import serialize, tokenize


def test_latin_citation_in_persian_is_isolated_whole() -> None:
    html = isolate_text("به گفتهٔ او (Davutoglu, 2016: 129) ترکیه", "rtl")
    assert '<bdi dir="ltr" class="unbroken">(Davutoglu, 2016: 129)</bdi>' in html


@pytest.mark.parametrize("run", ["S-300", "2016: 129", "https://example.org/a/b", "TİKA"])
def test_ltr_runs_in_rtl_text(run: str) -> None:
    assert f'<bdi dir="ltr" class="unbroken">{run}</bdi>' in isolate_text(f"موشک {run} در متن",
                                                                        "rtl")


def test_long_runs_may_wrap() -> None:
    run = "Strategic Depth: Turkey's International Position (Davutoğlu, 2001: 129)"
    assert f'<bdi dir="ltr">{run}</bdi>' in isolate_text(f"کتاب {run} در متن", "rtl")


def test_plain_numbers_are_left_alone() -> None:
    assert "<bdi" not in isolate_text("در سال 1991 میلادی", "rtl")


@pytest.mark.parametrize("text, isolated", [
    ("شناسه 10.22034/irr.2025.477975.2599 است", "10.22034/irr.2025.477975.2599"),
    ("تعبیر «1991 yılından sonra» (پس از ۱۹۹۱)", "1991 yılından sonra"),
    ("از «19. yüzyıl boyunca Osmanlı» نیمۀ", "19. yüzyıl boyunca Osmanlı"),
    ('تاریخ‌ها: "9 Kasım 1991"، و', '"9 Kasım 1991"'),
])
def test_a_number_that_begins_a_ltr_run_is_isolated_with_it(text: str, isolated: str) -> None:
    """A number joined to the left-to-right words (a DOI), or opening the quotation they are in:
    isolated without it, "irr.2025…" showed left of "10.22034/" and "yılından sonra" left of
    "1991"."""
    assert f'<bdi dir="ltr" class="unbroken">{isolated}</bdi>' in isolate_text(text, "rtl")


def test_a_number_of_the_rtl_sentence_stays_outside_the_ltr_run_after_it() -> None:
    html = isolate_text("بروتوكول بيشكيك في عام 1994 (Sanal Karabag, 2024). و عام 2020 Bayraktar TB2",
                        "rtl")
    assert 'عام 1994 <bdi dir="ltr" class="unbroken">(Sanal Karabag, 2024)</bdi>' in html
    assert 'عام 2020 <bdi dir="ltr" class="unbroken">Bayraktar TB2</bdi>' in html


@pytest.mark.parametrize("run, language", [
    ("قدرت نرم در اتحاد راهبردی", "fa"),  # ی, and the Persian digits, ZWNJ and letters پ چ ژ گ ک
    ("مطالعات ۱۴۰۳", "fa"), ("می\u200cشود", "fa"),
    ("القوة الناعمة", "ar"), ("للتعاون العسكري", "ar"), ("جوزيف ناي", "ar"), ("٢٠٢٠ كانون", "ar"),
    ("شوشا", None), ("قدرت نرم", None),  # nothing only one of them writes
    ("فارسی, العربية", None),  # both
])
def test_the_letters_of_a_run_tell_persian_from_arabic(run: str, language: str | None) -> None:
    from run_language import script_language

    assert script_language(run) == language


def test_a_persian_or_arabic_run_in_english_says_its_language() -> None:
    """A screen reader reads a run in the voice of its `lang`: without one, in the English
    voice of the page."""
    html = isolate_text("the papers «نقش قدرت نرم در اتحاد راهبردی» and «القوة الناعمة», and «شوشا»",
                        "ltr")
    assert '<bdi dir="rtl" lang="fa" class="unbroken">«نقش قدرت نرم در اتحاد راهبردی»</bdi>' in html
    assert '<bdi dir="rtl" lang="ar" class="unbroken">«القوة الناعمة»</bdi>' in html
    assert '<bdi dir="rtl" class="unbroken">«شوشا»</bdi>' in html


def test_arabic_inside_persian_text_says_its_language() -> None:
    """In a Persian page, a stretch wholly in Arabic letters (a quoted word, a table cell) is
    marked; Persian around it, and Arabic in an Arabic page, are not."""
    html = isolate_text("«يارس» (Yars) موشک بالستیک است", "rtl", "fa")
    assert html.startswith('<span lang="ar">«يارس» </span><bdi dir="ltr"')
    assert "موشک بالستیک است" in html and html.count("<span") == 1
    assert isolate_text("«يارس» صاروخ", "rtl", "ar") == "«يارس» صاروخ"
    assert isolate_text("جمهوری آذربایجان", "rtl", "ar") == \
        '<span lang="fa">جمهوری آذربایجان</span>'


def test_a_run_no_letter_identifies_takes_the_language_of_the_quoted_paper() -> None:
    assert isolate_text("the place «شوشا» here", "ltr", "en", "ar") == \
        'the place <bdi dir="rtl" lang="ar" class="unbroken">«شوشا»</bdi> here'
    assert 'lang="fa"' in isolate_text("the place «جمهوری» here", "ltr", "en", "ar")


def test_a_quotation_in_the_other_right_to_left_language_says_so() -> None:
    """Inside Persian text, an Arabic «quotation» says it is Arabic, and inside Arabic text a
    Persian one Persian: by their letters, or, where the text quotes the Arabic paper, by the
    Arabic article. The article alone does not make a Persian word Arabic («بالقوه»), and a
    quotation in the text's own language is left as it is."""
    assert isolate_text("نویسنده «الباحث» را به کار می‌برد.", "rtl", "fa", "ar") == \
        'نویسنده <span lang="ar">«الباحث»</span> را به کار می‌برد.'
    assert isolate_text("ولا تُكتب «دانشکدۀ» هنا.", "rtl", "ar") == \
        'ولا تُكتب <span lang="fa">«دانشکدۀ»</span> هنا.'
    assert isolate_text("آن را «يک دولت» نامید", "rtl", "fa") == "آن را «يک دولت» نامید"
    for paper in ("", "tr", "fa"):
        assert "lang" not in isolate_text("اصطلاح «بالقوه» را می‌آورد.", "rtl", "fa", paper)
    assert "lang" not in isolate_text("نویسنده «الگو» را می‌آورد.", "rtl", "fa", "ar")


def test_a_name_no_letter_identifies_says_the_language_that_writes_it_so() -> None:
    """«نخجوان» is the index's Persian name of Nakhchivan (the Arabic is «ناختشيفان»): in English
    text, and as a cell of an Arabic page's table, it is marked Persian; a name both write is
    not, and letters still come first."""
    names = {"نخجوان": "fa", "أحمد داود أوغلو": "ar"}
    assert isolate_text("the form «نخجوان» here", "ltr", "en", "", names) == \
        'the form <bdi dir="rtl" lang="fa" class="unbroken">«نخجوان»</bdi> here'
    assert isolate_text("نخجوان", "rtl", "ar", "", names) == '<span lang="fa">نخجوان</span>'
    assert isolate_text("أحمد داود أوغلو", "rtl", "fa", "", names) == \
        '<span lang="ar">أحمد داود أوغلو</span>'
    assert "lang" not in isolate_text("the form «شوشا» here", "ltr", "en", "", names)
    assert 'lang="fa"' in isolate_text("«نخجوان» and «شوشا»", "ltr", "en", "", names)
    assert run_offsets("the form «نخجوان» here", "ltr", "", names) == "9:17:fa"


def test_on_a_papers_page_a_run_no_letter_identifies_quotes_the_paper() -> None:
    """The page of a Persian paper: its summary's note quoting «بام» is Persian, outside the
    excerpts too; an excerpt of another paper embedded there keeps its own language."""
    summary = '<p>the acronym «بام» here</p>'
    page = summary + '<article data-lang="ar"><p>the place «شوشا» here</p></article>'
    out = serialize(isolate_tokens(tokenize(page), "ltr", "en", "fa"))
    assert '<bdi dir="rtl" lang="fa" class="unbroken">«بام»</bdi>' in out
    assert '<bdi dir="rtl" lang="ar" class="unbroken">«شوشا»</bdi>' in out
    # on any other page it is left unnamed
    assert 'lang' not in serialize(isolate_tokens(tokenize(summary), "ltr", "en"))


def test_a_list_in_english_of_persian_words_keeps_its_order() -> None:
    """A Latin comma between Persian or Arabic words in English text separates the items of the
    English sentence's list: one run would show the list backwards ("داوری ,داور ,دآوری")."""
    html = isolate_text("spells the name three ways: دآوری, داور, داوری.", "ltr")
    assert html.count("<bdi") == 3 and ">دآوری</bdi>, <bdi" in html
    html = isolate_text("the forms «دانشکدۀ», «اعلامیۀ شوشا» and «می‌شود»", "ltr")
    assert html.count("<bdi") == 3
    # the Arabic comma stays inside a run
    assert isolate_text("the citation «(تقی زاده داور، ۱۳۸۹؛ ۳۳۸)»", "ltr").count("<bdi") == 1


def test_a_quoted_arabic_form_opening_with_a_number_is_one_run() -> None:
    """The Arabic paper's reversed model numbers, quoted as printed («300-صواريخ إس»), read
    right to left as the source prints them; a number before a word outside a quotation stays
    with the English sentence."""
    html = isolate_text("reversed («300-صواريخ إس», «90-ومنها دبابة تي»). Each", "ltr")
    assert '<bdi dir="rtl" lang="ar" class="unbroken">«300-صواريخ إس»</bdi>' in html
    assert '<bdi dir="rtl" lang="ar" class="unbroken">«90-ومنها دبابة تي»</bdi>' in html
    assert isolate_text("in 2020 حرب", "ltr") == 'in 2020 <bdi dir="rtl" class="unbroken">حرب</bdi>'


def test_a_persian_citation_keeps_its_digits_and_punctuation() -> None:
    """The Persian digits, comma and semicolon after the words belong to the run; Western
    numbers after a title (a volume and issue) to the English around it."""
    assert '«<bdi dir="rtl" lang="fa" class="unbroken">(تقی زاده داور، ۱۳۸۹؛ ۳۳۸)</bdi>»' in \
        isolate_text("the citation «(تقی زاده داور، ۱۳۸۹؛ ۳۳۸)», that is", "ltr")
    assert '<bdi dir="rtl" lang="fa">نقش قدرت نرم. مطالعات اوراسیای مرکزی</bdi>, 17(2)' in \
        isolate_text("Kazemi (1403). نقش قدرت نرم. مطالعات اوراسیای مرکزی, 17(2), 251–278.", "ltr")


def test_a_bracket_a_run_opens_and_does_not_close_stays_with_the_text_around() -> None:
    """A run ends before a parenthesis it opens but does not close: the date in it belongs to
    the Arabic sentence, and a parenthesis of a Turkish sentence holding Arabic words is the
    sentence's, each quotation in it isolated on its own."""
    arabic = "سحب الرئيس سيرج سركيسيان Serzh Sargsyan (9 أبريل 2008- 9 أبريل 2018) البروتوكول"
    assert '<bdi dir="ltr" class="unbroken">Serzh Sargsyan</bdi> (9 أبريل ' \
        in isolate_text(arabic, "rtl", "ar")
    assert isolate_text("«ال» («المنطقة» kelimesini tamamlayan)", "ltr", "tr", "ar") == (
        '<bdi dir="rtl" lang="ar" class="unbroken">«ال»</bdi> ('
        '<bdi dir="rtl" lang="ar" class="unbroken">«المنطقة»</bdi> kelimesini tamamlayan)')
    assert run_offsets(arabic, "rtl") == "25:39"  # as the pages isolate it


@pytest.mark.parametrize("text, isolated", [
    ("في الفترة 1992- 1994 كانت", "1992- 1994"), ("بين 1988 – 1994 وقعت", "1988 – 1994"),
    ("يوم 9–10 تشرين الثاني", "9–10"), ("الصفحات 251–278.", "251–278"),
])
def test_a_range_of_numbers_is_one_run_and_two_dates_are_not(text: str, isolated: str) -> None:
    """A range of numbers in right-to-left text stands left to right as one run; the year that
    ends one date and the day that starts the next, on either side of a dash, are not a range:
    isolated as one, «(9 أبريل 2008- 9 أبريل 2018)» was read «9 أبريل 9 -2008 أبريل 2018»."""
    assert f'<bdi dir="ltr" class="unbroken">{isolated}</bdi>' in isolate_text(text, "rtl", "ar")
    for dates in ("(9 أبريل 2008- 9 أبريل 2018)", "28 تموز/يوليو 1914 – 11 تشرين الثاني"):
        assert "<bdi" not in isolate_text(dates, "rtl", "ar")


def test_quotations_an_english_semicolon_parts_are_runs_of_their_own() -> None:
    """A Latin semicolon belongs to the English sentence (Arabic writes «؛»): two quotations it
    parts are two runs, in the sentence's order; an ellipsis inside a quotation is part of it."""
    text = "«يمكن»; «لردٍّّ … لدعم» is read «ردٍّ … للدعم»"
    assert isolate_text(text, "ltr", "en", "ar") == (
        '<bdi dir="rtl" lang="ar" class="unbroken">«يمكن»</bdi>; '
        '<bdi dir="rtl" lang="ar" class="unbroken">«لردٍّّ … لدعم»</bdi> is read '
        '<bdi dir="rtl" lang="ar" class="unbroken">«ردٍّ … للدعم»</bdi>')
    # Arabic's own semicolon stays inside a run
    assert isolate_text("the citation «(تقی زاده داور، ۱۳۸۹؛ ۳۳۸)»", "ltr").count("<bdi") == 1


def test_rtl_words_in_english_are_isolated_with_guillemets() -> None:
    html = isolate_text("the term «قدرت نرم» means soft power", "ltr")
    assert '<bdi dir="rtl" class="unbroken">«قدرت نرم»</bdi>' in html


def test_text_is_escaped() -> None:
    assert isolate_text("a < b & c", "ltr") == "a &lt; b &amp; c"


def test_html_follows_dir_attributes_and_skips_code() -> None:
    html = isolate_html('<p>English <span dir="rtl">متن (Nye, 2004) است</span> '
                        "<code>کد</code> and مقاله</p>", "ltr")
    assert '<bdi dir="ltr" class="unbroken">(Nye, 2004)</bdi>' in html
    assert "<code>کد</code>" in html
    assert '<bdi dir="rtl" class="unbroken">مقاله</bdi>' in html


def test_html_entities_survive() -> None:
    assert isolate_html("<p>Kazemi &amp; Salehi</p>", "rtl") == \
        '<p><bdi dir="ltr" class="unbroken">Kazemi &amp; Salehi</bdi></p>'


@pytest.mark.parametrize("sh, gregorian", [
    ("1403/05/19", "9 August 2024"),
    ("1403/11/19", "7 February 2025"),
    ("1403/01/01", "20 March 2024"),
    ("1403/12/30", "20 March 2025"),
    ("۱۴۰۳/۰۵/۱۲", "2 August 2024"),
    ("1403", "2024–2025"),
])
def test_solar_hijri_to_gregorian(sh: str, gregorian: str) -> None:
    assert gregorian_equivalent(sh) == gregorian


@pytest.mark.parametrize("iso, sh", [
    ("2020-09-27", "1399/07/06"),
    ("1054", "432–433"),
    ("0622-06", "≈ 1/03"),
    ("0622-02", ""),
    ("0622", ""),
    ("0500-05-01", ""),
    ("0001", ""),
    ("9999-12-31", ""),
])
def test_a_date_the_solar_hijri_calendar_does_not_count_has_no_solar_hijri_date(
        iso: str, sh: str) -> None:
    """An event before the calendar's first day (March 622) stopped the build with a traceback
    in the Persian edition."""
    assert solar_hijri(iso) == sh


def test_unknown_date_forms_are_not_converted() -> None:
    assert gregorian_equivalent("Autumn 1403") is None


@pytest.mark.parametrize("edition, day, written", [
    ("en", date(2024, 8, 9), "9 August 2024"),
    ("tr", date(2024, 8, 9), "9 Ağustos 2024"),
    ("fa", date(2024, 8, 9), "۹ اوت ۲۰۲۴"),
    ("fa", date(2021, 1, 30), "۳۰ ژانویۀ ۲۰۲۱"),
    ("fa", date(1994, 5, 12), "۱۲ مۀ ۱۹۹۴"),
    ("ar", date(2024, 8, 9), "9 آب/أغسطس 2024"),
    ("ar", date(1991, 11, 9), "9 تشرين الثاني/نوفمبر 1991"),
    ("ar", date(1992, 1, 14), "14 كانون الثاني/يناير 1992"),
])
def test_a_date_is_written_as_the_editions_prose_writes_it(edition: str, day: date,
                                                           written: str) -> None:
    """The style guide's month names: the Persian ezafe «ۀ» (the CLDR writes «ژانویهٔ»), the
    Arabic Levantine and Egyptian names."""
    assert long_date(day, edition) == written


def test_every_month_is_written_in_the_house_style() -> None:
    for month in range(1, 13):
        assert "\u0647\u0654" not in month_of_year(2020, month, "fa")
        levantine, egyptian = month_of_year(2020, month, "ar").removesuffix(" 2020").split("/")
        assert levantine and egyptian and levantine != egyptian
    assert month_of_year(2020, 11, "ar") == "تشرين الثاني/نوفمبر 2020"


def test_a_quoted_ltr_phrase_is_isolated_with_its_quotation_marks() -> None:
    """The marks, and the dots that end the quotation, read with the phrase, not against it."""
    html = isolate_text("به صورت 'the coordination of forces ...' و 'the the'، آمده", "rtl")
    assert '<bdi dir="ltr" class="unbroken">\'the coordination of forces ...\'</bdi>' in html
    assert '<bdi dir="ltr" class="unbroken">\'the the\'</bdi>،' in html
    assert '<bdi dir="ltr" class="unbroken">"Tibilisi"</bdi>' in isolate_text('و"Tibilisi" رسم', "rtl")
    assert '<bdi dir="ltr" class="unbroken">"Bülent Ersoy"</bdi>' in isolate_text(
        'بـ"Bülent Ersoy"؛ والمقصود', "rtl")
    curly = isolate_text("عبارت “Soft power” را", "rtl")
    assert '<bdi dir="ltr" class="unbroken">“Soft power”</bdi>' in curly


def test_an_apostrophe_or_an_unclosed_mark_stays_outside() -> None:
    assert "'<bdi" in isolate_text("ترکیه's نقش", "rtl")
    assert isolate_text("به صورت 'Shushi و بعد", "rtl").startswith("به صورت '<bdi")


def test_run_offsets_count_as_the_browser_does() -> None:
    """The runs the search dialog isolates, in UTF-16 code units: a character outside the Basic
    Multilingual Plane counts two."""
    text = "به گفتهٔ او (Davutoglu, 2016: 129) ترکیه"
    start = text.index("(")
    assert run_offsets(text, "rtl") == f"{start}:{start + len('(Davutoglu, 2016: 129)')}"
    assert run_offsets("\U0001d11e " + text, "rtl") == f"{start + 3}:{start + 3 + 22}"
    assert run_offsets("the term «قدرت نرم» means", "ltr") == "9:19"
    assert run_offsets("the term «القوة الناعمة» means", "ltr") == "9:24:ar"
    assert run_offsets("بدون هیچ واژهٔ لاتین", "rtl") == ""
    # a run of Turkish words in Persian text says its language, as on the page
    assert run_offsets("عبارت «Buna rağmen» در متن", "rtl") == "7:18:tr"
    # a run no letter identifies: the language of the paper the text quotes, if it has one
    assert run_offsets("the acronym «بام» here", "ltr") == "12:17"
    assert run_offsets("the acronym «بام» here", "ltr", "fa") == "12:17:fa"
    assert run_offsets("the term «القوة الناعمة» means", "ltr", "fa") == "9:24:ar"


_TITLES = {"Kardeşlikten Stratejik İttifaka": "tr"}


def test_a_turkish_title_says_its_language_in_other_text() -> None:
    """A paper's title in the Latin script inside an English citation label, and isolated in
    Persian text; not in Turkish text, where it is in the language around it."""
    label = "[Kardeşlikten Stratejik İttifaka] n.d., ¶20"
    assert isolate_text(label, "ltr", "en", titles=_TITLES) == \
        '[<span lang="tr">Kardeşlikten Stratejik İttifaka</span>] n.d., ¶20'
    assert isolate_text(label, "ltr", "tr", titles=_TITLES) == html_escape(label)
    persian = "[Kardeşlikten Stratejik İttifaka] بی‌تا، ¶۲۰"
    assert '<bdi dir="ltr" lang="tr" class="unbroken">Kardeşlikten Stratejik İttifaka</bdi>' in \
        isolate_text(persian, "rtl", "fa", titles=_TITLES)
    assert 'lang="tr"' not in isolate_text("Kardeşlik", "ltr", "en", titles=_TITLES)


@pytest.mark.parametrize("text, direction, language", [
    ("[Kardeşlikten Stratejik İttifaka] بی‌تا، ¶۲۰ & <b>", "rtl", "fa"),
    ("[Kardeşlikten Stratejik İttifaka] n.d., ¶20", "ltr", "en"),
    ("the form «نخجوان» and «شوشا», «أحمد داود أوغلو» (Yars) here", "ltr", "en"),
    ("نویسنده «الباحث» را (Davutoglu, 2016: 129) به کار می‌برد.", "rtl", "fa"),
    ("جمهوری آذربایجان", "rtl", "ar"),
    ("no run at all", "ltr", "en"),
    ("", "rtl", "fa"),
])
def test_the_isolated_tokens_are_what_the_tokenizer_reads_back(text: str, direction: str,
                                                               language: str) -> None:
    """A page's later stages read the tokens the isolation gives without parsing them again:
    they are exactly the tokens of the markup they write (names, attributes, text runs)."""
    names = {"نخجوان": "fa", "أحمد داود أوغلو": "ar"}
    tokens = isolated_tokens(text, direction, language, "", names, _TITLES)
    assert tokens == tokenize(serialize(tokens))
    assert serialize(tokens) == isolate_text(text, direction, language, "", names, _TITLES)


def test_the_search_results_mark_a_turkish_title_in_english_text() -> None:
    """The offsets the search dialog marks (`run_offsets`): a Turkish title in an English label
    with its language, among the runs written against the text; not in Turkish text."""
    label = "[Kardeşlikten Stratejik İttifaka] n.d., ¶20, «قدرت نرم»"
    assert run_offsets(label, "ltr", titles=_TITLES, language="en") == "1:32:tr,45:55"
    assert run_offsets(label, "ltr", titles=_TITLES, language="tr") == "45:55"


def test_turkish_words_in_persian_text_say_their_language() -> None:
    """A Latin run with a letter only Turkish writes (of the site's two Latin-script languages)
    is Turkish inside Persian or Arabic text; an English word or a citation is left to its text."""
    html = isolate_text("واژۀ «Buna rağmen» و «Daily» و (Nye)", "rtl", "fa")
    assert '<bdi dir="ltr" lang="tr" class="unbroken">Buna rağmen</bdi>' in html
    assert '<bdi dir="ltr" class="unbroken">Daily</bdi>' in html
    assert '<bdi dir="ltr" class="unbroken">(Nye)</bdi>' in html


def test_english_phrases_in_persian_and_arabic_text_say_their_language() -> None:
    """A Latin run with a word English writes and Turkish does not is English inside Persian or
    Arabic text (a screen reader read «(The Middle Corridor)» in the Arabic voice), a Turkish
    name in it too; the search dialog says so by the same rule."""
    html = isolate_text("الممر الأوسط (The Middle Corridor) و (Davutoğlu and Others, 2016) و "
                        "(Nye, 1990)", "rtl", "ar")
    assert '<bdi dir="ltr" lang="en" class="unbroken">(The Middle Corridor)</bdi>' in html
    assert '<bdi dir="ltr" lang="en" class="unbroken">(Davutoğlu and Others, 2016)</bdi>' in html
    assert '<bdi dir="ltr" class="unbroken">(Nye, 1990)</bdi>' in html
    # Turkish joins with «ve»: a Turkish phrase stays Turkish
    assert 'lang="tr"' in isolate_text("عبارت «Türkiye ve Azerbaycan» در متن", "rtl", "fa")
    assert run_offsets("الممر (The Middle Corridor) هنا", "rtl") == "6:27:en"


def test_english_the_editors_marked_is_not_taken_for_turkish() -> None:
    """Inside an element the editors marked English in Persian text, a run with «ü» in a name
    («different character of Azerbaijan and Türkiye») stays English."""
    tokens = tokenize('<p lang="fa" dir="rtl">متن انگلیسی «<span lang="en">different character'
                      ' of Azerbaijan and Türkiye</span>» را</p>')
    html = serialize(isolate_tokens(tokens, "ltr"))
    assert '<bdi dir="ltr">different character of Azerbaijan and Türkiye</bdi>' in html
    assert 'lang="tr"' not in html



def test_a_latin_quotation_in_a_note_on_a_turkish_paper_quotes_it() -> None:
    """In Persian or Arabic text on a Turkish paper's excerpt, a Latin run that is a whole
    «quotation» is the paper's Turkish, whatever its letters («Daha sonra imzalanan»); a Latin
    word outside guillemets, or a quotation on another paper, is left to its text; and a
    Persian run in left-to-right text on a Turkish paper is not taken for Turkish."""
    text = "پس «Daha sonra imzalanan» نبود؛ نه (Nye) و نه [besides]."
    html = isolate_text(text, "rtl", "fa", quoted="tr")
    assert '<bdi dir="ltr" lang="tr" class="unbroken">Daha sonra imzalanan</bdi>' in html
    assert html.count('lang="tr"') == 1
    assert 'lang="tr"' not in isolate_text(text, "rtl", "fa", quoted="fa")
    assert 'lang="tr"' not in isolate_text(text, "rtl", "fa")
    assert run_offsets(text, "rtl", quoted="tr").split(",")[0] == "4:24:tr"
    assert run_offsets(text, "rtl", quoted="").split(",")[0] == "4:24"
    assert 'lang="tr"' not in isolate_text("The word «یک» here", "ltr", "en", quoted="tr")
    article = tokenize('<article class="excerpt" data-lang="tr"><p lang="fa" dir="rtl">'
                       f'{text}</p></article>')
    assert 'lang="tr" class="unbroken">Daha sonra' in serialize(isolate_tokens(article, "rtl",
                                                                               "fa"))


def test_a_run_the_page_marks_in_another_language_says_so_in_the_search_dialog() -> None:
    """`run_offsets` with the runs a page marks (`search_marks`): one that is a run it finds
    gives it its language, one in the text's own direction is added, one that crosses the edge
    of a run it finds is joined with it."""
    text = "Joseph Nye, Bound to Lead kitabında"
    assert run_offsets(text, "ltr", language="tr", marks=[(12, 25, "en")]) == "12:25:en"
    persian = "نظریه (Bound to Lead) است"
    assert run_offsets(persian, "rtl") == "6:21"
    assert run_offsets(persian, "rtl", marks=[(6, 21, "en")]) == "6:21:en"
    # the run of its words ends before the full stop the marked paragraph holds
    english = "چکیده Abstract of the paper. پایان"
    assert run_offsets(english, "rtl") == "6:27:en"
    assert run_offsets(english, "rtl", marks=[(15, 28, "en")]) == "6:28:en"
    # a marked run inside one found is listed after it
    assert run_offsets(persian, "rtl", marks=[(7, 12, "en")]) == "6:21,7:12:en"


@pytest.mark.parametrize("markup, isolated", [
    ("کتاب <em>Stratejik</em> Derinlik را", '<bdi dir="ltr" class="unbroken"><em>Stratejik</em> '
     "Derinlik</bdi>"),
    ("و H<sub>2</sub>O و", '<bdi dir="ltr" class="unbroken">H<sub>2</sub>O</bdi>'),
    ("و CO<sub>2</sub> را", '<bdi dir="ltr" class="unbroken">CO<sub>2</sub></bdi>'),
    ('کتاب <a href="x">The <strong>Grand</strong> Chessboard</a>، و',
     '<bdi dir="ltr" class="unbroken"><a href="x">The <strong>Grand</strong> Chessboard</a></bdi>'),
])
def test_a_phrase_inline_markup_splits_is_isolated_whole(markup: str, isolated: str) -> None:
    """Isolated apart, the words of a Latin phrase that emphasis, a link or a subscript splits
    came out in the order of the Persian around them (Derinlik Stratejik, O₂H)."""
    assert isolated in isolate_html(f"<p>{markup}</p>", "rtl")
    assert isolate_html(f"<p>{markup}</p>", "rtl").count("<bdi") == 1


@pytest.mark.parametrize("markup, direction, count", [
    # buttons, and a footnote's number: items of their own
    ('متن <a class="md-button" href="x">BibTeX</a> <a class="md-button" href="y">RIS</a> متن',
     "rtl", 2),
    ('متن Derinlik<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> متن', "rtl",
     1),
    # two runs of one text that the rule of runs parts (a list, by its Latin commas)
    ("<p>spelt three ways: دآوری, داور, داوری.</p>", "ltr", 3),
    # a run across the end of an element it did not open
    ("<p><em>متن Stratejik</em> Derinlik</p>", "rtl", 2),
])
def test_isolates_that_are_not_one_phrase_stay_apart(markup: str, direction: str,
                                                     count: int) -> None:
    out = isolate_html(markup, direction)
    assert out.count("<bdi") == count and out.count("</bdi>") == count, out
    assert "</bdi><sup" in out or "<sup" not in out, out


def test_a_split_phrase_reads_in_order_in_chromium(project_copy, tmp_path, browser) -> None:
    """Built and shown: in a Persian page, the words of `*Stratejik* Derinlik` and the letters of
    `H~2~O` stand left to right, as written, in Chromium and in the PDF's text layer."""
    import shutil
    import subprocess

    from conftest import ROOT, mkdocs_build, served

    shutil.copytree(ROOT / "docs" / "assets", project_copy / "docs" / "assets")  # the PDFs' fonts
    page_md = project_copy / "docs" / "fa" / "papers" / "nemune.md"
    page_md.write_text(page_md.read_text(encoding="utf-8")
                       + "\nنویسنده کتاب *Stratejik* Derinlik را خواند و H~2~O را نوشت.\n",
                       encoding="utf-8")
    built = mkdocs_build(project_copy, tmp_path / "site", pdf="1")
    assert built.returncode == 0, built.stderr[-2000:]
    text = subprocess.run(["pdftotext", str(tmp_path / "site" / "pdf" / "fa" / "nemune.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Stratejik Derinlik" in text and "H2O" in text, text
    page = browser.new_page()
    with served(tmp_path / "site") as address:
        page.goto(address + "fa/papers/nemune/")
        left = page.evaluate("""() => {
          const p = [...document.querySelectorAll('article p')].find(
            p => p.textContent.includes('Derinlik'));
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const at = {};
          for (let node; (node = walker.nextNode());) {
            for (const word of ['Stratejik', 'Derinlik', 'H', '2', 'O']) {
              const i = node.textContent.indexOf(word);
              if (i < 0 || word in at) continue;
              const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + word.length);
              at[word] = r.getBoundingClientRect().left;
            }
          }
          return at; }""")
    page.close()
    assert left["Stratejik"] < left["Derinlik"], left
    assert left["H"] < left["2"] < left["O"], left


def test_a_persian_phrase_emphasis_splits_in_english_text_is_isolated_whole() -> None:
    """The same in left-to-right text: a word whose letters do not tell Persian from Arabic
    (عمق) joins the one whose letters do, and the phrase says its language; two runs that say
    different languages stay apart."""
    out = isolate_html("<p>the book <em>عمق</em> راهبردی is by Davutoğlu</p>", "ltr")
    assert '<bdi dir="rtl" lang="fa" class="unbroken"><em>عمق</em> راهبردی</bdi>' in out
    apart = isolate_html("<p>see <em>قومی</em> قومي here</p>", "ltr")
    assert apart.count("<bdi") == 2 and 'lang="fa"' in apart and 'lang="ar"' in apart, apart
