"""Reports in series: targets set for a year against the results the next report states,
the same indicator across places, and the rows of a corpus panel. Pure functions on
`ReportEntry` values (`reader.store.library`), made from Documents by `summarize`.

    places      place, level and year of a report; place names it mentions
    not_set     targets a report says it deliberately does not set
    summary     Document → ReportEntry (the library's and the corpus's unit)
    judge       one target against one result: met / missed, by how much
    compare     one place over the years: Comparison rows
    across      one indicator across places; a place beside its city, province and nation
    chart       the data of the comparison chart (bands, markers, points), Qt-free
    tables      comparison tables and panel rows as columns + rows for export
"""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.series.across import across_places, relatives
    from reader.series.compare import Comparison, compare_place, compare_places
    from reader.series.judge import Tolerance
    from reader.series.summary import summarize

__all__ = ["Comparison", "Tolerance", "across_places", "compare_place", "compare_places",
           "relatives", "summarize"]
__getattr__ = exports(__name__, {"Comparison": "compare", "compare_place": "compare",
                                 "compare_places": "compare", "Tolerance": "judge",
                                 "across_places": "across", "relatives": "across",
                                 "summarize": "summary"})
