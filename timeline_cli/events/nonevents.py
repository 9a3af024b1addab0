"""Dated words that are no event a reader would put on the timeline.

Real news pages date many things besides happenings (docs/events.md, "What is not an
event"):

- the page's own stamp: 2021/11/20 22:11, 齐鲁晚报 2025年10月11日, 更新時間 13日 00:10 —
  a date standing apart between blanks, with its year or a time of day;
- a year inside a name: 《2019年成文法(雜項規定)條例草案》, 2025年监察专员署法案,
  1963年建国契约, and any date inside the 《》 of a title (《光明日報》 holds 明日);
- a running total up to a moment (截至上午10时, 截至今年2月10日…18家) and a comparison with the
  last time (自1993年以来…首次, 力拚2010年之後再拿下): a happening told over a period up to now
  (仅2月以来…被立案调查, 从上月底至今已发售) is an event of the period's start;
- the year or season the story is written in (今年也有許多新球迷加入), a rank in a year
  (2025年首个寒潮预警);
- a note on a date in brackets: 14日(周三), 1月6日(腊月初一);
- a time after a happening the text does not date: 「709大抓捕」一年後;
- an aside inside someone's quoted words: “昨天下着毛毛细雨…”;
- a measurement: 8月份工业增加值同比增长4.5%, 次日涨超6.52%, how a past month went (8月份生產
  加快). What so many underwent over a named period (11月…23家公司被立案调查, 2024年…117宗死亡)
  is what happened in that period, and a notice released on a date (发布警情通报) is a happening of
  that date beside the one it reports;
- the frame of words quoted before: 他下午出席…后，向记者这么说;
- a birth date in a profile: 生于1964年7月, 2001年出生的廖桂芳;
- what someone recalls: 再次提到2019年「港版顏色革命」 (the speaking is of the story's day);
- a rate: 羽球1日2戰 (two matches in one day), 一日三餐;
- the editions of a games listed or tallied: 自1997年拉蒂世運會起，在2001年秋田世運會、2009年高雄世運會…累計.
"""

from __future__ import annotations

import re

from ..lazyre import lazy_compile
from ..model import Mention

_QUOTE_REACH = 300  # how far back a quotation may have opened (bounded: dense text stays linear)
_PERIODS = {"year", "half", "quarter", "season"}
_RANK_IN_PERIOD = lazy_compile(r"\s*的?(?:首个|首次|首度|第一|以来|以來|来首|來首)")
_SEPARATORS = set(" \t\u3000\xa0\n\r()（）[]【】|｜・•")
# 2025-09-24, 12日 20:52, 2018年12月22日 星期六: no blank inside but before a weekday or a time.
# 2021/11/20 22:11, 2018年12月22日 星期六; the time first or with a zone and am/pm: 12:17am 27/09/2025,
# 18/01/2026 05:52 PM, 2025-09-24 HKT 19:22, and a weekday after the time (2014-03-05 09:47:08 星期三)
_STAMP_TEXT = lazy_compile(r"^(?:\d{1,2}:\d{2}\s?(?:[AaPp][Mm])?\s+)?\S+(?:\s+(?:星期|周|週)[一二三四五六日天])?"
                         r"(?:\s+(?:[A-Z]{2,4}\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)?"
                         r"(?:\s+(?:星期|周|週)[一二三四五六日天])?$")  # 2014-03-05 09:47:08 星期三
_YEAR_IN_TEXT = lazy_compile(r"\d{4}")
_CLOCK = lazy_compile(r"\d{1,2}:\d{2}")
_HAN = lazy_compile(r"[\u4e00-\u9fff]")
_PROSE_BEFORE = set("在于於从自至到由")
_STAMP_LABEL = lazy_compile(r"时间|時間|日期|更新|修改|发布|發布|发表|發表|出版|刊登|上稿|来源|來源")
_WEEKDAY_CHAR = lazy_compile(r"(?<=[(（星期周週])[一二三四五六日天]")
# The last character of a happening's name (大抓捕, 「709大抓捕」, 地震, 大选) before 一年後.
_HAPPENING_END = set("」』》”捕案战戰役灾災震选選乱亂变變潮")

