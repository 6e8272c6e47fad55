"""The library dock and the comparison view (reports in series, reader.series)."""
