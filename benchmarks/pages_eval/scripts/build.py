"""Build the pages_eval set: raw HTML, plain-text dumps, labels.jsonl.

Run:  /work/main/.venv/bin/python scripts/build.py   (from /work/data/pages_eval)
Needs only selectolax + stdlib and the git mirrors listed in sources.py.
"""
import hashlib
import html as htmlmod
import json
import os
import re
import sys
from urllib.parse import urlparse

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402

sys.setrecursionlimit(20000)
OUT = os.environ.get("PAGES_EVAL_OUT", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PER_SITE_CAP = 6
SPLIT_SALT = "pages_eval-v1"

# ---------------------------------------------------------------- helpers

WS = re.compile(r"\s+")


def norm(s):
    return WS.sub(" ", (s or "").replace("\xa0", " ").replace("\u200b", "")).strip()


def decode(raw):
    head = raw[:4096].decode("ascii", "ignore")
    m = re.search(r"""charset=["']?([\w-]+)""", head, re.I)
    encs = ([m.group(1)] if m else []) + ["utf-8", "cp1252"]
    for e in encs:
        try:
            return raw.decode(e)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def site_of(url):
    host = urlparse(url).netloc.lower().split(":")[0]
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "ac", "gov") and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def split_of(site):
    h = int(hashlib.sha1(f"{SPLIT_SALT}:{site}".encode()).hexdigest()[:8], 16)
    return "dev" if h % 100 < 40 else "test"


# ---------------------------------------------------------------- text dump

BLOCK = set("""p div section article header footer nav aside main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd
table tr td th thead tbody tfoot caption blockquote pre figure figcaption form br hr address
fieldset legend details summary dialog option select center menu hgroup body html""".split())
SKIP = set("script style noscript template svg iframe head object embed canvas math".split())


def text_dump(tree):
    """Visible text of the whole <body> (menus, footers, etc. kept), one block per line."""
    lines, cur = [], []

    def flush():
        if cur:
            s = norm("".join(cur))
            if s:
                lines.append(s)
            cur.clear()

    def walk(node):
        for ch in node.iter(include_text=True):
            tag = ch.tag
            if tag == "-text":
                cur.append(ch.text_content or "")
            elif tag in SKIP or tag.startswith("-") or tag == "!doctype":
                continue
            elif tag in BLOCK:
                flush()
                walk(ch)
                flush()
            else:
                walk(ch)

    root = tree.body or tree.root
    if root is not None:
        walk(root)
    flush()
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- metadata

def meta_content(tree, *names):
    for n in names:
        for sel in (f'meta[property="{n}"]', f'meta[name="{n}"]', f'meta[itemprop="{n}"]'):
            for node in tree.css(sel):
                v = node.attributes.get("content")
                if v and norm(v):
                    return n, norm(v)
    return None, None


def jsonld_objects(tree):
    out = []
    for s in tree.css('script[type="application/ld+json"]'):
        txt = s.text() or ""
        try:
            data = json.loads(txt, strict=False)
        except Exception:
            continue
        stack = [data]
        while stack:
            o = stack.pop()
            if isinstance(o, list):
                stack.extend(o)
            elif isinstance(o, dict):
                out.append(o)
                if "@graph" in o:
                    stack.append(o["@graph"])
                if isinstance(o.get("mainEntity"), (dict, list)):
                    stack.append(o["mainEntity"])
    return out


def is_article_type(o):
    t = o.get("@type")
    ts = t if isinstance(t, list) else [t]
    return any(isinstance(x, str) and ("Article" in x or x in ("Report", "BlogPosting", "LiveBlogPosting"))
               for x in ts)


MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}


def valid(y, m, d):
    return 1995 <= y <= 2026 and 1 <= m <= 12 and 1 <= d <= 31


def parse_date(s):
    s = s.strip()
    m = re.match(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", s)
    if m:
        y, mo, d = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if valid(y, mo, d) else None
    m = re.match(r"((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)", s)
    if m:
        y, mo, d = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if valid(y, mo, d) else None
    m = re.search(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+((?:19|20)\d\d)", s)
    if m and m.group(2).lower() in MONTHS:
        y, mo, d = int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))
        return f"{y:04d}-{mo:02d}-{d:02d}" if valid(y, mo, d) else None
    m = re.search(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)", s)
    if m and m.group(1).lower() in MONTHS:
        y, mo, d = int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))
        return f"{y:04d}-{mo:02d}-{d:02d}" if valid(y, mo, d) else None
    return None