_NAME_SUFFIX = lazy_compile(r"[\u4e00-\u9fff（）()]{1,12}?(?:法案|条例|草案|契约|协议|协定|预算案|公约|宣言|法令|财政预算)")
_NAME_VERB = lazy_compile(r"通过|提出|提呈|审议|签署|签订|发布|推出|修订|修改|表决|制定|订立|完成|提交|废除|实施|生效")
_SINCE = lazy_compile(r"\s*(?:以来|以來)")
_AS_OF = lazy_compile(r"(?:截至|截止|截到)\s*$")
# 自1993年以来…首次宣布: the first time since, a comparison, not a happening of 1993.
_FIRST_SINCE = lazy_compile(r"首次|首度|首个|首個|第一次|头一次|頭一次|首见|首見|最[高低多少大小长長久]|新高|新低")
_CLAUSE_END = lazy_compile(r"[，,。；;！!？?\n]")
_OPEN_BRACKET = lazy_compile(r"[（(]\s*$")
_CLOSE_BRACKET = lazy_compile(r"\s*[)）]")

_MEASURE = lazy_compile(r"同比|环比|百分点|增速|同期|指数")
# How a period went, said of a month or a quarter: 8月份工業和服務業生產加快, 8月國民經濟恢復向好.
# …and what a body kept doing all through it (人民法院2025年有力維護公共安全: a report's heading).
_TREND = lazy_compile(r"向好|回升|回暖|加快|放缓|趋稳|企稳|好转|下滑|低迷|"
                      r"(?:有力|有效|持续|积极|全面|不断|稳步)(?:维护|推进|加强|促进|深化|提升|推动|保障)")
_PERCENT = lazy_compile(r"\d(?:\.\d+)?\s*[%％]")
_CHANGE = lazy_compile(r"增长|下降|上涨|下跌|涨|跌|回落|上升|增加|减少|激增|提高|降低|超过|达到")
_BY_ITEM = lazy_compile(r"分别(?:是|为|达|录得|有)\s*[0-9０-９一二两三四五六七八九十][0-9０-９.,，一二两三四五六七八九十百千万亿]*\s*(?:[百千万亿]|%|％|人|名|个|宗|起|元|美元|令吉|港元)")
_SAID_SO = lazy_compile(r"(?:这么说|这样说|如是说|这样表示|如此表示)$")


def is_stamp(view: str, mention: Mention) -> bool:
    """A date standing apart between blanks, with a year or a time of day: the page's stamp."""
    text = view[mention.start:mention.end]
    if not _STAMP_TEXT.match(text):
        return False
    if not (_YEAR_IN_TEXT.search(text) or _CLOCK.search(text)):
        return False
    before = view[mention.start - 1] if mention.start > 0 else "\n"
    after = view[mention.end] if mention.end < len(view) else "\n"
    if before not in _SEPARATORS and before not in ":：":
        return False
    if after not in _SEPARATORS and view[mention.end:mention.end + 2].lower() not in ("am", "pm"):
        return False
    left = view[:mention.start].rstrip(" \t\u3000\xa0")[-1:]
    if left in _PROSE_BEFORE:
        return False  # 在 2025年3月5日 举行: a spaced-out sentence, not a stamp
    if before in "(（" and after in ")）" and _HAN.match(view, mention.start - 2) and _HAN.match(view, mention.end + 1):
        return False  # 而在隨後(2月2日01:00)阿曼隊對陣…: a date in brackets inside a sentence
    return not _table_row(view, mention, text)


def _table_row(view: str, mention: Mention, text: str) -> bool:
    """G1 10/18(六) 17:05 中信兄弟 above G2 10/19(日) 17:05: the rows of a schedule, each a
    happening, where stamps stand alone or carry a label (發布時間…, …更新)."""
    line_start = view.rfind("\n", 0, mention.start) + 1
    line = _line_at(view, line_start)
    if _STAMP_LABEL.search(line) or view[line_start:mention.start].rstrip().endswith((":", "：")):
        return False
    shape = re.compile(_WEEKDAY_CHAR.sub("[一二三四五六日天]", re.sub(r"\d+", r"\\d+", re.escape(text))))
    line_end = line_start + len(line)
    above = view[view.rfind("\n", 0, line_start - 1) + 1:line_start - 1] if line_start else ""
    below = _line_at(view, line_end + 1) if line_end < len(view) else ""
    return any(shape.search(row) and not _STAMP_LABEL.search(row) for row in (above, below))


