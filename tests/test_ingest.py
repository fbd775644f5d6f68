"""Input readers: encodings, refusals, HTML main text, JSON Lines rows, dates, folder walking."""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.document import Article, content_hash
from rasd.errors import DateError, EncodingError, InputError, LanguageError, TooLargeError
from rasd.ingest import decode_bytes, detect_language, iter_articles, parse_published, read_path
from rasd.ingest.decode import human_size, iso_date
from rasd.ingest.html import _strip_site, article_from_html, extract_page, looks_like_html

DATA = Path(__file__).parent / "data" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Invented sentences, written for these tests.
AR = "هبت رياح قوية على الساحل الشرقي صباح اليوم.\nوأغلقت السلطات الميناء أمام قوارب الصيد الصغيرة."
AR_TITLE = "رياح قوية تغلق الميناء"
AR_ARTICLE = f"{AR_TITLE}\n\n{AR}\n"
EN = "The harbour was closed on Monday after strong winds hit the eastern coast, and the boats stayed in."
FR = "Le port a été fermé lundi après des vents forts sur la côte est, et les bateaux sont restés dans le port."


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def html_page(body: str, head: str = "") -> str:
    return f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


# --- decode_bytes -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data", [
    ("utf-8", AR.encode("utf-8")),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + AR.encode("utf-8")),
    ("utf-16-le with BOM", b"\xff\xfe" + AR.encode("utf-16-le")),
    ("utf-16-be with BOM", b"\xfe\xff" + AR.encode("utf-16-be")),
    ("windows-1256", AR.encode("cp1256")),
])
def test_decode_bytes_reads_each_supported_encoding(name, data):
    assert decode_bytes(data, name) == AR


@pytest.mark.parametrize("raw, expected", [
    ("سطر أول\r\nسطر ثان\r\n", "سطر أول\nسطر ثان\n"),
    ("سطر أول\rسطر ثان", "سطر أول\nسطر ثان"),
    ("سطر أول\r\n\r\nسطر ثان", "سطر أول\n\nسطر ثان"),
])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "utf-16"])
def test_decode_bytes_normalises_line_endings(raw, expected, encoding):
    assert decode_bytes(raw.encode(encoding), "x.txt") == expected


@pytest.mark.parametrize("text", [
    "  مسافة في البداية\tوجدولة\u00a0ومسافة غير قابلة للكسر  \n\n\nوأسطر فارغة  ",
    "تشكيل: كَتَبَ، وتطويل: كـــتب، وأرقام: ١٢٣ و 456",
    "\u200fعلامة اتجاه\u200f ونص",
])
def test_decode_bytes_changes_nothing_else(text):
    assert decode_bytes(text.encode("utf-8"), "x.txt") == text


