/**
 * Step 1 of the pipeline: text normalization and token boundaries.
 *
 * <p>{@link com.storyclusters.text.TextNormalizer} turns page text into a canonical form (Unicode
 * NFKC, {@code Locale.ROOT} case folding, unified quotes and dashes, decoded HTML entities,
 * script-specific letter variants, collapsed whitespace). {@link com.storyclusters.text.Tokenizer}
 * walks normalized text and reports each token as a 64-bit hash to a {@link
 * com.storyclusters.text.TokenSink}, without allocating per token. Words are tokens for scripts
 * written with spaces; single characters are tokens for scripts written without (Han, Kana, Thai,
 * Lao, Khmer, Myanmar), so that shingles over them are character n-grams.
 */
package com.storyclusters.text;