def _line_at(view: str, start: int) -> str:
    end = view.find("\n", start)
    return view[start:end if end >= 0 else len(view)]


# 年终赛冠军, 春季赛: a date word that names a competition or a prize.
_CONTEST_AFTER = lazy_compile(r"(?:总决赛|决赛|赛|杯|奖)(?!事|程|季|后|前)")


def in_name(view: str, mention: Mention) -> bool:
    """A date inside a title in 《》, a year that opens a name (2025年监察专员署法案, 二五年度施政報告), or a date
    word that names a competition or a prize (年終賽冠軍波波夫)."""
    if mention.granularity in _PERIODS and not any(
            ch.isdigit() for ch in view[mention.start:mention.end]) and _CONTEST_AFTER.match(view, mention.end):
        return True
    opened = view.rfind("《", max(0, mention.start - 40), mention.start)
    if opened >= 0 and view.find("》", opened, mention.start) < 0 and view.find("》", mention.end) >= 0:
        return True
    if mention.granularity != "year":
        return False
    end = mention.end + (1 if view[mention.end:mention.end + 1] == "度" else 0)
    if (view[mention.start:end].endswith("年度") and "\u4e00" <= view[end:end + 1] <= "\u9fff"
            and view[end:end + 1] not in "的内起前后以至到中底初末"):
        return True  # 二五年度施政報告, 2024年度财报: the year a report or a budget covers
    name = _NAME_SUFFIX.match(view, mention.end)
    return name is not None and _NAME_VERB.search(name.group(0)) is None


def is_since(view: str, mention: Mention) -> bool:
    """仅2月以来, 从上月底至今: a period from a date up to now."""
    text = view[mention.start:mention.end]
    return (text.endswith(("以来", "以來", "至今")) or mention.rule.endswith("+since")
            or _SINCE.match(view, mention.end) is not None)


# 繼1998年曼谷黃智勇後、25年來首面獎牌, 是2010年廣州程琬容後、13年來首面: the last time before,
# a comparison, not a happening of that year.
_LAST_TIME_AFTER = lazy_compile(r"[^，,。；;！？!?]{0,12}?[后後](?:[、，,]?\s*[0-9一二三四五六七八九十百]+\s*(?:多)?年[来來])?"
                                r"[^，,。；;]{0,3}?(?:首[次度面位枚座个场金冠胜见获夺]|第一|再度|再次)")
# 到2023年底，全國鐵路營業里程達到15.9萬公里: a count up to a moment.
_COUNT_UP_TO = lazy_compile(r"[^。；;！？!?\n]{0,24}?(?:达到|达|累计|共有|共计|总计|突破)\s*[0-9一二三四五六七八九十百千万亿.]")


def is_last_time(view: str, mention: Mention) -> bool:
    """是2010年廣州程琬容後、13年來首面游泳獎牌: the date of the last time, in a comparison."""
    near = view[mention.end:mention.end + 14]
    return ("后" in near or "後" in near) and _LAST_TIME_AFTER.match(view, mention.end) is not None


# 新加坡於1965年獨立，今年是獨立建國53周年: the year an anniversary counts from, background.
_ANNIVERSARY_AFTER = lazy_compile(r"[^。！？!?\n]{0,30}?(?:今年|明年|今天|今日|本月)(?:是|为|适逢|迎来|正值|恰逢)[^。！？!?\n]{0,16}?周年")


def counts_an_anniversary(view: str, mention: Mention) -> bool:
    """1965年獨立，今年是獨立建國53周年: the past the anniversary counts from is background."""
    return (mention.granularity == "year" and "周年" in view[mention.end:mention.end + 50]
            and _ANNIVERSARY_AFTER.match(view, mention.end) is not None)