URL_DATE_RES = [
    re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$|\.|-|_)"),
    re.compile(r"/((?:19|20)\d\d)/([a-z]{3})/(\d{1,2})/"),
    re.compile(r"[/_-]((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|-|_|$)"),
]


def url_date(url):
    if not url:
        return None, None
    path = urlparse(url).path
    for rx in URL_DATE_RES:
        m = rx.search(path)
        if m:
            y, mo, d = m.groups()
            mo = MONTHS.get(mo, None) if mo.isalpha() else int(mo)
            if mo and valid(int(y), mo, int(d)):
                return f"{int(y):04d}-{mo:02d}-{int(d):02d}", m.group(0)
    return None, None


DATE_METAS = ["article:published_time", "og:article:published_time", "datePublished",
              "pubdate", "publishdate", "publish-date", "PublishDate", "article.published",
              "parsely-pub-date", "sailthru.date", "DC.date.issued", "dc.date", "dcterms.created",
              "date", "Date", "OriginalPublicationDate", "article_date_original",
              "cXenseParse:recs:publishtime", "DISPLAYDATE", "dat"]


def date_candidates(tree, url, jl):
    c = []
    for n in DATE_METAS:
        k, v = meta_content(tree, n)
        if v and parse_date(v):
            ev = "meta:article:published_time" if n in ("article:published_time", "og:article:published_time") \
                else ("meta:itemprop:datePublished" if n == "datePublished" else f"meta:{n}")
            c.append((ev, v, parse_date(v)))
    for o in jl:
        v = o.get("datePublished")
        if isinstance(v, str) and parse_date(v) and is_article_type(o):
            c.append(("jsonld:datePublished", v, parse_date(v)))
            break
    for t in tree.css("time[datetime]"):
        a = t.attributes
        if "pubdate" in a or a.get("itemprop") == "datePublished" or "publish" in (a.get("class") or "").lower():
            v = a.get("datetime") or ""
            if parse_date(v):
                c.append(("time-tag", v, parse_date(v)))
                break
    d, frag = url_date(url)
    if d:
        c.append(("url", frag, d))
    return c


PRIORITY = ["meta:article:published_time", "jsonld:datePublished", "meta:itemprop:datePublished",
            "url", "time-tag"]


def choose_date(cands):
    if not cands:
        return None, None, None, []
    def rank(c):
        return PRIORITY.index(c[0]) if c[0] in PRIORITY else len(PRIORITY)
    best = sorted(cands, key=rank)[0]
    from datetime import date
    def dd(a, b):
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    conflicts = sorted({c[2] for c in cands if dd(c[2], best[2]) > 1})
    return best[2], best[0], best[1], conflicts


def title_of(tree, jl, container):
    cands = {}
    _, og = meta_content(tree, "og:title")
    if og:
        cands["meta:og:title"] = og
    for o in jl:
        if is_article_type(o) and isinstance(o.get("headline"), str) and norm(o["headline"]):
            cands["jsonld:headline"] = norm(htmlmod.unescape(o["headline"]))
            break
    tt = tree.css_first("title")
    title_tag = norm(tt.text()) if tt is not None else ""
    h1 = None
    # an <h1> counts as evidence if it sits inside the article container or its text
    # is part of the page's <title>/og:title (a logo <h1> is neither)
    h1s = [norm(h.text()) for h in (container.css("h1") if container is not None else [])]
    h1s = [h for h in h1s if len(h) >= 10]
    if h1s:
        h1 = h1s[0]
    else:
        low = (title_tag + " || " + cands.get("meta:og:title", "")).lower()
        for h in tree.css("h1"):
            t = norm(h.text())
            if len(t) >= 10 and t.lower() in low:
                h1 = t
                break
    if h1:
        cands["h1"] = h1
    if h1 and any(v == h1 for k, v in cands.items() if k != "h1"):
        agree = [k for k, v in cands.items() if v == h1]
        return h1, "+".join(agree), cands
    if h1 and title_tag and h1.lower() in title_tag.lower():
        return h1, "h1+title-tag(contains)", cands
    for k in ("jsonld:headline", "meta:og:title", "h1"):
        if k in cands:
            return cands[k], k, cands
    return None, None, cands
    t = tree.css_first("title")
    if t and norm(t.text()):
        return norm(t.text()), "title-tag", cands
    return None, None, cands


