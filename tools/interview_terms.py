"""The key terms of lesson 12's interview checks, and the salted hashes Lesson12.java stores for them.

The jar keeps only hashes (so `javap` and reflection show no keyword); this file is where an
author reads and changes the terms, then pastes the printed Java lines into Lesson12.java:

    python tools/interview_terms.py

Words are stemmed with the same rule as Lesson12.stem (drop one of the endings below when at
least three letters stay) and joined by one space; a term is one to three words.
"""
import hashlib
import re

SALT = "rnn-course/12/interview/"
ENDINGS = ("ations", "ation", "ing", "ies", "ied", "ed", "es", "s", "ly")

IDEAS = {
    "HOW_MEMORY": ["state", "states", "memory", "remembers", "remember"],
    "HOW_PREVIOUS": ["previous", "t 1", "last state", "step before", "earlier state", "prior", "preceding"],
    "HOW_SHARED": ["same weights", "shared", "sharing", "share", "shares", "reuse", "reused", "reuses", "same w",
                   "same parameters", "same matrices"],
    "VANISH_PRODUCT": ["multiply", "multiplied", "multiplies", "multiplying", "multiplication", "product", "products",
                       "chain rule", "repeated", "repeatedly", "power", "powers"],
    "VANISH_SHRINK": ["shrink", "shrinks", "shrinking", "small", "smaller", "zero", "towards 0", "toward 0", "to 0",
                      "fade", "fades", "decay", "decays"],
    "VANISH_GROW": ["grow", "grows", "growing", "large", "larger", "blow", "blows", "blow up", "huge", "nan",
                    "overflow", "overflows", "infinite", "infinity"],
    "VANISH_REMEDY": ["clip", "clipping", "clipped", "lstm", "lstms", "gru", "grus", "initialization",
                      "initialisation", "initialize", "initialise"],
    "WHEN_LONG": ["long", "longer", "far back", "distant"],
    "WHEN_GATES": ["gate", "gates", "gated", "gating"],
    "WHEN_TRADEOFF": ["fewer", "faster", "simpler", "less", "cheaper", "smaller"],
    "BPTT_UNROLLED": ["unroll", "unrolled", "unrolling", "through time", "over time", "time step", "time steps",
                      "each step"],
    "BPTT_SUMMED": ["sum", "summed", "sums", "summing", "add", "added", "adds", "adding", "accumulate",
                    "accumulated", "accumulates", "total"],
    "BPTT_BACK": ["hidden state", "previous step", "t 1", "back in time", "backwards in time", "backward in time"],
}


def stem(word):
    for e in ENDINGS:
        if word.endswith(e) and len(word) - len(e) >= 3:
            return word[: -len(e)]
    return word


def term(text):
    return " ".join(stem(w) for w in re.findall(r"[\w]+", text.lower()))


def digest(t):
    return hashlib.sha256((SALT + t).encode()).hexdigest()


if __name__ == "__main__":
    for name, words in IDEAS.items():
        hashes = sorted({digest(term(w))[:16] for w in words})
        print(f'    private static final Set<String> {name} = Set.of(\n            "' + '", "'.join(hashes) + '");')
