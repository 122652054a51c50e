#!/usr/bin/env python3
"""Builds the demo extract of the UCI "Online Retail" data set that ships inside the jar.

    python3 scripts/make-demo-extract.py [SOURCE.csv.gz] [TARGET.csv.gz]

Defaults: ../shared/data/online-retail/online-retail.csv.gz (relative to the project root) and
app/src/main/resources/demo/online-retail-extract.csv.gz.

Selection (deterministic, no randomness): the distinct CustomerIDs of the source, in ascending numeric
order, are numbered 0, 1, 2, ...; every STEP-th customer starting at OFFSET is kept (OFFSET = 1 keeps
customer 12347, the one the README's examples use). Every line of a kept customer is copied verbatim,
cancellations and negative quantities included, in source order, under the source's header. Lines without
a CustomerID (guest checkouts) are dropped. The gzip header carries no file name and mtime 0, so the same
source always gives byte-identical output.
"""
import csv
import gzip
import io
import os
import sys

STEP = 3
OFFSET = 1
HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = os.path.join(ROOT, "..", "shared", "data", "online-retail", "online-retail.csv.gz")
DEFAULT_TARGET = os.path.join(ROOT, "app", "src", "main", "resources", "demo", "online-retail-extract.csv.gz")
MAX_BYTES = 2 * 1024 * 1024


def customer_of(line):
    row = next(csv.reader([line]))
    raw = row[6].strip()
    return int(float(raw)) if raw else None


def main(argv):
    source = argv[1] if len(argv) > 1 else DEFAULT_SOURCE
    target = argv[2] if len(argv) > 2 else DEFAULT_TARGET
    with gzip.open(source, "rt", encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    if lines[0].lstrip("\ufeff") != HEADER:
        sys.exit("unexpected header: " + lines[0])
    body = [(customer_of(line), line) for line in lines[1:] if line]
    customers = sorted({c for c, _ in body if c is not None})
    kept = set(customers[OFFSET::STEP])
    out = [HEADER] + [line for c, line in body if c in kept]
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(("\n".join(out) + "\n").encode("utf-8"))
    data = raw.getvalue()
    if len(data) > MAX_BYTES:
        sys.exit(f"extract is {len(data)} bytes, more than {MAX_BYTES}; raise STEP")
    with open(target, "wb") as f:
        f.write(data)
    print(f"{len(kept)} of {len(customers)} customers, {len(out) - 1} of {len(body)} lines, "
          f"{len(data)} bytes -> {os.path.relpath(target)}")


if __name__ == "__main__":
    main(sys.argv)