@pytest.mark.parametrize("name, data, kind", [
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ("gif", b"GIF89a\x01\x00\x01\x00", "GIF"),
    ("zip", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ("elf", b"\x7fELF\x02\x01\x01", "ELF"),
    ("nul", random.Random(7).randbytes(200) + b"\x00" + random.Random(8).randbytes(200), "NUL bytes"),
    ("utf-16 without BOM", AR.encode("utf-16-le"), "NUL bytes"),
    ("control characters", bytes(range(1, 9)) * 20 + "نص".encode(), "control characters"),
])
def test_decode_bytes_refuses_binary_by_kind(name, data, kind):
    with pytest.raises(EncodingError, match="binary file") as caught:
        decode_bytes(data, name)
    assert kind in str(caught.value)
    assert str(caught.value).startswith(f"{name}: ")


def test_decode_bytes_refuses_empty_input():
    with pytest.raises(InputError, match="file is empty"):
        decode_bytes(b"", "empty.txt")


@pytest.mark.parametrize("data, reason", [
    (AR.encode("utf-8")[:20] + b"\xff" + AR.encode("utf-8")[20:], "damaged bytes at offset 20"),
    ((AR + "ب").encode("utf-8")[:-1], "ends in the middle of a character"),
    (FR.encode("latin-1"), "not valid text in UTF-8, UTF-16 or Windows-1256"),
    (b"\xef\xbb\xbf" + b"\xd8\xd8\xd8", "not valid UTF-8"),
])
def test_decode_bytes_refuses_text_it_cannot_decode(data, reason):
    with pytest.raises(EncodingError, match=reason):
        decode_bytes(data, "bad.txt")


def test_decode_bytes_does_not_take_damaged_utf8_for_windows_1256():
    # One bad byte among good UTF-8 Arabic must not turn the whole file into cp1256 mojibake.
    data = AR.encode("utf-8") + b"\xa0" + AR.encode("utf-8")
    with pytest.raises(EncodingError, match="UTF-8"):
        decode_bytes(data, "x.txt")


# --- detect_language ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (AR, "ar"),
    ("أعلنت وكالة AFP أن المتحدث باسم NATO وصل إلى المدينة", "ar"),
    (EN, "English (latin script)"),
    (FR, "French (latin script)"),
    ("Сильный ветер закрыл порт на восточном побережье", "cyrillic script"),
    ("این یک متن کوتاه فارسی است که برای آزمایش نوشته شده و کاملاً فارسی است", "Persian or Urdu (arabic script)"),
    ("12345 - 678 / 90", "no letters"),
    ("", "no letters"),
])
def test_detect_language_names_the_script_seen(text, expected):
    assert detect_language(text) == expected


# --- parse_published and dates ------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2016-10-19", "2016-10-19"),
    ("2016-02-29", "2016-02-29"),
    (" 2020-12-31 ", "2020-12-31"),
])
def test_parse_published_accepts_real_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value, reason", [
    ("2016-02-30", "February 2016 has 29 days"),
    ("2015-02-29", "February 2015 has 28 days"),
    ("2016-13-01", "there is no month 13"),
    ("2016-04-31", "April 2016 has 30 days"),
    ("yesterday", "not a date in the form YYYY-MM-DD"),
    ("2016/10/19", "not a date in the form YYYY-MM-DD"),
    ("19-10-2016", "not a date in the form YYYY-MM-DD"),
    ("2016-10-19T10:00", "not a date in the form YYYY-MM-DD"),
    ("", "not a date in the form YYYY-MM-DD"),
])
def test_parse_published_refuses_with_a_clear_reason(value, reason):
    with pytest.raises(DateError, match=reason) as caught:
        parse_published(value)
    assert "--published" in str(caught.value)


@pytest.mark.parametrize("value, expected", [
    ("2016-10-19", "2016-10-19"),
    ("2016-10-19T09:41:00+01:00", "2016-10-19"),
    ("2016-10-19T09:41:00Z", "2016-10-19"),
    ("2016-10-19 09:41", "2016-10-19"),
    ("2016-10-19T09:41:00.123456", "2016-10-19"),
])
def test_iso_date_takes_the_date_part_of_a_datetime(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("n, expected", [
    (12_300_000, "12.3 MB"), (5_000_000, "5 MB"), (2_500, "2.5 KB"), (999, "999 bytes"), (3 * 10**9, "3 GB"),
])
def test_human_size(n, expected):
    assert human_size(n) == expected


# --- plain text files ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("cp1256", b""),
])
def test_read_path_plain_text_in_each_encoding(tmp_path, encoding, prefix):
    path = write(tmp_path, "storm.txt", prefix + AR_ARTICLE.replace("\n", "\r\n").encode(encoding))
    [article] = read_path(path)
    assert article.text == AR_ARTICLE
    assert article.title == AR_TITLE
    assert article.source == str(path)
    assert article.stem == "storm"
    assert article.doc_id == content_hash(AR_ARTICLE)
    assert (article.published, article.published_source) == (None, None)


