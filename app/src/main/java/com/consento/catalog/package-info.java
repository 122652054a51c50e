/**
 * The catalog: purposes (what data is used for, on which legal basis, through which channels, for how long)
 * and notices (the exact, versioned text a person was shown). Notices are immutable once published; a
 * material notice outdates earlier grants for the purposes it covers. {@link com.consento.catalog.Catalog}
 * is the in-memory snapshot other capabilities read; the rules live in the validators, free of frameworks.
 * {@code /public/collection-list} and {@code /public/sharing-list} publish what effective notices say is collected
 * and who receives it (NDSR-21), without a key and without personal data.
 */
package com.consento.catalog;
