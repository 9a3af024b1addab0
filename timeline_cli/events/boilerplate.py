"""What is not the story: bylines, agency tags, navigation, share lines, ads, captions,
related-headline lists. They are blanked (turned into spaces, so every offset still points
into the original text) before events are built: they neither become events nor lead
titles, and the reporters they name are not actors.

Patterns run on the Simplified view; each is one kind of page furniture.
"""

from __future__ import annotations

from ..lazyre import lazy_compile

# Each kind of furniture comes with words one of which every match holds: a text with none of
# them skips the pattern (and does not compile it). tests/test_boilerplate.py checks the words.
_AGENCIES = ("中央社", "路透", "法新社", "美联社", "彭博", "新华社", "中新社", "共同社", "韩联社", "大公报",
             "文汇报", "星岛", "明报", "联合", "自由时报", "NOWnews", "ETtoday", "东网", "记者")
_WIRE_SERVICES = ("新华社", "中新社", "中新网", "人民网", "央视网", "新浪科技", "新浪财经", "腾讯科技", "澎湃新闻",
                  "界面新闻", "财联社", "中央社")

# Inside a line: bracketed bylines and agency tags.
INLINE = [
    (("记者", "通讯员", "编译", "撰稿", "文", "图"),
     lazy_compile(r"[〔【\[（(]\s*(?:记者|本报记者|特派记者|实习记者|通讯员|编译|撰稿|文|图)[^〔〕【】\[\]（）()\n]{0,30}[〕】\]）)]")),
    (("【", "〔"), lazy_compile(r"[【〔][^【】〔〕\n]{0,20}(?:讯|报道|报导|电|快讯)[】〕]")),
    # 中国天气网讯, 新浪科技讯 at the start of a paragraph
    (("讯",), lazy_compile(r"(?:^|(?<=\s))[\u4e00-\u9fff]{2,8}?(?:网|社|报|台)讯")),
    # 《經濟通通訊社9日專訊》: a wire's tag in 《》
    (("专讯",), lazy_compile(r"《[^《》\n]{2,12}?(?:\d{1,2}日)?专讯》")),
    # 【…澳门发出三号风球】10月4日讯, at a paragraph's start: a dateline with no place
    (("日电", "日讯"), lazy_compile(r"(?:^|(?<=[\s】]))\d{1,2}月\d{1,2}日(?:电|讯)(?=[，,\s])")),
    # 本报讯, 早报讯 (记者 申力): the paper's own tag at the start of a paragraph
    (("报讯",), lazy_compile(r"(?:^|(?<=\s))[本早晚日]报讯")),
    # （中评社 俞敦平摄）: a photo credit in brackets
    (("摄",), lazy_compile(r"[（(][^（）()\n。，,]{0,16}摄[)）]")),
    # 广告 更多内容请继续往下阅读：an advertisement's break inside the story
    (("继续",), lazy_compile(r"(?:广告\s*)?(?:更多内容)?请?继续(?:往下|向下)?阅读(?:下文|全文)?[：:]?")),
    # …记者会。图为其四个多月前在政总的记者会。: a caption told as a sentence of its own
    (("图为",), lazy_compile(r"(?<=[。！？!?])\s*图为[^。！？\n]{0,160}[。！？!?]?")),
    # (中央社记者杨启芳台北20日电), (新加坡11日讯), (布城18日马新社讯): a dateline in brackets
    # (台北十日电): the day in Chinese numerals too
    (("电)", "电）", "讯)", "讯）"), lazy_compile(r"[（(][^（）()\n]{0,20}?(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日"
                                                 r"[^（）()\n]{0,8}?(?:电|讯)[)）]")),
    # 中新网北京2月14日电(马学玲 汤琪), 中国青年报客户端北京9月15日电(…见习记者 赵丽梅), and the slash some
    # agencies put after it (中评社北京2月2日电／2026年2月2日，…)
    # 《經濟通通訊社9日專訊》: a wire's tag in 《》
    (("专讯",), lazy_compile(r"《[^《》\n]{2,12}?(?:\d{1,2}日)?专讯》")),
    (("日电", "日讯"),
     lazy_compile(r"(?:^|(?<=\s))[\u4e00-\u9fff·]{2,16}?\d{1,2}月\d{1,2}日(?:电|讯)(?:[（(][^（）()\n]{0,30}[)）])?"
                  r"(?:\s*[／/])?")),
    (_AGENCIES,
     lazy_compile(r"[（(](?:中央社|路透社?|法新社|美联社|彭博社?|新华社|中新社|共同社|韩联社|大公报|文汇报|星岛|明报|"
                  r"联合报|自由时报|联合新闻网|NOWnews|ETtoday|东网|记者[^（）()\n]{0,20})[)）]")),
    (_WIRE_SERVICES,
     lazy_compile(r"(?:^|(?<=[\s。]))(?:新华社|中新社|中新网|人民网|央视网|新浪科技|新浪财经|腾讯科技|澎湃新闻|界面新闻|"
                  r"财联社|中央社)[^\s，。]{0,12}?(?:\d{1,2}月\d{1,2}日)?(?:电|讯|消息)(?=[\s（(，：:]|$)")),
    (("记者", "摄影", "图／", "图/", "图：", "文／", "文/", "撰文", "编辑", "责编", "校对"),
     lazy_compile(r"(?:记者|摄影|图／|图/|图：|文／|文/|撰文|编辑|责任编辑|责编|校对)[：:／/ ]?[\u4e00-\u9fff·]{2,4}"
                  r"(?:[／/][\u4e00-\u9fff]{2,6})?(?:摄|摄影|报道|报导|综合报道|特稿)(?=[\s。，)）]|$)")),
]
# Whole lines.
LINE = [
    (("ADVERTISEMENT", "Advertisement", "广告", "廣告", "赞助内容", "推荐阅读", "延伸阅读", "相关阅读", "相关新闻",
      "相关报道", "更多新闻", "热门新闻", "热门推荐", "猜你喜欢", "点击排行", "即日新闻"),
     lazy_compile(r"^\s*(?:ADVERTISEMENT|Advertisement|广告|廣告|赞助内容|推荐阅读|延伸阅读|相关阅读|相关新闻|相关报道|"
                  r"更多新闻|热门新闻|热门推荐|猜你喜欢|点击排行|即日新闻)\s*[：:]?\s*$")),
    (("来源", "编辑", "责编", "校对", "审核", "图", "摄影"),
     lazy_compile(r"^\s*(?:资料来源|来源|责任编辑|责编|编辑|校对|审核|图片来源|图片|图|摄影)\s*[：:／/].{0,60}$")),
    (("分享到", "分享至", "分享：", "收藏", "打印", "字号", "返回顶部", "首页", "上一篇", "下一篇"),
     lazy_compile(r"^\s*(?:分享到|分享至|分享：|收藏|打印|字号|返回顶部|首页|上一篇|下一篇).{0,60}$")),
    # 首页 › 新闻 › 国际, 首页 · 新闻 · 国际 (a dot between names, 若昂·席尔瓦, has no blanks around it)
    (tuple("|｜>›»"), lazy_compile(r"^[^。！？\n]{0,12}(?:\s*[|｜>›»]\s*[^。！？|｜>›»\n]{1,8}){2,}\s*$")),
    (tuple("·•"), lazy_compile(r"^[^。！？\n]{0,12}(?:\s+[·•]\s+[^。！？·•\n]{1,8}){2,}\s*$")),
    # 昨夜今晨丨西安地铁试车事故1死2伤丨一男子驾车失控致1死9伤: a digest of headlines
    (tuple("丨｜|"), lazy_compile(r"^[^\n]*[丨｜|][^\n]*[丨｜|][^\n]*$")),
    (("图", "圖", "照片"),
     lazy_compile(r"^\s*[（(]?(?:图|圖|照片|图片)\s*[：:／/]?[^\n]{0,60}(?:摄|提供|翻摄|截图|资料照)[)）]?\s*$")),
    # A photo caption: it ends with the photo's credit, 图为… opens it, or a reporter took it.
    # …(路透社/達志影像), …(新明日報圖): an agency's picture, a paper's picture
    (("摄", "提供", "截图", "资料照", "取自", "撷自", "图/", "图／", "影像", "报图", "社图"),
     lazy_compile(r"^[^\n]{0,160}[。！？!?]\s*[（(][^（）()\n]{0,24}(?:摄|提供|截图|资料照|翻摄|取自|撷自|图/|图／|"
                  r"[/／]\s*[^（）()\n/／]{1,8}影像|[报社]图)"
                  r"[^（）()\n]{0,30}[)）]\s*$")),
    # ▲中華合球隊…奪下銅牌。: a caption marked by the triangle some pages put before it
    (("▲",), lazy_compile(r"^\s*▲[^\n]{0,200}$")),
    # 刊登於 2024-03-19, 【3月19日19:10更新】: when the page went up or was changed
    # 发布: 4:32pm 10/01/2023 too
    (("刊登", "发布", "更新", "发表于"),
     lazy_compile(r"^\s*(?:刊登于|刊登日期|发布于|更新于|发表于|最后更新|更新时间|发布时间|发布)\s*[：:]?\s*[\d年月日:/\-\sAaPpMm]{4,24}$|"
                  r"^\s*[【\[][\d年月日:：/\-\s]{3,20}更新[】\]]\s*$")),
    (("图为",), lazy_compile(r"^\s*(?:[•·]\s*)?图为[^\n]{0,160}$")),
    # …與全體議員大合照。攝：林振東/端傳媒: a caption that ends with who took the photo
    (("摄",), lazy_compile(r"^[^\n]{0,200}[。！？!?]\s*摄(?:影)?\s*[：:／/]\s*[\u4e00-\u9fff·]{2,4}(?:\s*[／/]\s*\S{2,8})?\s*$")),
    # Current Affairs, World News: a section's name in English on a line of its own
    (tuple("ACDEFGHIJKLMNOPRSTUVWBQXYZ"), lazy_compile(r"^\s*(?:Current Affairs|Opinion|Politics|World|World News|Local News|"
                                                   r"Business|Sports?|Lifestyle|Entertainment|Breaking News|Latest News|"
                                                   r"Top Stories|Tech|Technology|Health|Society|Nation|Asia|China)\s*$")),
    # 中央广播电台 ・ 1 天前: the source and how long ago the page went up
    (tuple("・·•|｜"), lazy_compile(r"^[^。！？\n]{0,24}[・·•|｜]\s*\d{1,3}\s*(?:分钟|小时|天|周|个月)前\s*$")),
    (("记者", "社发"),
     lazy_compile(r"^[^\n]{0,160}[。！？!?]\s*(?:记者[\u4e00-\u9fff]{2,4}\s*[／/]?\s*摄影?|[\u4e00-\u9fff]{2,6}社发)\s*$")),
]
RELATED = (("延伸阅读", "相关阅读", "相关新闻", "相关报道", "推荐阅读", "更多新闻", "热门新闻", "你可能也想看", "看更多"),
           lazy_compile(r"^\s*(?:延伸阅读|相关阅读|相关新闻|相关报道|推荐阅读|更多新闻|热门新闻|你可能也想看|看更多)\s*[：:]?"))