# 港鐵提醒乘客…乘坐12時18分前由東涌開出的班次，才可接駁…: the time a piece of advice names.
_ADVICE_BEFORE = lazy_compile(r"提醒|呼吁|建议|劝喻|劝请|吁请")
_ONLY_IF_AFTER = lazy_compile(r"[^。！？!?\n]{0,40}?(?:才可|才能|方可|才会|才赶得上)")


def in_advice(view: str, mention: Mention, sentence_start: int) -> bool:
    """提醒乘客…乘坐12時18分前…的班次，才可接駁: what someone is told to do, and by when, is
    advice, no happening."""
    return ("clock" in (mention.rule or "") and _ADVICE_BEFORE.search(view, sentence_start, mention.start) is not None
            and _ONLY_IF_AFTER.match(view, mention.end) is not None)


def is_count_up_to(view: str, mention: Mention) -> bool:
    """到2023年底，…里程達到15.9萬公里: a running total at the end of a period, no happening."""
    return (mention.mod == "END" and view[max(0, mention.start - 1):mention.start] == "到"
            and _COUNT_UP_TO.match(view, mention.end) is not None)


def is_period_to_now(view: str, mention: Mention) -> bool:
    """截至上午10时 (a running total up to a moment) and the first time since (自1993年以来…首次,
    力拚2010年之後再拿下): no happening of the date. A happening told over a period up to now
    (仅2月以来…被立案调查) is one: `is_since` marks it and the event is the period's start."""
    if is_since(view, mention):
        after = _SINCE.match(view, mention.end)
        clause_end = _CLAUSE_END.search(view, mention.end)
        stop = clause_end.start() if clause_end else len(view)
        if clause_end is not None and clause_end.group() in "，," and (after.end() if after else mention.end) == stop:
            clause_end = _CLAUSE_END.search(view, stop + 1)  # 自1993年以来，…首次宣布: the next clause says it
            stop = clause_end.start() if clause_end else len(view)
        return _FIRST_SINCE.search(view, after.end() if after else mention.end, stop) is not None
    if mention.mod == "AFTER" and view[mention.end:mention.end + 1] in "再首":
        return True  # 力拚2010年之後再拿下總冠軍: a comparison with the last time
    return _AS_OF.search(view, max(0, mention.start - 4), mention.start) is not None


# 比2023年减少, 较去年同期, 与2023年相比: the date is the baseline of a comparison.
_COMPARED_BEFORE = lazy_compile(r"(?:[比较較]|相比于|相比於|相较于|相較於|对比|對比)\s*$")
_COMPARED_AFTER = lazy_compile(r"\s*(?:同期)?(?:相比|相较|相較|比较|比較)")


def is_comparison_base(view: str, mention: Mention) -> bool:
    """比2023年减少, 与去年相比: the date a figure is compared with, not a happening of its own."""
    if _COMPARED_BEFORE.search(view, max(0, mention.start - 4), mention.start):
        return True
    return (_COMPARED_AFTER.match(view, mention.end) is not None
            and view[max(0, mention.start - 1):mention.start] in ("与", "與", "和", "跟", "同"))


# 到期日为2025年12月9日的蛋糕: a date that labels a product; 今晚/明日《中国报》: a paper's edition.
_LABEL_BEFORE = lazy_compile(r"(?:到期日|有效期|保质期|届满日|生产日期|出厂日期|食用日期|批次日期)\s*(?:为|是|至|到|：|:)?\s*$")
_EDITION_AFTER = lazy_compile(r"\s*(?:[/／或][^《\n/／]{1,4}){0,2}\s*《[^》\n]{1,12}(?:报|刊|周刊|杂志)》")


def is_label(view: str, mention: Mention) -> bool:
    """到期日為2025年12月9日, 明日《中國報》: a date printed on a thing (a product, a paper's
    edition), not a happening."""
    return (_LABEL_BEFORE.search(view, max(0, mention.start - 8), mention.start) is not None
            or _EDITION_AFTER.match(view, mention.end) is not None)


