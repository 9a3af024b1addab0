"""Words every part of the tool shares, defined once: statuses, certainty, the scale of
date precision, the script choices and the marks that end a sentence.

Plain data, no imports: the command line, the event builder, the filters and the
benchmarks read the same names from here.
"""

from __future__ import annotations

# What an event's sentence says of it (docs/events.md, "Title, type, status").
STATUSES = ("occurred", "planned", "predicted", "reported", "negated", "postponed", "cancelled")

# How a date was reached, clearest first: written out, counted from the reference date,
# worked out from other dates, or vague (docs/events.md, "One event per dated clause").
CERTAINTIES = ("stated", "relative", "inferred", "approximate")
CERTAINTY_ORDER = {name: rank for rank, name in enumerate(CERTAINTIES)}

# How fine a date is, coarsest first; equal numbers are equally fine.
FINENESS = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 3, "season": 3, "month": 4,
            "week": 5, "day": 6, "daypart": 7, "hour": 7, "minute": 8}
DAY = FINENESS["day"]
MONTH = FINENESS["month"]

# --script: the article's own characters, Traditional or Simplified.
SCRIPTS = ("original", "hant", "hans")

# Marks that end a sentence anywhere in the tool, and the closing quotes or brackets that
# stay with the sentence they end. The event builder also ends sentences at ；/; (two
# statements), which a part of a big file need not respect.
SENTENCE_END = "。！？!?"
EVENT_SENTENCE_END = SENTENCE_END + "；;"
CLOSERS = "」』”’）)】》\"'"
