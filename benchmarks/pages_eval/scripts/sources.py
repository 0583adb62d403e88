"""Enumerate candidate news pages from mirrored public repositories.

Each candidate is a dict with: source_repo, source_path, source_commit, license,
redistributable, raw (bytes), url (or None), reference (extractor/benchmark
reference text of the article body, or None), ref_title (or None).

Mirrors are bare git dirs created by the session's `fetch` tool under
/work/.mirror/<owner>+<name>/repo.  Override the root with $MIRROR_ROOT.
"""
import gzip
import json
import os
import re
import subprocess
from urllib.parse import urlparse

MIRROR_ROOT = os.environ.get("MIRROR_ROOT", "/work/.mirror")

# Pinned commits (the snapshots used to build the released set).
REPOS = {
    "scrapinghub/article-extraction-benchmark": ("4a3bc979f76c0df73cb95fe272e2fc1b96f9f010", "MIT", "LICENSE"),
    "mozilla/readability": ("ab4027a8b37669745016869a37a504727992b2ba", "Apache-2.0", "LICENSE.md"),
    "codelucas/newspaper": ("1618b547f31c2d1fd19ae3b6afd8f7542dd02074", "MIT", "LICENSE"),
    "goose3/goose3": ("c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7", "Apache-2.0", "LICENSE.txt"),
    "postlight/parser": ("e8ba7ece", "MIT OR Apache-2.0", "LICENSE-MIT"),
}

# Outlets the toolkit already has tables for: never include.
EXCLUDED_HOST_PARTS = [
    "tass.", "belta.by", "xinhua", "chinadaily", "kremlin.ru", "rt.com", "sputnik",
    "president.gov.by", "belarus.by", "cgtn", "globaltimes", "sb.by", "ria.ru",
    "mid.ru", "riafan", "ukragroconsult",
]

# Pages in the scrapinghub benchmark that are not news articles (shops,
# corporate blogs, personal blogs, product/landing pages).  Judged from the
# domain and URL only.
NON_NEWS_HOSTS = {
    "theantijunecleaver.com", "comoeducarseusfilhos.com.br", "vortexcannon.org",
    "blog.comwrap.com", "my6sense.com", "www.ascom.com", "www.beachbodyondemand.com",
    "blog.givewell.org", "www.bigbrandsystem.com", "jeongdongtheater.com",
    "www.mensagensreflexao.com.br", "www.lhpat-tm.com", "note100yen.com",
    "vse-diety.com", "gto-normativy.ru", "www.expapp.com", "www.catchitkansas.com",
    "www.remember8090.it", "kabarislamia.com", "www.theparadigmng.com",
    "www.linknaija.com", "www.healthline.com", "digg.com", "www.msn.com",
    "www.inexhibit.com", "www.morebikes.co.uk",
}

READABILITY_NEWS = [
    "aktualne", "bbc-1", "breitbart", "buzzfeed-1", "citylab-1", "cnn", "folha",
    "gmw", "guardian-1", "heise", "herald-sun-1", "la-nacion", "lemonde-1",
    "liberation-1", "nytimes-1", "nytimes-2", "nytimes-3", "nytimes-4", "nytimes-5",
    "salon-1", "seattletimes-1", "telegraph", "theverge", "tmz-1", "wapo-1",
    "wapo-2", "yahoo-1", "yahoo-2", "yahoo-3", "yahoo-4", "ars-1", "engadget",
    "cnet", "quanta-1", "qq", "msn", "medicalnewstoday",
]

