"""Synthetic reports of one county over several years, written by the tests (no fixture
files): each year states last year's results and this year's targets in the plain style of
a county report."""

from __future__ import annotations

from pathlib import Path

PLACE = "清河县"


def report_text(year: int, results: str, targets: str, place: str = PLACE) -> str:
    """A small report given in `year`: `results` (sentences about year-1) and `targets`
    (sentences about `year`), each a string of Chinese sentences."""
    return "\n".join([
        "政府工作报告",
        f"——{year}年1月18日在{place}第十七届人民代表大会第{year - 2018}次会议上",
        f"{place}人民政府县长 李明",
        "各位代表：",
        f"现在，我代表{place}人民政府向大会作工作报告，请予审议。",
        f"一、{year - 1}年工作回顾",
        f"过去一年，{results}",
        "我们坚持稳中求进，各项事业取得新进展。",
        f"二、{year}年工作安排",
        f"今年经济社会发展的主要预期目标是：{targets}",
        "我们将坚定信心，真抓实干，努力完成全年目标任务。",
    ]) + "\n"


# year → (results of year-1, targets of year)
SERIES = {
    2021: ("全县地区生产总值增长3.1%，一般公共预算收入增长4.2%，居民消费价格上涨2.5%。",
           "地区生产总值增长6%左右，一般公共预算收入增长6%以上，固定资产投资增长8%-10%，"
           "居民消费价格涨幅控制在3%以内。"),
    2022: ("全县地区生产总值增长5.8%，一般公共预算收入增长6%，固定资产投资增长9.5%，"
           "居民消费价格上涨2%。",
           "地区生产总值增长6.5%左右，一般公共预算收入增长7%以上，固定资产投资增长10%-12%，"
           "居民消费价格涨幅控制在3%以内。"),
    2023: ("全县地区生产总值增长5.6%，一般公共预算收入增长6.8%，固定资产投资增长12.5%，"
           "居民消费价格上涨3.4%。",
           "考虑到外部环境不确定性较大，今年不设定地区生产总值增长具体目标，"
           "一般公共预算收入增长5%，居民消费价格涨幅3%左右。"),
}


def write_series(folder: Path, series: dict[int, tuple[str, str]] = SERIES,
                 place: str = PLACE, encoding: str = "utf-8") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for year, (results, targets) in series.items():
        path = folder / f"{place}_{year}.txt"
        path.write_bytes(report_text(year, results, targets, place).encode(encoding))
        paths.append(path)
    return paths
