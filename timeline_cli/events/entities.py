"""Entities: the alias table, user additions, and heuristics for names not in it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datatables import shipped_table
from ..lazyre import lazy_compile
from ..model import Actor, Entity
from ..script import simplified_view
from .aliases import AliasFinder
from .entityfile import EntityFileError, entities_from_data, parse_entities, slug

__all__ = ["EntityFileError", "EntityTable", "DocEntities", "load_table", "discover", "find_actors"]


@dataclass(frozen=True)
class EntityTable:
    """The entity table, ready: a finder of every alias, and lookups by alias and name."""

    entities: tuple[Entity, ...]
    finder: AliasFinder | None
    by_alias: dict  # simplified, case-folded alias -> entity id
    by_name: dict  # simplified, case-folded name or id -> entity id

    def get(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def lookup(self, name: str) -> Entity | None:
        """The entity a name (any alias, either script, any case) stands for."""
        key = _key(name)
        entity_id = self.by_alias.get(key) or self.by_name.get(key)
        return None if entity_id is None else self.get(entity_id)


def _key(name: str) -> str:
    return fold_case(simplified_view(name)).strip()


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold_case(text: str) -> str:
    """Lower case, keeping the length (so offsets hold): matching is on folded text, because
    an IGNORECASE pattern of every alias takes ~40 ms to compile."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def user_entities_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "timeline-cli" / "entities.toml"


def load_table(extra: Path | None = None) -> EntityTable:
    """The shipped table, plus the user's config file, plus --entities FILE (later ones extend)."""
    entries = entities_from_data(shipped_table("entities"), "the shipped entity table")
    config = user_entities_path()
    for path in (config if config.is_file() else None, extra):
        if path is None:
            continue
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise EntityFileError(f"cannot read entities file {path}: {exc}") from exc
        for entry in parse_entities(text, str(path)).values():
            entries[entry.id] = _extend(entries.get(entry.id), entry)
    return compile_table(tuple(entries.values()))


def _extend(old: Entity | None, new: Entity) -> Entity:
    if old is None:
        return new
    hant = new.hant or (old.hant if new.name == old.name else "")
    return Entity(old.id, new.name or old.name, new.kind if new.kind != "other" else old.kind,
                  tuple(dict.fromkeys(old.aliases + new.aliases)), hant)


@lru_cache(maxsize=4)
def _compile_cached(entities: tuple[Entity, ...]) -> EntityTable:
    pairs = [(alias, entity.id) for entity in entities for alias in entity.aliases]
    # One conversion for all aliases (one per alias costs more than the rest of this).
    keys = fold_case(simplified_view("\n".join(alias.replace("\n", " ") for alias, _ in pairs))).split("\n")
    by_alias: dict[str, str] = {}
    for key, (_alias, entity_id) in zip(keys, pairs, strict=True):
        by_alias.setdefault(key.strip(), entity_id)
    by_name: dict[str, str] = {}
    for entity in entities:
        by_name.setdefault(_key(entity.name), entity.id)
        by_name.setdefault(_key(entity.id), entity.id)
    if not by_alias:
        return EntityTable(entities, None, by_alias, by_name)
    return EntityTable(entities, AliasFinder(by_alias, latin_bounds=True), by_alias, by_name)


def compile_table(entities: tuple[Entity, ...]) -> EntityTable:
    """The table of these entities, ready for lookups (compiled once per set of entities)."""
    return _compile_cached(entities)


# --- names the table does not know: found per document ---------------------------------

_LATIN_NAME = lazy_compile(r"(?<![A-Za-z])([A-Z][a-z]+(?:[ \-·][A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?![A-Za-z])")
_ORG_SUFFIX = ("足球俱乐部", "俱乐部", "实验室", "研究院", "研究所", "委员会", "交易所", "航天局", "半导体", "基金会",
               "电视台", "通讯社", "总署", "公司", "集团", "大学", "银行", "协会", "法院", "科技", "电子", "控股", "证券",
               "汽车", "航空", "医院", "学院", "议会", "政府", "署", "党")
