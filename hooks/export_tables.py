"""The aligned pairs as tables for corpus tools: `corpus/pairs.csv` and `corpus/pairs.tsv`.

One row per excerpt, after a header row: UTF-8 without a byte-order mark, written by Python's
`csv` module (RFC 4180 quoting for the CSV, the same quoting with tabs for the TSV; a field that
holds a paragraph break, a quote mark or the delimiter is quoted, so the rows read back exactly).
"""

from __future__ import annotations

import csv
import io
from typing import Any

#: the columns, in order; each is a key of an excerpt in corpus/excerpts.json, except these two
COLUMNS = ("id", "paper", "paragraph", "label", "page", "page_inferred", "original",
           "translation", "language_pair", "url")


def row(item: dict[str, Any]) -> dict[str, str]:
    """An excerpt of corpus/excerpts.json as a row of the table."""
    page = item["page"]
    return {
        "id": item["id"], "paper": item["paper"], "paragraph": str(item["number"]),
        "label": item["label"], "page": "" if page is None else str(page),
        "page_inferred": "yes" if item["page_inferred"] else "no",
        "original": item["original"], "translation": item["translation"],
        "language_pair": f"{item['lang']}-en", "url": item["urls"]["en"],
    }


def table(items: list[dict[str, Any]], dialect: type[csv.Dialect]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, dialect=dialect)
    writer.writeheader()
    writer.writerows(row(item) for item in items)
    return out.getvalue()


def table_files(items: list[dict[str, Any]]) -> dict[str, str]:
    """File name (in `corpus/`) to text: the CSV and the TSV of the same rows."""
    return {"pairs.csv": table(items, csv.excel), "pairs.tsv": table(items, csv.excel_tab)}
