"""Text that wraps the way Chinese is read: between any two CJK characters, never inside a
Latin word or a number (Facebook, GPT-4, 2025), and never through a wide character."""

from __future__ import annotations

import re

# A Latin word or number stays whole; closing punctuation stays with what it closes (no line
# starts with 、 or ，).
_CLOSERS = "、，。,.:：;；!！?？)）」』】》”’"
_TOKENS = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9_.\-+/']*|[^\s])[" + re.escape(_CLOSERS) + r"]*|\s+", re.S)


class WrappedText:
    """A Rich renderable for table cells holding mixed Chinese and Latin text."""

    def __init__(self, text: str, style: str = ""):
        self.text = text
        self.style = style

    def _tokens(self) -> list[str]:
        return _TOKENS.findall(self.text)

    def __rich_measure__(self, console, options):
        from rich.cells import cell_len
        from rich.measure import Measurement

        tokens = self._tokens()
        longest = max((cell_len(t) for t in tokens if not t.isspace()), default=1)
        return Measurement(min(longest, options.max_width), min(cell_len(self.text), options.max_width))

    def __rich_console__(self, console, options):
        from rich.cells import cell_len
        from rich.text import Text

        width = max(1, options.max_width)
        lines: list[str] = []
        line, used = "", 0
        for token in self._tokens():
            size = cell_len(token)
            if token.isspace():
                if line:
                    line, used = line + " ", used + 1
                continue
            if used + size > width and line.strip():
                lines.append(line.rstrip())
                line, used = "", 0
            while size > width:  # a Latin word wider than the column: fold it, nothing else fits
                cut, cut_size = "", 0
                for ch in token:
                    if cut_size + cell_len(ch) > width:
                        break
                    cut, cut_size = cut + ch, cut_size + cell_len(ch)
                lines.append(cut)
                token, size = token[len(cut):], size - cut_size
            line, used = line + token, used + size
        if line.strip() or not lines:
            lines.append(line.rstrip())
        yield Text("\n".join(lines), style=self.style, no_wrap=True, overflow="ignore")