# 党组, 党委, 党员 (the party's group, committee, members), 部署 (to deploy) and 大學運動會 end no name.
_SUFFIX_NOT_BEFORE = {"党": "(?![组委员章校建政内外籍龄费史务])", "署": "(?<!部)",
                      "电子": "(?!邮件|邮箱|手环|支付|商务|产品|设备|烟|书|版|化|琴|游戏|签名|屏|眼|钱包|脚镣)",
                      "大学": "(?!运动会|生运动会|生|城|路|站|校园)"}  # 台北世界大學運動會 is the Games
_ORG = lazy_compile("([A-Za-z0-9\u4e00-\u9fff]{2,10}?)("
                    + "|".join(s + _SUFFIX_NOT_BEFORE.get(s, "") for s in _ORG_SUFFIX) + ")")
_ORG_STOP = lazy_compile(r".*(?:宣布|收购|并购|表示|完成|成为|加入|投资|起诉|合并|包括|例如|旗下|内部|外部|一家|获得|提醒|"
                       r"要求|呼吁|认为|指出|透过|通过|经由|根据|进入|审议|宣判|留意|注意|出席|前往|邀请|批评|来自|同意|移除|拆除|删除|"
                       r"购买|使用|佩戴|亿元|万元|"
                       r"[一二三四五六七八九十两几]+[条个家名位项座所间]|"
                       r"新(?!加坡|西兰|竹|北|界|疆|华社|浪)|"
                       r"[的了在与和及并将是由为把被对向从给等其该这那个位名所座已执任曾让使于就如据依因指后有经闻"
                       r"\d年月]|\d日)")
# A company's full legal name goes on: 深圳脑机星链科技 + 有限公司.
_ORG_TAIL = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
_SHORT_NAME_SUFFIX = ("公司", "集团", "科技", "半导体", "电子", "控股", "证券", "汽车", "航空", "银行")
_GENERIC = {"AI", "科技", "初创", "创业", "合资", "上市", "母", "子", "全资子", "本", "大", "小", "两家", "多家",
            "人工智能", "该", "这家", "那家", "新", "一家", "其", "设计", "芯片", "模拟芯片设计", "投资", "咨询",
            "管理", "贸易", "控股", "研究", "中国", "美国", "国际", "全球", "国有", "民营", "私人", "上游", "下游",
            "台湾", "香港", "澳门", "日本", "韩国", "欧洲", "英国", "德国", "法国", "本地", "当地", "海外", "国内",
            "中超", "中甲", "英超", "西甲", "港口", "地方", "外资", "中资", "台资", "一家港口", "执政", "在野", "反对",
            "政", "本党", "该党", "两", "各", "多个", "公", "官", "部", "市", "县", "省", "州", "联邦", "地方政府",
            "犯罪", "诈骗", "贩毒", "走私", "黑社会", "恐怖"}
# Descriptions that end before a name: 类比芯片设计商微拓科技 → 微拓科技.
_DESCRIPTOR = lazy_compile(r".*(设计商|制造商|供应商|厂商|运营商|开发商|服务商|零售商|芯片商|晶片商|代工厂|巨头|龙头)")
_ROLE = ("首席执行官", "总设计师", "董事长", "执行长", "总经理", "创始人", "创办人", "负责人", "发言人", "主教练",
         "总裁", "主帅", "教练", "主席", "部长", "院长", "局长", "署长", "球员", "前锋", "中场", "后卫",
         "门将", "市长", "县长", "议员", "立委", "法官", "教授", "研究员", "科学家", "工程师", "总监", "大使",
         "总统", "总理", "首相", "主任", "校长", "队长", "CEO", "医生", "律师", "作家", "导演", "演员", "歌手",
         "司长", "处长", "长官", "干事长", "秘书长", "会长", "理事长", "主委", "党魁", "议长", "检察官",
         "省长", "厅长", "书记", "警长")
_SURNAMES = ("(?:欧阳|司马|诸葛|上官|司徒|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
             "袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
             "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤柯翁庄洪温甘傅包康施赖卓殷滕聂乔阎俞邢葛凌岳鲁章伍齐祝童牛甄游詹蓝简纪"
             "骆倪裴翟苗谷季麦邝冼阮符])")
