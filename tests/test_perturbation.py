"""Perturb the reference article (places, numbers, months, weekdays) and check that the records follow.

A system that had learned the seed by heart would keep the old values; one that reads the text follows
the changes. Skipped when ../shared is absent.
"""
import pytest

import rasd


def _events(doc, sub_type):
    return [r for r in doc["records"] if r["kind"] == "event" and r.get("sub_event_type") == sub_type]


@pytest.fixture(scope="module")
def perturbed(seed_text):
    text = (seed_text
            .replace("نجامينا", "مايدوغوري")
            .replace("وقع في تشاد", "وقع في نيجيريا")
            .replace("مقتل 15 شخصا على الأقل وجرح 80 آخرين", "مقتل 23 شخصا على الأقل وجرح 41 آخرين")
            .replace("جويلية الماضي", "أفريل الماضي")
            .replace("الثلاثاء", "الأحد")
            .replace("في 12 ماي", "في 3 جوان")
            .replace("457 قتيلا، و2130 جريحا", "612 قتيلا، و1877 جريحا"))
    assert text != seed_text
    return rasd.extract(text, published="2016-10-19")


def test_bombing_follows_place_and_figures(perturbed):
    (bomb,) = _events(perturbed, "Suicide bomb")[:1]
    assert bomb["location"]["name"] == "Maiduguri"
    assert bomb["location"]["country"] == "NG"
    assert bomb["fatalities"]["best"] == 23 and bomb["fatalities"]["low"] == 23
    assert bomb["injuries"]["best"] == 41


def test_tally_follows_figures(perturbed):
    (tally,) = [r for r in perturbed["records"] if r["kind"] == "tally"]
    assert (tally["fatalities"]["best"], tally["injuries"]["best"]) == (612, 1877)
    assert not any(r["kind"] == "event" and (r.get("fatalities") or {}).get("best") == 612
                   for r in perturbed["records"])


def test_dates_follow_months_and_weekdays(perturbed):
    values = {(r.get("date") or {}).get("text"): (r.get("date") or {}).get("value") for r in perturbed["records"]}
    assert values.get("أفريل الماضي") == "2016-04"
    assert values.get("3 جوان") == "2016-06-03"
    assert "الأحد" in " ".join(t for t in values if t) and "2016-10-16" in values.values()


def test_campaign_start_keeps_its_new_date(perturbed):
    regain = [r for r in perturbed["records"] if r["kind"] == "event" and (r.get("date") or {}).get("text") == "3 جوان"]
    assert regain and regain[0]["location"]["name"] == "Sirte"
