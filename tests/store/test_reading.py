"""Reading places: kept by the raw file's hash and a raw offset, damaged values never trusted."""

from reader.store import reading
from reader.store.reading import ReadingPlace


def test_place_round_trips_through_the_raw_offset(sample_doc):
    doc = sample_doc
    section = doc.sections[20]
    place = reading.place_in(doc, section.start, "simplified", 3)
    assert place.raw_offset == doc.raw_map.to_source(section.start)
    assert (place.script, place.zoom) == ("simplified", 3) and place.seen
    back = reading.decode(reading.encode(place))
    assert back == place
    assert reading.offset_in(doc, back) == section.start
    assert reading.key_of(doc) == doc.source.sha256


def test_damaged_or_foreign_values_are_ignored_or_clamped(sample_doc):
    for bad in (None, 3, "", "not json", "[1, 2]", '{"raw_offset": -5}', '{"raw_offset": "x"}',
                '{"script": "simplified"}', '{"raw_offset": 1, "zoom": "big"}'):
        assert reading.decode(bad) is None, bad
    odd = reading.decode('{"raw_offset": 99999999, "script": "klingon", "zoom": 999}')
    assert odd.script == "original" and odd.zoom == reading.ZOOM_RANGE[1]
    assert reading.offset_in(sample_doc, odd) == len(sample_doc.text) - 1  # inside the text
    assert reading.place_in(sample_doc, -10, "simplified", -99).zoom == reading.ZOOM_RANGE[0]


def test_the_least_recently_read_are_forgotten_first():
    places = {f"k{i}": ReadingPlace(seen=f"2026-01-{i + 1:02d}T00:00:00+00:00")
              for i in range(6)}
    assert reading.stale_keys(places, limit=6) == []
    assert reading.stale_keys(places, limit=4) == ["k0", "k1"]