def test_read_path_keeps_the_source_as_given(tmp_path, monkeypatch):
    write(tmp_path, "news/storm.txt", AR_ARTICLE)
    monkeypatch.chdir(tmp_path)
    [article] = read_path("news/storm.txt")
    assert article.source == "news/storm.txt"


@pytest.mark.parametrize("text, title", [
    ("\n\n  " + AR_TITLE + "  \n\n" + AR, AR_TITLE),
    ("ب" * 250 + "\n" + AR, None),
    (AR, AR.split("\n")[0]),
])
def test_read_path_plain_text_title_is_a_short_first_line(tmp_path, text, title):
    [article] = read_path(write(tmp_path, "a.txt", text))
    assert article.title == title
    assert article.text == text


def test_read_path_uses_published_from_the_command_line(tmp_path):
    [article] = read_path(write(tmp_path, "a.txt", AR), published="2016-10-19")
    assert (article.published, article.published_source) == ("2016-10-19", "cli")


def test_read_path_refuses_a_bad_published_date(tmp_path):
    with pytest.raises(DateError, match="February 2016 has 29 days"):
        read_path(write(tmp_path, "a.txt", AR), published="2016-02-30")


@pytest.mark.parametrize("name, content, error, reason", [
    ("empty.txt", b"", InputError, "file is empty"),
    ("bom-only.txt", b"\xef\xbb\xbf", InputError, "file is empty"),
    ("blank.txt", b"  \n\t\r\n   \n", InputError, "only whitespace"),
    ("paper.txt", b"%PDF-1.4\n1 0 obj\n<< >>", EncodingError, r"looks like a binary file \(PDF\)"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00", EncodingError, r"looks like a binary file \(PNG image\)"),
    ("english.txt", EN.encode(), LanguageError, r"no Arabic text: the text looks like English \(latin script\)"),
    ("french.txt", FR.encode("utf-8"), LanguageError, r"French \(latin script\)"),
    ("latin1.txt", FR.encode("latin-1"), EncodingError, "not valid text in UTF-8, UTF-16 or Windows-1256"),
    ("numbers.txt", b"123 456\n789", LanguageError, "has no letters"),
])
def test_read_path_refuses_unreadable_text_naming_the_file(tmp_path, name, content, error, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(error, match=reason) as caught:
        read_path(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert caught.value.source == str(path)


def test_read_path_refuses_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")


def test_read_path_refuses_a_directory(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path / "folder.txt")


def test_read_path_refuses_a_file_over_the_limit_before_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(12_300_000)  # sparse: nothing is written, and nothing may be read
    with pytest.raises(TooLargeError, match=r"12\.3 MB of text is over the 5 MB limit \(set --max-size\)"):
        read_path(path)


@pytest.mark.parametrize("max_bytes, ok", [(10_000, True), (50, False)])
def test_read_path_max_bytes_is_configurable(tmp_path, max_bytes, ok):
    path = write(tmp_path, "a.txt", AR)
    if ok:
        assert read_path(path, max_bytes=max_bytes)[0].text == AR
    else:
        with pytest.raises(TooLargeError, match="over the 50 bytes limit"):
            read_path(path, max_bytes=max_bytes)


@pytest.mark.parametrize("start", ["<!DOCTYPE html><html>", "<!doctype html>\n<html>", "  \n<html lang='ar'>", "<HTML>"])
def test_read_path_reads_a_text_file_holding_html_as_html(tmp_path, start):
    lines = AR.splitlines()
    html = f"{start}<body><article><h1>{AR_TITLE}</h1><p>{lines[0]}</p><p>{lines[1]}</p></article></body></html>"
    [article] = read_path(write(tmp_path, "page.txt", html))
    assert article.text == f"{AR_TITLE}\n\n{AR}"
    assert "<" not in article.text


@pytest.mark.parametrize("text, expected", [
    ("<!DOCTYPE html><html>", True),
    ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
    ("<!-- saved page -->\n<html>", True),
    ("<p>نص</p>", False),
    ("نص يذكر <html> في وسطه", False),
    ("<htmlx>", False),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_reading_plain_text_does_not_import_trafilatura(tmp_path):
    path = write(tmp_path, "a.txt", AR)
    code = ("import sys; from rasd.ingest import read_path; read_path(sys.argv[1]); "
            "assert 'trafilatura' not in sys.modules and 'htmldate' not in sys.modules")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# --- HTML ---------------------------------------------------------------------------------------

BOILERPLATE_TEXT = (
    "فيضانات تغمر قرى في وادي النخيل\n\n"
    "غمرت مياه الأمطار الغزيرة عددا من القرى الواقعة في وادي النخيل صباح الأحد، بعد ليلة كاملة من العواصف"
    " التي ضربت المنطقة الجبلية.\n"
    "وقال رئيس البلدية لمراسلنا إن فرق الحماية المدنية أجلت أكثر من مئتي عائلة إلى مدرسة قريبة، وإن الطريق"
    " الرابط بين القرى والمدينة قطع في ثلاثة مواضع.\n"
    "وأضاف أن الخسائر المادية كبيرة، داعيا السكان إلى الابتعاد عن مجاري الأودية حتى تتحسن الأحوال الجوية"
    " خلال الأيام المقبلة."
)


def test_html_keeps_title_and_paragraphs_and_drops_the_page_around_them():
    [article] = read_path(DATA / "boilerplate.html")
    assert article.text == BOILERPLATE_TEXT
    for boilerplate in ("الصفحة الأولى", "محليات", "من نحن", "شارك الخبر", "الأكثر مشاهدة", "مهرجان الشعر",
                        "كل الحقوق محفوظة", "اتصلوا بنا"):
        assert boilerplate not in article.text
    assert article.title == "فيضانات تغمر قرى في وادي النخيل"
    assert article.outlet == "صحيفة الرمال"
    assert (article.published, article.published_source) == ("2021-03-14", "page")
    assert article.stem == "boilerplate"


def test_html_published_from_the_command_line_wins_over_the_page():
    [article] = read_path(DATA / "boilerplate.html", published="2021-03-15")
    assert (article.published, article.published_source) == ("2021-03-15", "cli")


def test_html_never_takes_a_copyright_year_for_the_publication_date(tmp_path):
    html = html_page(f"<article><h1>{AR_TITLE}</h1><p>{AR}</p></article><footer>جميع الحقوق محفوظة © 2016</footer>")
    [article] = read_path(write(tmp_path, "page.html", html))
    assert (article.published, article.published_source) == (None, None)
    assert "2016" not in article.text


@pytest.mark.parametrize("name, html, expected", [
    ("unclosed tags", f"<html><body><div><p>{AR.splitlines()[0]}<p>{AR.splitlines()[1]}", AR),
    ("stray closing tags", f"</div></span><html><body></td><p>{AR.splitlines()[0]}</p></b></i></body>",
     AR.splitlines()[0]),
    ("garbage before markup", f"<<<>>>&&&;<html><body><article><p>{AR.splitlines()[0]}</p>",
     AR.splitlines()[0]),
])
def test_malformed_html_gives_what_can_be_extracted(tmp_path, name, html, expected):
    [article] = read_path(write(tmp_path, "broken.html", html))
    assert article.text == expected


@pytest.mark.parametrize("html", [
    "<html></html>",
    "<html><body><div></div><script>var x = 1;</script></body></html>",
    "<<<<>>>>",
    "just words, no markup at all",
])
def test_html_with_no_main_text_is_an_input_error(tmp_path, html):
    path = write(tmp_path, "empty.html", html)
    with pytest.raises(InputError, match="no main text found in the HTML page") as caught:
        read_path(path)
    assert str(caught.value).startswith(str(path))


def test_deeply_nested_html_does_not_crash(tmp_path):
    path = write(tmp_path, "deep.html", "<div>" * 3000 + f"<p>{AR.splitlines()[0]}</p>")
    try:
        [article] = read_path(path)
    except InputError as exc:
        assert "no main text found" in str(exc)
    else:
        assert article.text == AR.splitlines()[0]


def test_html_with_english_main_text_is_a_language_error(tmp_path):
    html = html_page(f"<nav>الرئيسية | أخبار</nav><article><h1>Harbour closed</h1><p>{EN}</p></article>")
    with pytest.raises(LanguageError, match=r"main text looks like English \(latin script\)"):
        read_path(write(tmp_path, "english.html", html))


@pytest.mark.parametrize("encoding, prefix", [("utf-8", b"\xef\xbb\xbf"), ("cp1256", b""), ("utf-16-le", b"\xff\xfe")])
def test_html_in_each_encoding(tmp_path, encoding, prefix):
    html = html_page(f"<article><h1>{AR_TITLE}</h1><p>{AR.splitlines()[0]}</p></article>")
    [article] = read_path(write(tmp_path, "page.htm", prefix + html.encode(encoding)))
    assert article.text == f"{AR_TITLE}\n\n{AR.splitlines()[0]}"


def test_html_title_repeated_in_the_body_is_stored_once(tmp_path):
    html = html_page(f"<div><p>{AR_TITLE}</p><p>{AR.splitlines()[0]}</p></div>", f"<title>{AR_TITLE}</title>")
    [article] = read_path(write(tmp_path, "page.html", html))
    assert article.text.count(AR_TITLE) == 1
    assert article.text.startswith(f"{AR_TITLE}\n\n")


@pytest.mark.parametrize("title, site, expected", [
    ("عنوان الخبر - elmaouid", "elmaouid", "عنوان الخبر"),
    ("عنوان الخبر - elmaouid", "Elmaouid", "عنوان الخبر"),
    ("عنوان الخبر | صحيفة الرمال", "صحيفة الرمال", "عنوان الخبر"),
    ("صحيفة الرمال » عنوان الخبر", "صحيفة الرمال", "عنوان الخبر"),
    ("عنوان الخبر - تفاصيل إضافية", "صحيفة الرمال", "عنوان الخبر - تفاصيل إضافية"),
    ("صحيفة الرمال", "صحيفة الرمال", "صحيفة الرمال"),
    ("عنوان الخبر", None, "عنوان الخبر"),
])
def test_strip_site_name_from_title(title, site, expected):
    assert _strip_site(title, site) == expected


def test_html_title_with_site_suffix_in_metadata_is_cleaned(tmp_path):
    head = ('<meta property="og:title" content="رياح قوية تغلق الميناء - صحيفة الرمال">'
            '<meta property="og:site_name" content="صحيفة الرمال">')
    html = html_page(f"<article><p>{AR.splitlines()[0]}</p></article>", head)
    [article] = read_path(write(tmp_path, "page.html", html))
    assert article.title == AR_TITLE
    assert article.text.startswith(f"{AR_TITLE}\n\n")


@pytest.mark.shared
def test_seed_html_matches_the_reference_text():
    html_path, txt_path = SHARED / "fixtures/seed/article.html", SHARED / "fixtures/seed/article.txt"
    if not html_path.exists():
        pytest.skip("../shared is absent")
    [article] = read_path(html_path)
    reference = txt_path.read_text(encoding="utf-8")
    title_line = "عناصر داعش تبدأ في الرحيل من ليبيا"
    # The reference text's first line (the breadcrumb) also ends with the title: start at the title's own line.
    start = reference.index(f"\n{title_line}\n") + 1
    assert " ".join(article.text.split()) == " ".join(reference[start:].split())
    assert article.text.startswith(f"{title_line}\n\n")
    assert article.title == title_line
    assert (article.published, article.published_source) == ("2016-10-19", "page")
    assert all(line.strip() for line in article.text.split("\n")[2:])  # one paragraph per line


@pytest.mark.parametrize("published, expected", [(None, ("2021-03-14", "page")), ("2021-03-20", ("2021-03-20", "cli"))])
def test_article_from_html_for_callers_holding_a_string(published, expected):
    html = (DATA / "boilerplate.html").read_text(encoding="utf-8")
    article = article_from_html(html, source="<html>", published=published)
    assert article.text == BOILERPLATE_TEXT
    assert (article.published, article.published_source) == expected
    assert article.source == "<html>"


def test_extract_page_error_names_the_source():
    with pytest.raises(InputError, match=r"^feed\.jsonl:4: no main text"):
        extract_page("<html></html>", "feed.jsonl:4")


# --- JSON Lines ---------------------------------------------------------------------------------

def jsonl(*rows: object) -> str:
    return "\n".join(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows) + "\n"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    return write(tmp_path, "feed.jsonl", jsonl(
        {"id": "a1", "text": AR, "published": "2016-10-19T09:41:00+01:00", "url": "https://example.org/a1",
         "title": AR_TITLE, "outlet": "صحيفة الرمال"},
        {"id": 7, "title": "لا نص هنا"},
        '{"id": "a3", "text": "نص بلا نهاية',
        {"id": "a4", "text": AR, "published": "2016-13-45"},
        "",
        {"text": AR + "\nسطر إضافي"},
        {"id": "a7", "text": EN},
        {"id": "a8", "html": html_page(f"<article><h1>{AR_TITLE}</h1><p>{AR.splitlines()[0]}</p></article>",
                                       '<meta property="article:published_time" content="2020-05-01">')},
        ["not", "an", "object"],
    ))


def test_jsonl_good_rows_survive_bad_ones(batch):
    items = list(iter_articles(batch))
    kinds = [(type(item).__name__, item.source) for item in items]
    assert kinds == [
        ("Article", f"{batch}:1"),
        ("InputError", f"{batch}:2"),
        ("InputError", f"{batch}:3"),
        ("InputError", f"{batch}:4"),
        ("Article", f"{batch}:6"),
        ("LanguageError", f"{batch}:7"),
        ("Article", f"{batch}:8"),
        ("InputError", f"{batch}:9"),
    ]


@pytest.mark.parametrize("line, reason", [
    (2, "row has no text or html field"),
    (3, "row is not valid JSON"),
    (4, r"field published: '2016-13-45' is not a real calendar date: there is no month 13"),
    (7, r"looks like English \(latin script\)"),
    (9, "row is a JSON list, not an object"),
])
def test_jsonl_row_errors_name_path_line_and_problem(batch, line, reason):
    errors = {item.source: item for item in iter_articles(batch) if isinstance(item, InputError)}
    error = errors[f"{batch}:{line}"]
    assert str(error).startswith(f"{batch}:{line}: ")
    assert re.search(reason, str(error))


def test_jsonl_row_fields_and_date_precedence(batch):
    first, no_id, html_row = [item for item in iter_articles(batch, published="2016-10-20") if isinstance(item, Article)]
    assert first.text == AR
    assert (first.doc_id, first.stem, first.title, first.outlet, first.url) == (
        "a1", "feed.a1", AR_TITLE, "صحيفة الرمال", "https://example.org/a1")
    assert (first.published, first.published_source) == ("2016-10-19", "row")
    assert no_id.doc_id == content_hash(AR + "\nسطر إضافي")
    assert no_id.stem == f"feed.{no_id.doc_id}"
    assert no_id.title == AR.splitlines()[0]
    assert (no_id.published, no_id.published_source) == ("2016-10-20", "cli")
    assert html_row.text == f"{AR_TITLE}\n\n{AR.splitlines()[0]}"
    assert (html_row.published, html_row.published_source) == ("2016-10-20", "cli")


def test_jsonl_html_row_takes_the_page_date_when_nothing_else_is_given(batch):
    html_row = [item for item in iter_articles(batch) if isinstance(item, Article)][-1]
    assert (html_row.doc_id, html_row.published, html_row.published_source) == ("a8", "2020-05-01", "page")


def test_read_path_jsonl_collects_bad_rows_when_given_a_list(batch):
    errors: list[InputError] = []
    articles = read_path(batch, errors=errors)
    assert [a.source for a in articles] == [f"{batch}:1", f"{batch}:6", f"{batch}:8"]
    assert [e.source for e in errors] == [f"{batch}:{n}" for n in (2, 3, 4, 7, 9)]


def test_read_path_jsonl_raises_the_first_bad_row_without_a_list(batch):
    with pytest.raises(InputError, match=f"^{batch}:2: row has no text or html field"):
        read_path(batch)


@pytest.mark.parametrize("row, reason", [
    ({"text": AR, "id": ""}, "field id is empty"),
    ({"text": AR, "id": 1.5}, "field id must be a string or an integer"),
    ({"text": AR, "id": True}, "field id must be a string or an integer"),
    ({"text": ""}, "field text is empty"),
    ({"text": 12}, "field text must be a string"),
    ({"text": AR, "title": ["x"]}, "field title must be a string"),
    ({"text": AR, "published": 20161019}, "field published must be a string"),
    ({"text": AR, "published": "2016-02-30"}, "February 2016 has 29 days"),
    ({"text": AR, "published": "19/10/2016"}, "not a date in the form YYYY-MM-DD"),
    ({"html": "<html></html>"}, "no main text found in the HTML page"),
])
def test_jsonl_bad_row_table(tmp_path, row, reason):
    path = write(tmp_path, "rows.jsonl", jsonl({"text": AR}, row))
    good, bad = list(iter_articles(path))
    assert isinstance(good, Article)
    assert isinstance(bad, InputError)
    assert bad.source == f"{path}:2"
    assert reason in str(bad)


@pytest.mark.parametrize("doc_id, stem", [("a/b c", "rows.a_b_c"), (42, "rows.42"), ("..", "rows.row")])
def test_jsonl_id_is_made_safe_for_the_file_stem(tmp_path, doc_id, stem):
    [article] = read_path(write(tmp_path, "rows.jsonl", jsonl({"id": doc_id, "text": AR})))
    assert article.doc_id == str(doc_id)
    assert article.stem == stem


def test_jsonl_row_over_the_limit_is_refused_alone(tmp_path):
    path = write(tmp_path, "rows.ndjson", jsonl({"id": "big", "text": AR * 5}, {"id": "small", "text": AR},
                                                {"id": "huge", "text": AR * 100}))
    big, small, huge = list(iter_articles(path, max_bytes=500))
    assert isinstance(big, TooLargeError)
    size = len((AR * 5).encode("utf-8"))
    assert str(big).endswith(f"rows.ndjson:1: {size} bytes of text is over the 500 bytes limit (set --max-size)")
    assert isinstance(small, Article) and small.doc_id == "small"
    assert isinstance(huge, TooLargeError) and "far over the 500 bytes limit" in str(huge)  # refused unparsed


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-16"),
    lambda s: b"\xef\xbb\xbf" + s.replace("\n", "\r\n").encode("utf-8"),
])
def test_jsonl_in_utf16_or_with_bom_and_crlf(tmp_path, encode):
    path = write(tmp_path, "rows.jsonl", encode(jsonl({"id": "x", "text": AR}, {"id": "y", "text": AR})))
    assert [a.doc_id for a in read_path(path)] == ["x", "y"]


def test_jsonl_row_not_in_utf8_is_refused_alone(tmp_path):
    good = jsonl({"id": "ok", "text": AR}).encode("utf-8")
    bad = json.dumps({"id": "bad", "text": AR}, ensure_ascii=False).encode("cp1256") + b"\n"
    items = list(iter_articles(write(tmp_path, "rows.jsonl", good + bad)))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], EncodingError) and "not valid UTF-8" in str(items[1])


@pytest.mark.parametrize("content, reason", [
    (b"", "file is empty"),
    (b"\n  \n\n", "file has no rows"),
    (b"%PDF-1.5\n", r"binary file \(PDF\)"),
])
def test_jsonl_whole_file_errors(tmp_path, content, reason):
    with pytest.raises(InputError, match=reason):
        read_path(write(tmp_path, "rows.jsonl", content))


def test_json_file_with_one_object_or_an_array(tmp_path):
    [single] = read_path(write(tmp_path, "one.json", json.dumps({"id": "s", "text": AR}, indent=2)))
    assert (single.doc_id, single.stem, single.source) == ("s", "one", str(tmp_path / "one.json"))
    items = list(iter_articles(write(tmp_path, "many.json", json.dumps([{"id": "m1", "text": AR}, {"title": "x"}]))))
    assert isinstance(items[0], Article) and items[0].stem == "many.m1"
    assert isinstance(items[1], InputError) and items[1].source == f"{tmp_path / 'many.json'}[1]"


# --- walking files, folders and patterns --------------------------------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    write(root, "b.txt", AR)
    write(root, "a.txt", AR)
    write(root, "sub/c.html", html_page(f"<article><h1>{AR_TITLE}</h1><p>{AR}</p></article>"))
    write(root, "sub/deeper/d.jsonl", jsonl({"id": "d1", "text": AR}, {"id": "d2"}))
    write(root, "sub/e.json", json.dumps({"id": "e", "text": AR}))
    write(root, "sub/notes.md", AR)
    write(root, "photo.png", b"\x89PNG\r\n\x1a\n")
    write(root, ".hidden.txt", AR)
    write(root, ".git/config.txt", AR)
    write(root, "sub/.cache/x.html", AR)
    return root


def test_iter_articles_walks_a_folder_sorted_recursive_skipping_hidden_and_unknown(tree):
    sources = [item.source for item in iter_articles(tree)]
    assert sources == [
        str(tree / "a.txt"),
        str(tree / "b.txt"),
        str(tree / "sub/c.html"),
        f"{tree / 'sub/deeper/d.jsonl'}:1",
        f"{tree / 'sub/deeper/d.jsonl'}:2",
        str(tree / "sub/e.json"),
    ]


@pytest.mark.parametrize("pattern, names", [
    ("*.txt", ["a.txt", "b.txt"]),
    ("**/*.html", ["sub/c.html"]),
    ("sub/*", ["sub/c.html", "sub/deeper/d.jsonl", "sub/deeper/d.jsonl", "sub/e.json", "sub/notes.md"]),
    ("[ab].txt", ["a.txt", "b.txt"]),
])
def test_iter_articles_expands_glob_patterns(tree, pattern, names):
    items = list(iter_articles(f"{tree}/{pattern}"))
    files = [re.sub(r":\d+$", "", item.source) for item in items]  # a JSON Lines row is path:LINE
    assert [Path(f).relative_to(tree).as_posix() for f in files] == names


def test_iter_articles_goes_on_past_bad_files(tree, tmp_path):
    bad = write(tmp_path, "empty.txt", b"")
    items = list(iter_articles([tree / "a.txt", bad, tmp_path / "missing.txt", f"{tmp_path}/nothing*.txt",
                                tree / "b.txt"]))
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "InputError", "InputError", "Article"]
    assert "file is empty" in str(items[1])
    assert "no such file" in str(items[2])
    assert "no files match this pattern" in str(items[3])


def test_iter_articles_reports_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    [error] = list(iter_articles(tmp_path / "empty"))
    assert isinstance(error, InputError) and "no input files" in str(error)


def test_iter_articles_refuses_a_bad_published_date_before_reading(tree):
    with pytest.raises(DateError, match="2016-02-30"):
        iter_articles(tree, published="2016-02-30")


def test_iter_articles_accepts_a_single_path_or_a_list(tree):
    one = [a.text for a in iter_articles(str(tree / "a.txt"))]
    many = [a.text for a in iter_articles([tree / "a.txt", str(tree / "b.txt")])]
    assert one == [AR] and many == [AR, AR]