# 金湘军生于1964年7月, 2001年出生的廖桂芳: the birth date of a profile, background to the story.
_BORN_BEFORE = lazy_compile(r"(?:生于|出生于|出生在|生在)\s*$")
_BORN_AFTER = lazy_compile(r"\s*(?:出生|生人|生(?=[，,。；;）)]))")


def is_birth_date(view: str, mention: Mention) -> bool:
    """生于1964年7月, 2001年出生的廖桂芳: when someone was born, told to describe them."""
    return (_BORN_BEFORE.search(view, max(0, mention.start - 4), mention.start) is not None
            or _BORN_AFTER.match(view, mention.end) is not None)


def after_an_undated_happening(view: str, mention: Mention) -> bool:
    """大抓捕一年後: a year after a happening the text does not date, not a year from now."""
    if "offset" not in mention.rule.split("+") or mention.start == 0:
        return False
    return view[mention.start - 1] in _HAPPENING_END or view[mention.end:mention.end + 1] == "的"  # 制裁4年後的「王者歸來」


def in_quotation(view: str, mention: Mention, sentence_start: int) -> bool:
    """“昨天下着毛毛细雨…”: a date inside someone's quoted words is an aside of theirs."""
    since = max(sentence_start, mention.start - _QUOTE_REACH)
    opened = max(view.rfind(q, since, mention.start) for q in "“「『")
    if opened < 0:
        return False
    closer = {"“": "”", "「": "」", "『": "』"}[view[opened]]
    closed = view.find(closer, opened + 1)
    return (closed < 0 or closed > mention.end) and (closed < 0 or closed - opened > 12)


_SPEAKER_AFTER = lazy_compile(r"[^。！？!?\n]{0,30}?(?:表示|说|称|指出|强调|透露|坦言|直言|认为)")


def is_relayed_statement(view: str, mention: Mention, sentence_start: int) -> bool:
    """A quotation that opens the sentence and tells others' acts in the third person (“警方在案发
    同一天逮捕4名嫌犯…”): an office's statement relayed word for word, not someone's aside (陶女士称，
    “昨天下着毛毛细雨…”, or a quote in the first person)."""
    since = max(sentence_start, mention.start - _QUOTE_REACH)
    opened = max(view.rfind(q, since, mention.start) for q in "“「『")
    if opened < 0 or view[sentence_start:opened].strip():
        return False
    closer = {"“": "”", "「": "」", "『": "』"}[view[opened]]
    closed = view.find(closer, opened + 1, opened + 1 + 2 * _QUOTE_REACH)
    end = closed if closed >= 0 else min(len(view), opened + 2 * _QUOTE_REACH)
    if closed >= 0 and _SPEAKER_AFTER.match(view, closed + 1):
        return False  # “由开始的概念到今天建成…”局长陈帆在仪式上表示: a speaker's own words
    return view.find("我", opened, end) < 0 and view.find("咱", opened, end) < 0


_PLAN_AFTER = lazy_compile(r"[^，,。；;！？\n]{0,12}?(?:将|计划|预计|拟|有望|力争|目标)")


def names_the_current_period(view: str, mention: Mention, today) -> bool:
    """今年, 這個秋天 said of the year or season the article is written in: a frame of the
    story (今年也有許多新球迷加入), and 2025年首个寒潮预警 ranks within the year: no date of a
    happening."""
    if _RANK_IN_PERIOD.match(view, mention.end):
        return mention.granularity in _PERIODS
    if (today is None or mention.mod or mention.granularity not in _PERIODS
            or mention.certainty not in ("relative", "inferred")):
        return False
    if _PLAN_AFTER.match(view, mention.end):
        return False  # 今年川航将新进13架空客飞机: a plan for the year is dated by it
    return mention.start_date is not None and mention.start_date <= today <= mention.end_date


def is_gloss(view: str, mention: Mention, previous: Mention | None) -> bool:
    """14日(周三), 1月6日(腊月初一): a note in brackets on the date just before it."""
    if previous is None or previous.end > mention.start:
        return False
    gap = view[previous.end:mention.start]
    return bool(_OPEN_BRACKET.fullmatch(gap)) and _CLOSE_BRACKET.match(view, mention.end) is not None


