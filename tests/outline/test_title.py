"""The window's name for a report: place and year put back into a generic title."""

from reader.document import Meta
from reader.outline.title import display_title


def test_generic_titles_get_place_and_year():
    assert display_title(Meta(title="政府工作报告", place="海拉尔区", year=2012)) == \
        "2012年海拉尔区政府工作报告"
    assert display_title(Meta(title="海拉尔区政府工作报告", place="海拉尔区", year=2012)) == \
        "2012年海拉尔区政府工作报告"
    assert display_title(Meta(title="2023年臨沂市郯城縣政府工作報告", place="郯城縣", year=2023)) \
        == "2023年臨沂市郯城縣政府工作報告"
    assert display_title(Meta(title="海拉尔政府工作报告", place="海拉尔区", year=2012)) == \
        "2012年海拉尔政府工作报告"  # the place without its suffix is named
    assert display_title(Meta(title="政府工作报告")) == "政府工作报告"
    assert display_title(Meta(), "report.txt") == "report.txt"
