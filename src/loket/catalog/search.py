"""Finding products the way people type: by synonyms, in either language, with typos.

The published catalogue is small (hundreds of products), so the search scores every product
in memory instead of relying on one database's full-text features; it behaves the same on
SQLite and PostgreSQL.
"""

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from loket.catalog.models import Product

# Words that say nothing about which product is meant.
STOP_WORDS = {
    "de",
    "het",
    "een",
    "en",
    "of",
    "van",
    "voor",
    "mijn",
    "ik",
    "wil",
    "hoe",
    "wat",
    "aan",
    "the",
    "a",
    "an",
    "and",
    "or",
    "for",
    "my",
    "i",
    "to",
    "how",
    "what",
}
# Where a word is found weighs in: a hit in the name counts most.
FIELD_WEIGHTS = {"name": 1.0, "synonyms": 0.95, "upl_name": 0.9, "summary": 0.6}
TYPO_THRESHOLD = 0.8


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", without_accents).strip()


def words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if w not in STOP_WORDS]


def word_score(query_word: str, word: str) -> float:
    if word == query_word:
        return 1.0
    if len(query_word) >= 3 and word.startswith(query_word):
        return 0.9
    # Compound words: "paspoortaanvraag" holds "paspoort".
    if len(query_word) >= 5 and query_word in word:
        return 0.85
    ratio = SequenceMatcher(None, query_word, word).ratio()
    return ratio * 0.9 if ratio >= TYPO_THRESHOLD else 0.0


@dataclass
class Hit:
    product: Product
    score: float


def product_fields(product: Product) -> dict[str, list[str]]:
    texts = {
        "name": [product.name_nl, product.name_en],
        "synonyms": [product.synonyms_nl, product.synonyms_en],
        "upl_name": [product.upl_name],
        "summary": [product.summary_nl, product.summary_en],
    }
    return {field: words(" ".join(t for t in values if t)) for field, values in texts.items()}


def score_product(query_words: list[str], fields: dict[str, list[str]]) -> float:
    """Every query word must be found somewhere; the score is the mean of their best hits."""
    total = 0.0
    for query_word in query_words:
        best = max(
            (
                word_score(query_word, word) * FIELD_WEIGHTS[field]
                for field, field_words in fields.items()
                for word in field_words
            ),
            default=0.0,
        )
        if best == 0.0:
            return 0.0
        total += best
    return total / len(query_words)


def search_products(query: str, limit: int = 20) -> list[Product]:
    query_words = words(query)
    if not query_words:
        return []
    hits = []
    for product in Product.objects.published():
        score = score_product(query_words, product_fields(product))
        if score > 0:
            hits.append(Hit(product, score))
    hits.sort(key=lambda hit: (-hit.score, hit.product.name))
    return [hit.product for hit in hits[:limit]]