# 中華5金6銀9銅暫居獎牌榜第8: a standing; 市場…結束後走高: how a market went.
_STANDING = lazy_compile(r"(?:(?:暂居|暂列|位居|位列|名列)[^，,。；;将]{0,6}?|排名|排在)第\s*[0-9一二三四五六七八九十]")
_WON = lazy_compile(r"夺|冠军|击败|战胜|胜出|摘下|摘金|拿下")
_MARKET = lazy_compile(r"(?:市场|股市|股价|汇价|汇率|恒指|大市|油价|金价)[^，,。；;]{0,16}?"
                       r"(?:走高|走低|收高|收低|高开|低开|反弹|回落|上扬|下挫|攀升|走弱|走强)")


def is_measurement(text: str, period: bool, past: bool = True) -> bool:
    """A figure: 同比增长4.5%, 涨超6.52%, or how a past period went (8月份生產加快); what so
    many underwent over a period (9月和10月仅有5家…被查) is what happened then, and a trend
    foreseen (明年3月市场将回暖) is a prediction. A standing (暫居獎牌榜第8) and how a market
    went (市場…走高) are figures too, unless the clause also tells a win."""
    if _MEASURE.search(text) or (period and past and _TREND.search(text)) or ("分别" in text and _BY_ITEM.search(text)):
        return True
    if past and "第" in text and _STANDING.search(text) and not _WON.search(text):
        return True
    if past and ("市" in text or "股" in text or "价" in text or "汇" in text or "恒指" in text) and _MARKET.search(text):
        return True
    return bool(_PERCENT.search(text)) and _CHANGE.search(text) is not None


def is_said_so_frame(text: str) -> bool:
    """他下午出席…后，向记者这么说: the frame of words quoted before, no happening of its own.
    A notice released on a date (发布的警情通报：…) is one, beside the happening it reports."""
    return _SAID_SO.search(text.rstrip("。！!")) is not None


# 随着2026年将至, 隨著農曆新年的到來: the time that frames what is said, not a happening of its own.
_BACKDROP_BEFORE = lazy_compile(r"(?:随着|随著|隨著)\s*$")
_BACKDROP_AFTER = lazy_compile(r"\s*(?:的)?(?:即将)?(?:将至|将近|到来|来临|临近|逼近|届临|结束|过去|开始)")


def is_backdrop(view: str, mention: Mention) -> bool:
    """随着2026年将至，州政府将继续…: the coming of a time is the backdrop of what follows."""
    return (_BACKDROP_BEFORE.search(view, max(0, mention.start - 3), mention.start) is not None
            and _BACKDROP_AFTER.match(view, mention.end) is not None)


# 延長…期限至2030年12月31日止, 有效期到明年6月底为止: the end of a span that runs on, not a happening.
_UNTIL_BEFORE = lazy_compile(r"(?:至|到|迄)\s*$")
_UNTIL_AFTER = lazy_compile(r"\s*(?:为止|止)(?![血步住])")


def is_until(view: str, mention: Mention) -> bool:
    """…期限至2030年12月31日止: the date a span ends, told with what was decided (the decision is
    the happening, the end of its span is not)."""
    return (_UNTIL_BEFORE.search(view, max(0, mention.start - 2), mention.start) is not None
            and _UNTIL_AFTER.match(view, mention.end) is not None)


# 再次提到2019年「港版顏色革命」: the date of what a speaker recalls, not of the speaking.
_RECALLED_BEFORE = lazy_compile(r"(?:提到|提及|谈到|谈及|说到|讲到|回顾|回忆|忆及|追溯到|追溯至|援引)\s*$")


def is_recalled(view: str, mention: Mention) -> bool:
    """提到2019年…的影響: what a speaker brings up; the speaking belongs to the story's day."""
    return _RECALLED_BEFORE.search(view, max(0, mention.start - 4), mention.start) is not None


