"""An HTML page's own publication date, from its markup (before the markup is blanked).

Looked for, in this order, in the page's first part:
- <meta property="article:published_time" content="2025-11-20T08:00:00+08:00">
  (also og:published_time, name="pubdate", "publishdate", "publish-date", "date",
  "dc.date", "dc.date.issued", itemprop="datePublished");
- JSON-LD: "datePublished": "2025-11-20…";
- <time datetime="2025-11-20…"> (the first one; pages put the article's own first).

Attribute order, quotes and case do not matter. A value that is not a date is ignored.
"""

from __future__ import annotations

import re
from datetime import date

from .lazyre import lazy_compile

_HEAD_CHARS = 200_000  # the head and the start of the body: where these tags are
_META = lazy_compile(r"<meta\b[^<>]{0,2000}>", re.IGNORECASE)
_ATTR = lazy_compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""")
_META_NAMES = ("article:published_time", "og:published_time", "pubdate", "publishdate", "publish-date",
               "publish_date", "datepublished", "dc.date.issued", "dc.date", "date", "sailthru.date",
               "parsely-pub-date")
_JSON_LD = lazy_compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TIME = lazy_compile(r"<time\b[^<>]{0,500}?\bdatetime\s*=\s*[\"']?([^\"'\s<>]{8,40})", re.IGNORECASE)
_ISO_DAY = lazy_compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def published_date(html: str) -> date | None:
    """The page's publication date, or None when its markup gives none."""
    head = html[:_HEAD_CHARS]
    found: dict[str, date] = {}
    for tag in _META.finditer(head):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _ATTR.finditer(tag.group(0))}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _META_NAMES and name not in found:
            day = _day(attrs.get("content", ""))
            if day is not None:
                found[name] = day
    for name in _META_NAMES:
        if name in found:
            return found[name]
    for pattern in (_JSON_LD, _TIME):
        for m in pattern.finditer(head):
            day = _day(m.group(1))
            if day is not None:
                return day
    return None


def _day(value: str) -> date | None:
    m = _ISO_DAY.match(value)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