def outlet_of(tree, jl):
    _, sn = meta_content(tree, "og:site_name")
    if sn:
        return sn, "meta:og:site_name"
    for o in jl:
        p = o.get("publisher")
        if isinstance(p, list) and p:
            p = p[0]
        if isinstance(p, dict) and isinstance(p.get("name"), str) and norm(p["name"]):
            return norm(p["name"]), "jsonld:publisher"
    return None, None


# ---------------------------------------------------------------- body / chrome

CONTAINER_SELECTORS = [
    '[itemprop="articleBody"]', "article",
    '[class*="article-body"]', '[class*="articleBody"]', '[class*="article__body"]',
    '[class*="story-body"]', '[class*="StoryBody"]', '[class*="story-content"]',
    '[class*="entry-content"]', '[class*="post-content"]', '[class*="article-content"]',
    '[class*="article-text"]', '[class*="body-text"]', '[class*="content__article-body"]',
    '[id*="article-body"]', '[id*="articleBody"]', '[id*="storytext"]', '[class*="storytext"]',
]
BAD_ANCESTOR_TAGS = {"nav", "footer", "aside", "figure", "figcaption", "form", "header", "blockquote"}
BAD_CLASS = re.compile(r"caption|byline|credit|related|promo|newsletter|subscribe|signup|share|social|"
                       r"advert|sponsor|author-bio|bio|disclaimer|copyright|comment|tags|footer|nav|menu",
                       re.I)


def container_of(tree):
    best, best_len, best_sel = None, 0, None
    for sel in CONTAINER_SELECTORS:
        for node in tree.css(sel):
            L = sum(len(norm(p.text())) for p in node.css("p"))
            if L > best_len:
                best, best_len, best_sel = node, L, sel
    if best_len < 300:
        return None, None
    return best, best_sel


def bad_p(p, stop):
    n = p
    sid = stop.mem_id
    while n is not None and n.mem_id != sid:
        if n.tag in BAD_ANCESTOR_TAGS:
            return True
        cls = (n.attributes.get("class") or "") + " " + (n.attributes.get("id") or "")
        if BAD_CLASS.search(cls):
            return True
        n = n.parent
    return False


SENT = re.compile(r"(?<=[.!?。！？])[\"”’)]?\s+(?=[\"“‘(A-ZА-ЯЁ0-9])")


PROMO = re.compile(r"(read more|related|see also|sign up|click here|subscribe|follow us|advertisement|"
                   r"more:|also read|watch:|photos:|video:|recommended)", re.I)


def snippets_from(ptext):
    """Sentence-level snippets (40-200 chars) of a paragraph, or a word-boundary prefix."""
    out = []
    sents = [s.strip() for s in SENT.split(ptext) if s.strip()]
    for s in sents:
        if 40 <= len(s) <= 200:
            out.append(s)
    if not out:
        if 40 <= len(ptext) <= 200:
            out.append(ptext)
        elif len(ptext) > 200:
            cut = ptext[:200].rsplit(" ", 1)[0]
            if len(cut) >= 40:
                out.append(cut)
    return out


def body_passages(tree, container, reference, page_norm, dump):
    ref_n = norm(reference) if reference else None
    scope = container if container is not None else (tree.body if ref_n else None)
    if scope is None:
        return [], None
    evidence = []
    if container is not None:
        evidence.append("container")
    if ref_n:
        evidence.append("reference")
    paras = []
    for p in scope.css("p"):
        if bad_p(p, scope):
            continue
        t = norm(p.text())
        if len(t) < 40 or PROMO.match(t):
            continue
        link_len = sum(len(norm(a.text())) for a in p.css("a"))
        if link_len > 0.5 * len(t):
            continue
        if ref_n and t[:60] not in ref_n:
            continue
        picks = [s for s in snippets_from(t)
                 if s in page_norm and s in dump and (not ref_n or s in ref_n)]
        if picks:
            paras.append(picks)
    if len(paras) < 3:
        return [], None
    # spread over the article: first, evenly spaced middle ones, last
    k = min(5, len(paras))
    idx = sorted({round(i * (len(paras) - 1) / (k - 1)) for i in range(k)})
    out = []
    for i in idx:
        for s in paras[i]:
            if s not in out and not any(s in o or o in s for o in out):
                out.append(s)
                break
    return out[:5], "+".join(evidence)


