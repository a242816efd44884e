"""The pipeline streams: documents are pulled as they are extracted, never all at once."""

from itertools import islice

from quantities.ingest import documents
from quantities.run.config import Config
from quantities.run.pipeline import PARALLEL_MIN_DOCS, Toolkit, extract_all


def test_extract_all_pulls_documents_as_it_goes():
    pulled = []

    def endless():
        n = 0
        while True:
            pulled.append(n)
            yield documents.from_text(f"Sono arrivati {n + 1} soldati.", id=f"d{n}")
            n += 1

    first = list(islice(extract_all(endless(), Toolkit(Config()), jobs=1), 3))
    assert [c.quantity.value for _, claims in first for c in claims] == [1, 2, 3]
    assert len(pulled) <= PARALLEL_MIN_DOCS + 3  # a look-ahead to choose processes, no more


def test_processes_give_the_same_claims_in_order():
    texts = [f"Secondo la Kcna sono arrivati {n} soldati a Kursk." for n in range(1, 2 * PARALLEL_MIN_DOCS)]
    docs = [documents.from_text(t, id=f"d{i}") for i, t in enumerate(texts)]
    one = [(d.id, [c.text for c in cl]) for d, cl in extract_all(docs, Toolkit(Config()), jobs=1)]
    two = [(d.id, [c.text for c in cl]) for d, cl in extract_all(docs, Toolkit(Config()), jobs=2)]
    assert one == two and len(one) == len(docs)
