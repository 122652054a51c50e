package com.consento.recommendations;

/**
 * One item of an answer, as the API shows it.
 *
 * @param why         in the shopper's language: "因为您购买了 …", "热销商品", …
 * @param kind        {@link Source#code()}
 * @param because     the sku of the history (or context) item behind it, when there is one
 * @param description the item's name or category in words, when known
 */
record RecommendedItem(String sku, double score, String why, String kind, String because, String description) {
}
