"""Any text (pieces of reports in random order, seeded) gives a well-formed tree: no exception, titles are their spans, parents come
before their children and enclose them, levels grow down the tree."""

import random

import pytest

from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.text.clean import clean

PIECES = ["一、", "（一）", "1.", "——", "一是", "二是", "十一是", "附件1", "名词解释", "[1]", "【2】",
          "各位代表：", "各位代表！", "。", "，", "、", "：", "\n", "\n", "\u3000\u3000", "\u200b",
          "经济运行稳中向好", "推进项目建设", "这五年是发展最快的五年", "全年增长5%", "2024年工作回顾",
          "我们要", "过去一年", "政府工作报告", "——2024年1月10日在某市人民代表大会上", "市长 张三"]


@pytest.mark.parametrize("seed", range(300))
def test_any_text_gives_a_well_formed_tree(seed):
    rng = random.Random(seed)  # texts made of report pieces in any order, the same each run
    c = clean("".join(rng.choice(PIECES) for _ in range(rng.randrange(80))))
    meta, front = detect_meta(c.text)
    secs = outline(c.text, front.end if front else 0)
    by_id = {s.id: s for s in secs}
    for s in secs:
        assert c.text[s.title_start:s.title_end] == s.title
        assert s.start <= s.title_start <= s.title_end <= len(c.text) and s.start < s.end
        if s.parent is not None:
            p = by_id[s.parent]
            assert p.start < s.start <= s.end <= p.end and p.level < s.level and s.id in p.children
