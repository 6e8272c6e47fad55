"""Back/forward after jumps and section stepping, without Qt."""

from reader.document import Section
from reader.text.navigation import JumpHistory, section_step


def test_back_and_forward_like_a_browser():
    h = JumpHistory()
    assert h.back(0) is None and h.forward(0) is None
    h.jumped(0, 500)
    h.jumped(520, 900)  # scrolled a little, then jumped again
    assert h.back(900) == 520
    assert h.back(520) == 0
    assert h.back(0) is None
    assert h.forward(0) == 520 and h.forward(520) == 900
    h.back(900)
    h.jumped(520, 50)  # a new jump forgets the way forward
    assert not h.can_go_forward() and h.back(50) == 520


def test_a_jump_to_where_you_are_is_not_remembered_and_history_is_bounded():
    h = JumpHistory(limit=3)
    h.jumped(10, 10)
    assert not h.can_go_back()
    for i in range(10):
        h.jumped(i * 100, i * 100 + 50)
    assert [h.back(0) for _ in range(4)] == [900, 800, 700, None]


def _section(sid, start):
    return Section(sid, None, 1, sid, "line", start, start + 50, start, start + 5)


def test_section_steps_past_a_heading_on_the_top_line():
    sections = (_section("a", 10), _section("b", 100), _section("c", 130), _section("d", 400))
    assert section_step(sections, (0, 8), +1).id == "a"
    assert section_step(sections, (0, 40), +1).id == "b"  # a starts on the top line
    assert section_step(sections, (95, 140), +1).id == "d"  # b and c start on the top line
    assert section_step(sections, (100, 120), -1).id == "a"
    assert section_step(sections, (110, 120), -1).id == "b"  # inside b: its own heading
    assert section_step(sections, (400, 420), +1) is None
    assert section_step(sections, (5, 9), -1) is None
