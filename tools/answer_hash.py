"""Prints the salted SHA-256 that org.rnncourse.exercise.HashedAnswer compares a learner's answer with.

    python tools/answer_hash.py SALT ANSWER [--decimals N]

ANSWER is a letter, a whole number, whole numbers separated by commas (a shape such as 32,20,16),
a real number (give --decimals, the precision the question states) or real numbers separated by
commas. The canonical text is the one HashedAnswer builds:
letters in lower case, reals rounded half up to N decimals, "-0" written as "0".
"""
import argparse
import hashlib
from decimal import ROUND_HALF_UP, Decimal


def canonical(answer, decimals):
    if decimals is None:
        if answer.isalpha():
            return answer.lower()
        return ",".join(str(int(part)) for part in answer.split(","))
    out = []
    for part in answer.split(","):
        r = Decimal(repr(float(part))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        out.append(format(abs(r) if r == 0 else r, "f"))
    return ",".join(out)


def digest(salt, answer, decimals=None):
    return hashlib.sha256((salt + canonical(answer, decimals)).encode()).hexdigest()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("salt")
    p.add_argument("answer")
    p.add_argument("--decimals", type=int)
    a = p.parse_args()
    print(digest(a.salt, a.answer, a.decimals))