_PERSON = lazy_compile("(?:" + "|".join(_ROLE) + ")(" + _SURNAMES + "[\u4e00-\u9fff]{1,2})")
# A name said before what its person said or did, with no role in front: 温家宝表示, 付凌晖指出.
_SPEECH = ("表示", "指出", "强调", "透露", "认为", "坦言", "回应", "宣布", "解释", "介绍", "告诉", "提到", "说明",
           "警告", "呼吁", "批评", "承认", "否认", "说", "称", "会后表示", "受访时")
_SPEAKER = lazy_compile(r"(?:^|(?<=[，,。；;：:、\s“”「」『』（）()]))(" + _SURNAMES + "[\u4e00-\u9fff]{1,2}?)"
                      "(?=" + "|".join(_SPEECH) + ")")
# A third character that more likely starts the next word than ends a name: 张三表示.
_NOT_NAME_END = set("表称说在将于已也则并和与认指强宣回透的曾是接出担获被率带加离辞正今昨明等为对向从就还又都会要能可续签")
_PERSON_PRONOUN = lazy_compile(r"[他她]")
# Malaysian titles before a name (内政部长拿督斯里赛夫丁纳苏申表示, 警察总长丹斯里拉扎鲁丁): the name
# runs to the next word that speaks, joins or dates.
_HONORIFIC = lazy_compile(r"(?:丹斯里拿督|拿督斯里|丹斯里|拿督|拿汀|敦)([\u4e00-\u9fff]{2,7}?)"
                          r"(?=表示|指出|说|称|强调|透露|今|昨|在|与|和|及|的|讨论|[，,。、；;（(\s])")
_HONORIFIC_WORDS = ("拿督", "丹斯里", "拿汀", "敦")
_WEEKDAY = lazy_compile(r"周[一二三四五六日天末]")
# Foreign names written in Chinese with a middle dot: 马科斯·罗德里格斯, 若昂·席尔瓦.
_SOUNDS = ("阿埃艾安昂奥巴拜班邦保贝本比彼毕波伯博布查达戴丹道德登迪蒂丁东杜多厄恩法范菲费芬丰弗福富盖甘冈高戈格根古哈海汉豪"
           "赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱赖兰朗劳勒雷里理利莉连林琳隆卢鲁路伦罗洛吕玛马迈麦曼梅门蒙米"
           "敏莫默姆穆纳娜内尼妮努诺欧帕潘庞佩彭皮珀普奇齐乔琼丘萨塞赛桑瑟森沙莎尚舍圣施什史舒斯松苏索塔泰坦汤唐特提"
           "图托瓦万威韦维温沃乌武西希席夏谢辛休雅亚扬耶伊英尤于约泽扎詹兹若尔")
_TRANSLITERATED = lazy_compile(f"[{_SOUNDS}]{{1,5}}·[{_SOUNDS}]{{1,6}}")


@dataclass(frozen=True)
class DocEntities:
    """The shared table plus the names found in one document (晶辰半导体, later just 晶辰)."""

    table: EntityTable
    found: tuple[Entity, ...]
    finder: AliasFinder | None
    by_alias: dict

    def get(self, entity_id: str) -> Entity | None:
        return self.table.get(entity_id) or next((e for e in self.found if e.id == entity_id), None)