NEWSPAPER_NEWS_DOMAINS = {
    "al.com", "bloomberg.com", "bostonherald.com", "businessinsider.com",
    "businessweek.com", "cleveland.com", "dailycaller.com", "dailystar.co.uk",
    "dallasnews.com", "foxbusiness.com", "foxnews.com", "globalnews.ca",
    "gulflive.com", "huffingtonpost.com", "livescience.com", "mlive.com",
    "nj.com", "nola.com", "nydailynews.com", "nypost.com", "oregonlive.com",
    "pe.com", "reuters.com", "slate.com", "space.com", "syracuse.com",
    "talkingpointsmemo.com", "technologyreview.com", "telegraph.co.uk",
    "theatlantic.com", "thedailybeast.com", "theglobeandmail.com", "tnr.com",
    "usnews.com", "wired.com", "newyorker.com", "cricket.com.au", "247wallst.com",
    "masslive.com", "pennlive.com", "silive.com", "lehighvalleylive.com",
    "annarbor.com", "mercurynews.com", "ocregister.com", "dailynews.com",
}

GOOSE_NEWS = [
    "aolNews", "bbc_chinese", "businessWeek1", "businessWeek2", "businessWeek3",
    "businessWeek4", "businessinsider3", "cbslocal", "cnbc1", "cnn1", "cnn_arabic",
    "donga_korean", "elmondo1", "elpais", "espn", "foxNews", "guardian1",
    "huffingtonPost2", "lefigaro", "liberation", "marketplace", "msn1", "politico",
    "techcrunch1", "time", "time2", "usatoday_issue_74", "wiwo", "yahoo",
    "engadget", "gizmodo1", "gizmodo2", "gizmodo3", "testHuffingtonPost", "cnet",
]


def gitdir(repo):
    return os.path.join(MIRROR_ROOT, repo.replace("/", "+"), "repo")


