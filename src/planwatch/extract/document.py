"""Document-level facts: language, year, title, and the one-to-one character normalisation.

The document's year anchors relative deadlines ("今年", "this year", "within the next 10 years"); it is taken from
the first full date in the text or from an NPC session ("十四届全国人大二次会议" → 2024). Normalisation maps
fullwidth digits and traditional characters to their plain forms one-to-one, so offsets into the normalised text
index the original text too.
"""

from __future__ import annotations

import re

from .numbers import ORD_EN, cn_to_int
from .patterns import YEAR
from .segment import NUMBERED_HEADING_RE
from .years import DATE_RES

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """"zh" or "en", from the first 20,000 characters: whichever script carries more of the text."""
    sample = text[:20000]
    cjk = len(_CJK_RE.findall(sample))
    latin = len(_LATIN_RE.findall(sample))
    # a Chinese character carries about as much as a 3-letter word
    return "zh" if cjk * 3 > latin else "en"


_NPC_ZH = re.compile(
    r"(?:第)?(?P<n>[一二三四五六七八九十]{1,3})届全国(?:人大|人民代表大会)(?:第)?(?P<k>[一二三四五六])次会议"
)
_NPC_EN = re.compile(
    r"(?P<k>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+session\s+of\s+the\s+(?P<n>\d{1,2})(?:st|nd|rd|th)"
    r"\s+National\s+People'?s\s+Congress",
    re.I,
)
# "first session" … "fifth session": ordinals as words or as "1st" … "5th"
_ORD = {w: i + 1 for i, w in enumerate(ORD_EN[:5])} | {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}


def _npc_year(n: int, k: int) -> int | None:
    if n < 6 or k < 1 or k > 5:
        return None
    return 1983 + 5 * (n - 6) + (k - 1)


def document_year(text: str) -> int | None:
    """The document's year: from its first full date, or an NPC session ("十四届全国人大二次会议")."""
    best: tuple[int, int] | None = None
    head = text[:200_000]
    for rx in DATE_RES:
        m = rx.search(head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), int(m.group("y")))
    for m in _NPC_ZH.finditer(head):
        n, k = cn_to_int(m.group("n")), cn_to_int(m.group("k"))
        y = _npc_year(n or 0, k or 0)
        if y and (best is None or m.start() < best[0]):
            best = (m.start(), y)
        break
    for m in _NPC_EN.finditer(head):
        y = _npc_year(int(m.group("n")), _ORD.get(m.group("k").lower(), 0))
        if y and (best is None or m.start() < best[0]):
            best = (m.start(), y)
        break
    return best[1] if best else None


_TITLE_YEAR_RE = re.compile(rf"(?<![\d.])(?P<y>{YEAR})\s*年?(?![\d%.])")


def title_year(text: str) -> int | None:
    """The one year a short headline (first non-empty line) names, unless it is a deadline or a period ("2030年前",
    "2021—2025年"): the year an undated news text or work report speaks of as "this year"."""
    line = next((ln.strip() for ln in text[:2000].splitlines() if ln.strip()), "")
    if not line or len(line) > 60:
        return None
    ms = list(_TITLE_YEAR_RE.finditer(line))
    if len(ms) != 1:
        return None
    m = ms[0]
    if re.match(r"\s*年?\s*(?:前|底|末|以前|之前|远景|愿景)", line[m.end() :]) or re.search(
        r"(?:到|至|\bby|\bto|\bbefore)\s*\Z", line[: m.start()], re.I
    ):
        return None
    return int(m.group("y"))


_TITLE_WORDS_ZH = re.compile(r"规划|方案|计划|纲要|意见|报告|行动|通知|决定|战略|办法")
_TITLE_WORDS_EN = re.compile(
    r"\b(?:Plan|Programme|Program|Strategy|Act|Report|Pledge|Roadmap|Agenda|Compact|"
    r"Mission|Framework|Decade|Deal)\b"
)


