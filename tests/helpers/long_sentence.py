"""A report paragraph of `n` figure clauses and no sentence end (issue 12: 3,000 lines of figures
without 。 took 59 s to link, each figure's year scanned from the sentence start)."""


def long_sentence(n: int, offset: int = 0) -> str:
    """One line, `n` clauses of two figures each, joined by ，; `offset` changes every number
    so that two texts share no clause (no cache carries over)."""
    clauses = [f"第{i + offset}项指标增长{(i + offset) % 9 + 1}.{i % 7}%，产值{i + offset}亿元"
               for i in range(n)]
    return "2024年工作回顾\n" + "，".join(clauses) + "\n"
