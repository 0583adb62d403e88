"""Whether a page's own site name (``og:site_name``) names the site it is on: "CityDog.by" on
citydog.by, "Бомбардир" on bombardir.ru, "Реальное время" on realnoevremya.ru (read in Latin
letters), but not "Display Connectors, SL" (a publisher's company) on its magazine's site. A
site name that does is kept as the page's outlet where no outlet table knows it
(:func:`toolkit.provenance.resolved`); one that does not is left out with a note.

Example:
    >>> names_site("Реальное время", "realnoevremya.ru"), names_site("ВРЕМЯ", "timeua.info")
    (True, False)
"""

from __future__ import annotations

import re

__all__ = ["name_part", "names_site"]

# Cyrillic letters in Latin, as site names are spelt in their domains (ru, uk, be)
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
        "ь": "", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    }
)  # fmt: skip
# Where a site's or a feed's title goes on past its name: "TUT.BY: Новости ТУТ - Главные
# новости", "LinkNaija | Nigeria's popular news platform", "BBC News - World"
_SECTION = re.compile(r"\s*:\s+|\s+[-–—|]\s+")
# The shortest part of a domain's name that a site name may be said to give
MIN_LETTERS = 4


def name_part(title: str | None) -> str | None:
    """A site's or a feed's title up to a colon or a dash that goes on to a section or a
    slogan, a URL written as a name less its scheme and ``www.``.

    Example:
        >>> name_part("LinkNaija | Nigeria's popular news platform"), name_part("BelTA")
        ('LinkNaija', 'BelTA')
        >>> name_part("https://www.hawaiinewsnow.com")
        'hawaiinewsnow.com'
    """
    if title is None:
        return None
    title = re.sub(r"^https?://(?:www\.)?", "", title.strip()).rstrip("/")
    head = _SECTION.split(title, maxsplit=1)[0].strip()
    return head if len(head) >= 2 else title


def names_site(name: str | None, site: str | None) -> bool:
    """Whether ``name`` spells the site's own name: its letters (in Latin, without spaces and
    punctuation) hold the site's first label less ``www.`` (four letters or more), or that
    label holds them ("EADaily" on eadaily.com). Variants of a transliteration ("kh" or "h",
    "ya" or "ia") are compared as one."""
    if not name or not site:
        return False
    label = re.sub(r"^www\d?\.", "", site.lower()).split(".")[0]
    written = re.sub(r"\.[a-z]{2,4}$", "", name.lower().strip())  # "Smithsonian.com"
    letters = _plain(written.translate(_LATIN))
    label = _plain(label)
    if letters == label and len(label) >= 2:
        return True  # "CNN" on cnn.com, "Vox" on vox.com (trial AA)
    if min(len(label), len(letters)) < MIN_LETTERS:
        return False
    return label in letters or letters in label


def _plain(text: str) -> str:
    """Letters and digits only, transliteration variants made one."""
    text = re.sub(r"[^a-z0-9]", "", text)
    return text.replace("kh", "h").replace("ia", "ya").replace("iu", "yu").replace("j", "y")