def discover(text: str, view: str, table: EntityTable) -> DocEntities:
    """Organisations and people the alias table lacks, found by their shape in this document."""
    found: dict[str, Entity] = {}
    taken_names: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str, short: str | None = None) -> None:
        taken_names.append((start, end))
        name_view = view[start:end]
        if table.lookup(name_view) is not None:
            return
        entity_id = slug(name_view)
        aliases = [name_view] + ([short] if short and len(short) >= 2 and short not in _GENERIC else [])
        if entity_id not in found:
            found[entity_id] = Entity(entity_id, text[start:end], kind, tuple(aliases))

    for m in _ORG.finditer(view):
        prefix = _ORG_STOP.sub("", _DESCRIPTOR.sub("", m.group(1))).lstrip("应")  # 应美国政府…要求
        if len(prefix) < 2 or prefix in _GENERIC or any(prefix.endswith(g) for g in ("设计", "芯片", "子", "全资", "犯罪", "诈骗", "贩毒", "走私", "黑社会", "恐怖")):
            continue
        start = m.end() - len(prefix) - len(m.group(2))
        short = prefix if m.group(2) in _SHORT_NAME_SUFFIX and not prefix.isascii() else None
        end = m.end()
        tail = next((t for t in _ORG_TAIL if view.startswith(t, end)), "")
        add(start, end + len(tail), "org", short)
    for m in _TRANSLITERATED.finditer(view):
        add(m.start(), m.end(), "person")
    for m in _HONORIFIC.finditer(view) if any(title in view for title in _HONORIFIC_WORDS) else ():
        if not _overlaps(m.start(1), m.end(1), taken_names):
            add(m.start(1), m.end(1), "person")
    for m in _PERSON.finditer(view):
        name = m.group(1)
        if _WEEKDAY.match(name):
            continue  # 部长周五将出席: 周 is a surname, but 周五 is Friday
        if len(name) == 3 and view.count(name) < 2 and (name[2] in _NOT_NAME_END
                                                         or view.count(name[:2]) > view.count(name)):
            name = name[:2]  # 队长陈墨续约 → 陈墨, when 陈墨 also stands alone elsewhere
        if _overlaps(m.start(1), m.start(1) + len(name), taken_names):
            continue
        add(m.start(1), m.start(1) + len(name), "person")
    for m in _SPEAKER.finditer(view):
        name = m.group(1)
        if name[1] in _NOT_NAME_END or name[1] in "上下前后先再同" or _WEEKDAY.match(name) or _overlaps(m.start(1), m.end(1), taken_names):
            continue  # 马上表示, 周一表示: an adverb or a day, not a name
        add(m.start(1), m.end(1), "person")
    for m in _LATIN_NAME.finditer(view):
        if view[m.start(1) - 1:m.start(1)] in ("(", "（"):
            continue  # 尼曼研究員(Nieman Fellow): a translation in brackets, not a person
        add(m.start(1), m.end(1), "person")
    by_alias: dict[str, str] = {}
    orgs = sorted((e for e in found.values() if e.kind == "org"), key=lambda e: len(e.name), reverse=True)
    for short in orgs:  # 氣象署 after 中央氣象署, 廈門市中級人民法院 after 福建省廈門市中級人民法院: one body
        longer = next((e for e in orgs if len(e.name) > len(short.name) >= 3 and e.id in found
                       and fold_case(e.aliases[0]).endswith(fold_case(short.aliases[0]))), None)
        if longer is not None and short.id in found:
            del found[short.id]
            by_alias.setdefault(fold_case(short.aliases[0]), longer.id)
    for entity in found.values():
        for alias in entity.aliases:
            by_alias.setdefault(fold_case(alias), entity.id)
    if not by_alias:
        return DocEntities(table, (), None, {})
    return DocEntities(table, tuple(found.values()), AliasFinder(by_alias), by_alias)


# --- finding actors in a stretch of text -----------------------------------------------

def find_actors(view: str, start: int, end: int, doc: DocEntities) -> list[tuple[int, int, Actor, str]]:
    """Actors in view[start:end] as (start, end, actor, kind), the span being where the text
    names them: the alias table first, then this document's own names."""
    found: list[tuple[int, int, Actor, str]] = []
    taken: list[tuple[int, int]] = []
    base = max(0, start - 1)  # one character before, for the patterns' look-behind
    folded = fold_case(view[base:end])
    for finder, by_alias in ((doc.table.finder, doc.table.by_alias), (doc.finder, doc.by_alias)):
        if finder is None:
            continue
        for found_start, found_end, alias in finder.finditer(folded, start - base):
            m_start, m_end = base + found_start, base + found_end
            if _overlaps(m_start, m_end, taken):
                continue
            entity = doc.get(by_alias[alias])
            if entity is not None:
                found.append((m_start, m_end, Actor(entity.id, entity.name), entity.kind))
                taken.append((m_start, m_end))
    found.sort(key=lambda item: item[0])
    return found


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def has_person_pronoun(view: str, start: int, end: int) -> bool:
    return _PERSON_PRONOUN.search(view, start, end) is not None
