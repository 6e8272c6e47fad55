"""Test helpers: a number → Chinese numeral writer (the standard written form: 零 for a missing
place, 万 and 亿 grouping four places), and hypothesis strategies for report-like text. Written
independently of reader.figures, so round trips test the parser."""

from __future__ import annotations

from hypothesis import strategies as st

DIGITS = "零一二三四五六七八九"


def _section(n: int, leading: bool) -> str:
    """0 < n < 10000 with 千百十; `leading`: the number's first section (十五, not 一十五)."""
    out, zero = "", False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        if not (leading and not out and place == 10 and d == 1):
            out += DIGITS[d]
        out += name
    return out


def chinese(n: int) -> str:
    """0 ≤ n < 10**12 in Chinese numerals: 10012 → 一万零一十二, 120000000 → 一亿二千万."""
    if n == 0:
        return "零"
    parts = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out, gap = "", False
    for value, scale in parts:
        if value == 0:
            gap = bool(out)
            continue
        if out and (gap or value < 1000):
            out += "零"
        out += _section(value, leading=not out) + scale
        gap = False
    return out


def chinese_decimal(whole: int, frac_digits: str) -> str:
    """四点二七 for (4, "27")."""
    return chinese(whole) + "点" + "".join(DIGITS[int(c)] for c in frac_digits)


NAMES = ["地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "城镇新增就业",
         "城镇调查失业率", "居民人均可支配收入", "粮食产量", "進出口總額", "研发投入强度",
         "高新技术企业", "PM2.5浓度", "5G基站", "人口自然增长率", "常住人口"]
VERBS = ["", "增长", "下降", "达到", "突破", "至少", "接近", "超过", "不低于", "约", "近", "比上年增长",
         "提高到", "控制在", "由", "从", "完成", "新增", "数", "上", "几", "-", "第", "翻", "分别增长"]
UNITS = ["", "%", "亿元", "万元", "億元", "万人", "个", "家", "吨", "万吨", "万千瓦", "个百分点",
         "倍", "‰", "℃", "年", "枚", "万亿元", "亿", "万", "成", "人次", "平方公里", "_M_M_", "番"]
AFTER = ["", "左右", "以上", "以内", "余", "多", "上下"]
SEPS = ["", "-", "至", "到", "～", "、", "，", "。", "；", "\n", "×", "和", "分别"]
CN_WORDS = ["百分之", "千分之", "万分之", "一", "两", "十", "百", "千", "万", "亿", "零", "点",
            "持平", "十四五", "“1354”", "《十三五规划》"]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["int", "decimal", "comma", "chinese", "cn_decimal", "huge",
                                 "fullwidth", "mixed"]))
    if kind == "int":
        return str(draw(st.integers(0, 10**6)))
    if kind == "decimal":
        return f"{draw(st.integers(0, 99999))}.{draw(st.integers(0, 999))}"
    if kind == "comma":
        return f"{draw(st.integers(1, 999_999_999)):,}"
    if kind == "chinese":
        return chinese(draw(st.integers(0, 10**12 - 1)))
    if kind == "cn_decimal":
        return chinese_decimal(draw(st.integers(0, 9999)), str(draw(st.integers(0, 99))))
    if kind == "huge":
        return draw(st.sampled_from("19")) * draw(st.integers(300, 450))
    if kind == "fullwidth":
        return str(draw(st.integers(0, 99999))).translate(str.maketrans("0123456789",
                                                                        "０１２３４５６７８９"))
    return f"{draw(st.integers(1, 99))}万{draw(st.integers(1, 9))}千"


@st.composite
def clauses(draw: st.DrawFn) -> str:
    out = draw(st.sampled_from(NAMES)) + draw(st.sampled_from(VERBS)) + draw(numbers())
    out += draw(st.sampled_from(UNITS)) + draw(st.sampled_from(AFTER))
    if draw(st.booleans()):  # a second number: a range, a list, a product, a code
        out += draw(st.sampled_from(SEPS)) + draw(numbers()) + draw(st.sampled_from(UNITS))
    if draw(st.integers(0, 4)) == 0:
        out += draw(st.sampled_from(CN_WORDS))
    return out + draw(st.sampled_from(SEPS))


report_like = st.lists(clauses(), min_size=1, max_size=12).map("".join)
