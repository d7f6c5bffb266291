"""The atlas's text: interface strings and their catalogue, dates and names in each language
(:class:`Localizer`), and the escaped Markdown of the panel and the reading pages."""

from .catalogue import MESSAGES
from .localizer import NAME_STYLES, Localizer, negotiate

__all__ = ["MESSAGES", "NAME_STYLES", "Localizer", "negotiate"]