CHROME_CLASS = re.compile(r"(^|[\s_-])(nav|navbar|navigation|menu|footer|site-header|masthead|cookie|consent|"
                          r"gdpr|related|newsletter|subscribe|social|breadcrumbs?|most-?popular|"
                          r"trending|more-stories|site-footer|global-nav|sidebar)([\s_-]|$)", re.I)


def region_nodes(tree, container):
    regs = []
    for tag in ("footer", "nav", "header", "aside"):
        for n in tree.css(tag):
            regs.append((tag, n))
    for role in ("navigation", "banner", "contentinfo"):
        for n in tree.css(f'[role="{role}"]'):
            regs.append((role, n))
    for n in tree.css("[class], [id]"):
        if n.tag in ("html", "body", "script", "style"):
            continue
        s = (n.attributes.get("class") or "") + " " + (n.attributes.get("id") or "")
        m = CHROME_CLASS.search(s)
        if m:
            regs.append((m.group(2).lower(), n))
    out = []
    for kind, n in regs:
        # skip regions inside the article container or wrapping it
        if container is not None:
            cid = container.mem_id
            inside = False
            p = n
            while p is not None:
                if p.mem_id == cid:
                    inside = True
                    break
                p = p.parent
            if inside:
                continue
            # n wraps the container: too coarse a region
            if any(c.mem_id == cid for c in n.css(container.tag)):
                continue
        out.append((kind, n))
    return out


def chrome_snippets(tree, container, body_text_n, title, dump, page_norm):
    dump_lines = set(dump.splitlines())
    picked, kinds = [], []
    order = {"footer": 0, "contentinfo": 0, "site-footer": 0, "nav": 1, "navigation": 1, "menu": 1,
             "navbar": 1, "global-nav": 1, "cookie": 2, "consent": 2, "gdpr": 2, "related": 3,
             "most-popular": 3, "mostpopular": 3, "trending": 3, "more-stories": 3,
             "newsletter": 4, "subscribe": 4, "header": 5, "banner": 5, "masthead": 5,
             "breadcrumb": 6, "breadcrumbs": 6, "social": 7, "aside": 8, "sidebar": 8}
    regs = sorted(region_nodes(tree, container), key=lambda kn: order.get(kn[0], 9))
    seen_kind = {}
    for kind, n in regs:
        if len(picked) >= 5:
            break
        if seen_kind.get(kind, 0) >= 2:
            continue
        for el in n.css("a, li, p, h2, h3, h4, span, button"):
            t = norm(el.text())
            if not (8 <= len(t) <= 120) or not re.search(r"[^\W\d_]{3}", t):
                continue
            if t not in dump_lines:  # must be a whole line of the dump: a block of its own
                continue
            if t in body_text_n or (title and (t in title or title in t)):
                continue
            if any(t.lower() in p.lower() or p.lower() in t.lower() for p in picked):
                continue
            picked.append(t)
            kinds.append(kind)
            seen_kind[kind] = seen_kind.get(kind, 0) + 1
            break
    return picked, kinds


# ---------------------------------------------------------------- main

