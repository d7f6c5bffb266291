"""Text from data files as Markdown that shows exactly as written.

Streamlit renders Markdown (CommonMark with GitHub's extensions, plus its own ``:red[...]``,
``:material/...:`` and ``$math$`` directives).  CommonMark lets any ASCII punctuation
character be escaped with a backslash (https://spec.commonmark.org/0.31.2/#backslash-escapes),
so escaping every one of them is the one rule that holds for every construct: what the data
says is shown as text, never as markup or a link it did not declare as a source.
"""

from __future__ import annotations

import re
import string
from urllib.parse import quote

from geo.model import Source

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def escape(text: object) -> str:
    """``text`` with every ASCII punctuation character backslash-escaped."""
    return _PUNCTUATION.sub(r"\\\1", str(text))


def link(source: Source) -> str:
    """A Markdown link to a source: its escaped title, its URL percent-encoded where it has
    characters that would end the link."""
    return f"[{escape(source.title)}]({quote(source.url, safe=':/?#@!$&*+,;=%~')})"


def cite(source: Source, lang: str) -> str:
    """A source as Markdown: its link, then the atlas's own remark on it in ``lang`` (say,
    "secondary source" or "news report quoting the minister"), if it has one."""
    return link(source) + (f" ({escape(source.remark[lang])})" if source.remark else "")


def citations(sources, lang: str) -> str:
    """Sources in parentheses after a statement: " ([title](url), [title](url) (remark))"."""
    return " (" + ", ".join(cite(source, lang) for source in sources) + ")"


def blockquote(text: str) -> str:
    """``text`` as a Markdown block quote, line breaks kept."""
    return "\n".join("> " + escape(line) if line.strip() else ">" for line in text.splitlines())


def bullets(lines: list[str]) -> str:
    """Lines (already Markdown) as a bulleted list."""
    return "\n".join(f"- {line}" for line in lines)
