"""Imported by the fork server before it forks the corpus's workers: the analysis code and
jieba's dictionary are loaded once there, not in every worker (reader.runtime.corpus)."""

from reader.runtime.corpus import warm_up

warm_up()