def _present(furniture, view: str) -> list:
    """The patterns of the kinds of furniture whose words occur somewhere in the view."""
    return [pattern for words, pattern in furniture if any(word in view for word in words)]


def noise_spans(view: str) -> list[tuple[int, int]]:
    """Spans of page furniture in the (Simplified) text, in order."""
    spans: list[tuple[int, int]] = []
    offset = 0
    in_related = False
    inline, whole_lines, related = _present(INLINE, view), _present(LINE, view), _present([RELATED], view)
    for line in view.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start, end = offset, offset + len(body)
        offset += len(line)
        if not body.strip():
            in_related = False  # a related-headlines list ends at a blank line
            continue
        if related and related[0].match(body):
            in_related = True
            spans.append((start, end))
            continue
        if in_related and len(body.strip()) <= 40 and not body.rstrip().endswith("。"):
            spans.append((start, end))
            continue
        in_related = False
        if any(p.match(body) for p in whole_lines):
            spans.append((start, end))
            continue
        for pattern in inline:
            for m in pattern.finditer(body):
                spans.append((start + m.start(), start + m.end()))
    return sorted(spans)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span turned into spaces (line breaks kept)."""
    if not spans:
        return text
    out, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            start = cursor
        if start >= end:
            continue
        out.append(text[cursor:start])
        out.append("".join("\n" if ch == "\n" else " " for ch in text[start:end]))
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