def process(c):
    raw = c["raw"]
    s = decode(raw)
    tree = LexborHTMLParser(s)
    page_norm = norm(htmlmod.unescape(s))
    jl = jsonld_objects(tree)
    url = c.get("url")
    url_ev = "source" if url else None
    if not url:
        _, ogu = meta_content(tree, "og:url")
        can = tree.css_first('link[rel="canonical"]')
        if ogu and ogu.startswith("http"):
            url, url_ev = ogu, "meta:og:url"
        elif can is not None and (can.attributes.get("href") or "").startswith("http"):
            url, url_ev = can.attributes["href"], "link:canonical"
    if not url or sources.excluded(url):
        return None, "no url / excluded"
    if urlparse(url).netloc.lower() in sources.NON_NEWS_HOSTS:
        return None, "non-news"
    dump = text_dump(tree)
    container, csel = container_of(tree)
    passages, bev = body_passages(tree, container, c.get("reference"), page_norm, dump)
    if len(passages) < 3:
        return None, "too few body passages"
    body_text_n = norm(container.text(separator=" ")) if container is not None else ""
    if c.get("reference"):
        body_text_n += " " + norm(c["reference"])
    title, tev, tcands = title_of(tree, jl, container)
    if not title:
        return None, "no title evidence"
    chrome, ckinds = chrome_snippets(tree, container, body_text_n, title, dump, page_norm)
    if len(chrome) < 2:
        return None, "too few chrome snippets"
    date, dev, draw, conflicts = choose_date(date_candidates(tree, url, jl))
    if conflicts:
        # evidence disagrees by more than a day (e.g. template-wide itemprop vs URL):
        # no single truth, so the date is left null and the candidates are recorded
        conflicts = sorted(set(conflicts) | {date})
        date, dev, draw = None, "conflict", None
    outlet, oev = outlet_of(tree, jl)
    site = site_of(url)
    return dict(
        site=site, url=url, url_evidence=url_ev, title=title, title_evidence=tev,
        title_reference=c.get("ref_title"),
        date=date, date_evidence=dev, date_raw=draw, date_conflicts=conflicts,
        body_passages=passages, body_evidence=bev, body_container=csel,
        reference_kind=c.get("reference_kind") if c.get("reference") else None,
        chrome=chrome, chrome_regions=ckinds, outlet=outlet, outlet_evidence=oev,
        source_repo=c["source_repo"], source_path=c["source_path"],
        source_commit=c["source_commit"], license=c["license"],
        redistributable=c["redistributable"], split=split_of(site),
        _raw=raw, _dump=dump,
    ), None


def main():
    seen_url, seen_hash, per_site = set(), set(), {}
    rows, drops = [], []
    for gen in sources.ALL:
        for c in gen():
            h = hashlib.sha1(c["raw"]).hexdigest()
            if h in seen_hash:
                drops.append((c["source_repo"], c["source_path"], "duplicate bytes"))
                continue
            try:
                r, why = process(c)
            except Exception as e:  # keep going; report
                r, why = None, f"error {type(e).__name__}: {e}"
            if r is None:
                drops.append((c["source_repo"], c["source_path"], why))
                continue
            ukey = re.sub(r"^https?://(www\.)?", "", r["url"]).split("?")[0].rstrip("/")
            if ukey in seen_url:
                drops.append((c["source_repo"], c["source_path"], "duplicate url"))
                continue
            if per_site.get(r["site"], 0) >= PER_SITE_CAP:
                drops.append((c["source_repo"], c["source_path"], "site cap"))
                continue
            seen_url.add(ukey)
            seen_hash.add(h)
            per_site[r["site"]] = per_site.get(r["site"], 0) + 1
            r["id"] = f"{r['site'].replace('.', '-')}-{h[:10]}"
            rows.append(r)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: (r["site"], r["id"])):
            hp = f"html/{r['site']}/{r['id']}.html"
            tp = f"text/{r['site']}/{r['id']}.txt"
            for p, data in ((hp, r.pop("_raw")), (tp, r.pop("_dump").encode("utf-8"))):
                os.makedirs(os.path.dirname(os.path.join(OUT, p)), exist_ok=True)
                with open(os.path.join(OUT, p), "wb") as g:
                    g.write(data)
            r["html_path"], r["text_path"] = hp, tp
            keys = ["id", "site", "html_path", "text_path", "url", "title", "title_evidence", "date",
                    "date_evidence", "body_passages", "chrome", "outlet", "source_repo", "source_path",
                    "source_commit", "license", "redistributable", "split"]
            obj = {k: r[k] for k in keys}
            obj.update({k: v for k, v in r.items() if k not in obj})
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "build_drops.tsv"), "w", encoding="utf-8") as f:
        for d in drops:
            f.write("\t".join(d) + "\n")
    print(f"kept {len(rows)} pages from {len(per_site)} sites; dropped {len(drops)}")


if __name__ == "__main__":
    main()