_RATE_AFTER = lazy_compile(r"\s*[0-9０-９一二两三四五六七八九十]{1,2}\s*(?:战|场|餐|次|趟|班|更)")


# 在家中接受檢疫十四日。: a bare day right after a verb or its object, ending the clause, is a
# length (fourteen days), not the 14th; 定於14日。, 押后至14日, 是14日 are dates.
_BEFORE_A_DAY = set("于於在至到由从自、和及与或今本当前上下每第为是即迄止定起日月年号了的逢及至")
_AFTER_A_LENGTH = set("，,。；;！!？?、）)")


def is_length(view: str, mention: Mention) -> bool:
    """接受检疫十四日: so many days, told after the act, not a day of the month."""
    if mention.rule != "day" or mention.start == 0 or view[mention.end - 1:mention.end] != "日":
        return False
    before = view[mention.start - 1]
    return ("\u4e00" <= before <= "\u9fff" and before not in _BEFORE_A_DAY
            and view[mention.end:mention.end + 1] in _AFTER_A_LENGTH)


def is_rate(view: str, mention: Mention) -> bool:
    """羽球1日2戰, 一日三餐: so many in one day, not the first of the month."""
    text = view[mention.start:mention.end]
    return (mention.rule == "day" and text[-1:] == "日" and len(text) <= 2
            and _RATE_AFTER.match(view, mention.end) is not None)


_EDITION = lazy_compile(r"\s*(?:第[0-9一二三四五六七八九十百]+届)?[\u4e00-\u9fff]{0,8}?"
                        r"(?:世运会|运动会|奥运会|冬奥会|亚运会|全运会|大运会|世大运|残奥会|世界杯|锦标赛|博览会|电影节|艺术节)")
_EDITION_WORDS = ("运会", "动会", "奥会", "世界杯", "锦标赛", "博览会", "电影节", "艺术节", "世大运")  # what every _EDITION ends with
_TALLY = lazy_compile(r"累计|共获|合计|共夺|总计|至本届|至今")


def names_an_edition(view: str, mention: Mention) -> bool:
    """2001年秋田世運會、2009年高雄世運會…累計1銀、6銅: the years name editions of the games in a
    list or a tally, no happening of their own."""
    after = view[mention.end:mention.end + 24]
    if mention.granularity != "year" or not any(word in after for word in _EDITION_WORDS):
        return False  # no games' or fair's name follows
    name = _EDITION.match(view, mention.end)
    if name is None:
        return False
    stop = _CLAUSE_END.search(view, name.end())
    sentence_end = min((i for i in (view.find(m, name.end()) for m in "。！？\n") if i >= 0), default=len(view))
    return (view[name.end():name.end() + 1] in "、起至和及与"
            or view[max(0, mention.start - 1):mention.start] in "、自"
            or _TALLY.search(view, name.end(), sentence_end) is not None) and stop is not None


# 第三節打出9比5攻勢後來居上: a set phrase that holds a time word, no time of its own.
_IDIOMS = ("后来居上", "从今往后", "今非昔比", "日后再说", "前所未有", "早晚会")


def in_idiom(view: str, mention: Mention) -> bool:
    """後來居上 (came from behind): the time word is part of a set phrase."""
    around = view[max(0, mention.start - 2):mention.end + 3]
    text = view[mention.start:mention.end]
    return any(text in idiom and idiom in around for idiom in _IDIOMS)


# 受理審判執行案件3748.6萬件，審結執結3620萬件: how many cases offices handled over a period.
_CASE_VERBS = ("受理", "审结", "办结", "执结", "办理", "查处", "立案", "审理", "结案")
_CASELOAD = lazy_compile(r"(?:受理|审结|办结|执结|办理|查处|立案|审理|结案)[^，,。；;]{0,16}?[0-9０-９.]+\s*万?\s*(?:件|宗|起|人次)")


def is_caseload(text: str) -> bool:
    """受理…案件3748.6萬件: a tally of cases handled in a period, a figure, not a happening."""
    return any(word in text for word in _CASE_VERBS) and _CASELOAD.search(text) is not None