def git_show(repo, commit, path):
    return subprocess.run(["git", "--git-dir", gitdir(repo), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def git_ls(repo, commit, path):
    out = subprocess.run(["git", "--git-dir", gitdir(repo), "ls-tree", "--name-only", commit, path + "/"],
                         check=True, capture_output=True).stdout.decode()
    return [l for l in out.splitlines() if l]


def full_commit(repo, commit):
    return subprocess.run(["git", "--git-dir", gitdir(repo), "rev-parse", commit],
                          check=True, capture_output=True).stdout.decode().strip()


def excluded(url):
    if not url:
        return False
    host = urlparse(url).netloc.lower()
    return any(p in host for p in EXCLUDED_HOST_PARTS)


def html_to_text_simple(b):
    """Text of an extractor's expected-output HTML (used only as a reference)."""
    from selectolax.lexbor import LexborHTMLParser
    t = LexborHTMLParser(b.decode("utf-8", "replace"))
    parts = [n.text(separator=" ") for n in t.css("p, li, h1, h2, h3, h4, blockquote, div")]
    return "\n".join(parts)


def meta(repo):
    commit, lic, licfile = REPOS[repo]
    return {"source_repo": repo, "source_commit": full_commit(repo, commit),
            "license": lic, "license_file": licfile, "redistributable": lic is not None}


def scrapinghub():
    repo = "scrapinghub/article-extraction-benchmark"
    m = meta(repo)
    gt = json.loads(git_show(repo, m["source_commit"], "ground-truth.json"))
    for key, v in sorted(gt.items()):
        url = v["url"]
        if excluded(url) or urlparse(url).netloc.lower() in NON_NEWS_HOSTS:
            continue
        path = f"html/{key}.html.gz"
        raw = gzip.decompress(git_show(repo, m["source_commit"], path))
        yield dict(m, source_path=path, raw=raw, url=url, reference=v.get("articleBody"),
                   ref_title=None, reference_kind="ground-truth.json articleBody (human)")


def readability():
    repo = "mozilla/readability"
    m = meta(repo)
    for d in READABILITY_NEWS:
        base = f"test/test-pages/{d}"
        try:
            raw = git_show(repo, m["source_commit"], base + "/source.html")
            exp = git_show(repo, m["source_commit"], base + "/expected.html")
            md = json.loads(git_show(repo, m["source_commit"], base + "/expected-metadata.json"))
        except subprocess.CalledProcessError:
            continue
        yield dict(m, source_path=base + "/source.html", raw=raw, url=None,
                   reference=html_to_text_simple(exp), ref_title=md.get("title"),
                   reference_kind="readability expected.html")


def base_domain(url):
    # mirrors newspaper's tests.unit_tests.get_base_domain naming
    host = urlparse(url).netloc
    tld = ".".join(host.split(".")[-2:])
    if tld in ("co.uk", "com.au", "au.com"):
        return ".".join(host.split(".")[-3:])
    return ".".join(host.split(".")[-2:])


def newspaper():
    repo = "codelucas/newspaper"
    m = meta(repo)
    urls = git_show(repo, m["source_commit"], "tests/data/fulltext_url_list.txt").decode().split()
    counters = {}
    for url in urls:
        dom = base_domain(url)
        counters[dom] = counters.get(dom, 0) + 1
        name = f"{dom}{counters[dom]}"
        if dom not in NEWSPAPER_NEWS_DOMAINS or excluded(url):
            continue
        try:
            raw = git_show(repo, m["source_commit"], f"tests/data/html/{name}.html")
            ref = git_show(repo, m["source_commit"], f"tests/data/text/{name}.txt").decode("utf-8", "replace")
        except subprocess.CalledProcessError:
            continue
        yield dict(m, source_path=f"tests/data/html/{name}.html", raw=raw, url=url,
                   reference=ref, ref_title=None, reference_kind="newspaper tests/data/text")


def goose():
    repo = "goose3/goose3"
    m = meta(repo)
    for n in GOOSE_NEWS:
        try:
            raw = git_show(repo, m["source_commit"], f"tests/data/content/test_{n}.html")
            js = json.loads(git_show(repo, m["source_commit"], f"tests/data/content/test_{n}.json"))
        except subprocess.CalledProcessError:
            continue
        url = js.get("url")
        if excluded(url):
            continue
        exp = js.get("expected", {})
        yield dict(m, source_path=f"tests/data/content/test_{n}.html", raw=raw, url=url,
                   reference=exp.get("cleaned_text"), ref_title=exp.get("title"),
                   reference_kind="goose3 expected cleaned_text")


POSTLIGHT_SKIP = re.compile(r"reddit|twitter|youtube|github|pastebin|linkedin|clinicaltrials|jvndb|"
                            r"ipa\.go|jnsa|fortinet|elecom|sanwa|otrs|biorxiv|genius|bookwalker|"
                            r"obamawhitehouse|gruene|postlight|phpspot|moongift|takagi|sect\.iij|"
                            r"techlog|netsecurity|epaper|buzzfeed\.com--splash|bloomberg\.com--graphics|"
                            r"ma\.ttias|littlethings|thoughtcatalog|hellogiggles|americanow|ladbible|"
                            r"thepennyhoarder|popsugar|fandom|medium")


def postlight():
    """postlight/parser fixtures; the test file for each custom extractor holds the URL."""
    repo = "postlight/parser"
    m = meta(repo)
    names = [p for p in git_ls(repo, m["source_commit"], "fixtures") if p.endswith(".html")]
    tests = subprocess.run(["git", "--git-dir", gitdir(repo), "grep", "-n", "-h", "-B4",
                            "readFileSync('./fixtures/", m["source_commit"], "--", "src"],
                           capture_output=True).stdout.decode("utf-8", "replace")
    url_for = {}
    lines = tests.splitlines()
    for i, l in enumerate(lines):
        mm = re.search(r"readFileSync\('\./(fixtures/[^']+)'", l)
        if mm:
            ctx = " ".join(lines[max(0, i - 4):i + 1])
            mu = re.findall(r"'(https?://[^']+)'", ctx)
            if mu:
                url_for.setdefault(mm.group(1), mu[-1])
    for p in names:
        if POSTLIGHT_SKIP.search(p):
            continue
        url = url_for.get(p)
        if url is None or excluded(url):
            continue
        raw = git_show(repo, m["source_commit"], p)
        yield dict(m, source_path=p, raw=raw, url=url, reference=None, ref_title=None,
                   reference_kind=None)


ALL = [scrapinghub, readability, newspaper, goose, postlight]