def guess_title(text: str, lang: str) -> str | None:
    """The title: a quoted plan name (《…》, "…"), else an early line naming a plan, else the first line."""
    head = text[:4000]
    if lang == "zh":
        for m in re.finditer(r"《([^》\n]{4,80})》", head):
            if _TITLE_WORDS_ZH.search(m.group(1)):
                return m.group(1).strip()
    else:
        for m in re.finditer(r"[\"“]([A-Z][^\"”\n]{10,200})[\"”]", head):
            if _TITLE_WORDS_EN.search(m.group(1)):
                return m.group(1).strip()
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    words = _TITLE_WORDS_ZH if lang == "zh" else _TITLE_WORDS_EN
    for ln in lines[:8]:
        if len(ln) <= 150 and words.search(ln) and not re.search(r"[。.!?]$", ln):
            return ln
    for ln in lines[:3]:
        if (
            not NUMBERED_HEADING_RE.match(ln)
            and len(ln) <= 100
            and not re.search(r"\d{4}-\d\d-\d\d|[。.!?！？]$", ln)
        ):
            return ln
    return None


# Traditional characters that occur in policy wording, mapped one-to-one to simplified ones, so that
# "不低於900萬人" and "控制在百分之4.6以內" read like "不低于900万人" / "以内" (offsets are unchanged).
_TRADITIONAL = (
    "萬億內於個兩實現達預們噸標將長業幣點項劃務計發濟經產總區國際準較減為與無進開術創設數據過間時後來這樣確爭應當從對稅資費額價漲調鎮質續強蓋電網車輛機構養醫療險護體學農糧畝顯戶綠環廢氣遠檢驗優結則層屆歲壽積極圖書館廣東滬門陝遼寧龍蘇貴雲灣臺規綱報議會穩擴斷線約級覽條權證讓責導獲舉須頭驅動勞處歷專辦錢銀鐵運輸島邊鄉縣軍傳統語論說讀課師員職補貼殘兒齡紀營銷購貿連適選遷襲關聯隊藥態節熱燈煉礦銅鋼氫風儲輪號難雙範圍階驟題類響遺漸麼麥飛鳥魚馬見親觀視覺訂認討記訊許評試詳誠談請謀謝識譯變貨賴贏趨跡踐軟載輕輔轉辭逕週遊遲還郵鄰釋針錄閉閱隨雜雖離靈領頻顧飯髮鬥魯鳳麗齊歐亞僅傑劑勢協單廠縮衛負財貢販貧貫賣賦賽贊紅純紙細組終給絕繼緊維綜編績織繫纖",
    "万亿内于个两实现达预们吨标将长业币点项划务计发济经产总区国际准较减为与无进开术创设数据过间时后来这样确争应当从对税资费额价涨调镇质续强盖电网车辆机构养医疗险护体学农粮亩显户绿环废气远检验优结则层届岁寿积极图书馆广东沪门陕辽宁龙苏贵云湾台规纲报议会稳扩断线约级览条权证让责导获举须头驱动劳处历专办钱银铁运输岛边乡县军传统语论说读课师员职补贴残儿龄纪营销购贸连适选迁袭关联队药态节热灯炼矿铜钢氢风储轮号难双范围阶骤题类响遗渐么麦飞鸟鱼马见亲观视觉订认讨记讯许评试详诚谈请谋谢识译变货赖赢趋迹践软载轻辅转辞径周游迟还邮邻释针录闭阅随杂虽离灵领频顾饭发斗鲁凤丽齐欧亚仅杰剂势协单厂缩卫负财贡贩贫贯卖赋赛赞红纯纸细组终给绝继紧维综编绩织系纤",
)
_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "％": "%",
        "－": "-",
        "\u00a0": " ",
        **dict(zip(_TRADITIONAL[0], _TRADITIONAL[1], strict=True)),
    }
)


def normalise(text: str) -> str:
    """``text`` with fullwidth digits/punctuation and traditional characters mapped one-to-one (same length)."""
    return text.translate(_FULLWIDTH)
