"""A learned speaker tagger: who a sentence gives words to, where the rules read no frame.

The rules of :mod:`toolkit.quote_frames` and :mod:`toolkit.quote_reported` read the forms they
were written for; on documents they were not written from they miss about a third of the
speakers (benchmarks/README.md, "Quote attribution"). This tagger reads a sentence and marks the
speaker as written ("Mr. Heller", "a Senate aide", "the American Embassy in Islamabad"), whatever
the verb or the order: the bundled all-MiniLM-L6-v2 with low-rank adapters (LoRA) on its
attention and feed-forward layers, an embedding of each word's capitals (the model is uncased,
and a capital tells a name), and a B/I/O head, trained by ``scripts/train_speaker_tagger.py`` on
the development quote sets only (``toolkit/data/speaker_tagger.json`` names them; the held-out
sets never). The adapters are 1.3 MB (``speaker_tagger.safetensors``); the base model is the one
the toolkit already bundles, checked by its hash, so nothing is downloaded.

:func:`toolkit.quotes` asks it only about sentences it attributes nothing in that hold a
quotation mark or a reporting word (:func:`may_report`), and keeps a mention the tagger is at
least ``THRESHOLD`` sure of; the mention is resolved as any speaker is.

Example:
    >>> tagger = SpeakerTagger.load()  # doctest: +SKIP
    >>> tagger.mentions(["It was no coincidence, Mr. Heller said."])  # doctest: +SKIP
    [[(23, 33, 0.99...)]]
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

__all__ = ["ADAPTER", "CARD", "THRESHOLD", "SpeakerTagger", "cap_class", "may_report"]

ADAPTER = Path(__file__).parent / "data" / "speaker_tagger.safetensors"
CARD = Path(__file__).parent / "data" / "speaker_tagger.json"
# A mention kept when every one of its word pieces is at least this sure (chosen on the
# development sets' folds, see benchmarks/README.md)
THRESHOLD = 0.9
# Word pieces read of a sentence (longer sentences: their first pieces)
MAX_PIECES = 160
RANK = 16  # the adapters' rank
BATCH = 32
# A sentence may give someone's words: a quotation mark, or a word that reports (a broad list,
# wider than the rules' verbs: the tagger decides)
_REPORTS = re.compile(
    r"[\"“”«»„]|\b(?:sa(?:y|ys|id|ying)|told|tell|tells|add|adds|added|notes?|noted)\b"
    r"|\b(?:according|stat(?:e|es|ed|ing)\b"
    r"|claim|warn|argu|insist|stress|emphasi[sz]|believ|think|thought|declar|announc|report"
    r"|explain|suggest|accus|den(?:y|ies|ied)|confirm|admit|acknowledg|recall|asked|call(?:s|ed)"
    r"|describ|prais|condemn|criticiz|criticis|urg|vow|pledg|promis|predict|estimat|conclud"
    r"|wr(?:ote|ite|ites|iting)|quot|put it|in a statement|remark|comment|respond|repl|answer"
    r"|coin|dub|demand|express|spoke|speak|point(?:s|ed)? out|reveal|indicat|show(?:s|ed)"
    r"|found|finds|concede|agree|contend|maintain|reckon|fear|worr|hope|doubt|complain|reject"
    r"|allege|assert|affirm|observ|mention|recount|tweet|post|read(?:s)?:)",
    re.I,
)


def may_report(sentence: str) -> bool:
    """Whether a sentence may give someone's words: it holds a quotation mark or a reporting
    word (a screen, so that the tagger reads a corpus's sentences in minutes, not hours)."""
    return _REPORTS.search(sentence) is not None


def cap_class(piece: str) -> int:
    """A word piece's capitals, as the tagger's embedding reads them: 0 none (or not a letter),
    1 capitalised, 2 all capitals."""
    if not piece or not piece[0].isalpha() or not piece[0].isupper():
        return 0
    return 2 if len(piece) > 1 and piece.isupper() else 1


class SpeakerTagger:
    """The tagger: the bundled encoder with the adapters loaded, on CPU, for inference."""

    def __init__(self, model, tokenizer) -> None:
        self.model, self.tokenizer = model, tokenizer

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> SpeakerTagger:
        """The tagger with the committed adapters (loaded once per process)."""
        from safetensors.torch import load_file

        model, tokenizer = build_model()
        state = load_file(str(ADAPTER))
        model.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
        missing = set(trainable_names(model)) - set(state)
        if missing:
            raise ValueError(f"{ADAPTER}: no weights for {sorted(missing)[:3]} ...; train again")
        merge_adapters(model)
        model.eval()  # (no gradients: mentions() runs under torch.inference_mode)
        return cls(model, tokenizer)

    def mentions(
        self, sentences: list[str], *, progress: bool = False
    ) -> list[list[tuple[int, int, float]]]:
        """For each sentence, the speakers it marks: ``(start, end, sureness)``, character
        offsets into the sentence, a mention widened to whole words; sureness the least of its
        pieces' probabilities. ``progress``: a text bar over the sentences."""
        import torch
        from tqdm import tqdm

        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        found: list[list[tuple[int, int, float]]] = [[] for _ in sentences]
        bar = tqdm(total=len(sentences), desc="speaker tagger", unit="sentence",
                   disable=not progress, leave=False)  # fmt: skip
        with torch.inference_mode(), bar:
            for at in range(0, len(order), BATCH):
                part = [sentences[i] for i in order[at : at + BATCH]]
                encoded = [encode(self.tokenizer, s) for s in part]
                ids, caps, mask, _ = batch_tensors(encoded)
                probs = torch.softmax(self.model(ids, caps, mask), -1).numpy()
                for k, (text, (_, _, _, offsets)) in enumerate(zip(part, encoded, strict=True)):
                    found[order[at + k]] = _spans(text, offsets, probs[k])
                bar.update(len(part))
        return found


def _spans(text: str, offsets, probs) -> list[tuple[int, int, float]]:
    """B/I/O decisions to mentions, strictly: a B opens one, an I goes on the one open (an I
    with none open is a fragment, no mention)."""
    spans, current = [], None
    for t, (x, y) in enumerate(offsets):
        if x == y:
            continue
        label = int(probs[t].argmax())
        if label == 1:
            if current:
                spans.append(current)
            current = [x, y, float(probs[t, label])]
        elif label == 2 and current is not None:
            current[1], current[2] = y, min(current[2], float(probs[t, 2]))
        elif current:
            spans.append(current)
            current = None
    if current:
        spans.append(current)
    out = []
    for x, y, p in spans:  # whole words
        while x > 0 and (text[x - 1].isalnum() or text[x - 1] in "-'’"):
            x -= 1
        while y < len(text) and text[y].isalnum():
            y += 1
        out.append((x, y, round(p, 6)))
    return out


# ---------------------------------------------------------------- the model (shared with training


def build_model():
    """The encoder with fresh adapters, the capitals embedding and the head (seeded by the
    caller), and its tokenizer; read from the bundled model's folder, offline."""
    import torch
    from transformers import AutoTokenizer, BertModel

    from toolkit.embed import model_info, offline

    path = model_info(None).path
    with offline():
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # the pooler's unused weights: not the user's concern
        hf_logging.disable_progress_bar()
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        bert = BertModel.from_pretrained(path, add_pooling_layer=False, local_files_only=True)
        hf_logging.enable_progress_bar()

    class LoRA(torch.nn.Module):
        def __init__(self, base: torch.nn.Linear) -> None:
            super().__init__()
            self.base = base
            self.a = torch.nn.Parameter(torch.randn(RANK, base.in_features) * 0.01)
            self.b = torch.nn.Parameter(torch.zeros(base.out_features, RANK))

        def forward(self, x):
            return self.base(x) + (x @ self.a.T) @ self.b.T

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert
            for p in bert.parameters():
                p.requires_grad_(False)
            for layer in bert.encoder.layer:
                att = layer.attention
                att.self.query, att.self.key = LoRA(att.self.query), LoRA(att.self.key)
                att.self.value, att.output.dense = LoRA(att.self.value), LoRA(att.output.dense)
                layer.intermediate.dense = LoRA(layer.intermediate.dense)
                layer.output.dense = LoRA(layer.output.dense)
            width = bert.config.hidden_size
            self.cap = torch.nn.Embedding(3, width)
            torch.nn.init.normal_(self.cap.weight, std=0.02)
            self.head = torch.nn.Linear(width, 3)

        def forward(self, ids, caps, mask):
            emb = self.bert.embeddings.word_embeddings(ids) + self.cap(caps)
            return self.head(self.bert(inputs_embeds=emb, attention_mask=mask).last_hidden_state)

    return Tagger(), tokenizer


def merge_adapters(model) -> None:
    """Each adapter added into the weights it adapts (W + B A), in place: the same function
    with two matrix products fewer per layer, for inference."""
    import torch

    for layer in model.bert.encoder.layer:
        att = layer.attention
        for owner, name in ((att.self, "query"), (att.self, "key"), (att.self, "value"),
                            (att.output, "dense"), (layer.intermediate, "dense"),
                            (layer.output, "dense")):  # fmt: skip
            lora = getattr(owner, name)
            with torch.no_grad():
                lora.base.weight += lora.b @ lora.a
            setattr(owner, name, lora.base)


def trainable_names(model) -> list[str]:
    """The names of the weights training changes (the adapters, capitals and head): what the
    adapters' file holds."""
    return [n for n, p in model.named_parameters() if p.requires_grad]


def encode(tokenizer, sentence: str, spans=()) -> tuple[list, list, list, list]:
    """A sentence's word pieces, their capitals, their B/I/O labels for the speaker ``spans``
    (character offsets; -100 for the special pieces) and their offsets."""
    enc = tokenizer(sentence, return_offsets_mapping=True, truncation=True, max_length=MAX_PIECES)
    offsets = enc["offset_mapping"]
    caps, labels = [], []
    for x, y in offsets:
        if x == y:
            caps.append(0)
            labels.append(-100)
            continue
        caps.append(cap_class(sentence[x:y]))
        label = 0
        for a, b in spans:
            if a <= x and y <= b:
                label = 1 if x == a or not sentence[a:x].strip() else 2
        labels.append(label)
    return enc["input_ids"], caps, labels, offsets


def batch_tensors(rows):
    """Encoded sentences padded to one batch: ids, capitals, mask and labels."""
    import torch

    n = max(len(r[0]) for r in rows)
    ids = torch.zeros(len(rows), n, dtype=torch.long)
    caps, mask = torch.zeros_like(ids), torch.zeros_like(ids)
    labels = torch.full((len(rows), n), -100, dtype=torch.long)
    for i, (row_ids, row_caps, row_labels, _) in enumerate(rows):
        k = len(row_ids)
        ids[i, :k], caps[i, :k], mask[i, :k] = (torch.tensor(row_ids), torch.tensor(row_caps), 1)
        labels[i, :k] = torch.tensor(row_labels)
    return ids, caps, mask, labels


def card() -> dict:
    """What the adapters were trained on and how (``speaker_tagger.json``)."""
    return json.loads(CARD.read_text(encoding="utf-8"))
